"""Applying a workstation's event at central: exactly once, validated against central state.

Each event runs in one central transaction that records its id in `applied_events`; a
repeat (the workstation died after the commit and before its own acknowledgement) finds
that row and gets the same outcome without applying anything again. A refusal is recorded
with its reason, so a repeat of the same event gets it again; an administrator's «Reintentar»
sends the event under a new id (desktop.sync.push.retry_refused), which central applies
afresh. `RetryLater` (a document not uploaded yet, a row locked by another session)
records nothing: the event comes back.

What the database itself refuses is a refusal too, never an error that stops the round:
its guards and privileges, a value longer than a column (class 22), a broken constraint
(class 23). Only the duplicate-event race is read back as the other attempt's outcome.

Time: `applied_at` is the database server's clock. A counter's own times (registration,
transition) are kept when plausible: one later than the server's clock by more than the
allowed skew is refused; one earlier than the station's last good round (`Envelope.floor`,
the server's time then) means the station's clock was behind, and central stamps its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.central import blobs, contact_changes, staff_changes
from desktop.central.clock import server_now, skew_allowed
from desktop.central.models import (
    AppliedEvent,
    Attention,
    AttentionAction,
    Case,
    CaseDocument,
    CaseEvent,
    Complaint,
    Delivery,
)
from desktop.clock import format_local, local
from desktop.db.engines import writer
from desktop.domain.cases import INITIAL_STATE, CaseState, TransitionRefused, check_transition
from desktop.domain.complaints import (
    ComplaintState,
    check_step,
    parse_complaint_number,
)
from desktop.domain.events import (
    AttentionRecorded,
    CaseRegistered,
    CaseTransition,
    ComplaintRegistered,
    ComplaintStep,
    ContactCorrected,
    DocumentAdded,
    DocumentFile,
    Event,
    MalformedEvent,
    StaffChanged,
    UnknownEvent,
    read_event,
)
from desktop.domain.numbering import CaseNumber, parse_case_number
from desktop.domain.outbox import OutcomeStatus
from desktop.domain.text import fold
from desktop.errors import ValidationError, VentanillaError
from desktop.i18n import _

log = logging.getLogger(__name__)

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


def apply_event(engine: Engine, envelope: Envelope) -> Outcome:
    for _attempt in range(2):
        try:
            with writer(engine).begin() as connection:
                previous = _recorded(connection, envelope.event_id)
                if previous is not None:
                    return previous
                context = Context(server_now(connection), skew_allowed(connection))
                outcome = _run(connection, envelope, context)
                _record(connection, envelope, outcome, context.now)
                return outcome
        except IntegrityError as error:
            if not _duplicate_event(error):
                raise
            # the same event applied concurrently by another connection: read its outcome
            log.info("event %s raced with a duplicate", envelope.event_id)
    with engine.connect() as connection:
        previous = _recorded(connection, envelope.event_id)
    if previous is None:
        raise RetryLater(f"event {envelope.event_id}: duplicate race without a record")
    return previous


def _record(connection: Connection, envelope: Envelope, outcome: Outcome,
            at: datetime) -> None:
    connection.execute(insert(AppliedEvent).values(
        event_id=envelope.event_id,
        event_type=envelope.event_type,
        case_number=envelope.case_number,
        workstation=envelope.workstation,
        applied_at=at,
        outcome=outcome.status,
        reason=outcome.reason,
    ))


def _duplicate_event(error: IntegrityError) -> bool:
    """The applied_events key taken by another attempt of the same event."""
    text = str(error.orig)
    return "pk_applied_events" in text or "applied_events.event_id" in text


def _recorded(connection: Connection, event_id: str) -> Outcome | None:
    row = connection.execute(
        select(AppliedEvent.outcome, AppliedEvent.reason).where(AppliedEvent.event_id == event_id)
    ).first()
    return None if row is None else Outcome(row.outcome, row.reason, repeated=True)


def _dispatch(connection: Connection, envelope: Envelope, context: Context,
              event: Event) -> None:
    match event:
        case CaseRegistered():
            _register(connection, envelope, context, event)
        case CaseTransition():
            _transition(connection, envelope, context, event)
        case DocumentAdded():
            _document_added(connection, envelope, context, event)
        case ContactCorrected():
            _contact_corrected(envelope, connection, event)
        case StaffChanged():
            staff_changes.apply(connection, envelope.actor, envelope.centre, event)
        case AttentionRecorded():
            _attention_recorded(connection, envelope, context, event)
        case ComplaintRegistered():
            _complaint_registered(connection, envelope, context, event)
        case ComplaintStep():
            _complaint_step(connection, envelope, context, event)


def _run(connection: Connection, envelope: Envelope, context: Context) -> Outcome:
    try:
        event = read_event(envelope.event_type, envelope.payload)
    except (UnknownEvent, MalformedEvent) as refusal:
        # a payload central cannot read: final, whoever retries it
        log.warning("event %s: %s", envelope.event_id, refusal.log_message)
        return Outcome(REFUSED, refusal.user_message)
    savepoint = connection.begin_nested()
    try:
        _dispatch(connection, envelope, context, event)
    except (Refused, staff_changes.StaffRefused, contact_changes.ContactRefused) as refusal:
        savepoint.rollback()
        log.info("event %s refused: %s", envelope.event_id, refusal.log_message)
        return Outcome(REFUSED, refusal.user_message)
    except DBAPIError as error:
        reason = _refused_by_database(error)
        if reason is None:
            raise
        savepoint.rollback()
        log.info("event %s refused by the database (%s)", envelope.event_id,
                 getattr(error.orig, "sqlstate", None) or type(error.orig).__name__)
        return Outcome(REFUSED, reason)
    savepoint.commit()
    if context.stamped:
        log.info("event %s: central stamped its own time (%s)", envelope.event_id,
                 ", ".join(context.stamped))
        return Outcome(APPLIED, _("Hora corregida por la central: el reloj de la estación "
                                  "estaba atrasado."))
    return Outcome(APPLIED)


GUARD_STATES = {"VT001", staff_changes.REFUSED_STATE, contact_changes.REFUSED_STATE,
                "42501"}  # guards; RLS / privileges
SQLITE_GUARD = ("no case transition", "a new case starts")


def _refused_by_database(error: DBAPIError) -> str | None:
    """Why the central database's own rules said no; None for anything else (a lost
    connection, a timeout, a bug), which the caller treats as "not now"."""
    state = getattr(error.orig, "sqlstate", None) or ""
    if state in GUARD_STATES or (isinstance(error, IntegrityError) and any(
            text in str(error.orig) for text in SQLITE_GUARD)):
        return _("La base central rechazó el cambio: no está permitido para esta estación o "
                 "para el estado del trámite.")
    if state.startswith("22"):
        return _("La base central rechazó los datos del evento (un valor es demasiado largo o "
                 "no es válido).")
    if state.startswith("23") or isinstance(error, IntegrityError):
        return _("La base central rechazó el evento: no es coherente con sus datos.")
    return None


def _own_centre(envelope: Envelope, centre: str) -> None:
    """A station changes only its own centre's cases (row security says the same on
    PostgreSQL; the demo's SQLite central has only this check)."""
    if centre != envelope.centre:
        raise Refused(_("El trámite es de otro centro; esta estación no puede cambiarlo."),
                      "case of another centre")



