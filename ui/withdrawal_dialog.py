"""«Desistimiento»: the applicant withdraws the request in writing. The case becomes
DESISTIDO, which ends it; the signed withdrawal must be on file first («Agregar
documento…»), and the workflow service checks that again with the transition."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checklist import DocumentType
from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services.case_views import CaseDetail
from desktop.services.runtime import Runtime
from desktop.services.workflow import TransitionDone, WorkflowService
from ui.style import Tone, set_tone
from ui.tasks import TaskRunner
from ui.widgets.forms import (
    MARGIN,
    button_row,
    labelled_rows,
    message_label,
    named,
    show_message,
    swallow_enter,
)

NAME = "withdrawal"


class WithdrawalDialog(QDialog):
    withdrawn = Signal(str)  # case number

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, detail: CaseDetail,
                 parent: QWidget | None = None):
        super().__init__(parent)
        number = detail.summary.case_number
        self.setObjectName(f"{NAME}.dialog")
        self.setWindowTitle(_("Desistimiento del trámite {number}").format(number=number))
        self.setAccessibleName(self.windowTitle())
        self.service = WorkflowService(runtime, actor)
        self.tasks = tasks
        self.case_number = number
        self._busy = False
        on_file = any(d.document_type is DocumentType.WITHDRAWAL and not d.replaced
                      for d in detail.documents)
        intro = QLabel(_("{name} desiste por escrito de su solicitud. El trámite pasa a "
                         "«Desistido» y termina: no se puede reabrir.").format(
            name=detail.summary.applicant_name))
        intro.setWordWrap(True)
        set_tone(intro, Tone.HINT)
        self.reason = named(QLineEdit(), f"{NAME}.reason", _("Motivo del desistimiento"),
                            _("Lo que dice el escrito del solicitante"))
        self.reason.setMaxLength(500)
        self.message = message_label(f"{NAME}.message", _("Mensaje del desistimiento"))
        self.submit = named(QPushButton(_("&Registrar desistimiento")), f"{NAME}.submit",
                            _("Registrar desistimiento"))
        self.cancel = named(QPushButton(_("Cancelar")), f"{NAME}.cancel", _("Cancelar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(intro)
        layout.addLayout(labelled_rows(QFormLayout(), ((_("&Motivo:"), self.reason),)))
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.submit, self.cancel))
        for first, second in itertools.pairwise([self.reason, self.submit, self.cancel]):
            QWidget.setTabOrder(first, second)
        self.submit.clicked.connect(self.record)
        self.cancel.clicked.connect(self.reject)
        self.reason.textChanged.connect(lambda _text: self._refresh())
        self.on_file = on_file
        if not on_file:
            show_message(self.message, _(
                "El desistimiento firmado no está en el expediente: agréguelo primero con "
                "«Agregar documento…»."), Tone.WARNING)
        self._refresh()
        self.setMinimumWidth(480)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the reason does not end the case by itself: the button does."""
        if not swallow_enter(self, event, self._busy):
            super().keyPressEvent(event)

    def _refresh(self) -> None:
        self.submit.setEnabled(self.on_file and bool(self.reason.text().strip())
                               and not self._busy)

    def record(self) -> None:
        if not self.submit.isEnabled():
            return
        number, reason = self.case_number, self.reason.text()
        self._busy = True
        self._refresh()
        show_message(self.message, _("Registrando el desistimiento…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.withdraw(number, reason), writes=True,
                       on_success=self._recorded, on_failure=self._failed, owner=self)

    def _recorded(self, _done: TransitionDone) -> None:
        self._busy = False
        self.withdrawn.emit(self.case_number)
        self.accept()

    def _failed(self, message: str) -> None:
        self._busy = False
        self._refresh()
        show_message(self.message, message)
