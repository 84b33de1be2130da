"""Applying a workstation's event at central: exactly once, validated against central state.

Each event runs in one central transaction that records its id in `applied_events`; a
repeat (the workstation died after the commit and before its own acknowledgement) finds
that row and gets the same outcome without applying anything again. A refusal is recorded
with its reason, so it is final and the same on every retry. `RetryLater` (a document not
uploaded yet) records nothing: the event comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.central import blobs
from desktop.central.models import (
    AppliedEvent,
    Case,
    CaseDocument,
    CaseEvent,
    Centre,
    Delivery,
    Staff,
)
from desktop.clock import now
from desktop.db.engines import writer
from desktop.domain.cases import INITIAL_STATE, CaseState, TransitionRefused, check_transition
from desktop.domain.roles import Role
from desktop.domain.text import fold
from desktop.i18n import _

log = logging.getLogger(__name__)

APPLIED, REFUSED = "aplicado", "rechazado"


@dataclass(frozen=True)
class Envelope:
    event_id: str
    event_type: str
    case_number: str | None
    payload: dict[str, Any]
    actor: str
    workstation: str
    created_at: datetime


@dataclass(frozen=True)
class Outcome:
    status: str  # aplicado | rechazado
    reason: str = ""
    repeated: bool = False


class Refused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class RetryLater(Exception):
    """Not now, nothing recorded (e.g. a document file has not arrived yet)."""


def apply_event(engine: Engine, envelope: Envelope) -> Outcome:
    handler = HANDLERS.get(envelope.event_type)
    for _attempt in range(2):
        try:
            with writer(engine).begin() as connection:
                previous = _recorded(connection, envelope.event_id)
                if previous is not None:
                    return previous
                outcome = _run(connection, handler, envelope)
                connection.execute(insert(AppliedEvent).values(
                    event_id=envelope.event_id,
                    event_type=envelope.event_type,
                    case_number=envelope.case_number,
                    workstation=envelope.workstation,
                    applied_at=now(),
                    outcome=outcome.status,
                    reason=outcome.reason,
                ))
                return outcome
        except IntegrityError:
            # the same event applied concurrently by another connection: read its outcome
            log.info("event %s raced with a duplicate", envelope.event_id)
    with engine.connect() as connection:
        previous = _recorded(connection, envelope.event_id)
    if previous is None:
        raise Refused(_("La central no pudo registrar el evento."))
    return previous


def _recorded(connection: Connection, event_id: str) -> Outcome | None:
    row = connection.execute(
        select(AppliedEvent.outcome, AppliedEvent.reason).where(AppliedEvent.event_id == event_id)
    ).first()
    return None if row is None else Outcome(row.outcome, row.reason, repeated=True)


Handler = Callable[[Connection, Envelope], None]


def _run(connection: Connection, handler: Handler | None, envelope: Envelope) -> Outcome:
    if handler is None:
        return Outcome(REFUSED, _("La central no conoce el evento «{t}».").format(
            t=envelope.event_type))
    savepoint = connection.begin_nested()
    try:
        handler(connection, envelope)
    except Refused as refusal:
        savepoint.rollback()
        log.info("event %s refused", envelope.event_id)
        return Outcome(REFUSED, refusal.reason)
    except DBAPIError as error:
        if not _refused_by_database(error):
            raise
        savepoint.rollback()
        log.info("event %s refused by the database's own rules", envelope.event_id)
        return Outcome(REFUSED, _("La base central rechazó el cambio: no está permitido para "
                                  "esta estación o para el estado del trámite."))
    savepoint.commit()
    return Outcome(APPLIED)


GUARD_STATES = {"VT001", "42501"}  # the transition guard; row-level security / privileges
SQLITE_GUARD = ("no case transition", "a new case starts")


def _refused_by_database(error: DBAPIError) -> bool:
    """The central database's own guards said no (not a lost connection, not a bug)."""
    if isinstance(error, IntegrityError) and any(text in str(error.orig)
                                                 for text in SQLITE_GUARD):
        return True  # the SQLite demo's guard trigger
    return getattr(error.orig, "sqlstate", None) in GUARD_STATES


