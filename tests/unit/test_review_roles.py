"""Who may move a case, at the service level: each refusal with its own message."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select, update

from desktop.domain.cases import CaseState, TransitionRefused
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from desktop.services.applicants import Representative
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.workflow import REPRESENTATIVE, TITULAR, Recipient, WorkflowService
from desktop.store.models import Case, CaseEvent, Delivery, OutboxEvent
from tests.support.accounts import ADMIN, SUPERVISOR
from tests.support.checks import refused


@pytest.fixture
def supervisor(runtime):
    return sign_in(runtime, *SUPERVISOR)


@pytest.fixture
def case_number(runtime, clerk, samples, signed_form) -> str:
    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567",
                                       True, (document,))).case_number


def state(runtime, number: str) -> CaseState:
    with runtime.db.read() as session:
        return CaseState(session.scalar(select(Case.state).where(Case.case_number == number)))


def test_registering_sends_to_review_and_supervisor_approves(runtime, clerk, supervisor,
                                                             case_number):
    assert state(runtime, case_number) is CaseState.EN_REVISION  # in the same act
    done = WorkflowService(runtime, supervisor).approve(case_number)
    assert (done.source, done.target) == (CaseState.EN_REVISION, CaseState.DERIVADO)
    with runtime.db.read() as session:
        events = session.scalars(select(OutboxEvent).where(
            OutboxEvent.case_number == case_number).order_by(OutboxEvent.seq)).all()
    assert [e.event_type for e in events[:2]] == ["case.registered", "case.transition"]
    assert [e.payload.get("to_state") for e in events[1:]] == ["EN_REVISION", "DERIVADO"]
    assert events[1].payload["role"] == "oficinista"  # the clerk sent it, as she registered
    assert events[-1].payload["role"] == "supervisor"


def test_a_clerk_cannot_approve(runtime, clerk, case_number):
    with refused(TransitionRefused, "El rol Oficinista no puede"):
        WorkflowService(runtime, clerk).approve(case_number)
    assert state(runtime, case_number) is CaseState.EN_REVISION


def test_a_supervisor_cannot_approve_their_own_case(runtime, supervisor, samples, signed_form):
    service = IntakeService(runtime, supervisor)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = service.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567",
                                         True, (document,))).case_number
    workflow = WorkflowService(runtime, supervisor)
    for action in (workflow.approve, lambda n: workflow.return_case(n, "Falta firma")):
        with refused(TransitionRefused, "otra persona debe revisarlo"):
            action(number)
    assert state(runtime, number) is CaseState.EN_REVISION


@pytest.mark.parametrize("target", [CaseState.EN_ANALISIS, CaseState.ACUERDO_EMITIDO,
                                    CaseState.NOTIFICADO, CaseState.CERRADO])
def test_nobody_skips_a_state(runtime, supervisor, case_number, target):
    with refused(TransitionRefused, "no puede pasar a"):
        WorkflowService(runtime, supervisor).transition(case_number, target)
    assert state(runtime, case_number) is CaseState.EN_REVISION


def test_return_and_annul_need_a_reason(runtime, clerk, supervisor, case_number):
    review = WorkflowService(runtime, supervisor)
    with refused(TransitionRefused, "Escriba el motivo"):
        review.return_case(case_number, "   ")
    review.return_case(case_number, "Falta la firma del solicitante")
    assert state(runtime, case_number) is CaseState.DEVUELTO
    WorkflowService(runtime, clerk).send_to_review(case_number)  # fixed and resent
    with refused(TransitionRefused, "Escriba el motivo"):
        review.annul(case_number, "")
    review.annul(case_number, "Registro duplicado por error")
    assert state(runtime, case_number) is CaseState.ANULADO


def test_an_administrator_reviews_nothing(runtime, clerk, case_number):
    with refused(TransitionRefused, "El rol Administrador no puede"):
        WorkflowService(runtime, sign_in(runtime, *ADMIN)).approve(case_number)


def _issued(runtime, number: str) -> None:
    """As a pull from central would leave it: the acuerdo is issued."""
    with runtime.db.write() as session, session.begin():
        session.execute(update(Case).where(Case.case_number == number).values(
            state=CaseState.ACUERDO_EMITIDO.value))


def test_delivery_to_the_pensioner(runtime, clerk, case_number):
    _issued(runtime, case_number)
    WorkflowService(runtime, clerk).deliver(case_number, Recipient(TITULAR))
    with runtime.db.read() as session:
        delivery = session.get(Delivery, case_number)
        event = session.scalar(select(CaseEvent).order_by(CaseEvent.id.desc()).limit(1))
        outbox = session.scalar(select(OutboxEvent).order_by(OutboxEvent.seq.desc()).limit(1))
    assert delivery.recipient_kind == TITULAR and delivery.delivered_by == clerk.username
    assert event.to_state == "NOTIFICADO"
    assert outbox.payload["delivery"]["kind"] == TITULAR
    assert state(runtime, case_number) is CaseState.NOTIFICADO


def test_delivery_to_a_representative_needs_name_and_valid_cedula(runtime, clerk, case_number,
                                                                   samples):
    _issued(runtime, case_number)
    workflow = WorkflowService(runtime, clerk)
    with refused(ValidationError, "nombres y apellidos"):
        workflow.deliver(case_number, Recipient(REPRESENTATIVE, "Ana", "1714307103"))
    with refused(ValidationError, "dígito verificador"):
        workflow.deliver(case_number, Recipient(REPRESENTATIVE, "Ana María Tapia", "1714307104"))
    with refused(ValidationError, "cédula del titular"):
        workflow.deliver(case_number, Recipient(REPRESENTATIVE, "Ana María Tapia",
                                                samples["eligible"]))
    # all good but the power of attorney: refused, said in words, nothing changes
    with refused(ValidationError, "no tiene un poder en el expediente"):
        workflow.deliver(case_number, Recipient(REPRESENTATIVE, "Ana María Tapia", "1714307103"))
    assert state(runtime, case_number) is CaseState.ACUERDO_EMITIDO
    with runtime.db.read() as session:
        assert session.get(Delivery, case_number) is None


def test_delivery_before_the_acuerdo_is_refused(runtime, clerk, case_number):
    with refused(TransitionRefused, "no puede pasar a"):
        WorkflowService(runtime, clerk).deliver(case_number, Recipient(TITULAR))


def test_a_representative_with_a_power_of_attorney_files_and_collects(runtime, clerk, samples,
                                                                    signed_form):
    """An apoderado files for the pensioner (own identity recorded, power scanned as a
    checklist document) and later takes the acuerdo; the power on file allows it."""
    service = IntakeService(runtime, clerk)
    request = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    form = IntakeForm(samples["eligible"], "a@correo.ec", "", True, (request,),
                      representative=Representative("Tapia Ruiz Ana María", "1714307103"))
    with refused(ValidationError, "Poder del representante"):
        service.register(form)  # a representative brings the power of attorney
    power = service.attach_file(signed_form, DocumentType.POWER_OF_ATTORNEY)
    number = service.register(dataclasses.replace(form, documents=(request, power)))
    _issued(runtime, number.case_number)
    WorkflowService(runtime, clerk).deliver(
        number.case_number, Recipient(REPRESENTATIVE, "Ana María Tapia Ruiz", "1714307103"))
    with runtime.db.read() as session:
        delivery = session.get(Delivery, number.case_number)
        case = session.scalar(select(Case).where(Case.case_number == number.case_number))
    assert (delivery.recipient_kind, delivery.recipient_cedula) == (REPRESENTATIVE,
                                                                     "1714307103")
    assert (case.representative_name, case.representative_cedula) == (
        "TAPIA RUIZ ANA MARÍA", "1714307103")
    assert state(runtime, number.case_number) is CaseState.NOTIFICADO


@pytest.mark.parametrize(("representative", "message"), [
    (Representative("", "1714307103"), "nombres y apellidos completos"),
    (Representative("Tapia Ruiz Ana", ""), "cédula del representante"),
    (Representative("Tapia Ruiz Ana", "1714307104"), "dígito verificador"),
    (Representative("Tapia Ruiz Ana", "", "CO", "1"), "de 5 a 20 caracteres"),
    (Representative("Tapia Ruiz Ana", "", "", "AB12345"), "Elija el país"),
])
def test_a_representative_without_a_valid_identity_is_refused(runtime, clerk, samples,
                                                              signed_form, representative,
                                                              message):
    service = IntakeService(runtime, clerk)
    documents = (service.attach_file(signed_form, DocumentType.SIGNED_REQUEST),
                 service.attach_file(signed_form, DocumentType.POWER_OF_ATTORNEY))
    with refused(ValidationError, message):
        service.register(IntakeForm(samples["eligible"], "a@correo.ec", "", True, documents,
                                    representative=representative))
    with runtime.db.read() as session:
        assert session.scalar(select(Case.id).limit(1)) is None
