"""The acuerdo as the institution issues it: rendered and signed once at central (the demo
back office), carried to the station with sync, verified there with no connection, found by
its number or its QR, checked by `ventanilla document verify`."""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from desktop.capture.draft import DraftDocument
from desktop.capture.files import check_bytes
from desktop.central.backoffice import issue_agreement, move
from desktop.central.demo import find_samples
from desktop.central.models import Agreement, history_items
from desktop.central.signer import DEMO_SIGNER
from desktop.config import HOME_ENV
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.requesters import Requester
from desktop.errors import ValidationError
from desktop.services.acuerdo_copies import check_case, signed_acuerdo, verify_bytes
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.documents import DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.signing import pades, pki
from desktop.signing.verify import Verdict
from desktop.store.models import AuditEntry
from desktop.sync.connection import CentralUnreachable
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"IESS-[A-Z]+-\d{4}-\d{4}-A")


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "acuerdo.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def qr_of(pdf: bytes, tmp_path: Path) -> str:
    """Render the last page and read its QR as a barcode reader would."""
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    page = sorted(tmp_path.glob("page*.png"))[-1]
    return subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", str(page)], check=True,
                          capture_output=True, text=True).stdout.strip()


def decided(stations, signed_form, concession: bool):
    runtime = stations.open(1)
    clerk, supervisor = sign_in(runtime, *CLERK), sign_in(runtime, *SUPERVISOR)
    intake = IntakeService(runtime, clerk)
    cedula = with_raise(stations) if concession else find_samples(runtime.central()).eligible
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                        (document,))).case_number
    WorkflowService(runtime, supervisor).approve(number)
    assert SyncService(runtime).run().online
    with stations.backoffice() as connection:  # the Dirección de Pensiones
        move(connection, number, CaseState.EN_ANALISIS)
        acuerdo = issue_agreement(connection, number, random.Random(3), concession=concession)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online  # the row, the root and the signed file arrive
    return runtime, clerk, number, cedula, acuerdo


def with_raise(stations) -> str:
    """An active pensioner without pending debts whose history the employer's late payment
    improves (the demo's histories say which months were paid late)."""
    from desktop.central.models import ContributionDebt, ContributionHistory, Pension
    from desktop.domain.pension import History, preview

    with stations.maintenance() as connection:  # the registry as its owner sees it
        indebted = set(connection.scalars(select(ContributionDebt.cedula).where(
            ContributionDebt.settled_on.is_(None))))
        rows = connection.execute(select(ContributionHistory.cedula, ContributionHistory.months,
                                         ContributionHistory.late).join(
            Pension, Pension.cedula == ContributionHistory.cedula).where(
            Pension.state == "ACTIVA", ContributionHistory.late != "")).all()
    for cedula, months, late in rows:
        after = History.of(history_items(months))
        before = after.without([m for m in late.split(";") if m])
        try:
            if cedula not in indebted and preview(before, after, 2026).difference > 0:
                return cedula
        except Exception:  # too few years for the tables: not this one
            continue
    raise AssertionError("the demo has no pensioner a late payment improves")


def cut_off(runtime, monkeypatch) -> None:
    """From here on the station cannot reach central."""
    def unreachable():
        raise CentralUnreachable("sin conexión", "test: central cut off")
    monkeypatch.setattr(runtime, "central", unreachable)


