"""Time at the counter: stored in UTC, shown in Ecuador's mainland time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("America/Guayaquil")


def now() -> datetime:
    return datetime.now(UTC)


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ)


def format_local(moment: datetime, *, seconds: bool = False) -> str:
    """`26/11/2026 12:08` in Ecuador's time, as people at the counter read dates."""
    return local(moment).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def format_date(moment: datetime) -> str:
    return local(moment).strftime("%d/%m/%Y")
