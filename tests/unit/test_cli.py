"""Admin commands run as a person would run them: a real subprocess, no Qt loaded."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from stdnum.ec import ci

from desktop.config import HOME_ENV

ROOT = Path(__file__).resolve().parents[2]


def ventanilla(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, HOME_ENV: str(home)}
    return subprocess.run([sys.executable, "-m", "ui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_demo_prints_the_logins_and_one_cedula_per_kind(tmp_path):
    result = ventanilla(tmp_path, "demo")
    assert result.returncode == 0, result.stderr
    logins = re.findall(r"^usuario: (\S+)  clave: (\S+)  rol: (\S+)$", result.stdout, re.M)
    assert len(logins) == 6
    assert {role for _, _, role in logins} == {"oficinista", "supervisor", "administrador"}
    for kind in ("elegible", "aportes pendientes", "pensión suspendida", "no es pensionista"):
        match = re.search(rf"^{kind}: (\d{{10}})$", result.stdout, re.M)
        assert match and ci.is_valid(match.group(1)), kind
    assert (tmp_path / "config" / "settings.toml").exists()
    again = ventanilla(tmp_path, "demo")
    assert again.returncode == 0 and again.stdout == result.stdout


def test_print_receipt_writes_the_pdf_as_an_export(home, runtime, clerk, samples,
                                                   signed_form, tmp_path):
    from desktop.domain.checklist import DocumentType
    from desktop.services.intake import IntakeForm, IntakeService
    from desktop.services.receipts import ReceiptService

    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    case = service.register(IntakeForm(samples["eligible"], "ana@correo.ec", "0987654321",
                                       True, (document,)))
    out = tmp_path / "recibo.pdf"
    result = ventanilla(home.config_dir.parent, "print", "receipt", case.case_number,
                        "--out", str(out), "--format", "80mm")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert abs(float(reader.pages[0].mediabox.width) - 226.77) < 0.5
    assert case.case_number in reader.pages[0].extract_text()
    assert ReceiptService(runtime, clerk).copies_printed(case.case_number) == 0  # not paper
    second = ventanilla(home.config_dir.parent, "print", "receipt", case.case_number.lower(),
                        "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert "Reimpresión" not in PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert _audit_actions(runtime).count("comprobante.exported") == 2


def _audit_actions(runtime) -> list[str]:
    from sqlalchemy import select

    from desktop.store.models import AuditEntry

    with runtime.db.read() as session:
        return list(session.scalars(select(AuditEntry.action)))


def test_print_receipt_explains_a_mistyped_number(home):
    result = ventanilla(home.config_dir.parent, "print", "receipt",
                        "REL-UIO01-01-2026-000001-0", "--out", "x.pdf")
    assert result.returncode == 1
    assert "error de digitación" in result.stderr
    assert "Traceback" not in result.stderr


def test_print_receipt_of_an_unknown_case(home, tmp_path):
    from desktop.domain.numbering import CaseNumber

    number = str(CaseNumber("UIO01", 1, 2026, 999))
    result = ventanilla(home.config_dir.parent, "print", "receipt", number,
                        "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and "No existe el trámite" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
