"""Every kind of counter work is counted as an attention, through the services: the work
itself opens one («sin turno») when none is open, and closing it queues one event."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select, update

from desktop.capture.draft import DraftDocument
from desktop.capture.scanners import ScannedPage
from desktop.clock import LOCAL_TZ
from desktop.domain.attentions import Kind, parse_turno
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.attentions import ATTENTION_RECORDED, AttentionService
from desktop.services.auth import sign_in
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.documents import DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService
from desktop.services.workflow import TITULAR, Recipient, WorkflowService
from desktop.store import models
from tests.conftest import ADMIN, free_cedulas, refused
from tests.page_images import form_page


def register(runtime, actor, signed_form, cedula: str) -> str:
    intake = IntakeService(runtime, actor)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    return intake.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                      (document,))).case_number


def recorded(runtime) -> list[dict]:
    """The closed attentions waiting to go to central, oldest first."""
    with runtime.db.read() as session:
        return [event.payload for event in session.scalars(
            select(models.OutboxEvent).where(models.OutboxEvent.event_type ==
                                             ATTENTION_RECORDED).order_by(
                models.OutboxEvent.seq))]


def kinds(payload: dict) -> list[str]:
    return [action["kind"] for action in payload["actions"]]


def test_each_kind_of_counter_work_is_one_attention(runtime, clerk, samples, signed_form):
    attentions = AttentionService(runtime, clerk)
    a, b = free_cedulas(runtime, 2)

    number = register(runtime, clerk, signed_form, a)  # opens one by itself
    assert attentions.current().kinds == (Kind.REGISTRATION,)
    attentions.close()

    attentions.open("A-7")
    StatusService(runtime, clerk).detail(number)
    StatusService(runtime, clerk).detail(number)  # the same consultation, noted once
    attentions.close()

    issued = register(runtime, clerk, signed_form, b)
    attentions.close()
    with runtime.db.write() as session, session.begin():
        session.execute(update(models.Case).where(models.Case.case_number == issued)
                        .values(state=CaseState.ACUERDO_EMITIDO.value))
    WorkflowService(runtime, clerk).deliver(issued, Recipient(TITULAR))
    attentions.close()

    draft = DraftDocument(DocumentType.EMPLOYER_PAYMENT_PROOF)
    draft.add_scan(ScannedPage(form_page(dpi=100), 100, 1))
    DocumentService(runtime, clerk).add_to_case(number, draft)
    attentions.close()

    ComplaintService(runtime, clerk).register(ComplaintForm(
        "ventanilla", "espera", "Esperé dos horas a pesar de tener turno.", case_number=number))
    attentions.close()

    attentions.open("")
    attentions.close(Kind.INFORMATION)
    attentions.open("T-UIO01-20261205-0930-017")
    attentions.close(Kind.TURNED_AWAY, "No trajo la cédula original.")

    payloads = recorded(runtime)
    counted = [kinds(p) for p in payloads]
    assert counted == [["registro"], ["consulta"], ["registro"], ["entrega"], ["documento"],
                       ["queja"], ["informacion"], ["rechazo"]]
    assert payloads[1]["turno_code"] == "A-007" and payloads[1]["turno_booked_at"] is None
    assert payloads[0]["turno_code"] == ""  # opened by the work itself: «sin turno»
    assert payloads[3]["actions"][0]["case_number"] == issued
    assert payloads[7]["actions"][0]["note"] == "No trajo la cédula original."
    booked = datetime.fromisoformat(payloads[7]["turno_booked_at"])
    assert booked == datetime(2026, 12, 5, 9, 30, tzinfo=LOCAL_TZ)
    assert all(p["clerk"] == clerk.username and p["workstation"] == "UIO01-01"
               for p in payloads)
    assert attentions.current() is None
    with runtime.db.read() as session:
        assert session.scalar(select(func.count()).select_from(models.Attention).where(
            models.Attention.ended_at.is_(None))) == 0


def test_one_attention_open_at_a_time_and_close_needs_an_outcome(runtime, clerk):
    attentions = AttentionService(runtime, clerk)
    attentions.open("B-12")
    with refused(ValidationError, "Ya hay una atención abierta"):
        attentions.open("")
    with refused(ValidationError, "Indique qué se hizo"):
        attentions.close()
    with refused(ValidationError, "por qué"):
        attentions.close(Kind.TURNED_AWAY, "")
    with pytest.raises(ValidationError):
        attentions.close(Kind.REGISTRATION)  # the pages note that one themselves
    assert attentions.current().turno_code == "B-012"
    attentions.close(Kind.INFORMATION)
    with refused(ValidationError, "No hay una atención abierta"):
        attentions.close(Kind.INFORMATION)
    assert len(recorded(runtime)) == 1


def test_an_administrator_serves_no_one(runtime):
    admin = sign_in(runtime, *ADMIN)
    with pytest.raises(PermissionDenied):
        AttentionService(runtime, admin).open("")


@pytest.mark.parametrize(("typed", "code", "booked"), [
    ("", "", None),
    ("   ", "", None),
    ("a23", "A-023", None),
    ("AB-0001", "AB-001", None),
    (" t-uio01-20261205-0930-017\n", "T-UIO01-20261205-0930-017",
     datetime(2026, 12, 5, 9, 30, tzinfo=LOCAL_TZ)),
])
def test_turno_codes_as_typed_or_scanned(typed, code, booked):
    turno = parse_turno(typed)
    assert (turno.code, turno.booked_at) == (code, booked)


def test_an_attention_left_open_at_sign_out_ends_when_the_next_clerk_serves(runtime, clerk):
    from desktop.services.auth import sign_in
    from tests.conftest import SUPERVISOR

    AttentionService(runtime, clerk).open("A-3")
    AttentionService(runtime, clerk).note(Kind.INFORMATION)  # then signs out, open
    supervisor = sign_in(runtime, *SUPERVISOR)
    theirs = AttentionService(runtime, supervisor)
    assert theirs.current() is None  # not theirs to show
    theirs.open("B-4")
    assert theirs.current().turno_code == "B-004"
    payloads = recorded(runtime)
    assert [(p["clerk"], p["turno_code"], kinds(p)) for p in payloads] == [
        (clerk.username, "A-003", ["informacion"])]

    AttentionService(runtime, clerk).ensure_open()  # nothing done in the supervisor's:
    assert len(recorded(runtime)) == 1  # dropped, not counted
    with runtime.db.read() as session:
        assert session.scalars(select(models.Attention.clerk).where(
            models.Attention.ended_at.is_(None))).all() == [clerk.username]
