"""The central change feed: markers, the horizon a pull may trust, and pages of changes.

Markers (`change_id`) are set by triggers (see the 0002 migration). A pull reads every
row with `change_id >= cursor` in pages ordered by `(change_id, key)`, and afterwards
moves its cursor to the *horizon* taken when it started: every marker below the horizon
belongs to a transaction that had finished by then, so nothing below it can still appear.

- PostgreSQL: marker = transaction id; horizon = xmin of the current snapshot. A
  transaction that took its id early and commits late has an id >= the horizon of any
  pull that ran while it was open, so the next pull still delivers its rows.
- SQLite: marker = a counter bumped inside the (single) writing transaction; horizon =
  counter + 1 as the reader sees it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, text, tuple_

HORIZON_SQL = {
    "postgresql": "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
    "sqlite": "SELECT value + 1 FROM change_counter",
}


def horizon(connection: Connection) -> int:
    """The lowest marker a transaction still running could give a row."""
    return int(connection.execute(text(HORIZON_SQL[connection.dialect.name])).scalar_one())


def reserve_marker(connection: Connection) -> int:
    """One marker for a bulk load, so SQLite's per-row trigger does not fire a million times.

    On PostgreSQL the trigger sets the real marker whatever the insert says; 0 is fine.
    """
    if connection.dialect.name != "sqlite":
        return 0
    connection.execute(text("UPDATE change_counter SET value = value + 1"))
    return int(connection.execute(text("SELECT value FROM change_counter")).scalar_one())


def page_query(
    query: Select[*tuple[Any, ...]],
    change_column: Any,
    key_column: Any,
    cursor: int,
    after: tuple[int, Any] | None,
    limit: int | None,
) -> Select[*tuple[Any, ...]]:
    """Rows changed at or after `cursor`, after the last row of the previous page (`limit`
    None: all of them, as one stream)."""
    query = query.where(change_column >= cursor)
    if after is not None:
        query = query.where(tuple_(change_column, key_column) > tuple_(*after))
    return query.order_by(change_column, key_column).limit(limit)

