"""Correcting a case the supervisor returned (DEVUELTO) and sending it back to review.

The clerk reads the supervisor's reason in full, corrects the contact data, adds the
missing documents (a new one of a type already received replaces it for the review; the
old one stays in the file, nothing is deleted) and sends the same case, with its history,
back to review. All of it is one local transaction: the contact change, each document and
the transition are outbox events pushed in that order, so central sees the corrected
case before it sees it back in review.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.clock import now
from desktop.domain.cases import CaseState
from desktop.domain.event_wire import EventType
from desktop.domain.events import ContactCorrected
from desktop.domain.roles import Action, Actor
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services import intake_checks as checks
from desktop.services.attached import AttachedDocument
from desktop.services.case_lookup import find_case
from desktop.services.case_views import CaseDetail, load_detail
from desktop.services.documents import record_document
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.services.workflow import TransitionDone, own_centre_only, record_transition
from desktop.store.models import Case, Staff, outbox_event

log = logging.getLogger(__name__)

CONTACT_CORRECTED = EventType.CONTACT_CORRECTED.value  # its audit action too
#: INGRESADO: a case registered before registration sent cases to review by itself
CORRECTABLE = (CaseState.DEVUELTO, CaseState.INGRESADO)


@dataclass(frozen=True)
class Contact:
    """What the counter owns of a case: how to reach the citizen and what they declared."""

    email: str
    phone: str
    employer_ruc: str = ""
    periods: str = ""


@dataclass(frozen=True)
class ReturnedCase:
    detail: CaseDetail
    contact: Contact  # in full: the clerk corrects it with the citizen in front of them
    returned_reason: str  # the supervisor's words ('' for a case never sent)
    returned_by: str
    returned_at: datetime | None


class CorrectionService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def open(self, case_number: str) -> ReturnedCase:
        """A case of this centre waiting for its correction, with the reason it came back."""
        require(self.actor, Action.REGISTER_CASE)
        with self.runtime.db.read() as session:
            case = self._correctable(find_case(session, case_number))
            detail = load_detail(session, case.case_number)
            contact = Contact(case.email, case.phone, case.employer_ruc or "", case.periods)
            returned = next((item for item in reversed(detail.history)
                             if item.state is CaseState.DEVUELTO), None)
            who = session.get(Staff, returned.actor) if returned else None
        return ReturnedCase(detail, contact, returned.reason if returned else "",
                            (who.full_name if who else returned.actor) if returned else "",
                            returned.at if returned else None)

    def resubmit(self, case_number: str, contact: Contact,
                 documents: tuple[AttachedDocument, ...] = ()) -> TransitionDone:
        """Correct, complete and send back to review: one transaction."""
        require(self.actor, Action.REGISTER_CASE)
        corrected = Contact(
            _valid(checks.check_email(contact.email), "email"),
            _valid(checks.check_phone(contact.phone), "phone"),
            _valid(checks.check_ruc(contact.employer_ruc), "ruc"),
            _valid(checks.check_periods(contact.periods), "periods"))
        for document in documents:
            if not self.runtime.blobs.exists(document.sha256):
                raise ValidationError(
                    _("El archivo de «{label}» ya no está en esta estación; adjúntelo de "
                      "nuevo.").format(label=document.label),
                    "attached blob missing", field="documents")
        workstation = self.runtime.settings.workstation
        with self.runtime.db.write() as session, session.begin():
            case = self._correctable(find_case(session, case_number))
            at = now()
            if _contact_of(case) != corrected:
                _correct_contact(session, case, corrected, self.actor, workstation, at)
            known = {d.sha256 for d in case.documents}
            for document in documents:
                if document.sha256 not in known:
                    record_document(session, case, document, self.actor, workstation, at)
            done = record_transition(session, case, CaseState.EN_REVISION, self.actor,
                                     workstation)
        log.info("case %s corrected (%d documents) and sent to review", done.case_number,
                 len(documents))
        return done

    def _correctable(self, case: Case) -> Case:
        state = CaseState(case.state)
        if state not in CORRECTABLE:
            raise ValidationError(
                _("El trámite {number} está «{state}»: solo un trámite devuelto se corrige y "
                  "reenvía.").format(number=case.case_number, state=state.label),
                "case not correctable", field="case_number")
        own_centre_only(case, self.actor)
        return case


def _valid(result: checks.FieldCheck, field: str) -> str:
    if not result.ok:
        raise ValidationError(result.message, f"invalid {field}", field=field)
    return result.value


def _contact_of(case: Case) -> Contact:
    return Contact(case.email, case.phone, case.employer_ruc or "", case.periods)


def _correct_contact(session: Session, case: Case, contact: Contact, actor: Actor,
                     workstation: str, at: datetime) -> None:
    changed = sorted(name for name, old, new in (
        ("email", case.email, contact.email), ("phone", case.phone, contact.phone),
        ("employer_ruc", case.employer_ruc or "", contact.employer_ruc),
        ("periods", case.periods, contact.periods)) if old != new)
    case.email, case.phone = contact.email, contact.phone
    case.employer_ruc, case.periods = contact.employer_ruc or None, contact.periods
    event = ContactCorrected(email=contact.email, phone=contact.phone,
                             employer_ruc=contact.employer_ruc or None, periods=contact.periods,
                             at=at)
    session.add(outbox_event(event, case_number=case.case_number, actor=actor.username,
                             workstation=workstation, at=at))
    audit.append(session, actor=actor.username, workstation=workstation,
                 action=CONTACT_CORRECTED, case_number=case.case_number,
                 details={"fields": changed})  # which fields, never their values