def test_a_signed_acuerdo_verifies_offline_and_leads_to_its_case(stations, signed_form,
                                                                 tmp_path, monkeypatch):
    runtime, clerk, number, cedula, acuerdo = decided(stations, signed_form, True)
    cut_off(runtime, monkeypatch)

    check = check_case(runtime, number)
    assert check is not None and check.verdict is Verdict.VALID, check
    assert check.signer == DEMO_SIGNER
    assert check.sentence() == f"Firmado electrónicamente por {DEMO_SIGNER} — firma válida"

    status_detail = StatusService(runtime, clerk).detail(number)
    assert status_detail.agreement.signature == check.sentence()
    printed = CaseDocumentService(runtime, clerk).agreement(number)
    assert printed.pdf == signed_acuerdo(runtime, number).pdf  # that PDF, not a re-rendering
    text = pdftotext(printed.pdf, tmp_path)
    flat = " ".join(text.split())
    assert NUMBER.fullmatch(acuerdo) and acuerdo in flat
    for expected in ("ACUERDA:", "Que, el artículo 98", "CONSIDERANDO:", DEMO_SIGNER.upper(),
                     "En ejercicio de las atribuciones", "Base de cálculo", "Coeficiente",
                     "Imposiciones", "dólares de los Estados Unidos de América con",
                     "ACUERDO DE CONCESIÓN", "recurso de apelación", "diez (10) días",
                     "Quito,", number):
        assert expected in flat, (expected, text)
    assert cedula not in flat and "RESUELVE" not in flat

    code = qr_of(printed.pdf, tmp_path)
    assert code.startswith(f"IESS-ACUERDO|{acuerdo}|")
    status = StatusService(runtime, clerk)
    for query in (code, acuerdo, acuerdo.lower()):
        found = status.search(query)
        assert found.exact and [c.case_number for c in found.cases] == [number], query
    forged = code[:-2] + ("AA" if not code.endswith("AA") else "BB")
    assert status.search(forged).cases == ()

    # a copy only for the pensioner or a representative, and who asked is in the audit log
    service = CaseDocumentService(runtime, clerk)
    with refused(ValidationError, "solo al pensionista o a su representante"):
        service.agreement(number, Requester.TERCERO)
    with refused(ValidationError, "no tiene un poder en el expediente"):
        service.agreement(number, Requester.REPRESENTANTE)  # as for the delivery
    power = DraftDocument(DocumentType.POWER_OF_ATTORNEY)
    power.add_file(check_bytes(make_pdf(1, text="Poder especial"), ".pdf"))
    DocumentService(runtime, clerk).add_to_case(number, power)
    copy = service.agreement(number, Requester.REPRESENTANTE)
    service.record_print(copy, "impresora:PDF")
    with runtime.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.case_number == number, AuditEntry.action == "acuerdo.printed")).one()
    assert entry.details["requester"] == "representante"


def test_print_status_takes_an_acuerdo_number(stations, signed_form, tmp_path):
    _runtime, _clerk, number, _cedula, acuerdo = decided(stations, signed_form, False)
    out = tmp_path / "estado.pdf"
    env = {**os.environ, HOME_ENV: str(stations.home(1))}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "print", "status", acuerdo, "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert number in result.stdout
    text = " ".join(pdftotext(out.read_bytes(), tmp_path).split())
    assert number in text and acuerdo in text


def test_a_negacion_states_reasons_and_has_no_pension_table(stations, signed_form, tmp_path):
    runtime, _clerk, number, _cedula, acuerdo = decided(stations, signed_form, False)
    text = " ".join(pdftotext(signed_acuerdo(runtime, number).pdf, tmp_path).split())
    for expected in ("ACUERDO DE NEGACIÓN", "Negar la reliquidación", "ACUERDA:",
                     "Que, del análisis del expediente se desprende:",
                     "no contiene aportes pagados en mora", acuerdo):
        assert expected in text, expected
    for absent in ("Coeficiente", "Renta mensual", "Base de cálculo", "retroactivo"):
        assert absent not in text, absent
    assert check_case(runtime, number).verdict is Verdict.VALID


def test_one_changed_byte_or_another_authority_is_said_and_fails_the_command(
        stations, signed_form, tmp_path):
    runtime, _clerk, number, _cedula, _acuerdo = decided(stations, signed_form, True)
    original = signed_acuerdo(runtime, number).pdf
    changed = bytearray(original)
    spot = original.index(b"/Producer")  # inside the signed byte range
    changed[spot + 3] ^= 0x01
    assert verify_bytes(runtime, bytes(changed)).verdict is Verdict.ALTERED
    assert "— alterada" in verify_bytes(runtime, bytes(changed)).sentence()

    stranger = pki.issue_signer(pki.make_authority("Otra Autoridad de Certificación"),
                                "Persona Ajena", "Otra institución", "Firmante")
    with stations.backoffice() as connection:  # central names the very file the station has
        assert connection.scalar(select(Agreement.signed_sha256).where(
            Agreement.case_number == number)) == hashlib.sha256(original).hexdigest()
    foreign = pades.sign_pdf(_unsigned_copy(original), stranger, "prueba", "Quito")
    check = verify_bytes(runtime, foreign)
    assert check.verdict is Verdict.UNTRUSTED and check.signer == "Persona Ajena"
    assert "firmante no reconocido" in check.sentence()

    good, bad, other = (tmp_path / "bueno.pdf", tmp_path / "malo.pdf", tmp_path / "otro.pdf")
    good.write_bytes(original)
    bad.write_bytes(bytes(changed))
    other.write_bytes(foreign)
    env = {**os.environ, HOME_ENV: str(stations.home(1))}
    runs = {path.name: subprocess.run(
        [sys.executable, "-m", "desktop", "document", "verify", str(path)], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False) for path in (good, bad, other)}
    assert runs["bueno.pdf"].returncode == 0, runs["bueno.pdf"].stderr
    assert f"Firmado electrónicamente por {DEMO_SIGNER} — firma válida" in \
        runs["bueno.pdf"].stdout
    assert "Fecha de la firma:" in runs["bueno.pdf"].stdout
    assert "Documento íntegro: sí" in runs["bueno.pdf"].stdout
    assert runs["malo.pdf"].returncode == 1 and "alterada" in runs["malo.pdf"].stdout
    assert "Documento íntegro: no" in runs["malo.pdf"].stdout
    assert runs["otro.pdf"].returncode == 1
    assert "firmante no reconocido" in runs["otro.pdf"].stdout


