"""Central's clock, and how far a station's clock may be from it.

Stations connect to the central database directly, so "central's time" is the database
server's clock, read with SQL; the SQLite demo central lives on the station itself and shares
its clock. The tolerance is central's to set (`ventanilla central init --max-clock-skew`) and
is kept in `central_meta`; every station reads it before each round.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, insert, select, text, update

from desktop.central.models import CentralMeta
from desktop.clock import now

SKEW_KEY = "max_clock_skew_seconds"
DEFAULT_SKEW = timedelta(minutes=5)


def server_now(connection: Connection) -> datetime:
    """The database server's time (the station's own on the SQLite demo central)."""
    if connection.dialect.name != "postgresql":
        return now()
    moment = connection.scalar(text("SELECT statement_timestamp()"))
    return moment.astimezone(UTC)


def skew_allowed(connection: Connection) -> timedelta:
    value = connection.scalar(select(CentralMeta.value).where(CentralMeta.key == SKEW_KEY))
    try:
        return timedelta(seconds=int(value)) if value is not None else DEFAULT_SKEW
    except ValueError:
        return DEFAULT_SKEW


def set_skew_allowed(connection: Connection, seconds: int) -> None:
    """Central's administrators choose the tolerance (the owner writes central_meta)."""
    if connection.scalar(select(CentralMeta.key).where(CentralMeta.key == SKEW_KEY)) is None:
        connection.execute(insert(CentralMeta).values(key=SKEW_KEY, value=str(seconds)))
    else:
        connection.execute(update(CentralMeta).where(CentralMeta.key == SKEW_KEY)
                           .values(value=str(seconds)))
