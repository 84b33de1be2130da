"""The events a station queues for central, typed on both sides of the wire.

A producer (a service at the station) builds one of these dataclasses and stores
`to_payload()` in its outbox; central reads the stored payload back with `read_event`, which
refuses an unknown type or a payload it cannot read with a reason in Spanish (shown on the
station's sync panel), never with a KeyError. The payload's keys are the ones stations
have always sent, so events queued by an older release are still read; the keys added
later have defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from desktop.domain.attentions import Kind
from desktop.domain.cases import CaseState
from desktop.domain.complaints import Category, Channel, ComplaintState
from desktop.domain.event_wire import EventType, Fields, Payload, UnknownEvent
from desktop.domain.roles import Role


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


@dataclass(frozen=True)
class DocumentFile:
    """A stored file of a case, as central records it (the blob travels first)."""

    document_type: str
    sha256: str
    media_type: str
    pages: int
    size_bytes: int
    source: str
    added_by: str | None = None  # None in a registration: the registering clerk
    added_at: datetime | None = None  # None in a registration: the registration time

    def to_payload(self) -> Payload:
        payload: Payload = {
            "document_type": self.document_type, "sha256": self.sha256,
            "media_type": self.media_type, "pages": self.pages,
            "size_bytes": self.size_bytes, "source": self.source}
        if self.added_by is not None:
            payload["added_by"] = self.added_by
        if self.added_at is not None:
            payload["added_at"] = self.added_at.isoformat()
        return payload

    @classmethod
    def read(cls, fields: Fields) -> DocumentFile:
        return cls(
            document_type=fields.text("document_type"), sha256=fields.text("sha256"),
            media_type=fields.text("media_type"), pages=fields.integer("pages"),
            size_bytes=fields.integer("size_bytes"), source=fields.text("source"),
            added_by=fields.text_or_none("added_by"),
            added_at=fields.moment_or_none("added_at"))


@dataclass(frozen=True)
class CaseRegistered:
    """A case registered at a counter, with its documents."""

    TYPE: ClassVar[EventType] = EventType.CASE_REGISTERED

    case_number: str
    request_type: str
    cedula: str
    applicant_name: str
    pension_type: str
    centre_code: str
    counter: int
    year: int
    sequence: int
    state: str
    registered_at: datetime
    registered_by: str
    email: str
    phone: str
    employer_ruc: str | None
    periods: str
    cedula_verified: bool
    legal_basis: str
    documents: tuple[DocumentFile, ...] = ()
    override_by: str | None = None  # the supervisor override of releases before issue 11
    override_reason: str = ""
    # issue 11: absent from an older station's event, read as ''
    eligibility_warning: str = ""
    passport_country: str = ""
    passport_number: str = ""
    privacy_notice: str = ""
    representative_name: str = ""
    representative_cedula: str = ""
    representative_passport_country: str = ""
    representative_passport_number: str = ""

    #: the issue 11 columns, stored as sent ('' when an older station did not send them)
    EXTRAS: ClassVar[tuple[str, ...]] = (
        "eligibility_warning", "passport_country", "passport_number", "privacy_notice",
        "representative_name", "representative_cedula", "representative_passport_country",
        "representative_passport_number")
    _TEXTS: ClassVar[tuple[str, ...]] = (
        "case_number", "request_type", "cedula", "applicant_name", "pension_type",
        "centre_code", "state", "registered_by", "email", "phone", "legal_basis")

    def to_payload(self) -> Payload:
        payload: Payload = {name: getattr(self, name) for name in self._TEXTS}
        payload |= {
            "counter": self.counter, "year": self.year, "sequence": self.sequence,
            "registered_at": self.registered_at.isoformat(),
            "employer_ruc": self.employer_ruc, "periods": self.periods,
            "cedula_verified": self.cedula_verified, "override_by": self.override_by,
            "override_reason": self.override_reason,
            "documents": [document.to_payload() for document in self.documents]}
        payload |= {name: getattr(self, name) for name in self.EXTRAS}
        return payload

    @classmethod
    def from_payload(cls, payload: object) -> CaseRegistered:
        fields = Fields(cls.TYPE, payload)
        text, empty = fields.text, fields.text_or_empty
        return cls(
            case_number=text("case_number"), request_type=text("request_type"),
            cedula=text("cedula"), applicant_name=text("applicant_name"),
            pension_type=text("pension_type"), centre_code=text("centre_code"),
            counter=fields.integer("counter"), year=fields.integer("year"),
            sequence=fields.integer("sequence"), state=text("state"),
            registered_at=fields.moment("registered_at"), registered_by=text("registered_by"),
            email=text("email"), phone=text("phone"),
            employer_ruc=fields.text_or_none("employer_ruc"), periods=empty("periods"),
            cedula_verified=fields.boolean("cedula_verified"), legal_basis=text("legal_basis"),
            documents=tuple(DocumentFile.read(item) for item in fields.objects("documents")),
            override_by=fields.text_or_none("override_by"),
            override_reason=empty("override_reason"),
            eligibility_warning=empty("eligibility_warning"),
            passport_country=empty("passport_country"),
            passport_number=empty("passport_number"), privacy_notice=empty("privacy_notice"),
            representative_name=empty("representative_name"),
            representative_cedula=empty("representative_cedula"),
            representative_passport_country=empty("representative_passport_country"),
            representative_passport_number=empty("representative_passport_number"))

    def extras(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.EXTRAS}


@dataclass(frozen=True)
class DeliveryRecipient:
    """Who took the acuerdo at the counter (kind TITULAR or REPRESENTANTE)."""

    kind: str
    name: str
    cedula: str

    def to_payload(self) -> Payload:
        return {"kind": self.kind, "name": self.name, "cedula": self.cedula}

    @classmethod
    def read(cls, fields: Fields) -> DeliveryRecipient:
        return cls(fields.text("kind"), fields.text("name"), fields.text("cedula"))


@dataclass(frozen=True)
class CaseTransition:
    """A case moved by a person at a counter (the case number travels in the envelope)."""

    TYPE: ClassVar[EventType] = EventType.CASE_TRANSITION

    from_state: CaseState
    to_state: CaseState
    role: Role
    at: datetime
    reason: str = ""
    delivery: DeliveryRecipient | None = None  # NOTIFICADO at the counter

    def to_payload(self) -> Payload:
        payload: Payload = {
            "from_state": self.from_state.value, "to_state": self.to_state.value,
            "reason": self.reason, "role": self.role.value, "at": self.at.isoformat()}
        if self.delivery is not None:
            payload["delivery"] = self.delivery.to_payload()
        return payload

    @classmethod
    def from_payload(cls, payload: object) -> CaseTransition:
        fields = Fields(cls.TYPE, payload)
        delivery = fields.optional_object("delivery")
        return cls(
            from_state=fields.choice("from_state", CaseState),
            to_state=fields.choice("to_state", CaseState),
            role=fields.choice("role", Role), at=fields.moment("at"),
            reason=fields.text_or_empty("reason"),
            delivery=None if delivery is None else DeliveryRecipient.read(delivery))


@dataclass(frozen=True)
class DocumentAdded:
    """Documents added to a registered case."""

    TYPE: ClassVar[EventType] = EventType.DOCUMENT_ADDED

    documents: tuple[DocumentFile, ...]

    def to_payload(self) -> Payload:
        return {"documents": [document.to_payload() for document in self.documents]}

    @classmethod
    def from_payload(cls, payload: object) -> DocumentAdded:
        fields = Fields(cls.TYPE, payload)
        return cls(tuple(DocumentFile.read(item) for item in fields.objects("documents")))


@dataclass(frozen=True)
class ContactCorrected:
    """The counter corrected the contact data of a case returned to it."""

    TYPE: ClassVar[EventType] = EventType.CONTACT_CORRECTED

    email: str
    phone: str
    employer_ruc: str | None
    periods: str
    at: datetime

    def to_payload(self) -> Payload:
        return {"email": self.email, "phone": self.phone, "employer_ruc": self.employer_ruc,
                "periods": self.periods, "at": self.at.isoformat()}

    @classmethod
    def from_payload(cls, payload: object) -> ContactCorrected:
        fields = Fields(cls.TYPE, payload)
        return cls(email=fields.text_or_empty("email"), phone=fields.text_or_empty("phone"),
                   employer_ruc=fields.text_or_none("employer_ruc"),
                   periods=fields.text_or_empty("periods"), at=fields.moment("at"))


@dataclass(frozen=True)
class StaffChanged:
    """An account as an administrator left it (or its owner's new password).

    `role` stays text: central checks it against the roles a centre may hand out and
    says so in its own words («Rol no válido…»)."""

    TYPE: ClassVar[EventType] = EventType.STAFF_CHANGED

    username: str
    full_name: str
    role: str
    centre_code: str
    active: bool
    password_hash: str
    previous_centre: str = ""  # the administrator's centre when the account moved away

    def to_payload(self) -> Payload:
        return {"username": self.username, "full_name": self.full_name, "role": self.role,
                "centre_code": self.centre_code, "active": self.active,
                "password_hash": self.password_hash, "previous_centre": self.previous_centre}

    @classmethod
    def from_payload(cls, payload: object) -> StaffChanged:
        fields = Fields(cls.TYPE, payload)
        return cls(username=fields.text("username"), full_name=fields.text("full_name"),
                   role=fields.text("role"), centre_code=fields.text("centre_code"),
                   active=fields.boolean("active"), password_hash=fields.text("password_hash"),
                   previous_centre=fields.text_or_empty("previous_centre"))


@dataclass(frozen=True)
class AttentionStep:
    """One thing done during an attention."""

    kind: Kind
    case_number: str | None
    note: str
    at: datetime

    def to_payload(self) -> Payload:
        return {"kind": self.kind.value, "case_number": self.case_number, "note": self.note,
                "at": self.at.isoformat()}

    @classmethod
    def read(cls, fields: Fields) -> AttentionStep:
        return cls(kind=fields.choice("kind", Kind),
                   case_number=fields.text_or_none("case_number"),
                   note=fields.text_or_empty("note"), at=fields.moment("at"))


@dataclass(frozen=True)
class AttentionRecorded:
    """A closed attention at a counter, with what was done."""

    TYPE: ClassVar[EventType] = EventType.ATTENTION_RECORDED

    attention_id: str
    centre_code: str
    workstation: str
    counter: int
    clerk: str
    turno_code: str
    turno_booked_at: datetime | None
    started_at: datetime
    ended_at: datetime
    actions: tuple[AttentionStep, ...] = ()

    def to_payload(self) -> Payload:
        return {
            "attention_id": self.attention_id, "centre_code": self.centre_code,
            "workstation": self.workstation, "counter": self.counter, "clerk": self.clerk,
            "turno_code": self.turno_code, "turno_booked_at": _iso(self.turno_booked_at),
            "started_at": self.started_at.isoformat(), "ended_at": self.ended_at.isoformat(),
            "actions": [action.to_payload() for action in self.actions]}

    @classmethod
    def from_payload(cls, payload: object) -> AttentionRecorded:
        fields = Fields(cls.TYPE, payload)
        return cls(
            attention_id=fields.text("attention_id"), centre_code=fields.text("centre_code"),
            workstation=fields.text("workstation"), counter=fields.integer("counter"),
            clerk=fields.text("clerk"), turno_code=fields.text_or_empty("turno_code"),
            turno_booked_at=fields.moment_or_none("turno_booked_at"),
            started_at=fields.moment("started_at"), ended_at=fields.moment("ended_at"),
            actions=tuple(AttentionStep.read(item) for item in fields.objects("actions")))


@dataclass(frozen=True)
class ComplaintRegistered:
    """A complaint registered at a counter (its number issued offline)."""

    TYPE: ClassVar[EventType] = EventType.COMPLAINT_REGISTERED

    number: str
    centre_code: str
    channel: Channel
    category: Category
    text: str
    complainant_name: str
    complainant_cedula: str
    contact_email: str
    contact_phone: str
    case_number: str | None
    registered_by: str
    registered_at: datetime
    due_on: date

    def to_payload(self) -> Payload:
        return {
            "channel": self.channel.value, "category": self.category.value, "text": self.text,
            "complainant_name": self.complainant_name,
            "complainant_cedula": self.complainant_cedula,
            "contact_email": self.contact_email, "contact_phone": self.contact_phone,
            "case_number": self.case_number, "number": self.number,
            "centre_code": self.centre_code, "registered_by": self.registered_by,
            "registered_at": self.registered_at.isoformat(),
            "due_on": self.due_on.isoformat()}

    @classmethod
    def from_payload(cls, payload: object) -> ComplaintRegistered:
        fields = Fields(cls.TYPE, payload)
        return cls(
            number=fields.text("number"), centre_code=fields.text("centre_code"),
            channel=fields.choice("channel", Channel),
            category=fields.choice("category", Category), text=fields.text("text"),
            complainant_name=fields.text_or_empty("complainant_name"),
            complainant_cedula=fields.text_or_empty("complainant_cedula"),
            contact_email=fields.text_or_empty("contact_email"),
            contact_phone=fields.text_or_empty("contact_phone"),
            case_number=fields.text_or_none("case_number"),
            registered_by=fields.text("registered_by"),
            registered_at=fields.moment("registered_at"), due_on=fields.day("due_on"))


@dataclass(frozen=True)
class ComplaintStep:
    """A complaint assigned, answered or closed by a supervisor."""

    TYPE: ClassVar[EventType] = EventType.COMPLAINT_STEP

    number: str
    to_state: ComplaintState
    at: datetime
    assigned_to: str = ""  # ASIGNADA
    answer: str = ""  # RESPONDIDA

    def to_payload(self) -> Payload:
        payload: Payload = {"number": self.number, "to_state": self.to_state.value,
                            "at": self.at.isoformat()}
        if self.to_state is ComplaintState.ASSIGNED:
            payload["assigned_to"] = self.assigned_to
        elif self.to_state is ComplaintState.ANSWERED:
            payload["answer"] = self.answer
        return payload

    @classmethod
    def from_payload(cls, payload: object) -> ComplaintStep:
        fields = Fields(cls.TYPE, payload)
        target = fields.choice("to_state", ComplaintState)
        return cls(
            number=fields.text("number"), to_state=target, at=fields.moment("at"),
            assigned_to=(fields.text("assigned_to") if target is ComplaintState.ASSIGNED
                         else ""),
            answer=fields.text("answer") if target is ComplaintState.ANSWERED else "")


Event = (CaseRegistered | CaseTransition | DocumentAdded | ContactCorrected | StaffChanged
         | AttentionRecorded | ComplaintRegistered | ComplaintStep)

EVENT_CLASSES: dict[EventType, type[Event]] = {
    cls.TYPE: cls for cls in (
        CaseRegistered, CaseTransition, DocumentAdded, ContactCorrected, StaffChanged,
        AttentionRecorded, ComplaintRegistered, ComplaintStep)}


def read_event(event_type: str, payload: object) -> Event:
    """The typed event behind a stored type and payload; `UnknownEvent` or `MalformedEvent`
    (each with its reason) when it cannot be read."""
    try:
        kind = EventType(event_type)
    except ValueError:
        raise UnknownEvent(str(event_type)) from None
    return EVENT_CLASSES[kind].from_payload(payload)