def _unsigned_copy(signed: bytes) -> bytes:
    """The acuerdo as it was before central's signature (its first revision)."""
    end = signed.index(b"%%EOF") + len(b"%%EOF")
    return signed[:end] + b"\n"



def test_a_production_signer_from_pkcs12_with_its_password_in_the_keyring(
        stations, signed_form, tmp_path, keyring_env):
    """`central signer --p12`: the file kept privately, the password in the (real) keyring,
    its root trusted by the stations; the back office then signs with it, not the demo's."""
    from desktop.central.signer import signer_of
    from desktop.security.secrets import load_secret
    from desktop.signing.keystore import SECRET, load_signer, signer_file
    from tests.support.files import paths_in

    authority = pki.make_authority("Autoridad de Certificación de Prueba")
    person = pki.issue_signer(authority, "Jorge Andrés Villacís Mena",
                              "Instituto Ecuatoriano de Seguridad Social",
                              "Director del Sistema de Pensiones")
    p12 = tmp_path / "firmante.p12"
    p12.write_bytes(pki.to_pkcs12(person, b"clave-del-certificado"))
    backoffice = tmp_path / "direccion"
    env = {**os.environ, HOME_ENV: str(backoffice),
           "VENTANILLA_P12_PASSWORD": "clave-del-certificado"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "central", "signer", "--p12", str(p12),
         "--url", stations.url], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    paths = paths_in(backoffice)
    assert signer_file(paths).stat().st_mode & 0o077 == 0  # only its owner reads it
    assert load_secret(SECRET) == "clave-del-certificado"
    assert b"clave-del-certificado" not in signer_file(paths).read_bytes()
    identity = load_signer(paths)
    assert identity is not None and identity.common_name == "Jorge Andrés Villacís Mena"

    runtime = stations.open(1)
    clerk, supervisor = sign_in(runtime, *CLERK), sign_in(runtime, *SUPERVISOR)
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    cedula = find_samples(runtime.central()).eligible
    number = intake.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                        (document,))).case_number
    WorkflowService(runtime, supervisor).approve(number)
    assert SyncService(runtime).run().online
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(1), False, signer_of(identity))
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online
    check = check_case(runtime, number)
    assert check is not None and check.verdict is Verdict.VALID
    assert check.signer == "Jorge Andrés Villacís Mena"
    text = " ".join(pdftotext(signed_acuerdo(runtime, number).pdf, tmp_path).split())
    assert "JORGE ANDRÉS VILLACÍS MENA" in text and "Director del Sistema de Pensiones" in text


def test_a_demo_central_made_before_signed_acuerdos_gets_its_signer(tmp_path):
    """Re-running `central init --demo` installs the demo signer once; a central with no
    signer at all refuses to issue an acuerdo, in words."""
    from sqlalchemy import delete, func

    from desktop.central import acuerdos
    from desktop.central.models import DemoSigner, TrustedRoot
    from desktop.db.engines import create_app_engine, writer
    from desktop.errors import ValidationError
    from desktop.services.setup import init_central

    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    init_central(url, demo=True, pensioners=20)
    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:  # as a previous release left it
            connection.execute(delete(DemoSigner))
            connection.execute(delete(TrustedRoot))
        with refused(ValidationError, "central signer --p12"), \
                writer(engine).begin() as connection:
            acuerdos.issue(connection, "REL-UIO01-01-2026-000001-Q", True)
        init_central(url, demo=True, pensioners=20)
        init_central(url, demo=True, pensioners=20)  # idempotent
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(DemoSigner)) == 1
            assert connection.scalar(select(func.count()).select_from(TrustedRoot)) == 1
    finally:
        engine.dispose()
