"""Status slip and acuerdo copy for a case that went all the way through central."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from desktop.central.backoffice import issue_agreement, move
from desktop.central.demo import find_samples
from desktop.config import HOME_ENV
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.errors import NotFoundError
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.checks import refused

ROOT = Path(__file__).resolve().parents[2]


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def decided_case(stations, signed_form):
    """Registered, approved, analysed and decided centrally, and synced back."""
    runtime = stations.open(1)
    clerk, supervisor = sign_in(runtime, *CLERK), sign_in(runtime, *SUPERVISOR)
    intake = IntakeService(runtime, clerk)
    cedula = find_samples(runtime.central()).eligible
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                        (document,))).case_number
    WorkflowService(runtime, supervisor).approve(number)
    assert SyncService(runtime).run().online
    with stations.backoffice() as connection:  # the Dirección de Pensiones
        move(connection, number, CaseState.EN_ANALISIS)
        move(connection, number, CaseState.REQUIERE_INFO, "Certificado bancario (10 días)")
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(3), concession=True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online
    return runtime, clerk, number, cedula


def test_status_slip_and_acuerdo_from_the_synced_cache(stations, signed_form):
    runtime, clerk, number, cedula = decided_case(stations, signed_form)
    service = CaseDocumentService(runtime, clerk)
    slip = service.status_slip(number, "a4", online=True)
    text = text_of(slip.pdf)
    for expected in (number, "Acuerdo emitido", "En análisis", "Requiere información",
                     "Certificado bancario", "información del sistema del IESS actualizada al",
                     "IESS-034-01-07", cedula[:2] + "******" + cedula[-2:]):
        assert expected.lower() in text.lower(), expected
    assert cedula not in text and "desactualizada" not in text.lower()
    service.record_print(slip, "impresora:PDF")
    reprint = service.status_slip(number, "80mm", online=False)
    assert reprint.copy_number == 2
    assert "desactualizada" in text_of(reprint.pdf).lower()  # offline: the paper says so

    acuerdo = service.agreement(number)
    text = text_of(acuerdo.pdf)
    # the eligible sample has no late-paid months in its history: the analysis refuses it
    for expected in ("ACUERDO Nro. IESS-CPPPCH-", "ACUERDA:", "Negar", "recurso de apelación",
                     number):
        assert expected.lower() in text.lower(), expected
    assert cedula not in text


def test_no_acuerdo_before_central_issues_it(runtime, clerk, samples, signed_form):
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567",
                                        True, (document,))).case_number
    with refused(NotFoundError, "aún no tiene acuerdo"):
        CaseDocumentService(runtime, clerk).agreement(number)


def test_cli_prints_status_by_cedula_and_the_acuerdo(stations, signed_form, tmp_path):
    runtime, _clerk, number, cedula = decided_case(stations, signed_form)
    runtime.close()
    env = {**os.environ, HOME_ENV: str(stations.home(1))}
    for args, out in ((["print", "status", cedula], "estado.pdf"),
                      (["print", "agreement", number], "acuerdo.pdf")):
        result = subprocess.run([sys.executable, "-m", "desktop", *args, "--out",
                                 str(tmp_path / out)], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        assert number in text_of((tmp_path / out).read_bytes())
    bad = subprocess.run([sys.executable, "-m", "desktop", "print", "status", "1714307104",
                          "--out", str(tmp_path / "x.pdf")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 1 and re.search("dígito verificador", bad.stderr)
