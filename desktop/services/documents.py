"""Turning a document put together at the counter into a stored case document.

Two moments: during intake, before the case exists, a draft becomes a blob and an
`AttachedDocument` that `IntakeService.register` joins to the case; for a registered case
(the citizen brings a missing annex), `add_to_case` also writes the document row, its
audit entry and its outbox event in one transaction.

Order is what makes it crash-safe: the PDF is built and checked in memory, the blob is
written (temporary file, fsync, rename) and only then is the row committed. A process killed
before the commit leaves at most a blob no row points to (content-addressed, harmless); a
row is never written for a file that is not complete on disk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.capture.draft import DraftDocument
from desktop.capture.files import PDF, check_bytes
from desktop.capture.profiles import scan_options_for
from desktop.capture.scanners import ScanOptions
from desktop.clock import now
from desktop.domain.attentions import Kind
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.event_wire import EventType
from desktop.domain.events import DocumentAdded, DocumentFile
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.security import audit
from desktop.services.attached import AttachedDocument
from desktop.services.attentions import note_work
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.services.workflow import own_centre_only
from desktop.store.models import Case, CaseDocument, outbox_event

log = logging.getLogger(__name__)

DOCUMENT_ADDED = EventType.DOCUMENT_ADDED.value  # its audit action too


@dataclass(frozen=True)
class AddedDocument:
    case_number: str
    document: AttachedDocument
    added_at: datetime


class DocumentService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def scan_options(self, document_type: DocumentType) -> ScanOptions:
        """The settings to scan this document type with (the administrator's profile)."""
        return scan_options_for(self.runtime.settings, document_type)

    def store(
        self,
        draft: DraftDocument,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> AttachedDocument:
        """Build the draft's PDF, check it like any file, keep it in the blob store."""
        cancel = cancel or CancelToken()
        label = _("Guardando «{label}»…").format(label=document_label(draft.document_type))
        progress(0, 2, label)
        data = draft.build_pdf()
        checked = check_bytes(data, ".pdf")
        cancel.raise_if_cancelled()
        progress(1, 2, label)
        digest = self.runtime.blobs.put(checked.data)
        progress(2, 2, label)
        log.info("document stored: %s, %d pages, %d bytes",
                 draft.document_type.value, checked.pages, checked.size)
        return AttachedDocument(draft.document_type, digest, PDF, checked.pages, checked.size,
                                draft.source)

    def add_to_case(
        self,
        case_number: str,
        draft: DraftDocument,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> AddedDocument:
        """Store the draft and add it to a registered case: row, audit entry and outbox
        event in one transaction."""
        require(self.actor, Action.ADD_DOCUMENT)
        with self.runtime.db.read() as session:
            own_centre_only(_open_case(session, case_number), self.actor)  # before building
        [added] = self.add_stored(case_number, self.store(draft, progress, cancel))
        return added

    def add_stored(self, case_number: str,
                   *documents: AttachedDocument) -> tuple[AddedDocument, ...]:
        """Documents already in the blob store (saved at the counter) join a registered
        case, all or none: rows, audit entries and outbox events in one transaction."""
        require(self.actor, Action.ADD_DOCUMENT)
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            case = _open_case(session, case_number)
            own_centre_only(case, self.actor)
            if any(d.sha256 == document.sha256 for d in case.documents
                   for document in documents):
                raise ValidationError(
                    _("Este documento ya está en el trámite {number}.").format(
                        number=case_number),
                    "document already in case",
                    field="documents",
                )
            at = now()
            for document in documents:
                record_document(session, case, document, self.actor, settings.workstation, at)
            note_work(session, self.actor, settings.workstation, Kind.DOCUMENT, case_number)
        log.info("documents added to case %s: %s", case_number,
                 ", ".join(document.document_type.value for document in documents))
        return tuple(AddedDocument(case_number, document, at) for document in documents)


def record_document(session: Session, case: Case, document: AttachedDocument, actor: Actor,
                    workstation: str, at: datetime) -> None:
    """A stored document joins a registered case inside the caller's transaction: its row,
    its outbox event (central takes the file first) and its audit entry."""
    session.add(CaseDocument(
        case_id=case.id, document_type=document.document_type.value,
        sha256=document.sha256, media_type=document.media_type, pages=document.pages,
        size_bytes=document.size_bytes, source=document.source,
        added_by=actor.username, added_at=at))
    added = DocumentFile(
        document_type=document.document_type.value, sha256=document.sha256,
        media_type=document.media_type, pages=document.pages,
        size_bytes=document.size_bytes, source=document.source, added_by=actor.username,
        added_at=at)
    session.add(outbox_event(DocumentAdded((added,)), case_number=case.case_number,
                             actor=actor.username, workstation=workstation, at=at))
    audit.append(session, actor=actor.username, workstation=workstation,
                 action=DOCUMENT_ADDED, case_number=case.case_number,
                 details={"document_type": document.document_type.value,
                          "pages": document.pages, "size_bytes": document.size_bytes,
                          "sha256": document.sha256})


def _open_case(session: Session, case_number: str) -> Case:
    """The case, if it exists here and still takes documents."""
    case = session.scalar(select(Case).where(Case.case_number == case_number))
    if case is None:
        raise NotFoundError(
            _("No existe el trámite {number} en esta estación.").format(number=case_number),
            "case not found",
        )
    state = CaseState(case.state)
    if state.is_terminal:
        raise ValidationError(
            _("El trámite {number} está «{state}»; ya no admite documentos.").format(
                number=case_number, state=state.label),
            "case closed for documents",
            field="case_number",
        )
    return case