def _register(connection: Connection, envelope: Envelope, context: Context,
              case: CaseRegistered) -> None:
    number = case.case_number
    _own_centre(envelope, case.centre_code)
    parsed = _case_number(number)
    if parsed is None or parsed.centre != envelope.centre:
        raise Refused(_("El número de trámite {n} no es válido para esta estación.").format(
            n=number), "case number malformed or of another centre")
    if connection.scalar(select(Case.case_number).where(Case.case_number == number)):
        raise Refused(_("Ya existe en la central otro trámite con el número {n}.").format(
            n=number))
    registered_at = context.stamp(case.registered_at, envelope, "registered_at")
    if parsed.year > local(context.now).year:
        raise Refused(_("El trámite {n} lleva un año posterior al de la central: el reloj de "
                        "la estación estaba adelantado.").format(n=number),
                      "case number year in the future")
    for document in case.documents:
        if not blobs.is_complete(connection, document.sha256):
            raise RetryLater(f"blob {document.sha256[:12]} not uploaded yet")
    connection.execute(insert(Case).values(
        case_number=number,
        request_type=case.request_type,
        cedula=case.cedula,
        applicant_name=case.applicant_name,
        search_name=fold(case.applicant_name),
        pension_type=case.pension_type,
        centre_code=case.centre_code,
        counter=case.counter,
        year=case.year,
        sequence=case.sequence,
        state=INITIAL_STATE.value,
        state_changed_at=registered_at,
        registered_at=registered_at,
        registered_by=case.registered_by,
        workstation=envelope.workstation,
        email=case.email,
        phone=case.phone,
        employer_ruc=case.employer_ruc,
        periods=case.periods,
        cedula_verified=case.cedula_verified,
        legal_basis=case.legal_basis,
        override_by=case.override_by,
        override_reason=case.override_reason,
        **case.extras(),
    ))
    if case.documents:
        connection.execute(insert(CaseDocument), [
            _document_row(document, number, case.registered_by, registered_at)
            for document in case.documents
        ])
    connection.execute(insert(CaseEvent).values(
        event_id=envelope.event_id, case_number=number, from_state=None,
        to_state=INITIAL_STATE.value, actor=envelope.actor, workstation=envelope.workstation,
        at=registered_at, reason=""))


