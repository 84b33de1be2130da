"""Opening a case's received documents from «Consulta de estado» (clerks included).

`DocumentViewerService` is the supervisor's (it requires REVIEW_CASES); the counter also
needs to look at what was scanned, e.g. for a case returned with observations. Whoever may
print a case's documents may view them here; each view is audited like the reviewer's.
Documents registered at another station are not in this one's blob store: the answer
says so instead of failing.
"""

from __future__ import annotations

from desktop.domain.roles import Action, Actor
from desktop.errors import StorageError
from desktop.i18n import _
from desktop.services.document_viewer import DocumentContent, open_document
from desktop.services.permissions import require
from desktop.services.runtime import Runtime


class CaseFileService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def open(self, case_number: str, sha256: str) -> DocumentContent:
        """The document of `case_number` stored under `sha256` (only that case's files)."""
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        return open_document(self.runtime, self.actor, case_number, sha256,
                             elsewhere=_not_here)


def _not_here(_sha256: str, workstation: str) -> bytes:
    raise StorageError(_(
        "El archivo se registró en la estación {workstation} y no está en esta: los "
        "documentos escaneados se envían a la central, no a las demás "
        "estaciones.").format(workstation=workstation), "document on another station")
