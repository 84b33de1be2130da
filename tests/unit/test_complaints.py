"""The complaints register: a clerk records, a supervisor assigns, answers and closes within
a deadline in working days; the complainant's constancia carries the number."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.clock import local
from desktop.domain.calendar import is_working_day, working_days_between
from desktop.domain.complaints import (
    ANSWER_WORKING_DAYS,
    ComplaintNumber,
    ComplaintState,
    add_working_days,
    parse_complaint_number,
)
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.auth import sign_in
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.store import models
from tests.conftest import SUPERVISOR, refused
from tests.pdf_text import read_pdf

FORM = ComplaintForm("correo", "demora", "Mi trámite lleva tres meses sin respuesta.\n"
                     "Pido que se revise.", complainant_name="Rosa  Elena Quishpe",
                     complainant_cedula="1710034065", contact_email="rosa.q@correo.ec",
                     contact_phone="0991234567")


@pytest.fixture
def supervisor(runtime):
    return sign_in(runtime, *SUPERVISOR)


def steps(runtime) -> list[tuple[str, dict]]:
    with runtime.db.read() as session:
        return [(e.event_type, e.payload) for e in session.scalars(
            select(models.OutboxEvent).where(models.OutboxEvent.event_type.like("complaint.%"))
            .order_by(models.OutboxEvent.seq))]


def test_register_assign_answer_close(runtime, clerk, supervisor):
    registered = ComplaintService(runtime, clerk).register(FORM)
    number = parse_complaint_number(registered.number)
    assert (number.centre, number.counter, number.year, number.sequence) == (
        "UIO01", 1, local(registered.registered_at).year, 1)
    assert registered.state is ComplaintState.REGISTERED
    start = local(registered.registered_at).date()
    assert working_days_between(start, registered.due_on) == ANSWER_WORKING_DAYS
    assert is_working_day(registered.due_on)

    handling = ComplaintService(runtime, supervisor)
    with refused(PermissionDenied, "no permite"):
        ComplaintService(runtime, clerk).assign(registered.number, clerk.username)
    with refused(ValidationError, "no se puede pasar"):
        handling.close(registered.number)  # not answered yet
    handling.assign(registered.number, clerk.username)
    answered = handling.answer(registered.number, "Su trámite fue derivado; recibirá el acuerdo "
                                                  "por correo.")
    assert answered.state is ComplaintState.ANSWERED
    closed = handling.close(registered.number)
    assert closed.state is ComplaintState.CLOSED and closed.closed_at is not None
    with refused(ValidationError, "no se puede pasar"):
        handling.close(registered.number)  # closing twice
    assert [(kind, payload.get("to_state")) for kind, payload in steps(runtime)] == [
        ("complaint.registered", None), ("complaint.step", "asignada"),
        ("complaint.step", "respondida"), ("complaint.step", "cerrada")]
    assert ComplaintService(runtime, clerk).register(FORM).number.startswith("Q-UIO01-01-")
    numbers = [v.number for v in handling.list()]
    assert [parse_complaint_number(n).sequence for n in numbers] == [2, 1]
    assert [v.number for v in handling.list(open_only=True)] == [numbers[0]]


def test_the_acknowledgement_carries_number_deadline_and_where_to_complain(runtime, clerk):
    service = ComplaintService(runtime, clerk)
    registered = service.register(FORM)
    for paper in ("a4", "80mm"):
        reader, text = read_pdf(service.acknowledgement(registered.number, paper).pdf)
        flat = " ".join(text.split())
        assert len(reader.pages) == 1
        assert registered.number in flat
        assert registered.due_on.strftime("%d/%m/%Y") in flat
        assert "atencionalusuario@iess.gob.ec" in flat and "593 23945666" in flat
        assert "Rosa Elena Quishpe" in flat
        assert "1710034065" not in flat and "rosa.q@correo.ec" not in flat  # masked
        assert "Mi trámite lleva tres meses sin respuesta." in flat


def test_bad_complaints_change_nothing(runtime, clerk):
    service = ComplaintService(runtime, clerk)
    for form, message in [
        (ComplaintForm("ventanilla", "demora", "corta"), "al menos"),
        (ComplaintForm("fax", "demora", "Texto suficiente de la queja."), "canal"),
        (ComplaintForm("ventanilla", "demora", "x" * 2001), "hasta 2000"),
        (ComplaintForm("ventanilla", "demora", "Texto suficiente.", contact_email="no-es"),
         "correo"),
        (ComplaintForm("ventanilla", "demora", "Texto suficiente.", case_number="REL-1"),
         "REL-UIO01"),
    ]:
        with refused(ValidationError, message):
            service.register(form)
    assert service.list() == ()


def test_numbers_have_a_check_character_without_o_or_i():
    seen = {str(ComplaintNumber("UIO01", 1, 2026, n))[-1] for n in range(1, 400)}
    assert not seen & {"O", "I"} and len(seen) > 20
    number = str(ComplaintNumber("GYE02", 3, 2026, 42))
    assert parse_complaint_number(number.lower()) == ComplaintNumber("GYE02", 3, 2026, 42)
    typo = number[:-3] + ("3" if number[-3] != "3" else "4") + number[-2:]
    with refused(ValidationError, "error de digitación"):
        parse_complaint_number(typo)
    swapped = number.replace("-00042-", "-00024-")
    with refused(ValidationError, "error de digitación"):
        parse_complaint_number(swapped)


def test_adding_working_days_agrees_with_the_calendar():
    start = date(2026, 12, 18)  # a Friday before Christmas
    for days in (0, 1, 5, 15, 30):
        due = add_working_days(start, days)
        assert working_days_between(start, due) == days
        assert days == 0 or is_working_day(due)
        assert days == 0 or not is_working_day(due - timedelta(days=1)) or \
            working_days_between(start, due - timedelta(days=1)) == days - 1