def _document_row(document: DocumentFile, number: str, added_by: str,
                  added_at: datetime) -> dict[str, Any]:
    return {"case_number": number, "document_type": document.document_type,
            "sha256": document.sha256, "media_type": document.media_type,
            "pages": document.pages, "size_bytes": document.size_bytes,
            "source": document.source, "added_by": added_by, "added_at": added_at}


def _case_number(text: str) -> CaseNumber | None:
    try:
        return parse_case_number(text)
    except ValidationError:
        return None


def _transition(connection: Connection, envelope: Envelope, context: Context,
                change: CaseTransition) -> None:
    """Move a case if central's own state allows it (the back office may have moved it)."""
    number = envelope.case_number
    query = select(Case.state, Case.registered_by, Case.centre_code).where(
        Case.case_number == number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        _missing_case(connection, number)
    _own_centre(envelope, row.centre_code)
    central_state = CaseState(row.state)
    source, target = change.from_state, change.to_state
    if central_state is not source:
        raise Refused(_("En la central el trámite está «{central}»; ya no se puede pasar de "
                        "«{source}» a «{target}».").format(
            central=central_state.label, source=source.label, target=target.label))
    documents = set(connection.scalars(select(CaseDocument.document_type).where(
        CaseDocument.case_number == number)))
    try:
        check_transition(source, target, change.role, actor=envelope.actor,
                         registered_by=row.registered_by, reason=change.reason,
                         documents=documents)
    except TransitionRefused as refusal:
        raise Refused(refusal.user_message) from refusal
    at = context.stamp(change.at, envelope, "at")
    notified = ({"notified_on": local(at).date(), "notified_via": "VENTANILLA"}
                if target is CaseState.NOTIFICADO else {})
    connection.execute(update(Case).where(Case.case_number == number).values(
        state=target.value, state_changed_at=at, **notified))
    connection.execute(insert(CaseEvent).values(
        event_id=envelope.event_id, case_number=number, from_state=source.value,
        to_state=target.value, actor=envelope.actor, workstation=envelope.workstation, at=at,
        reason=change.reason))
    if delivery := change.delivery:
        connection.execute(insert(Delivery).values(
            case_number=number, recipient_kind=delivery.kind,
            recipient_name=delivery.name, recipient_cedula=delivery.cedula,
            delivered_at=at, delivered_by=envelope.actor, workstation=envelope.workstation))


def _missing_case(connection: Connection, number: str | None) -> NoReturn:
    """No row to lock: not registered yet (retry), or another centre's (row security)."""
    if connection.scalar(select(Case.case_number).where(Case.case_number == number)):
        raise Refused(_("El trámite es de otro centro; esta estación no puede cambiarlo."))
    raise RetryLater(f"case {number} not registered at central yet")


def _document_added(connection: Connection, envelope: Envelope, context: Context,
                    added: DocumentAdded) -> None:
    """A document added at the counter to a registered case (its file uploaded first)."""
    number = envelope.case_number
    if number is None:
        raise Refused(_("El documento no dice de qué trámite es."), "document without case")
    row = connection.execute(select(Case.state, Case.centre_code).where(
        Case.case_number == number)).first()
    if row is None:
        raise RetryLater(f"case {number} not registered at central yet")
    _own_centre(envelope, row.centre_code)
    state = CaseState(row.state)
    if state.is_terminal:
        raise Refused(_("En la central el trámite está «{state}»; ya no admite documentos.")
                      .format(state=state.label))
    for document in added.documents:
        if not blobs.is_complete(connection, document.sha256):
            raise RetryLater(f"blob {document.sha256[:12]} not uploaded yet")
    # mark the case changed so that other stations pull the new document with it
    connection.execute(update(Case).where(Case.case_number == number).values(
        state_changed_at=Case.state_changed_at))
    connection.execute(insert(CaseDocument), [
        _document_row(d, number, d.added_by or envelope.actor,
                      context.stamp(d.added_at or envelope.created_at, envelope, "added_at"))
        for d in added.documents
    ])


def _contact_corrected(envelope: Envelope, connection: Connection,
                       change: ContactCorrected) -> None:
    """The counter corrected the contact data of a case returned to it."""
    if envelope.case_number is None:
        raise Refused(_("La corrección no dice de qué trámite es."), "correction without case")
    contact_changes.apply(connection, envelope.centre, envelope.case_number, change)


# --- service at the counters (issue 13) ----------------------------------------------------


def _attention_recorded(connection: Connection, envelope: Envelope, context: Context,
                        record: AttentionRecorded) -> None:
    """A closed attention, with what was done; central keeps it as it arrives."""
    _own_centre(envelope, record.centre_code)
    if record.workstation != envelope.workstation:
        raise Refused(_("La atención es de otra estación."), "attention of another station")
    declared_start, declared_end = record.started_at, record.ended_at
    ended = context.stamp(declared_end, envelope, "ended_at")
    # the start is as old as the service was long: a clock found behind moves both
    started = declared_start + (ended - declared_end)
    if ended < started:
        raise Refused(_("La atención termina antes de empezar: revise el reloj de la "
                        "estación."), "attention ends before it starts")
    if connection.scalar(select(Attention.attention_id).where(
            Attention.attention_id == record.attention_id)):
        raise Refused(_("La central ya tiene esa atención."), "attention already recorded")
    connection.execute(insert(Attention).values(
        attention_id=record.attention_id, centre_code=record.centre_code,
        workstation=envelope.workstation, counter=record.counter, clerk=record.clerk,
        turno_code=record.turno_code, turno_booked_at=record.turno_booked_at,
        started_at=started, ended_at=ended))
    actions = [{"attention_id": record.attention_id, "kind": a.kind.value,
                "case_number": a.case_number, "note": a.note,
                "at": min(max(a.at, started), ended)}  # within the attention
               for a in record.actions]
    if actions:
        connection.execute(insert(AttentionAction), actions)


def _complaint_registered(connection: Connection, envelope: Envelope, context: Context,
                          record: ComplaintRegistered) -> None:
    _own_centre(envelope, record.centre_code)
    try:
        parsed = parse_complaint_number(record.number)
    except ValidationError:
        parsed = None
    if parsed is None or parsed.centre != envelope.centre:
        raise Refused(_("El número de queja {n} no es válido para esta estación.").format(
            n=record.number), "complaint number malformed or of another centre")
    if connection.scalar(select(Complaint.number).where(Complaint.number == record.number)):
        raise Refused(_("Ya existe en la central otra queja con el número {n}.").format(
            n=record.number))
    registered_at = context.stamp(record.registered_at, envelope, "registered_at")
    if parsed.year > local(context.now).year:
        raise Refused(_("La queja {n} lleva un año posterior al de la central: el reloj de la "
                        "estación estaba adelantado.").format(n=record.number),
                      "complaint year in the future")
    connection.execute(insert(Complaint).values(
        number=record.number, centre_code=parsed.centre, counter=parsed.counter,
        year=parsed.year, sequence=parsed.sequence, workstation=envelope.workstation,
        registered_by=record.registered_by, registered_at=registered_at,
        channel=record.channel.value, category=record.category.value,
        text=record.text, complainant_name=record.complainant_name,
        complainant_cedula=record.complainant_cedula,
        contact_email=record.contact_email, contact_phone=record.contact_phone,
        case_number=record.case_number, due_on=record.due_on,
        state=ComplaintState.REGISTERED.value, answer=""))


def _complaint_step(connection: Connection, envelope: Envelope, context: Context,
                    step: ComplaintStep) -> None:
    """Assigned, answered or closed by a supervisor of the complaint's centre."""
    query = select(Complaint.state, Complaint.centre_code).where(
        Complaint.number == step.number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise RetryLater(f"complaint {step.number} not at central yet")
    _own_centre(envelope, row.centre_code)
    target = step.to_state
    try:
        check_step(ComplaintState(row.state), target)
    except ValidationError as refusal:
        raise Refused(refusal.user_message, "complaint step refused") from refusal
    at = context.stamp(step.at, envelope, "at")
    values: dict[str, Any] = {"state": target.value}
    if target is ComplaintState.ASSIGNED:
        values |= {"assigned_to": step.assigned_to, "assigned_by": envelope.actor,
                   "assigned_at": at}
    elif target is ComplaintState.ANSWERED:
        values |= {"answer": step.answer, "answered_by": envelope.actor, "answered_at": at}
    else:
        values |= {"closed_by": envelope.actor, "closed_at": at}
    connection.execute(update(Complaint).where(Complaint.number == step.number)
                       .values(**values))

