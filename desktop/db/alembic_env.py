"""The body of both Alembic `env.py` files: migrate on the connection we hand over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

#: Tables the migrations create on purpose without a model (autogenerate leaves them):
#: the SQLite demo's change-marker counter; the cache's name search index (an FTS5 table
#: and the shadow tables SQLite keeps for it).
UNMODELLED = {"change_counter", "cases_fts"}


def is_unmodelled(table: str | None) -> bool:
    return table is not None and (table in UNMODELLED or table.startswith("cases_fts_"))


def _modelled(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
    return not (kind == "table" and is_unmodelled(name))


def run_migrations(target_metadata: MetaData) -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER via table copies
        include_object=_modelled,
    )
    with context.begin_transaction():
        context.run_migrations()
