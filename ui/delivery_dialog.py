"""Recording that the acuerdo was handed over: to the pensioner, or to a representative
with name and cédula. The case becomes NOTIFICADO; the workflow service checks the
transition and the representative's data (the dialog only shows its answer)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services.runtime import Runtime
from desktop.services.workflow import (
    REPRESENTATIVE,
    TITULAR,
    Recipient,
    TransitionDone,
    WorkflowService,
)
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


class DeliveryDialog(QDialog):
    delivered = Signal(str)  # case number

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner, case_number: str,
                 applicant_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("delivery.dialog")
        self.setWindowTitle(_("Entrega del acuerdo {number}").format(number=case_number))
        self.setAccessibleName(self.windowTitle())
        self.service = WorkflowService(runtime, actor)
        self.tasks = tasks
        self.case_number = case_number
        self._busy = False
        self.titular = named(QRadioButton(_("El &titular: {name}").format(name=applicant_name)),
                             "delivery.titular", _("Lo retira el titular"))
        self.representative = named(QRadioButton(_("Un re&presentante")),
                                    "delivery.representative", _("Lo retira un representante"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.titular)
        self.group.addButton(self.representative)
        self.titular.setChecked(True)
        self.name = named(QLineEdit(), "delivery.name", _("Nombres y apellidos del representante"))
        self.name.setMaxLength(120)
        self.cedula = named(QLineEdit(), "delivery.cedula", _("Cédula del representante"),
                            _("Se verifica la cédula original; no se guarda copia"))
        self.cedula.setMaxLength(12)
        self.message = message_label("delivery.message", _("Mensaje de la entrega"))
        self.submit = named(QPushButton(_("&Registrar entrega")), "delivery.submit",
                            _("Registrar entrega"))
        self.cancel = named(QPushButton(_("Cancelar")), "delivery.cancel", _("Cancelar"))
        self.submit.setDefault(True)
        self._build()
        self._toggle()
        self.setMinimumWidth(460)

    def _build(self) -> None:
        intro = QLabel(_("Verifique la identidad de quien retira el acuerdo con su cédula "
                         "original. Al registrar la entrega el trámite pasa a «Entregado / "
                         "notificado»."))
        intro.setWordWrap(True)
        set_tone(intro, Tone.HINT)
        form = labelled_rows(QFormLayout(), ((_("&Nombres:"), self.name),
                                             (_("&Cédula:"), self.cedula)))
        buttons = button_row(self.submit, self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        for widget in (intro, self.titular, self.representative):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise([self.titular, self.representative, self.name,
                                                 self.cedula, self.submit, self.cancel]):
            QWidget.setTabOrder(first, second)
        self.representative.toggled.connect(self._toggle)
        self.name.returnPressed.connect(self.focusNextChild)
        self.cedula.returnPressed.connect(self.record)
        self.submit.clicked.connect(self.record)
        self.cancel.clicked.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field moves on (the field did it); only elsewhere it records."""
        if not swallow_enter(self, event, self._busy):
            super().keyPressEvent(event)

    def _toggle(self) -> None:
        by_representative = self.representative.isChecked()
        for field in (self.name, self.cedula):
            field.setEnabled(by_representative)

    def recipient(self) -> Recipient:
        if self.representative.isChecked():
            return Recipient(REPRESENTATIVE, self.name.text(), self.cedula.text())
        return Recipient(TITULAR)

    def record(self) -> None:
        if self._busy:
            return
        recipient, number = self.recipient(), self.case_number
        self._set_busy(True)
        show_message(self.message, _("Registrando la entrega…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.deliver(number, recipient), writes=True,
                       on_success=self._recorded, on_failure=self._failed, owner=self)

    def _recorded(self, _done: TransitionDone) -> None:
        self._set_busy(False)
        self.delivered.emit(self.case_number)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        show_message(self.message, message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.titular, self.representative, self.submit):
            widget.setEnabled(not busy)
        for field in (self.name, self.cedula):  # read-only, not disabled: keep the focus
            field.setReadOnly(busy)
