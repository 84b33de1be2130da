"""Whether a cache has received central's reference data: checked at every start, before
the sign-in button is enabled, so it reads the cursor table with plain SQL and imports
neither model module (desktop.sync.pull, which fills it, loads both)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, text

from desktop.db.engines import SessionFactories

#: What the counter cannot work without: who may sign in, and the registry.
REFERENCE_SCOPES = ("centres", "staff", "pensioners", "debts")


def has_pulled(cache_db: SessionFactories, scopes: Iterable[str] = REFERENCE_SCOPES) -> bool:
    """True once every given scope has completed a pull at least once."""
    names = list(scopes)
    query = text("SELECT count(*) FROM sync_state WHERE scope IN :scopes "
                 "AND last_success_at IS NOT NULL").bindparams(
        bindparam("scopes", expanding=True))
    with cache_db.engine.connect() as connection:
        completed: int | None = connection.scalar(query, {"scopes": names})
    return completed == len(names)
