"""A station's centre: its days off and its time zone, from the pulled reference data.

A station serves one centre, so the process-wide defaults of desktop.clock (the zone times
are shown and printed in) and desktop.domain.calendar (the working days cases age by) are
set to that centre's at start and after each pull.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.clock import CENTRE_ZONES, MAINLAND, ZONE_ALIASES, use_time_zone
from desktop.db.engines import SessionFactories
from desktop.domain.calendar import NATIONAL_CALENDAR, WorkingCalendar, use_calendar
from desktop.store.models import Centre, Holiday


def centre_calendar(session: Session, centre_code: str) -> WorkingCalendar:
    """National days off plus the centre's cantonal ones, as pulled from central."""
    return WorkingCalendar.of(session.scalars(select(Holiday.day).where(
        Holiday.active.is_(True),
        or_(Holiday.centre_code.is_(None), Holiday.centre_code == centre_code))))


def centre_zone(session: Session, centre_code: str) -> str:
    zone = session.scalar(select(Centre.time_zone).where(Centre.code == centre_code)) or ""
    zone = ZONE_ALIASES.get(zone, zone)
    return zone if zone in CENTRE_ZONES else MAINLAND


def apply_centre_locale(db: SessionFactories, centre_code: str) -> None:
    """Install the centre's calendar and zone; before the first pull brings holidays the
    built-in national table (desktop.domain.calendar) stays in use."""
    with db.read() as session:
        has_holidays = session.scalar(select(Holiday.id).limit(1)) is not None
        calendar = centre_calendar(session, centre_code) if has_holidays else None
        zone = centre_zone(session, centre_code)
    use_calendar(calendar or NATIONAL_CALENDAR)
    use_time_zone(zone)
