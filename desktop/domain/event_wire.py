"""How a sync event travels: its type (with the Spanish name the sync panel shows), and
typed reading of its JSON payload, where anything missing or of the wrong kind becomes a
`MalformedEvent` that names the field (desktop.domain.events builds on this)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from typing import Any, TypeVar

from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate

Payload = dict[str, Any]
E = TypeVar("E", bound=Enum)


class EventType(StrEnum):
    """The value stored in the outbox's and central's `event_type` columns."""

    CASE_REGISTERED = "case.registered"
    CASE_TRANSITION = "case.transition"
    DOCUMENT_ADDED = "case.document_added"
    CONTACT_CORRECTED = "case.contact_corrected"
    STAFF_CHANGED = "staff.changed"
    ATTENTION_RECORDED = "attention.recorded"
    COMPLAINT_REGISTERED = "complaint.registered"
    COMPLAINT_STEP = "complaint.step"

    @property
    def label(self) -> str:
        return translate(_LABELS[self])


_LABELS = {
    EventType.CASE_REGISTERED: N_("Registro de trámite"),
    EventType.CASE_TRANSITION: N_("Cambio de estado"),
    EventType.DOCUMENT_ADDED: N_("Documento añadido"),
    EventType.CONTACT_CORRECTED: N_("Corrección de contacto"),
    EventType.STAFF_CHANGED: N_("Cambio de cuenta del personal"),
    EventType.ATTENTION_RECORDED: N_("Atención en ventanilla"),
    EventType.COMPLAINT_REGISTERED: N_("Registro de queja"),
    EventType.COMPLAINT_STEP: N_("Trámite de queja"),
}


def label_of(event_type: str) -> str:
    """The Spanish name of a stored event type; the stored text itself if unknown."""
    try:
        return EventType(event_type).label
    except ValueError:
        return event_type


class MalformedEvent(ValidationError):
    """A payload central cannot read: refused for good, whoever sends it again."""

    def __init__(self, event_type: str, field: str, problem: str):
        super().__init__(
            _("La central no pudo leer el evento «{event}»: {problem} («{field}»).").format(
                event=label_of(event_type), problem=translate(problem), field=field),
            f"malformed {event_type}: {field}: {problem}", field=field)


class UnknownEvent(ValidationError):
    def __init__(self, event_type: str):
        super().__init__(_("La central no conoce el evento «{t}».").format(t=event_type),
                         f"unknown event type {event_type[:40]!r}")


_MISSING, _WRONG = N_("falta el dato"), N_("el dato no es válido")


class Fields:
    """Typed access to one payload object; every miss is a `MalformedEvent`."""

    def __init__(self, event_type: str, data: object, prefix: str = ""):
        self.event_type, self.prefix = event_type, prefix
        if not isinstance(data, Mapping):
            raise MalformedEvent(event_type, prefix.rstrip(".") or "payload", _WRONG)
        self.data: Mapping[str, Any] = data

    def _raw(self, name: str, *, required: bool = True) -> Any:
        if name not in self.data:
            if required:
                raise MalformedEvent(self.event_type, self.prefix + name, _MISSING)
            return None
        return self.data[name]

    def _wrong(self, name: str) -> MalformedEvent:
        return MalformedEvent(self.event_type, self.prefix + name, _WRONG)

    def text(self, name: str) -> str:
        value = self._raw(name)
        if not isinstance(value, str):
            raise self._wrong(name)
        return value

    def text_or_empty(self, name: str) -> str:
        """Absent or null reads as '' (keys a newer release added, nullable columns)."""
        value = self._raw(name, required=False)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self._wrong(name)
        return value

    def text_or_none(self, name: str) -> str | None:
        return self.text_or_empty(name) or None

    def integer(self, name: str) -> int:
        value = self._raw(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._wrong(name)
        return value

    def boolean(self, name: str) -> bool:
        value = self._raw(name)
        if not isinstance(value, bool):
            raise self._wrong(name)
        return value

    def moment(self, name: str) -> datetime:
        return self._moment(name, self.text(name))

    def moment_or_none(self, name: str) -> datetime | None:
        text = self.text_or_empty(name)
        return self._moment(name, text) if text else None

    def _moment(self, name: str, text: str) -> datetime:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise self._wrong(name) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    def day(self, name: str) -> date:
        try:
            return date.fromisoformat(self.text(name)[:10])
        except ValueError:
            raise self._wrong(name) from None

    def choice(self, name: str, kind: type[E]) -> E:
        try:
            return kind(self.text(name))
        except ValueError:
            raise self._wrong(name) from None

    def objects(self, name: str) -> list[Fields]:
        value = self._raw(name)
        if not isinstance(value, list):
            raise self._wrong(name)
        return [Fields(self.event_type, item, f"{self.prefix}{name}[{index}].")
                for index, item in enumerate(value)]

    def optional_object(self, name: str) -> Fields | None:
        value = self._raw(name, required=False)
        return None if value is None else Fields(self.event_type, value, f"{name}.")
