"""Status answers from the cache: by cédula, by case number, by name; each view logged."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from sqlalchemy import select

from desktop.domain.checklist import DocumentType
from desktop.domain.numbering import parse_case_number
from desktop.errors import NotFoundError, ValidationError
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService, freshness
from desktop.store.models import AuditEntry
from tests.support.checks import refused


@pytest.fixture
def case(runtime, clerk, samples, signed_form):
    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True,
                                       (document,)))


@pytest.fixture
def status(runtime, clerk) -> StatusService:
    return StatusService(runtime, clerk)


def test_by_case_number_is_exact_like_a_barcode_reader(status, case):
    result = status.search(f"  {case.case_number.lower()}\n")
    assert result.exact and [c.case_number for c in result.cases] == [case.case_number]
    assert result.cases[0].state_label == "En revisión"


def test_a_mistyped_case_number_says_so(status, case):
    body = case.case_number[:-1]
    wrong = body + ("0" if case.case_number[-1] != "0" else "1")
    with refused(ValidationError, "error de digitación"):
        status.search(wrong)


def test_by_cedula_lists_the_cases_with_masked_cedula(status, case, samples):
    result = status.search(samples["eligible"])
    assert [c.case_number for c in result.cases] == [case.case_number]
    assert samples["eligible"] not in result.cases[0].cedula_masked
    with refused(ValidationError, "dígito verificador"):
        status.search(samples["eligible"][:-1] + str((int(samples["eligible"][-1]) + 1) % 10))


@pytest.mark.parametrize("typed", ["{surname}", "{surname_upper}", "{surname_plain}",
                                   "{part}", "{given} {surname_plain}"])
def test_by_name_ignores_accents_case_and_takes_parts(status, case, typed):
    surname, given = case.applicant_name.split()[0], case.applicant_name.split()[-1]
    plain = "".join(c for c in unicodedata.normalize("NFKD", surname)
                    if not unicodedata.combining(c))
    query = typed.format(surname=surname, surname_upper=surname.upper(), surname_plain=plain,
                         part=plain[1:5].lower(), given=given.lower())
    assert case.case_number in [c.case_number for c in status.search(query).cases]


def test_short_or_empty_queries_are_explained(status):
    with refused(ValidationError, "al menos 3 letras"):
        status.search("Ñu")
    with refused(ValidationError, "Escriba una cédula"):
        status.search("   ")


def test_every_answer_says_how_fresh_it_is(status, case):
    result = status.search(case.case_number)
    assert result.synced_at is not None  # the demo's first pull counts as a good sync
    assert freshness(result.synced_at).startswith("según información sincronizada el ")
    assert "sin sincronizar" in freshness(None)


def test_viewing_a_case_is_logged_with_who_and_why(status, case, runtime, clerk):
    detail = status.detail(case.case_number, why="consulta del titular")
    assert detail.summary.case_number == case.case_number
    assert [d.document_type for d in detail.documents] == [DocumentType.SIGNED_REQUEST]
    assert [h.state.value for h in detail.history] == ["INGRESADO", "EN_REVISION"]
    with runtime.db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "case.viewed"))
    assert (entry.actor, entry.case_number, entry.details) == (
        clerk.username, case.case_number, {"why": "consulta del titular"})


def test_unknown_case_number(status):
    number = str(dataclasses.replace(parse_case_number("REL-UIO01-01-2026-000001-Q"),
                                     sequence=77))
    assert status.search(number).cases == ()
    with refused(NotFoundError, "No existe el trámite"):
        status.detail(number)
