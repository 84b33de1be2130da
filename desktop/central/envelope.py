"""What central applies and answers: the envelope a station sends an event in, the outcome,
the two ways of saying no, and the clock a handler stamps times with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.clock import format_local
from desktop.domain.outbox import OutcomeStatus
from desktop.errors import VentanillaError
from desktop.i18n import _

APPLIED, REFUSED = OutcomeStatus.APPLIED, OutcomeStatus.REFUSED


@dataclass(frozen=True)
class Envelope:
    event_id: str
    event_type: str
    case_number: str | None
    payload: dict[str, Any]
    actor: str
    workstation: str
    created_at: datetime
    #: the server's time at the station's last good round, for an event created after it
    floor: datetime | None = None

    @property
    def centre(self) -> str:
        """The centre of the workstation that sent it (`UIO01-03` → `UIO01`)."""
        return self.workstation.split("-", 1)[0]


@dataclass(frozen=True)
class Outcome:
    status: str  # aplicado | rechazado
    reason: str = ""
    repeated: bool = False


class Refused(VentanillaError):
    """Central says no to this event, for good (recorded, shown to the counter)."""

    def __init__(self, reason: str, log_message: str = "event refused"):
        super().__init__(reason, log_message)
        self.reason = reason


class RetryLater(VentanillaError):
    """Not now, nothing recorded (e.g. a document file has not arrived yet)."""

    def __init__(self, log_message: str):
        super().__init__(_("La central aún no puede aplicar este evento; se reintentará."),
                         log_message)


@dataclass
class Context:
    """What a handler needs besides the event: central's clock and its tolerance."""

    now: datetime  # the database server's clock
    skew: timedelta
    stamped: list[str] = field(default_factory=list)  # times central replaced

    def stamp(self, declared: datetime, envelope: Envelope, what: str) -> datetime:
        """The counter's time if plausible; refused in the future; central's if backdated."""
        if declared > self.now + self.skew:
            raise Refused(
                _("La fecha del evento ({when}) es posterior a la hora de la central: el reloj "
                  "de la estación estaba adelantado. Corrija la fecha y hora del equipo.")
                .format(when=format_local(declared)), f"{what}: dated in the future")
        if envelope.floor is not None and declared < envelope.floor - self.skew:
            self.stamped.append(what)
            return self.now
        return declared


def own_centre(envelope: Envelope, centre: str) -> None:
    """A station changes only its own centre's cases (row security says the same on
    PostgreSQL; the demo's SQLite central has only this check)."""
    if centre != envelope.centre:
        raise Refused(_("El trámite es de otro centro; esta estación no puede cambiarlo."),
                      "case of another centre")
