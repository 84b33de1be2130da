"""Alembic environment for the central schema; run from desktop.db.migrate with a connection."""

from alembic import context

from desktop.central.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
