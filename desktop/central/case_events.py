"""The case events at central: a registration, a transition, a document added, a contact
correction; each checked against central's own state first."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NoReturn

from sqlalchemy import Connection, insert, select, update

from desktop.central import blobs, contact_changes
from desktop.central.envelope import (
    Context,
    Envelope,
    Refused,
    RetryLater,
    own_centre,
)
from desktop.central.models import (
    Case,
    CaseDocument,
    CaseEvent,
    Delivery,
)
from desktop.clock import local
from desktop.domain.cases import INITIAL_STATE, CaseState, TransitionRefused, check_transition
from desktop.domain.events import (
    CaseRegistered,
    CaseTransition,
    ContactCorrected,
    DocumentAdded,
    DocumentFile,
)
from desktop.domain.numbering import CaseNumber, parse_case_number
from desktop.domain.text import fold
from desktop.errors import ValidationError
from desktop.i18n import _


def register(connection: Connection, envelope: Envelope, context: Context,
             case: CaseRegistered) -> None:
    number = case.case_number
    own_centre(envelope, case.centre_code)
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


def transition(connection: Connection, envelope: Envelope, context: Context,
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
    own_centre(envelope, row.centre_code)
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


def document_added(connection: Connection, envelope: Envelope, context: Context,
                   added: DocumentAdded) -> None:
    """A document added at the counter to a registered case (its file uploaded first)."""
    number = envelope.case_number
    if number is None:
        raise Refused(_("El documento no dice de qué trámite es."), "document without case")
    row = connection.execute(select(Case.state, Case.centre_code).where(
        Case.case_number == number)).first()
    if row is None:
        raise RetryLater(f"case {number} not registered at central yet")
    own_centre(envelope, row.centre_code)
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


def contact_corrected(envelope: Envelope, connection: Connection,
                      change: ContactCorrected) -> None:
    """The counter corrected the contact data of a case returned to it."""
    if envelope.case_number is None:
        raise Refused(_("La corrección no dice de qué trámite es."), "correction without case")
    contact_changes.apply(connection, envelope.centre, envelope.case_number, change)


# --- service at the counters (issue 13) ----------------------------------------------------
