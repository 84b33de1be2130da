"""«Corregir y reenviar»: a case the supervisor returned, corrected at the counter and sent
back to review — the same case, with its history.

The supervisor's reason is shown in full at the top. The clerk corrects the contact data
(checked as at intake), scans or imports what is missing into the checklist item it
belongs to (a new document of a type already received replaces it for the review; the
old one stays in the file), and sends it back: one call to the correction service, one
local transaction. Nothing is written until then; closing the dialog drops the changes.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checklist import DocumentType, RequestType
from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services.correction import Contact, CorrectionService, ReturnedCase
from desktop.services.runtime import Runtime
from desktop.services.scanning import ScanningService
from desktop.services.workflow import TransitionDone
from ui.commands import bind_keys
from ui.icons import icon
from ui.scan_panel import ScanPanel
from ui.style import Look, Tone, set_look
from ui.tasks import TaskRunner
from ui.widgets.checklist import DocumentChecklist, received_on_file
from ui.widgets.confirm import confirm
from ui.widgets.contact_fields import ContactFields
from ui.widgets.forms import (
    MARGIN,
    SPACING,
    message_label,
    named,
    show_message,
)
from ui.widgets.screen import fit_to_screen
from ui.widgets.text import moment

NAME = "correction"


class CorrectionDialog(QDialog):
    resubmitted = Signal(str)  # case number, back in review

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, case_number: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{NAME}.dialog")
        self.setWindowTitle(_("Corregir trámite devuelto {number}").format(number=case_number))
        self.setAccessibleName(self.windowTitle())
        self.service = CorrectionService(runtime, actor)
        self.tasks = tasks
        self.case_number = case_number
        self.case: ReturnedCase | None = None
        self._busy = False
        self._discard_confirmed = False
        self.scan = ScanPanel(ScanningService(runtime, actor), tasks, prefix=NAME)
        self.checklist = DocumentChecklist(RequestType.RELIQUIDACION, f"{NAME}.checklist")
        self._build()
        self._connect()
        fit_to_screen(self, 1000, 760)
        self._set_loading()
        self.tasks.run(lambda _p, _c: self.service.open(case_number), owner=self,
                       on_success=self._loaded, on_failure=self._load_failed)

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        self.heading = named(QLabel(), f"{NAME}.heading", _("Trámite"))
        set_look(self.heading, Look.CASE_TITLE)
        self.heading.setWordWrap(True)
        self.reason = message_label(f"{NAME}.reason", _("Motivo de la devolución"))
        self.reason.setTextFormat(Qt.TextFormat.RichText)
        set_look(self.reason, Look.BANNER)
        self.contact_fields = ContactFields(NAME)
        self.outcome = message_label(f"{NAME}.message", _("Resultado de la corrección"))
        self.send = named(QPushButton(icon("send"), _("Reen&viar a revisión")), f"{NAME}.send",
                          _("Reenviar a revisión"),
                          _("Guarda la corrección y devuelve el trámite al supervisor "
                            "(Ctrl+Enter)"))
        self.close_button = named(QPushButton(_("Cerrar sin enviar")), f"{NAME}.close",
                                  _("Cerrar sin enviar"))
        self.send.setAutoDefault(False)
        self.close_button.setAutoDefault(False)

        documents = QGroupBox(_("Documentos (* obligatorio)"))
        box = QVBoxLayout(documents)
        box.addWidget(self.checklist)
        box.addWidget(self.scan)
        columns = QHBoxLayout()
        columns.addWidget(self.contact_fields, 1)
        columns.addWidget(documents, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(columns)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        bar = QFrame()
        set_look(bar, Look.ACTION_BAR)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(MARGIN, SPACING // 2, MARGIN, SPACING // 2)
        bar_layout.addWidget(self.scan.message)
        bar_layout.addWidget(self.outcome)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.send)
        buttons.addWidget(self.close_button)
        bar_layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(bar)
        order = [*self.contact_fields.order(), self.checklist,
                 *self.scan.order(), self.send, self.close_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.contact_fields.changed.connect(self._refresh)
        for field in self.contact_fields.order():
            field.returnPressed.connect(self.focusNextChild)
        self.checklist.itemSelectionChanged.connect(
            lambda: self.scan.show_item(self.checklist.selected_type()))
        self.checklist.itemActivated.connect(lambda *_args: self.scan.choose_file())
        self.scan.changed.connect(self._refresh)
        self.scan.busy_changed.connect(lambda _busy: self._refresh())
        self.send.clicked.connect(self.resubmit)
        self.close_button.clicked.connect(self.reject)
        keys: list[tuple[str, Callable[[], object]]] = [
            ("correction.resubmit", self.resubmit), ("intake.chooseFile", self.scan.choose_file),
            ("intake.scan", self.scan.scan), ("intake.saveDocument", self.scan.save_document)]
        for command, slot in keys:
            bind_keys(command, self, slot, Qt.ShortcutContext.WindowShortcut)

    # --- loading ---------------------------------------------------------------------

    def _set_loading(self) -> None:
        self.heading.setText(_("Abriendo el trámite {number}…").format(number=self.case_number))
        self.contact_fields.setEnabled(False)
        self.scan.set_editable(False)
        self.send.setEnabled(False)

    def _loaded(self, case: ReturnedCase) -> None:
        self.case = case
        summary = case.detail.summary
        self.heading.setText(_("{number} — {name} (cédula {cedula})").format(
            number=summary.case_number, name=summary.applicant_name,
            cedula=summary.cedula_masked))
        if case.returned_reason:
            show_message(self.reason, "<b>" + html.escape(_(
                "Devuelto por {who} el {when}. Motivo:").format(
                who=case.returned_by, when=moment(case.returned_at))) + "</b><br>"
                + html.escape(case.returned_reason), Tone.WARNING)
        else:
            show_message(self.reason, html.escape(_(
                "Este trámite aún no se envió a revisión: complételo y envíelo.")), Tone.HINT)
        self.contact_fields.set_contact(case.contact)
        self.contact_fields.setEnabled(True)
        self.scan.set_editable(True)
        self.checklist.select_first_missing(self._received())
        self._refresh()
        self.contact_fields.email.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_failed(self, message: str) -> None:
        self.heading.setText(_("No se pudo abrir el trámite {number}.").format(
            number=self.case_number))
        show_message(self.outcome, message)

    def _received(self) -> dict[DocumentType, str]:
        if self.case is None:
            return {}
        return received_on_file(self.case.detail.documents)

    # --- state -------------------------------------------------------------------------

    def contact(self) -> Contact:
        return self.contact_fields.contact()

    def problems(self) -> list[str]:
        """What stops «Reenviar», in the clerk's words."""
        found = self.contact_fields.check()
        received = self._received()
        for item in self.checklist.items:
            if item.required and item.document_type not in received \
                    and item.document_type not in self.scan.attached:
                found.append(_("Falta el documento: {label}.").format(label=item.label))
        return found + self.scan.unsaved()

    def _refresh(self) -> None:
        self.checklist.show_attached(self.scan.attached, self.scan.pending(), self._received())
        ready = self.case is not None and not self._busy and not self.scan.busy
        problems = self.problems() if self.case is not None else []
        self.send.setEnabled(ready and not problems)
        if self.case is not None and problems and not self._busy:
            show_message(self.outcome, _("Para reenviar falta: {list}").format(
                list=" · ".join(problems)), Tone.HINT)
        elif self.case is not None and not self._busy:
            show_message(self.outcome, _("Listo: puede reenviar a revisión."), Tone.OK)

    def work_in_progress(self) -> str:
        if self.case is None:
            return ""
        changed = self.contact() != self.case.contact or self.scan.attached or any(
            draft.pages for draft in self.scan.drafts.values())
        return _("Hay una corrección del trámite {number} sin enviar.").format(
            number=self.case_number) if changed else ""

    # --- sending -----------------------------------------------------------------------

    def resubmit(self) -> None:
        if not self.send.isEnabled():
            if self.case is not None and not self._busy:
                show_message(self.outcome, _("Aún no se puede reenviar: {list}").format(
                    list=" · ".join(self.problems())), Tone.WARNING)
            return
        contact = self.contact()
        documents = tuple(self.scan.attached.values())
        self._busy = True
        self.send.setEnabled(False)
        self.scan.set_editable(False)
        show_message(self.outcome, _("Guardando la corrección…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.resubmit(self.case_number, contact,
                                                            documents),
                       writes=True, owner=self, on_success=self._sent,
                       on_failure=self._failed)

    def reject(self) -> None:
        """Closing with changes not sent asks first (Esc, the button, the window's ×)."""
        pending = self.work_in_progress()
        if not pending or self._busy or self._discard_confirmed:
            super().reject()
            return
        confirm(self, f"{NAME}.confirmClose", _("Cerrar sin enviar"), _(
            "{pending} Si cierra ahora se descarta. ¿Cerrar de todos modos?").format(
            pending=pending), _("Cerrar y descartar"), _("Seguir corrigiendo"), self._discard)

    def _discard(self) -> None:
        self._discard_confirmed = True
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.work_in_progress() and not self._discard_confirmed and not self._busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _sent(self, done: TransitionDone) -> None:
        self._busy = False
        self._discard_confirmed = True  # nothing left to lose
        self.resubmitted.emit(done.case_number)
        self.accept()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.scan.set_editable(True)
        show_message(self.outcome, message)
        self._refresh()
