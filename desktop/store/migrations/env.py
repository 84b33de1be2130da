"""Alembic environment for the store schema; run from desktop.db.migrate with a connection."""

from desktop.db.alembic_env import run_migrations
from desktop.store.models import Base

run_migrations(Base.metadata)
