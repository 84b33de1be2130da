"""Alembic environment for the central schema; run from desktop.db.migrate with a connection."""

from desktop.central.models import Base
from desktop.db.alembic_env import run_migrations

run_migrations(Base.metadata)
