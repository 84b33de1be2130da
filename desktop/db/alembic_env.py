"""The body of both Alembic `env.py` files: migrate on the connection we hand over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData


def run_migrations(target_metadata: MetaData) -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER via table copies
    )
    with context.begin_transaction():
        context.run_migrations()
