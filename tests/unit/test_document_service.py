"""Storing a draft: before registration (intake) and for a registered case (one transaction).

Bad files are refused with a Spanish message and leave nothing behind: no blob, no row,
no event.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from sqlalchemy import func, select, update

from desktop.capture.draft import DraftDocument
from desktop.capture.files import PDF
from desktop.capture.scanners import ScannedPage
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.errors import NotFoundError, PermissionDenied, ValidationError, VentanillaError
from desktop.progress import CancelToken
from desktop.services.auth import sign_in
from desktop.services.documents import DOCUMENT_ADDED, DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.store import models
from tests.page_images import encoded, form_page
from tests.support.accounts import ADMIN
from tests.support.checks import refused
from tests.support.files import make_pdf


@pytest.fixture
def service(runtime, clerk) -> DocumentService:  # type: ignore[no-untyped-def]
    return DocumentService(runtime, clerk)


def scanned_draft(document_type: DocumentType = DocumentType.OTHER_ANNEX,
                  pages: int = 2) -> DraftDocument:
    draft = DraftDocument(document_type)
    for number in range(1, pages + 1):
        draft.add_scan(ScannedPage(form_page(), 200, number))
    return draft


def register(runtime, clerk, cedula: str, service: DocumentService) -> str:  # type: ignore[no-untyped-def]
    form = service.store(scanned_draft(DocumentType.SIGNED_REQUEST, pages=1))
    case = IntakeService(runtime, clerk).register(
        IntakeForm(cedula, "persona@correo.ec", "0991234567", True, (form,)))
    return case.case_number


def counts(runtime) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with runtime.db.read() as session:
        return {table.__name__: session.scalar(select(func.count()).select_from(table))
                for table in (models.CaseDocument, models.OutboxEvent, models.AuditEntry)}


def blob_files(runtime) -> list[Path]:  # type: ignore[no-untyped-def]
    root = runtime.blobs.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_scanned_draft_becomes_an_attached_pdf_for_intake(runtime, clerk, service, samples):
    attached = service.store(scanned_draft(DocumentType.SIGNED_REQUEST))
    assert (attached.media_type, attached.pages, attached.source) == (PDF, 2, "escaner")
    data = runtime.blobs.get(attached.sha256)
    assert hashlib.sha256(data).hexdigest() == attached.sha256 and len(data) == attached.size_bytes
    case = IntakeService(runtime, clerk).register(
        IntakeForm(samples["eligible"], "persona@correo.ec", "0991234567", True, (attached,)))
    with runtime.db.read() as session:
        [document] = session.scalars(select(models.CaseDocument).join(models.Case).where(
            models.Case.case_number == case.case_number))
        assert (document.source, document.pages, document.sha256) == ("escaner", 2,
                                                                       attached.sha256)


def test_a_document_added_to_a_registered_case_has_row_audit_and_event(
    runtime, clerk, service, samples
):
    number = register(runtime, clerk, samples["eligible"], service)
    before = counts(runtime)
    added = service.add_to_case(number, scanned_draft(DocumentType.EMPLOYER_PAYMENT_PROOF, 3))
    assert counts(runtime) == {name: value + 1 for name, value in before.items()}
    with runtime.db.read() as session:
        event = session.scalars(select(models.OutboxEvent).where(
            models.OutboxEvent.event_type == DOCUMENT_ADDED)).one()
        [fields] = event.payload["documents"]
        assert event.case_number == number and fields["sha256"] == added.document.sha256
        assert (fields["document_type"], fields["pages"], fields["media_type"]) == (
            "COMPROBANTE_PAGO_EMPLEADOR", 3, PDF)
        assert fields["added_by"] == clerk.username
        entry = session.scalars(select(models.AuditEntry).order_by(
            models.AuditEntry.id.desc())).first()
        assert (entry.action, entry.case_number) == (DOCUMENT_ADDED, number)
        assert entry.details["sha256"] == added.document.sha256
        case = session.scalar(select(models.Case).where(models.Case.case_number == number))
        assert [d.document_type for d in case.documents] == [
            "SOLICITUD_FIRMADA", "COMPROBANTE_PAGO_EMPLEADOR"]
    assert runtime.blobs.exists(added.document.sha256)


def test_the_same_document_twice_unknown_or_closed_cases_are_refused(
    runtime, clerk, service, samples
):
    number = register(runtime, clerk, samples["eligible"], service)
    draft = scanned_draft()
    service.add_to_case(number, draft)
    with refused(ValidationError, "ya está en el trámite"):
        service.add_to_case(number, draft)
    with refused(NotFoundError, "No existe el trámite REL-X"):
        service.add_to_case("REL-X", draft)
    with runtime.db.write() as session, session.begin():
        session.execute(update(models.Case).where(models.Case.case_number == number)
                        .values(state=CaseState.ANULADO.value))
    with refused(ValidationError, "ya no admite documentos"):
        service.add_to_case(number, scanned_draft(pages=1))


def test_an_administrator_may_not_add_documents(runtime, service, samples, clerk):
    number = register(runtime, clerk, samples["eligible"], service)
    admin = DocumentService(runtime, sign_in(runtime, *ADMIN))
    with refused(PermissionDenied, "no permite"):
        admin.add_to_case(number, scanned_draft())


def test_cancel_before_storing_leaves_nothing(runtime, service):
    cancel = CancelToken()
    cancel.cancel()
    with refused(VentanillaError, "cancelada"):
        service.store(scanned_draft(), cancel=cancel)
    assert blob_files(runtime) == []


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secreto")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def thirty_mb(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(30 * 1024 * 1024)


BAD_FILES = [
    ("truncated pdf", "solicitud.pdf", lambda p: p.write_bytes(make_pdf(2)[:-300]),
     "El PDF está incompleto o dañado"),
    ("png named pdf", "solicitud.pdf", lambda p: p.write_bytes(encoded(form_page(dpi=50), "PNG")),
     "se llama «.pdf» pero su contenido es PNG"),
    ("zero bytes", "vacio.pdf", lambda p: p.write_bytes(b""), "El archivo está vacío (0 bytes)"),
    ("30 mb", "grande.pdf", thirty_mb, "El archivo pesa 30.0 MB; el máximo es 25 MB"),
    ("encrypted pdf", "clave.pdf", lambda p: p.write_bytes(encrypted_pdf()),
     "protegido con contraseña"),
]


@pytest.mark.parametrize(("name", "make", "message"), [row[1:] for row in BAD_FILES],
                         ids=[row[0] for row in BAD_FILES])
def test_bad_files_get_a_spanish_message_and_nothing_is_stored(
    runtime, clerk, service, samples, tmp_path, name, make, message
):
    number = register(runtime, clerk, samples["eligible"], service)
    before_rows, before_blobs = counts(runtime), blob_files(runtime)
    path = tmp_path / name
    make(path)
    draft = DraftDocument(DocumentType.OTHER_ANNEX)
    with refused(ValidationError, message):
        draft.import_file(path)
    assert draft.pages == ()
    with refused(ValidationError, "no tiene páginas para guardar"):
        service.add_to_case(number, draft)
    with refused(ValidationError, message):
        IntakeService(runtime, clerk).attach_file(path, DocumentType.OTHER_ANNEX)
    assert counts(runtime) == before_rows
    assert blob_files(runtime) == before_blobs
