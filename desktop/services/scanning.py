"""Scanning at the counter: which scanner, pages into a draft one by one, scan-to-folder.

The GUI keeps one `DraftDocument` per checklist item and calls these from a worker
(`ui/tasks.py`). A scan puts each page into the draft as soon as it is checked and says so
through `progress`, so the counter sees pages as they arrive, and a jam or a cancel keeps
the pages scanned before it. Every file (chosen by the clerk or dropped by a multifunction
printer) also goes through the draft, so each checklist item is always one PDF built the
same way. Storing is `DocumentService.store`.

The scanner is the one in `Settings.scanner`, else the first device any backend reaches;
the choice is kept for the session (found again after a "not found"). When there is none,
the message says what the clerk can do instead: import the file, or scan to the folder.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.capture.backends import available_backends, find_device
from desktop.capture.draft import SCANNER, DraftDocument, DraftPage
from desktop.capture.folder_watch import FolderWatcher, PickedUp
from desktop.capture.pdf_build import ImagePart, PdfPart
from desktop.capture.scanners import (
    ScannerBackend,
    ScannerNotFound,
    ScannerUnavailable,
    ScanOptions,
)
from desktop.domain.checklist import DocumentType
from desktop.domain.roles import Actor
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.attached import AttachedDocument
from desktop.services.documents import DocumentService
from desktop.services.runtime import Runtime

#: What the GUI holds of a scan in progress: the service hands these out and the GUI keeps
#: them between calls, importing them from here and not from `desktop.capture`.
__all__ = ["DraftDocument", "DraftPage", "FolderWatcher", "ImagePart", "PdfPart", "PickedUp",
           "ScanBatch", "ScannerChoice", "ScanningService"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScannerChoice:
    backend: ScannerBackend
    device: str  # what the backend opens, e.g. "epson2:net:10.1.2.3"
    label: str  # vendor and model, for the clerk
    configured: bool  # named in the settings (else: the first one found)

    @property
    def description(self) -> str:
        return _("{label} ({device})").format(label=self.label, device=self.device)


@dataclass(frozen=True)
class ScanBatch:
    """What one press of «Escanear» added."""

    document_type: DocumentType
    scanner: str  # ScannerChoice.description
    pages: int  # pages added to the draft, the ones left out included
    left_out: int  # blank pages left out until the clerk keeps them


class ScanningService:
    def __init__(self, runtime: Runtime, actor: Actor,
                 backends: Sequence[ScannerBackend] | None = None):
        self.runtime = runtime
        self.documents = DocumentService(runtime, actor)
        self._backends = backends
        self.scanner: ScannerChoice | None = None  # found on first use

    # --- the scanner ------------------------------------------------------------------

    @property
    def configured_scanner(self) -> str:
        return self.runtime.settings.scanner

    @property
    def scan_folder(self) -> Path | None:
        folder = self.runtime.settings.scan_folder
        return Path(folder) if folder else None

    def alternatives(self) -> str:
        """What the clerk can do without a scanner (Spanish)."""
        folder = self.scan_folder
        if folder is not None:
            return _("Puede importar el archivo (F3) o escanear desde la multifunción a la "
                     "carpeta {folder}.").format(folder=folder)
        return _("Puede importar el archivo escaneado con «Importar archivo» (F3).")

    def find_scanner(self) -> ScannerChoice:
        """The configured scanner, else the first one a backend reaches (may take seconds)."""
        backends = list(self._backends) if self._backends is not None else None
        wanted = self.configured_scanner
        try:
            backends = backends if backends is not None else available_backends()
            if wanted:
                backend, device = find_device(wanted, backends)
                self.scanner = ScannerChoice(backend, device.name, device.label, True)
                return self.scanner
            for backend in backends:
                devices = backend.devices()
                if devices:
                    self.scanner = ScannerChoice(backend, devices[0].name, devices[0].label,
                                                 False)
                    return self.scanner
        except (ScannerNotFound, ScannerUnavailable) as error:
            self.scanner = None
            raise type(error)(f"{error.user_message} {self.alternatives()}",
                              error.log_message) from error
        raise ScannerNotFound(
            _("No hay ningún escáner conectado a esta estación.") + " " + self.alternatives(),
            "no scanner found")

    # --- drafts -----------------------------------------------------------------------

    def new_draft(self, document_type: DocumentType, straighten: bool = False) -> DraftDocument:
        return DraftDocument(document_type, straighten=straighten)

    def scan_options(self, document_type: DocumentType) -> ScanOptions:
        return self.documents.scan_options(document_type)

    def scan(
        self,
        draft: DraftDocument,
        options: ScanOptions,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ScanBatch:
        """Scan into `draft`; after each page, `progress(page, 0, "Página n escaneada")`.

        Errors (jam, empty feeder, cancel) come after the pages already in the draft."""
        choice = self.scanner or self.find_scanner()
        added = left_out = 0
        try:
            for page in choice.backend.scan(choice.device, options, progress, cancel):
                kept = draft.add_scan(page)
                added += 1
                left_out += not kept.keep
                progress(page.number, 0, _("Página {n} escaneada.").format(n=page.number))
        except (ScannerNotFound, ScannerUnavailable) as error:
            self.scanner = None  # unplugged or switched off: look again next time
            raise type(error)(f"{error.user_message} {self.alternatives()}",
                              error.log_message) from error
        log.info("scanned %d pages (%d left out) for %s", added, left_out,
                 draft.document_type.value)
        return ScanBatch(draft.document_type, choice.description, added, left_out)

    def import_file(self, draft: DraftDocument, path: Path) -> list[DraftPage]:
        """A PDF, JPEG, PNG or TIFF chosen by the clerk, appended to the draft."""
        return draft.import_file(path)

    def add_received(self, draft: DraftDocument, picked: PickedUp) -> list[DraftPage]:
        """A file a multifunction printer dropped into the scan folder (already checked)."""
        if picked.checked is None:
            raise ValidationError(picked.reason, "refused scan-folder file", field="file")
        return draft.add_file(picked.checked, SCANNER)

    def store(
        self,
        draft: DraftDocument,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> AttachedDocument:
        """Build the draft's PDF and keep it in the blob store (see DocumentService.store)."""
        return self.documents.store(draft, progress, cancel)

    def preview(self, draft: DraftDocument) -> bytes:
        """The PDF «Guardar documento» would store, to show it before registering."""
        return draft.build_pdf()

    # --- scan-to-folder ---------------------------------------------------------------

    def folder_watcher(self, settle: float = 2.0) -> FolderWatcher | None:
        """A watcher of `Settings.scan_folder`, or None when the station has none."""
        folder = self.scan_folder
        return FolderWatcher(folder, settle) if folder is not None else None
