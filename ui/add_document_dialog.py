"""«Agregar documento»: a document brought after registration (a representative's poder, the
applicant's signed withdrawal, payment receipts, other annexes) scanned or imported into a
registered case of this centre. Nothing joins the case until «Agregar al trámite»; then
each document is one call to the document service, which checks the case again."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.checklist import RequestType, after_filing, checklist_for
from desktop.domain.roles import Actor
from desktop.i18n import _, ngettext
from desktop.services.case_views import CaseDetail
from desktop.services.documents import DocumentService
from desktop.services.runtime import Runtime
from desktop.services.scanning import ScanningService
from ui.commands import command_button, wire
from ui.scan_panel import ScanPanel
from ui.style import Look, Tone, set_look
from ui.tasks import TaskRunner
from ui.widgets.checklist import DocumentChecklist, received_on_file
from ui.widgets.confirm import confirm
from ui.widgets.forms import MARGIN, message_label, named, show_message
from ui.widgets.screen import fit_to_screen

NAME = "addDocument"
#: what a registered case may still receive: the request's optional items and the withdrawal
ITEMS = (*(item for item in checklist_for(RequestType.RELIQUIDACION) if not item.required),
         *after_filing())


class AddDocumentDialog(QDialog):
    added = Signal(str)  # what to tell the clerk

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, detail: CaseDetail,
                 parent: QWidget | None = None):
        super().__init__(parent)
        number = detail.summary.case_number
        self.setObjectName(f"{NAME}.dialog")
        self.setWindowTitle(_("Agregar documento al trámite {number}").format(number=number))
        self.setAccessibleName(self.windowTitle())
        self.service = DocumentService(runtime, actor)
        self.tasks = tasks
        self.case_number = number
        self._busy = False
        self._discard_confirmed = False
        self.received = received_on_file(detail.documents)
        self.scan = ScanPanel(ScanningService(runtime, actor), tasks, prefix=NAME)
        self.checklist = DocumentChecklist(RequestType.RELIQUIDACION, f"{NAME}.checklist",
                                           ITEMS)
        heading = named(QLabel(_("{number} — {name}").format(
            number=number, name=detail.summary.applicant_name)), f"{NAME}.heading",
            _("Trámite"))
        set_look(heading, Look.CASE_TITLE)
        heading.setWordWrap(True)
        self.outcome = message_label(f"{NAME}.message", _("Resultado"))
        self.add = command_button("addDocument.add")
        self.close_button = named(QPushButton(_("Cerrar")), f"{NAME}.close", _("Cerrar"))
        for button in (self.add, self.close_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.add)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.addWidget(heading)
        layout.addWidget(self.checklist)
        layout.addWidget(self.scan)
        layout.addStretch(1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise(
                [self.checklist, *self.scan.order(), self.add, self.close_button]):
            QWidget.setTabOrder(first, second)
        self.checklist.itemSelectionChanged.connect(
            lambda: self.scan.show_item(self.checklist.selected_type()))
        self.checklist.itemActivated.connect(lambda *_args: self.scan.choose_file())
        self.scan.changed.connect(self._refresh)
        self.scan.busy_changed.connect(lambda _busy: self._refresh())
        wire(self.add, self, self.add_documents)
        self.close_button.clicked.connect(self.reject)
        fit_to_screen(self, 900, 600)
        self.checklist.select_first_missing({})  # no item is required: the first
        self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refresh()

    def _refresh(self) -> None:
        self.checklist.show_attached(self.scan.attached, self.scan.pending(), self.received)
        unsaved = self.scan.unsaved()
        ready = bool(self.scan.attached) and not unsaved and not self._busy \
            and not self.scan.busy
        self.add.setEnabled(ready)
        if self._busy:
            return
        if unsaved:
            show_message(self.outcome, " · ".join(unsaved), Tone.HINT)
        elif self.scan.attached:
            show_message(self.outcome, _("Listo: puede agregarlo al trámite."), Tone.OK)
        else:
            show_message(self.outcome, _("Elija el documento, escanéelo o impórtelo, y "
                                         "guárdelo."), Tone.HINT)

    def work_in_progress(self) -> str:
        if self.scan.attached or any(d.pages for d in self.scan.drafts.values()):
            return _("Hay documentos sin agregar al trámite {number}.").format(
                number=self.case_number)
        return ""

    def add_documents(self) -> None:
        if not self.add.isEnabled():
            return
        documents = tuple(self.scan.attached.values())
        self._busy = True
        self.add.setEnabled(False)
        self.scan.set_editable(False)
        show_message(self.outcome, _("Agregando al trámite…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: len(self.service.add_stored(self.case_number,
                                                                   *documents)),
                       writes=True, owner=self, on_success=self._added,
                       on_failure=self._failed)

    def _added(self, count: int) -> None:
        self._busy = False
        self.scan.clear()
        self.added.emit(ngettext("{n} documento agregado al trámite {number}.",
                                 "{n} documentos agregados al trámite {number}.", count).format(
            n=count, number=self.case_number))
        self.accept()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.scan.set_editable(True)
        self._refresh()
        show_message(self.outcome, message)

    def reject(self) -> None:
        """Closing with documents not added asks first (Esc, the button, the window's ×)."""
        pending = self.work_in_progress()
        if not pending or self._busy or self._discard_confirmed:
            super().reject()
            return
        confirm(self, f"{NAME}.confirmClose", _("Cerrar sin agregar"), _(
            "{pending} Si cierra ahora se descartan. ¿Cerrar de todos modos?").format(
            pending=pending), _("Cerrar y descartar"), _("Seguir"), self._discard)

    def _discard(self) -> None:
        self._discard_confirmed = True
        self.reject()
