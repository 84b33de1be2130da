"""Named counters at central (acuerdo numbers per unit and year), one row each, taken under
the row's lock so two back-office writers never get the same number."""

from __future__ import annotations

from sqlalchemy import Connection, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.central.models import Counter


def next_number(connection: Connection, name: str) -> int:
    """The next value of a named counter, locked until the transaction ends."""
    dialect_insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    connection.execute(dialect_insert(Counter).values(name=name, value=0)
                       .on_conflict_do_nothing(index_elements=["name"]))
    return int(connection.execute(update(Counter).where(Counter.name == name).values(
        value=Counter.value + 1).returning(Counter.value)).scalar_one())
