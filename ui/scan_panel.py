"""The document being put together for the selected checklist item: scan, import, edit, save.

One draft per checklist item. «Escanear» (F4) appends pages from the scanner, each one
shown as it arrives (the scan runs on a worker; the strip follows the draft on every
progress report). Cancelling stops between pages or inside the page being read and keeps
the pages already scanned; so does a jam. Pages can be turned, moved, removed, and blank
pages (left out by the checks) kept. «Guardar documento» builds the one PDF and stores it
as the item's attachment, replacing the previous one.

A file (imported, or received from the scan folder) is a finished document: it is
appended and the item is saved at once, as the old «Adjuntar archivo» did. Scanned pages
usually come in several batches and deserve a look at the notes, so they wait for
«Guardar». An item with unsaved changes blocks Registrar (`unsaved()`), so what is
registered is always what the clerk saw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.domain.checklist import DocumentType, document_label
from desktop.errors import VentanillaError
from desktop.i18n import _, ngettext
from desktop.progress import CancelToken, Progress
from desktop.services.attached import AttachedDocument
from desktop.services.scanning import (
    DraftDocument,
    DraftPage,
    PickedUp,
    ScanBatch,
    ScanningService,
)
from ui.style import Tone
from ui.tasks import Task, TaskRunner
from ui.widgets.forms import show_message
from ui.widgets.scan_controls import ScanControls
from ui.widgets.viewer_dialog import ViewerDialog

FILE_FILTER = "Documentos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Todos los archivos (*)"


class ScanPanel(ScanControls):
    stored = Signal(object)  # AttachedDocument: the item's attachment now
    removed = Signal(object)  # DocumentType: the item has no attachment any more
    changed = Signal()  # drafts or attachments changed: the page refreshes what is missing
    busy_changed = Signal(bool)

    def __init__(self, service: ScanningService, tasks: TaskRunner,
                 parent: QWidget | None = None, prefix: str = ""):
        super().__init__(service.configured_scanner, parent, prefix)
        self.service = service
        self.tasks = tasks
        self.drafts: dict[DocumentType, DraftDocument] = {}
        self.attached: dict[DocumentType, AttachedDocument] = {}
        self.dirty: set[DocumentType] = set()  # changed since last stored
        self.current: DocumentType | None = None
        self.task: Task | None = None
        self._editable = True
        self._batch_start = 0
        self.viewer: ViewerDialog | None = None
        self._connect()
        self.show_item(None)

    def _connect(self) -> None:
        self.scan_button.clicked.connect(self.scan)
        self.attach.clicked.connect(self.choose_file)
        self.rotate.clicked.connect(self.rotate_page)
        self.move_up.clicked.connect(lambda: self._move(-1))
        self.move_down.clicked.connect(lambda: self._move(+1))
        self.delete.clicked.connect(self.delete_page)
        self.keep.clicked.connect(self._toggle_keep)
        self.view.clicked.connect(self.show_document)
        self.save.clicked.connect(self.save_document)
        self.remove_document.clicked.connect(self.remove_current)
        self.cancel.clicked.connect(self.cancel_work)
        self.pages.currentRowChanged.connect(lambda _row: self._update_actions())
        self.straighten.toggled.connect(self._straighten_changed)

    # --- state -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def draft(self, document_type: DocumentType) -> DraftDocument:
        if document_type not in self.drafts:
            self.drafts[document_type] = self.service.new_draft(
                document_type, self.straighten.isChecked())
        return self.drafts[document_type]

    def show_item(self, document_type: DocumentType | None) -> None:
        """Show the draft of the selected checklist item (on selection)."""
        if document_type != self.current and document_type is not None:
            source = self.service.scan_options(document_type).source
            self.source.setCurrentIndex(max(0, self.source.findData(source)))
        self.current = document_type
        self._show_pages(0)

    def set_editable(self, editable: bool) -> None:
        """False once the case is registered (or while it is being registered)."""
        self._editable = editable
        self._update_actions()

    def unsaved(self) -> list[str]:
        """What blocks Registrar: items changed since they were last stored."""
        return [_("Guardar «{label}» (tiene cambios sin guardar)").format(
                    label=document_label(kind))
                for kind in sorted(self.dirty)
                if self.drafts[kind].included or kind in self.attached]

    def pending(self) -> dict[DocumentType, str]:
        """The checklist's status text for items with pages not yet stored."""
        return {kind: _("Sin guardar: {n} pág.").format(n=len(self.drafts[kind].included))
                for kind in self.dirty if self.drafts[kind].included}

    def clear(self) -> None:
        """Nothing scanned or attached (a new citizen)."""
        self.drafts.clear()
        self.attached.clear()
        self.dirty.clear()
        for label in (self.message, self.notes):
            show_message(label, "")
        self.status.clear()
        self._show_pages(0)

    def _show_pages(self, current: int | None = None) -> None:
        pages = self._pages()
        self.pages.show_pages(pages, current)
        self.show_notes(pages)
        self._update_actions()

    def _pages(self) -> tuple[DraftPage, ...]:
        draft = self.drafts.get(self.current) if self.current is not None else None
        return draft.pages if draft is not None else ()

    def _update_actions(self) -> None:
        working, kind = self.busy, self.current
        draft = self.drafts.get(kind) if kind is not None else None
        pages = self._pages()
        self.show_state(pages, idle=self._editable and not working and kind is not None,
                        working=working,
                        can_view=not working and draft is not None and bool(draft.included),
                        can_save=kind in self.dirty,
                        can_remove=bool(pages) or kind in self.attached)

    def _changed(self, document_type: DocumentType) -> None:
        self.dirty.add(document_type)
        self.changed.emit()

    # --- editing pages -----------------------------------------------------------------

    def _edit(self, change: Callable[[DraftDocument, int], int | None]) -> None:
        """Apply `change(draft, row)` to the selected page; it returns the row to select."""
        row = self.pages.currentRow()
        if self.current is None or self.busy or not self._editable or row < 0:
            return
        draft = self.draft(self.current)
        try:
            selected = change(draft, row)
        except VentanillaError as error:
            show_message(self.message, error.user_message)
            return
        self._changed(self.current)
        self._show_pages(row if selected is None else selected)

    def _move(self, step: int) -> None:
        def move(draft: DraftDocument, row: int) -> int:
            target = max(0, min(row + step, len(draft.pages) - 1))
            draft.move(row, target)
            return target
        self._edit(move)

    def rotate_page(self) -> None:
        self._edit(lambda draft, row: draft.rotate(row, 90))

    def delete_page(self) -> None:
        self._edit(lambda draft, row: draft.delete(row))

    def _toggle_keep(self) -> None:
        self._edit(lambda draft, row: draft.keep(row, not draft.pages[row].keep))

    def _straighten_changed(self, on: bool) -> None:
        for draft in self.drafts.values():
            draft.straighten = on

    # --- background work ---------------------------------------------------------------

    def _start(self, work: Callable[[Progress, CancelToken], Any],
               on_success: Callable[[Any], None], on_failure: Callable[[str], None],
               on_cancel: Callable[[], None], status: str, scanning: bool = False) -> None:
        self.status.setText(status)
        self.progress.setRange(0, 0)
        self.task = self.tasks.run(work, on_success=on_success, on_failure=on_failure,
                                   on_cancel=on_cancel, on_progress=self._progress, owner=self,
                                   keep_awake=True)  # the clerk is at the scanner
        self._update_actions()
        self.busy_changed.emit(True)
        if scanning:  # Space (or Esc anywhere on the page) stops it
            self.cancel.setFocus()

    def _finish(self) -> bool:
        """Back to idle; whether the focus was on «Cancelar» (then it may be moved on)."""
        focused = self.cancel.hasFocus()
        self.task = None
        self.status.clear()
        self._update_actions()
        self.busy_changed.emit(False)
        return focused

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self.status.setText(label)
        draft = self.drafts.get(self.current) if self.current is not None else None
        if draft is not None and len(draft.pages) != self.pages.count():
            self._show_pages(len(draft.pages) - 1)  # a page arrived: show it at once

    def cancel_work(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(_("Cancelando: se termina de leer la página en curso…"))

    # --- scanning ----------------------------------------------------------------------

    def scan(self) -> None:
        kind = self.current
        if kind is None or self.busy or not self._editable:
            return
        draft = self.draft(kind)
        options = self.service.scan_options(kind)
        source = self.source.currentData()
        options = replace(options, source=source, duplex=options.duplex and source == "adf")
        self._batch_start = len(draft.pages)
        show_message(self.message, "")
        self._start(lambda progress, cancel: self.service.scan(draft, options, progress, cancel),
                    lambda batch: self._scanned(kind, batch),
                    lambda message: self._scan_ended(kind, message),
                    lambda: self._scan_ended(kind, "", cancelled=True),
                    _("Buscando el escáner…") if self.service.scanner is None
                    else _("Escaneando…"), scanning=True)

    def _added(self, kind: DocumentType) -> int:
        added = len(self.draft(kind).pages) - self._batch_start
        if added:
            self._changed(kind)
        return added

    def _scanned(self, kind: DocumentType, batch: ScanBatch) -> None:
        focused = self._finish()
        self._added(kind)
        self.scanner.setText(_("Escáner: {name}.").format(name=batch.scanner))
        text = ngettext("{n} página escaneada", "{n} páginas escaneadas", batch.pages).format(
            n=batch.pages) + "; " + _("revise y presione «Guardar documento».")
        if batch.left_out:
            text += " " + ngettext("{n} en blanco omitida: vea las observaciones.",
                                   "{n} en blanco omitidas: vea las observaciones.",
                                   batch.left_out).format(n=batch.left_out)
        show_message(self.message, text, Tone.OK)
        self._show_pages(len(self.draft(kind).pages) - 1)
        if focused:  # not while the clerk types elsewhere
            (self.save if self.save.isEnabled() else self.scan_button).setFocus()

    def _scan_ended(self, kind: DocumentType, error: str, cancelled: bool = False) -> None:
        """A failure or a cancel: the pages that arrived stay in the draft."""
        focused = self._finish()
        added = self._added(kind)
        if self.service.scanner is not None:
            self.scanner.setText(_("Escáner: {name}.").format(
                name=self.service.scanner.description))
        if cancelled:
            show_message(self.message, ngettext(
                "Escaneo cancelado; se conserva la página ya escaneada.",
                "Escaneo cancelado; se conservan las {n} páginas ya escaneadas.",
                added).format(n=added) if added else
                _("Escaneo cancelado; no se escaneó ninguna página."), Tone.WARNING)
        else:
            show_message(self.message, error)
        self._show_pages(len(self.draft(kind).pages) - 1 if added else None)
        if focused:
            (self.save if self.save.isEnabled() else self.scan_button).setFocus()

    # --- files and saving --------------------------------------------------------------

    def choose_file(self) -> None:
        """A file chooser for the selected item (non-native: the same everywhere)."""
        kind = self.current
        if kind is None or self.busy or not self._editable:
            return
        dialog = QFileDialog(self, _("Importar: {label}").format(label=document_label(kind)))
        dialog.setObjectName(self.object_name("intake.fileDialog"))
        dialog.setAccessibleName(_("Elegir archivo"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(FILE_FILTER)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.attach_path(Path(path), kind))
        dialog.open()

    def attach_path(self, path: Path, document_type: DocumentType) -> None:
        """Import a file into the item's draft and save the item."""
        self._add_and_store(document_type, lambda draft: self.service.import_file(draft, path),
                            _("Revisando el archivo…"))

    def add_received(self, picked: PickedUp, document_type: DocumentType,
                     done: Callable[[], None]) -> None:
        """A file from the scan folder, appended to the item's draft; the item is saved."""
        self._add_and_store(document_type,
                            lambda draft: self.service.add_received(draft, picked),
                            _("Adjuntando «{name}»…").format(name=picked.name), done)

    def save_document(self) -> None:
        kind = self.current
        if kind is None or self.busy or not self._editable:
            return
        if not self.draft(kind).included and kind in self.attached:
            del self.attached[kind]  # every page removed: the item has no document now
            self.dirty.discard(kind)
            show_message(self.message, _("«{label}» quitado: no tiene páginas.").format(
                label=document_label(kind)), Tone.OK)
            self.removed.emit(kind)
            self.changed.emit()
            self._update_actions()
            return
        self._add_and_store(kind, None, _("Guardando…"))

    def _add_and_store(self, kind: DocumentType, add: Callable[[DraftDocument], Any] | None,
                       status: str, done: Callable[[], None] | None = None) -> None:
        if self.busy or not self._editable:
            return
        draft = self.draft(kind)
        self._batch_start = len(draft.pages)

        def work(progress: Progress, cancel: CancelToken) -> AttachedDocument:
            if add is not None:
                add(draft)
            return self.service.store(draft, progress, cancel)

        def stored(document: AttachedDocument) -> None:
            self._finish()
            self.attached[kind] = document
            self.dirty.discard(kind)
            self._show_pages(None)
            if done is not None:
                done()
            show_message(self.message, _("«{label}» guardado ({pages} pág.).").format(
                label=document.label, pages=document.pages), Tone.OK)
            self.stored.emit(document)
            self.changed.emit()

        def failed(message: str) -> None:
            self._finish()
            self._added(kind)
            self._show_pages(None)
            show_message(self.message, message)

        self._start(work, stored, failed, lambda: failed(_("Guardado cancelado.")), status)

    def remove_current(self) -> None:
        """Forget the selected item's pages and attachment."""
        kind = self.current
        if kind is None or self.busy or not self._editable:
            return
        self.drafts.pop(kind, None)
        self.dirty.discard(kind)
        if self.attached.pop(kind, None) is not None:
            self.removed.emit(kind)
        show_message(self.message, "")
        self._show_pages(0)
        self.changed.emit()

    def show_document(self) -> None:
        """The PDF as it would be stored, in a viewer window (built off the GUI thread)."""
        kind = self.current
        draft = self.drafts.get(kind) if kind is not None else None
        if kind is None or draft is None or self.busy:
            return
        title = document_label(kind)
        self.tasks.run(lambda _p, _c: self.service.preview(draft), owner=self,
                       on_success=lambda pdf: self._viewer().show_document(title, pdf),
                       on_failure=lambda message: show_message(self.message, message))

    def _viewer(self) -> ViewerDialog:
        if self.viewer is None:
            self.viewer = ViewerDialog(self.object_name("scan.viewer"), _("Documento escaneado"),
                                       self)
        return self.viewer

