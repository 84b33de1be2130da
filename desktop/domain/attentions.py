"""What a counter does for a person (one attention), and the turno that brought them.

Turno codes, as typed by the clerk or by a keyboard-wedge scanner reading the turno's QR
or barcode (upper-cased, spaces and dashes around it ignored):

- an online turno: `T-<centre>-<YYYYMMDD>-<HHMM>-<n>`, e.g. `T-UIO01-20261205-0930-017`:
  the agency, the booked day and time (Ecuador's time) and the turno's number; the booked
  time gives the person's waiting time;
- a dispenser ticket: one or two letters and up to four digits, e.g. `A-023` or `B7`: no
  booked time;
- nothing: «sin turno» (a walk-in the counter served anyway).

Anything else is refused with a message, so a misread scan is not counted as a turno.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.clock import LOCAL_TZ
from desktop.errors import ValidationError
from desktop.i18n import _


class Kind(StrEnum):
    """Stored in `attention_actions.kind`; the reports count attentions by these."""

    REGISTRATION = "registro"
    STATUS = "consulta"
    DELIVERY = "entrega"
    DOCUMENT = "documento"
    COMPLAINT = "queja"
    INFORMATION = "informacion"
    TURNED_AWAY = "rechazo"

    @property
    def label(self) -> str:
        return {
            Kind.REGISTRATION: _("Registro de solicitud"),
            Kind.STATUS: _("Consulta de estado"),
            Kind.DELIVERY: _("Entrega de acuerdo"),
            Kind.DOCUMENT: _("Documento añadido a un trámite"),
            Kind.COMPLAINT: _("Queja registrada"),
            Kind.INFORMATION: _("Solo información"),
            Kind.TURNED_AWAY: _("No atendido (con motivo)"),
        }[self]


#: Kinds the clerk chooses when closing; the others are recorded by the pages themselves.
CLOSING_KINDS = (Kind.INFORMATION, Kind.TURNED_AWAY)

ONLINE = re.compile(r"^T-([A-Z0-9]{5})-(\d{8})-(\d{4})-(\d{1,4})$", re.ASCII)
TICKET = re.compile(r"^([A-Z]{1,2})-?(\d{1,4})$", re.ASCII)
MAX_TYPED = 40  # the column; a scanner that "types" a whole page is refused before parsing


@dataclass(frozen=True)
class Turno:
    code: str  # normalised; "" = «sin turno»
    centre: str | None = None
    booked_at: datetime | None = None  # aware (Ecuador's time)

    @property
    def label(self) -> str:
        return self.code or _("Sin turno")


NO_TURNO = Turno("")


def parse_turno(text: str) -> Turno:
    """The turno in what was typed or scanned; ValidationError for anything else."""
    if not isinstance(text, str):
        raise TypeError(text)
    if len(text) > MAX_TYPED * 2:
        raise _bad("turno: too long")
    cleaned = "".join(text.split()).upper().strip("-")
    if not cleaned:
        return NO_TURNO
    if len(cleaned) > MAX_TYPED:
        raise _bad("turno: too long")
    if match := ONLINE.match(cleaned):
        centre, day, hour = match.group(1), match.group(2), match.group(3)
        try:
            booked = datetime.strptime(day + hour, "%Y%m%d%H%M").replace(tzinfo=LOCAL_TZ)
        except ValueError:
            raise _bad("turno: impossible date or time") from None
        return Turno(cleaned, centre, booked)
    if match := TICKET.match(cleaned):
        return Turno(f"{match.group(1)}-{int(match.group(2)):03d}")
    raise _bad("turno: unknown shape")


def _bad(log_message: str) -> ValidationError:
    return ValidationError(
        _("El código de turno no se reconoce. Escriba el del ticket (p. ej. A-023), el del "
          "turno en línea (T-UIO01-20261205-0930-017) o deje vacío para «sin turno»."),
        log_message, field="turno")
