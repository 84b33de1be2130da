"""Complaints (quejas) about the procedure or the service: numbers, states, deadline.

Numbers are issued offline per counter, like case numbers, with a check character that is
never O or I (read aloud or copied by hand from the acknowledgement, those look like 0 and
1): `Q-<centre>-<counter>-<year>-<5-digit sequence>-<check>`, e.g. `Q-UIO01-01-2026-00001-7`.
The check character is a weighted sum of the other characters (base 36 values, weights
1, 2, 3, …) modulo 31, written with the 31 characters of CHECK_ALPHABET: a single
mistyped character or two swapped neighbours change it.

The answer is due within ANSWER_WORKING_DAYS working days (desktop.domain.calendar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.calendar import is_working_day
from desktop.errors import ValidationError
from desktop.i18n import _

PREFIX = "Q"
CHECK_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVW"  # 31 characters: no I, no O
MAX_SEQUENCE = 99_999
#: Days to answer a complaint. The sheet gives none; 15 working days is the usual term of
#: Ecuador's public-service complaint procedures (a decision recorded in the report).
ANSWER_WORKING_DAYS = 15
_PATTERN = re.compile(r"^Q-([A-Z0-9]{5})-(\d{2})-(\d{4})-(\d{5})-([0-9A-Z])$", re.ASCII)

CONTACT_EMAIL = "atencionalusuario@iess.gob.ec"
CONTACT_PHONE = "593 23945666"


class ComplaintState(StrEnum):
    REGISTERED = "registrada"
    ASSIGNED = "asignada"
    ANSWERED = "respondida"
    CLOSED = "cerrada"

    @property
    def label(self) -> str:
        return {
            ComplaintState.REGISTERED: _("Registrada"),
            ComplaintState.ASSIGNED: _("Asignada"),
            ComplaintState.ANSWERED: _("Respondida"),
            ComplaintState.CLOSED: _("Cerrada"),
        }[self]


class Channel(StrEnum):
    COUNTER = "ventanilla"
    EMAIL = "correo"
    PHONE = "telefono"

    @property
    def label(self) -> str:
        return {Channel.COUNTER: _("Ventanilla"), Channel.EMAIL: _("Correo electrónico"),
                Channel.PHONE: _("Teléfono")}[self]


class Category(StrEnum):
    DELAY = "demora"
    SERVICE = "atencion"
    REQUIREMENTS = "requisitos"
    RESULT = "resultado"
    WAITING = "espera"
    OTHER = "otra"

    @property
    def label(self) -> str:
        return {
            Category.DELAY: _("Demora del trámite"),
            Category.SERVICE: _("Trato recibido en la atención"),
            Category.REQUIREMENTS: _("Requisitos o información recibida"),
            Category.RESULT: _("Resultado de la reliquidación"),
            Category.WAITING: _("Tiempo de espera o turnos"),
            Category.OTHER: _("Otra"),
        }[self]


#: Who may move a complaint from each state, and to which.
NEXT_STATES = {
    ComplaintState.REGISTERED: (ComplaintState.ASSIGNED,),
    ComplaintState.ASSIGNED: (ComplaintState.ANSWERED,),
    ComplaintState.ANSWERED: (ComplaintState.CLOSED,),
    ComplaintState.CLOSED: (),
}


def check_step(current: ComplaintState, target: ComplaintState) -> None:
    if target not in NEXT_STATES[current]:
        raise ValidationError(
            _("La queja está «{current}»; no se puede pasar a «{target}».").format(
                current=current.label, target=target.label),
            f"complaint: {current.value} -> {target.value}", field="state")


def _check_char(body: str) -> str:
    total = sum(weight * int(char, 36)
                for weight, char in enumerate(body.replace("-", ""), start=1))
    return CHECK_ALPHABET[total % len(CHECK_ALPHABET)]


@dataclass(frozen=True, order=True)
class ComplaintNumber:
    centre: str
    counter: int
    year: int
    sequence: int

    @property
    def body(self) -> str:
        return f"{PREFIX}-{self.centre}-{self.counter:02d}-{self.year:04d}-{self.sequence:05d}"

    def __str__(self) -> str:
        return f"{self.body}-{_check_char(self.body)}"


def next_complaint_number(centre: str, counter: int, year: int,
                          last_sequence: int) -> ComplaintNumber:
    if last_sequence >= MAX_SEQUENCE:
        raise ValidationError(
            _("Se agotó la numeración de quejas de esta ventanilla para {year}.").format(
                year=year), "complaint numbering exhausted")
    return ComplaintNumber(centre, counter, year, last_sequence + 1)


def parse_complaint_number(text: str) -> ComplaintNumber:
    cleaned = text.strip().upper() if isinstance(text, str) else ""
    match = _PATTERN.match(cleaned)
    if not match:
        raise ValidationError(
            _("El número de queja debe tener la forma Q-UIO01-01-2026-00001-X."),
            "complaint number: bad shape", field="complaint_number")
    number = ComplaintNumber(match.group(1), int(match.group(2)), int(match.group(3)),
                             int(match.group(4)))
    if str(number) != cleaned or number.counter == 0 or number.sequence == 0:
        raise ValidationError(
            _("El número de queja tiene un error de digitación; revíselo en la constancia."),
            "complaint number: bad check char", field="complaint_number")
    return number


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (working_days_between(start, result) ==
    days)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
