"""Opening a case's received documents for the supervisor's viewer.

A file is in this workstation's blob store only when it was attached here: documents
registered at another counter reach central, not the other stations, so the answer says
so instead of failing. Opening a document is a view of the case, logged like the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from desktop.central import blobs as central_blobs
from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, StorageError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.case_lookup import find_case
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable

PDF = "application/pdf"


@dataclass(frozen=True)
class DocumentContent:
    """The bytes of one received document, or why they cannot be shown here."""

    case_number: str
    document_type: DocumentType
    label: str
    media_type: str
    pages: int
    data: bytes | None
    message: str = ""

    @property
    def is_pdf(self) -> bool:
        return self.media_type == PDF


class DocumentViewerService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def open(self, case_number: str, sha256: str) -> DocumentContent:
        """The document of `case_number` stored under `sha256` (only that case's files);
        one registered at another counter is read from central."""
        require(self.actor, Action.REVIEW_CASES)
        return open_document(self.runtime, self.actor, case_number, sha256,
                             elsewhere=self._from_central)

    def _from_central(self, sha256: str, workstation: str) -> bytes:
        """Read a file registered at another counter from central, for viewing only (it is
        not kept here: each station stores only what it scanned)."""
        try:
            with offline_as_unreachable(), self.runtime.central().connect() as connection:
                data = central_blobs.read(connection, sha256)
        except CentralUnreachable as error:
            raise StorageError(_(
                "El archivo se registró en la estación {workstation}; para verlo aquí hace "
                "falta conexión con la central.").format(workstation=workstation),
                "document on another station, central unreachable") from error
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StorageError(_(
                "El archivo aún no está completo en la central (la estación {workstation} "
                "no terminó de enviarlo).").format(workstation=workstation),
                "document not (yet) complete at central")
        return data


def open_document(runtime: Runtime, actor: Actor, case_number: str, sha256: str, *,
                  elsewhere: Callable[[str, str], bytes]) -> DocumentContent:
    """A case's document from this station's blob store, else from `elsewhere(sha256,
    workstation)` (raising StorageError with what to tell the person); a document shown
    is audited as a view of the case. The caller has checked the actor's role."""
    with runtime.db.read() as session:
        case = find_case(session, case_number)
        document = next((d for d in case.documents if d.sha256 == sha256), None)
        if document is None:
            raise NotFoundError(_("Ese documento no pertenece al trámite {number}.").format(
                number=case.case_number), "document not in case")
        number, workstation = case.case_number, case.workstation
        kind = DocumentType(document.document_type)
        media_type, pages = document.media_type, document.pages
    found = DocumentContent(number, kind, document_label(kind), media_type, pages, None)
    try:
        if runtime.blobs.exists(sha256):
            data = runtime.blobs.get(sha256)
        else:
            data = elsewhere(sha256, workstation)
    except StorageError as error:
        return _without(found, error.user_message)
    with runtime.db.write() as session, session.begin():
        audit.append(session, actor=actor.username, workstation=runtime.settings.workstation,
                     action="document.viewed", case_number=number,
                     details={"document": kind.value})
    return DocumentContent(number, kind, found.label, media_type, pages, data)


def _without(found: DocumentContent, message: str) -> DocumentContent:
    return DocumentContent(found.case_number, found.document_type, found.label,
                           found.media_type, found.pages, None, message)
