"""Opening a case's received documents from «Consulta de estado» (clerks included).

`DocumentViewerService` is the supervisor's (it requires REVIEW_CASES); the counter also
needs to look at what was scanned, e.g. for a case returned with observations. Whoever may
print a case's documents may view them here; each view is audited like the reviewer's.
Documents registered at another station are not in this one's blob store: the answer
says so instead of failing.
"""

from __future__ import annotations

from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, StorageError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.document_viewer import DocumentContent
from desktop.services.permissions import require
from desktop.services.receipts import find_case
from desktop.services.runtime import Runtime


class CaseFileService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def open(self, case_number: str, sha256: str) -> DocumentContent:
        """The document of `case_number` stored under `sha256` (only that case's files)."""
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        with self.runtime.db.read() as session:
            case = find_case(session, case_number)
            document = next((d for d in case.documents if d.sha256 == sha256), None)
            if document is None:
                raise NotFoundError(_("Ese documento no pertenece al trámite {number}.").format(
                    number=case.case_number), "document not in case")
            number, workstation = case.case_number, case.workstation
            kind = DocumentType(document.document_type)
            media_type, pages = document.media_type, document.pages
        label = document_label(kind)
        data: bytes | None = None
        message = ""
        if not self.runtime.blobs.exists(sha256):
            message = _(
                "El archivo se registró en la estación {workstation} y no está en esta: los "
                "documentos escaneados se envían a la central, no a las demás "
                "estaciones.").format(workstation=workstation)
        else:
            try:
                data = self.runtime.blobs.get(sha256)
            except StorageError as error:
                message = error.user_message
        if data is not None:
            settings = self.runtime.settings
            with self.runtime.db.write() as session, session.begin():
                audit.append(session, actor=self.actor.username,
                             workstation=settings.workstation, action="document.viewed",
                             case_number=number, details={"document": kind.value})
        return DocumentContent(number, kind, label, media_type, pages, data, message)
