"""Time at the counter: stored in UTC, shown in the centre's time zone.

Mainland Ecuador by default; a station whose centre is in Galápagos shows and prints
Galápagos time (desktop.store.centre_locale installs the centre's zone at start and after
each pull). The IANA name of that zone is Pacific/Galapagos; "America/Galapagos", as people
sometimes write it, is read as the same zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

MAINLAND = "America/Guayaquil"
GALAPAGOS = "Pacific/Galapagos"
#: The zones a centre may have (desktop.central.holidays checks them with a Spanish message).
CENTRE_ZONES = (MAINLAND, GALAPAGOS)
ZONE_ALIASES = {"America/Galapagos": GALAPAGOS}
_zone = [ZoneInfo(MAINLAND)]


def use_time_zone(name: str) -> None:
    """Show and print times in `name` from now on (one of CENTRE_ZONES)."""
    name = ZONE_ALIASES.get(name, name)
    if name not in CENTRE_ZONES:
        raise ValueError(f"not a centre time zone: {name}")
    _zone[0] = ZoneInfo(name)


def time_zone() -> ZoneInfo:
    return _zone[0]


def zone_label() -> str:
    """How a printed time names its zone, as people in Ecuador say it."""
    from desktop.i18n import _

    return _("hora de Galápagos") if _zone[0].key == GALAPAGOS else _(
        "hora de Ecuador continental")


def now() -> datetime:
    return datetime.now(UTC)


def local(moment: datetime) -> datetime:
    return moment.astimezone(_zone[0])


def format_local(moment: datetime, *, seconds: bool = False) -> str:
    """`26/11/2026 12:08` in Ecuador's time, as people at the counter read dates."""
    return local(moment).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def format_date(moment: datetime) -> str:
    return local(moment).strftime("%d/%m/%Y")
