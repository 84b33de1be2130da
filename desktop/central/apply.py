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
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.central import case_events, contact_changes, service_events, staff_changes
from desktop.central.clock import server_now, skew_allowed
from desktop.central.envelope import (
    APPLIED,
    REFUSED,
    Context,
    Envelope,
    Outcome,
    Refused,
    RetryLater,
)
from desktop.central.models import AppliedEvent
from desktop.db.engines import writer
from desktop.domain.event_wire import MalformedEvent, UnknownEvent
from desktop.domain.events import (
    AttentionRecorded,
    CaseRegistered,
    CaseTransition,
    ComplaintRegistered,
    ComplaintStep,
    ContactCorrected,
    DocumentAdded,
    Event,
    StaffChanged,
    read_event,
)
from desktop.i18n import _

log = logging.getLogger(__name__)


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
            case_events.register(connection, envelope, context, event)
        case CaseTransition():
            case_events.transition(connection, envelope, context, event)
        case DocumentAdded():
            case_events.document_added(connection, envelope, context, event)
        case ContactCorrected():
            case_events.contact_corrected(envelope, connection, event)
        case StaffChanged():
            staff_changes.apply(connection, envelope.actor, envelope.centre, event)
        case AttentionRecorded():
            service_events.attention_recorded(connection, envelope, context, event)
        case ComplaintRegistered():
            service_events.complaint_registered(connection, envelope, context, event)
        case ComplaintStep():
            service_events.complaint_step(connection, envelope, context, event)


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
