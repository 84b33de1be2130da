"""What the status slip tells the citizen (issue 11): who holds the case now, and none of
the counter's internal reasons (a supervisor's return to the clerk, an annulment)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.workflow import WorkflowService
from tests.support.accounts import SUPERVISOR

PAPERS = ("a4", "80mm")


def slip_text(runtime, actor, number: str, paper: str) -> str:
    pdf = CaseDocumentService(runtime, actor).status_slip(number, paper, online=True).pdf
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(pdf)).pages)


def register(runtime, clerk, cedula, form) -> str:
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
    return intake.register(IntakeForm(cedula, "a@correo.ec", "0991234567", True,
                                      (document,))).case_number


@pytest.mark.parametrize("paper", PAPERS)
def test_internal_reasons_stay_off_the_citizen_slip(runtime, clerk, samples, signed_form,
                                                    paper):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    workflow = WorkflowService(runtime, sign_in(runtime, *SUPERVISOR))
    workflow.return_case(number, "Nota interna: el oficinista no escaneó el reverso")
    text = slip_text(runtime, clerk, number, paper)
    assert "Devuelto con observaciones" in text
    assert "Nota interna" not in text and "reverso" not in text
    workflow.annul(number, "Registro duplicado por error del oficinista")
    text = slip_text(runtime, clerk, number, paper)
    assert "Anulado" in text
    assert "duplicado" not in text and "error del oficinista" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_the_responsible_unit_follows_the_case(runtime, clerk, samples, signed_form, paper):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    text = slip_text(runtime, clerk, number, paper)
    assert "Unidad responsable: Centro de Atención Universal Quito" in text  # in review
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(number)
    text = slip_text(runtime, clerk, number, paper)  # derived: the counter no longer holds it
    assert "Unidad responsable: Dirección de Pensiones" in text
    assert "Unidad responsable: Ventanilla" not in text
