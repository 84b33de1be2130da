"""The holiday table and centre time zones, as the back office manages them at central.

Rows are never deleted (stations pull changes by marker): a day added by mistake is
withdrawn (`active` false). Every input is checked first; a bad one is a Spanish message and
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, insert, or_, select, update

from desktop.central.models import Centre, Holiday
from desktop.clock import CENTRE_ZONES, ZONE_ALIASES
from desktop.domain.calendar import WorkingCalendar
from desktop.errors import ValidationError
from desktop.i18n import _


@dataclass(frozen=True)
class HolidayLine:
    id: int
    day: date
    name: str
    source: str
    centre_code: str | None
    assumed: bool


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _("La fecha «{text}» no es válida: use AAAA-MM-DD, p. ej. 2026-01-02.").format(
                text=text), "holiday: bad date", field="day") from None


def check_time_zone(name: str) -> str:
    """The IANA zone of a centre (America/Galapagos is read as Pacific/Galapagos)."""
    name = ZONE_ALIASES.get(name.strip(), name.strip())
    if name not in CENTRE_ZONES:
        raise ValidationError(
            _("La zona horaria «{name}» no corresponde a un centro; use una de: {zones}.")
            .format(name=name, zones=", ".join(CENTRE_ZONES)),
            "centre: unknown time zone", field="time_zone")
    return name


def list_holidays(connection: Connection, year: int | None = None,
                  centre: str | None = None) -> list[HolidayLine]:
    """Active days off, national and (with `centre`) that centre's, in date order."""
    query = select(Holiday).where(Holiday.active.is_(True))
    if year is not None:
        query = query.where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
    query = query.where(or_(Holiday.centre_code.is_(None), Holiday.centre_code == centre)
                        if centre else Holiday.centre_code.is_(None))
    return [HolidayLine(h.id, h.day, h.name, h.source, h.centre_code, h.assumed)
            for h in connection.execute(query.order_by(Holiday.day, Holiday.id))]


def add_holiday(connection: Connection, day: date, name: str, source: str,
                centre: str | None = None, assumed: bool = False) -> int:
    name, source = " ".join(name.split()), " ".join(source.split())
    if not name or len(name) > Holiday.name.type.length:
        raise ValidationError(_("Escriba el nombre del feriado (hasta 120 caracteres)."),
                              "holiday: bad name", field="name")
    if not source or len(source) > Holiday.source.type.length:
        raise ValidationError(
            _("Escriba la fuente del feriado (decreto, ley u ordenanza; hasta 300 caracteres)."),
            "holiday: bad source", field="source")
    if centre is not None and connection.scalar(
            select(Centre.code).where(Centre.code == centre)) is None:
        raise ValidationError(_("No existe el centro {code}.").format(code=centre),
                              "holiday: unknown centre", field="centre")
    scope = Holiday.centre_code.is_(None) if centre is None else Holiday.centre_code == centre
    if connection.scalar(select(Holiday.id).where(Holiday.day == day, Holiday.active.is_(True),
                                                  scope)) is not None:
        raise ValidationError(_("El {day} ya consta como feriado.").format(day=day.isoformat()),
                              "holiday: duplicate", field="day")
    return int(connection.execute(insert(Holiday).values(
        day=day, name=name, source=source, centre_code=centre, assumed=assumed, active=True)
        .returning(Holiday.id)).scalar_one())


def withdraw_holiday(connection: Connection, holiday_id: int) -> None:
    done = connection.execute(update(Holiday).where(Holiday.id == holiday_id,
                                                    Holiday.active.is_(True))
                              .values(active=False))
    if not done.rowcount:
        raise ValidationError(_("No hay un feriado vigente con el número {id}.").format(
            id=holiday_id), "holiday: unknown id", field="id")


def set_time_zone(connection: Connection, centre: str, zone: str) -> None:
    zone = check_time_zone(zone)
    done = connection.execute(update(Centre).where(Centre.code == centre).values(time_zone=zone))
    if not done.rowcount:
        raise ValidationError(_("No existe el centro {code}.").format(code=centre),
                              "centre: unknown", field="centre")


def calendar_for(connection: Connection, centre: str) -> WorkingCalendar:
    """The centre's working days as central knows them (national plus cantonal days)."""
    return WorkingCalendar.of(connection.scalars(select(Holiday.day).where(
        Holiday.active.is_(True),
        or_(Holiday.centre_code.is_(None), Holiday.centre_code == centre))))
