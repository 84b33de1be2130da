"""Moving a case between states at the counter, through the transition table.

Every transition is a history event, an audit entry and an outbox event, written together;
central checks it again against its own state when it arrives. Review (approve, return,
annul), sending to review and delivering the acuerdo are all transitions; delivery adds
who received the document.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.central import models as central
from desktop.clock import local, now
from desktop.domain.attentions import Kind
from desktop.domain.cases import CaseState, check_transition
from desktop.domain.checklist import DocumentType
from desktop.domain.events import CaseTransition, DeliveryRecipient
from desktop.domain.identity import validate_cedula
from desktop.domain.roles import Actor
from desktop.errors import PermissionDenied, ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.attentions import note_work
from desktop.services.case_lookup import find_case
from desktop.services.limits import checked_text
from desktop.services.runtime import Runtime
from desktop.store.models import Case, CaseEvent, Delivery, outbox_event

log = logging.getLogger(__name__)

TITULAR, REPRESENTATIVE = "titular", "representante"


@dataclass(frozen=True)
class TransitionDone:
    case_number: str
    source: CaseState
    target: CaseState


@dataclass(frozen=True)
class Recipient:
    """Who takes the acuerdo: the pensioner, or a representative with their cédula."""

    kind: str  # titular | representante
    name: str = ""
    cedula: str = ""


class WorkflowService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    # the review actions, in the words of the supervisor's page
    def send_to_review(self, case_number: str) -> TransitionDone:
        """A new case, or a returned one after its fix, goes to the supervisor."""
        return self.transition(case_number, CaseState.EN_REVISION)

    def approve(self, case_number: str) -> TransitionDone:
        return self.transition(case_number, CaseState.DERIVADO)

    def return_case(self, case_number: str, reason: str) -> TransitionDone:
        return self.transition(case_number, CaseState.DEVUELTO, reason)

    def annul(self, case_number: str, reason: str) -> TransitionDone:
        return self.transition(case_number, CaseState.ANULADO, reason)

    def withdraw(self, case_number: str, reason: str) -> TransitionDone:
        """The applicant withdraws in writing (desistimiento): the signed withdrawal must be
        scanned into the case first (desktop.domain.cases refuses it otherwise)."""
        return self.transition(case_number, CaseState.DESISTIDO, reason)

    def deliver(self, case_number: str, recipient: Recipient) -> TransitionDone:
        """The acuerdo was handed over: to the pensioner, or to a representative."""
        delivery = self._recipient(case_number, recipient)
        return self.transition(case_number, CaseState.NOTIFICADO,
                               _("Acuerdo entregado a {who}.").format(who=delivery.name),
                               delivery=delivery)

    def transition(self, case_number: str, target: CaseState, reason: str = "",
                   delivery: DeliveryRecipient | None = None) -> TransitionDone:
        reason = checked_text(reason, central.CaseEvent.reason, field="reason",
                              label=_("Motivo"))
        with self.runtime.db.write() as session, session.begin():
            case = find_case(session, case_number)
            own_centre_only(case, self.actor)
            done = record_transition(session, case, target, self.actor,
                                     self.runtime.settings.workstation, reason, delivery)
        log.info("case %s: %s -> %s", done.case_number, done.source.value, done.target.value)
        return done

    def _recipient(self, case_number: str, recipient: Recipient) -> DeliveryRecipient:
        with self.runtime.db.read() as session:
            case = find_case(session, case_number)
            holder_name, holder_cedula = case.applicant_name, case.cedula
            has_power = any(document.document_type == DocumentType.POWER_OF_ATTORNEY.value
                            for document in case.documents)
        if recipient.kind == TITULAR:
            return DeliveryRecipient(TITULAR, holder_name, holder_cedula)
        if recipient.kind != REPRESENTATIVE:
            raise ValueError(recipient.kind)
        name = " ".join(checked_text(recipient.name, central.Delivery.recipient_name,
                                     field="recipient_name",
                                     label=_("Nombres de quien retira")).split())
        if len(name) < 5:
            raise ValidationError(
                _("Escriba los nombres y apellidos de quien retira el acuerdo."),
                "delivery: representative name missing", field="recipient_name")
        cedula = validate_cedula(recipient.cedula)
        if cedula == holder_cedula:
            raise ValidationError(
                _("Esa es la cédula del titular: marque que lo retira el titular."),
                "delivery: representative is the holder", field="recipient_cedula")
        if not has_power:
            raise ValidationError(
                _("No se puede entregar el acuerdo a un representante: el trámite no tiene un "
                  "poder en el expediente. Escanee el poder con «Agregar documento» y vuelva a "
                  "intentar, o entréguelo al titular."),
                "delivery: representative without a power of attorney",
                field="recipient_kind")
        return DeliveryRecipient(REPRESENTATIVE, name, cedula)


def record_transition(session: Session, case: Case, target: CaseState, actor: Actor,
                      workstation: str, reason: str = "",
                      delivery: DeliveryRecipient | None = None) -> TransitionDone:
    """Move `case` through the transition table inside the caller's transaction: the
    history event, the outbox event and the audit entry, written together. Registration
    uses it too (a complete request goes on to review in the same act)."""
    reason = reason.strip()
    source = CaseState(case.state)
    check_transition(source, target, actor.role, actor=actor.username,
                     registered_by=case.registered_by, reason=reason,
                     documents={document.document_type for document in case.documents})
    at = now()
    event_id = str(uuid.uuid4())
    case.state, case.state_changed_at = target.value, at
    if target is CaseState.NOTIFICADO:  # central records the same when the event arrives
        case.notified_on, case.notified_via = local(at).date(), "VENTANILLA"
    session.add(CaseEvent(event_id=event_id, case_id=case.id, from_state=source.value,
                          to_state=target.value, actor=actor.username,
                          workstation=workstation, at=at, reason=reason))
    event = CaseTransition(from_state=source, to_state=target, role=actor.role, at=at,
                           reason=reason, delivery=delivery)
    session.add(outbox_event(event, event_id=event_id, case_number=case.case_number,
                             actor=actor.username, workstation=workstation, at=at))
    if delivery is not None:
        _store_delivery(session, case, delivery, actor, workstation)
        note_work(session, actor, workstation, Kind.DELIVERY, case.case_number)
    audit.append(session, actor=actor.username, workstation=workstation,
                 action="case.transition", case_number=case.case_number,
                 details={"from": source.value, "to": target.value})
    return TransitionDone(case.case_number, source, target)


def own_centre_only(case: Case, actor: Actor) -> None:
    """A counter changes only its own centre's cases (central's row security says the same;
    refusing here says it at once, in words, instead of a refusal after the next sync)."""
    if case.centre_code != actor.centre_code:
        raise PermissionDenied(
            _("El trámite {number} es del centro {centre}; solo ese centro puede cambiarlo.")
            .format(number=case.case_number, centre=case.centre_code),
            "case of another centre")


def _store_delivery(session: Session, case: Case, delivery: DeliveryRecipient, actor: Actor,
                    workstation: str) -> None:
    session.add(Delivery(case_number=case.case_number, recipient_kind=delivery.kind,
                         recipient_name=delivery.name, recipient_cedula=delivery.cedula,
                         delivered_at=now(), delivered_by=actor.username,
                         workstation=workstation))
