"""Opening a case's received documents for review: here, elsewhere, never another case's."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.checklist import DocumentType
from desktop.errors import NotFoundError, PermissionDenied
from desktop.services.auth import sign_in
from desktop.services.case_files import CaseFileService
from desktop.services.document_viewer import DocumentViewerService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.store.models import AuditEntry
from tests.support.accounts import SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf


def test_a_supervisor_opens_a_document_and_the_view_is_logged(runtime, clerk, samples,
                                                               signed_form, tmp_path):
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True,
                                        (document,))).case_number
    viewer = DocumentViewerService(runtime, sign_in(runtime, *SUPERVISOR))

    content = viewer.open(number, document.sha256)
    assert content.data == signed_form.read_bytes() and content.is_pdf
    assert (content.pages, content.document_type) == (2, DocumentType.SIGNED_REQUEST)
    with runtime.db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.action, entry.case_number, entry.actor) == (
        "document.viewed", number, "supervisor.uio")

    with refused(PermissionDenied, "no permite"):
        DocumentViewerService(runtime, clerk).open(number, document.sha256)
    other = tmp_path / "otro.pdf"
    other.write_bytes(make_pdf(1, "otro documento"))
    stranger = intake.attach_file(other, DocumentType.OTHER_ANNEX)
    with refused(NotFoundError, "no pertenece"):
        viewer.open(number, stranger.sha256)  # a file in the store, but not this case's

    runtime.blobs.path_for(document.sha256).unlink()  # registered at another workstation
    away = viewer.open(number, document.sha256)
    assert away.data is None and "no terminó de enviarlo" in away.message
    runtime.blobs.put(signed_form.read_bytes())  # back, so this station can send it
    assert SyncService(runtime).run().online
    runtime.blobs.path_for(document.sha256).unlink()
    fetched = viewer.open(number, document.sha256)  # read from central, not kept here
    assert fetched.data == signed_form.read_bytes()
    assert not runtime.blobs.exists(document.sha256)
    assert StatusService(runtime, clerk).detail(number).documents[0].sha256 == document.sha256


def test_a_clerk_opens_the_documents_kept_here_and_is_told_where_the_others_are(
        runtime, clerk, samples, signed_form):
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = intake.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True,
                                        (document,))).case_number
    files = CaseFileService(runtime, clerk)

    content = files.open(number, document.sha256)
    assert content.data == signed_form.read_bytes()
    with runtime.db.read() as session:
        views = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "document.viewed")).all()
    assert [(v.case_number, v.actor) for v in views] == [(number, clerk.username)]

    runtime.blobs.path_for(document.sha256).unlink()  # as if registered at another station
    away = files.open(number, document.sha256)
    assert away.data is None and "no está en esta" in away.message
    with runtime.db.read() as session:  # nothing was shown: no second view logged
        assert len(session.scalars(select(AuditEntry).where(
            AuditEntry.action == "document.viewed")).all()) == 1