def _at(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _register(connection: Connection, envelope: Envelope) -> None:
    case = envelope.payload
    number = case["case_number"]
    if connection.scalar(select(Case.case_number).where(Case.case_number == number)):
        raise Refused(_("Ya existe en la central otro trámite con el número {n}.").format(
            n=number))
    for document in case["documents"]:
        if not blobs.is_complete(connection, document["sha256"]):
            raise RetryLater(f"blob {document['sha256'][:12]} not uploaded yet")
    registered_at = _at(case["registered_at"])
    connection.execute(insert(Case).values(
        case_number=number,
        request_type=case["request_type"],
        cedula=case["cedula"],
        applicant_name=case["applicant_name"],
        search_name=fold(case["applicant_name"]),
        pension_type=case["pension_type"],
        centre_code=case["centre_code"],
        counter=case["counter"],
        year=case["year"],
        sequence=case["sequence"],
        state=INITIAL_STATE.value,
        state_changed_at=registered_at,
        registered_at=registered_at,
        registered_by=case["registered_by"],
        workstation=envelope.workstation,
        email=case["email"],
        phone=case["phone"],
        employer_ruc=case["employer_ruc"],
        periods=case["periods"],
        cedula_verified=case["cedula_verified"],
        legal_basis=case["legal_basis"],
        override_by=case.get("override_by"),
        override_reason=case.get("override_reason") or "",
    ))
    if case["documents"]:
        connection.execute(insert(CaseDocument), [
            {**document, "case_number": number, "added_by": case["registered_by"],
             "added_at": registered_at}
            for document in case["documents"]
        ])
    connection.execute(insert(CaseEvent).values(
        event_id=envelope.event_id, case_number=number, from_state=None,
        to_state=INITIAL_STATE.value, actor=envelope.actor, workstation=envelope.workstation,
        at=registered_at, reason=""))


def _transition(connection: Connection, envelope: Envelope) -> None:
    """Move a case if central's own state allows it (the back office may have moved it)."""
    change = envelope.payload
    number = envelope.case_number
    query = select(Case.state, Case.registered_by).where(Case.case_number == number)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        _missing_case(connection, number)
    central_state = CaseState(row.state)
    source, target = CaseState(change["from_state"]), CaseState(change["to_state"])
    if central_state is not source:
        raise Refused(_("En la central el trámite está «{central}»; ya no se puede pasar de "
                        "«{source}» a «{target}».").format(
            central=central_state.label, source=source.label, target=target.label))
    try:
        check_transition(source, target, Role(change["role"]), actor=envelope.actor,
                         registered_by=row.registered_by, reason=change.get("reason", ""))
    except TransitionRefused as refusal:
        raise Refused(refusal.user_message) from refusal
    at = _at(change["at"])
    connection.execute(update(Case).where(Case.case_number == number).values(
        state=target.value, state_changed_at=at))
    connection.execute(insert(CaseEvent).values(
        event_id=envelope.event_id, case_number=number, from_state=source.value,
        to_state=target.value, actor=envelope.actor, workstation=envelope.workstation, at=at,
        reason=change.get("reason", "")))
    if delivery := change.get("delivery"):
        connection.execute(insert(Delivery).values(
            case_number=number, recipient_kind=delivery["kind"],
            recipient_name=delivery["name"], recipient_cedula=delivery["cedula"],
            delivered_at=at, delivered_by=envelope.actor, workstation=envelope.workstation))


def _missing_case(connection: Connection, number: str | None) -> NoReturn:
    """No row to lock: not registered yet (retry), or another centre's (row security)."""
    if connection.scalar(select(Case.case_number).where(Case.case_number == number)):
        raise Refused(_("El trámite es de otro centro; esta estación no puede cambiarlo."))
    raise RetryLater(f"case {number} not registered at central yet")


def _document_added(connection: Connection, envelope: Envelope) -> None:
    """A document added at the counter to a registered case (its file uploaded first)."""
    number = envelope.case_number
    row = connection.execute(select(Case.state).where(Case.case_number == number)).first()
    if row is None:
        raise RetryLater(f"case {number} not registered at central yet")
    state = CaseState(row.state)
    if state.is_terminal:
        raise Refused(_("En la central el trámite está «{state}»; ya no admite documentos.")
                      .format(state=state.label))
    documents = envelope.payload["documents"]
    for document in documents:
        if not blobs.is_complete(connection, document["sha256"]):
            raise RetryLater(f"blob {document['sha256'][:12]} not uploaded yet")
    # mark the case changed so that other stations pull the new document with it
    connection.execute(update(Case).where(Case.case_number == number).values(
        state_changed_at=Case.state_changed_at))
    connection.execute(insert(CaseDocument), [
        {"case_number": number, "document_type": d["document_type"], "sha256": d["sha256"],
         "media_type": d["media_type"], "pages": d["pages"], "size_bytes": d["size_bytes"],
         "source": d["source"], "added_by": d.get("added_by", envelope.actor),
         "added_at": _at(d["added_at"]) if d.get("added_at") else envelope.created_at}
        for d in documents
    ])


STAFF_ROLES = {Role.CLERK.value, Role.SUPERVISOR.value, Role.ADMINISTRATOR.value}


def _staff_changed(connection: Connection, envelope: Envelope) -> None:
    """An account created or changed by an administrator (or a password by its owner)."""
    person = envelope.payload
    if person["role"] not in STAFF_ROLES:
        raise Refused(_("Rol no válido para el personal de un centro."))
    if connection.scalar(select(Centre.code).where(Centre.code == person["centre_code"])) is None:
        raise Refused(_("No existe el centro {c}.").format(c=person["centre_code"]))
    values = {key: person[key] for key in ("full_name", "role", "centre_code", "active",
                                           "password_hash")}
    current = connection.scalar(select(Staff.centre_code).where(
        Staff.username == person["username"]))
    if current is None:
        connection.execute(insert(Staff).values(username=person["username"], **values))
    elif current != person.get("previous_centre", current):
        raise Refused(_("La cuenta {u} pertenece a otro centro.").format(u=person["username"]))
    else:
        connection.execute(update(Staff).where(Staff.username == person["username"])
                           .values(**values))


HANDLERS: dict[str, Handler] = {
    "staff.changed": _staff_changed,
    "case.registered": _register,
    "case.transition": _transition,
    "case.document_added": _document_added,
}
