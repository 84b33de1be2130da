"""«Cambiar clave»: the signed-in person changes their own password.

The dialog checks only that the new password was typed the same twice (a typo there would
lock the person out); the service checks the current password, the length and that the
new one differs, and its Spanish message is shown as it comes.
"""

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

from desktop.domain.roles import Actor
from desktop.i18n import _
from desktop.services.runtime import Runtime
from desktop.services.staff import MIN_PASSWORD, StaffService
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


def _password_field(name: str, accessible: str) -> QLineEdit:
    field = named(QLineEdit(), name, accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class PasswordDialog(QDialog):
    changed = Signal()

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("password.dialog")
        self.setWindowTitle(_("Cambiar clave"))
        self.setAccessibleName(self.windowTitle())
        self.service = StaffService(runtime, actor)
        self.tasks = tasks
        self._busy = False
        self.current = _password_field("password.current", _("Clave actual"))
        self.new = _password_field("password.new", _("Clave nueva"))
        self.repeat = _password_field("password.repeat", _("Repita la clave nueva"))
        self.message = message_label("password.message", _("Mensaje del cambio de clave"))
        self.save = named(QPushButton(_("&Guardar")), "password.save", _("Guardar clave nueva"))
        self.cancel = named(QPushButton(_("Cancelar")), "password.cancel", _("Cancelar"))
        self.save.setDefault(True)
        self._build()
        self.setMinimumWidth(420)

    def _build(self) -> None:
        hint = QLabel(_("Al menos {n} caracteres; no puede contener su usuario.").format(
            n=MIN_PASSWORD))
        hint.setWordWrap(True)
        set_tone(hint, Tone.HINT)
        form = labelled_rows(QFormLayout(), ((_("Clave &actual:"), self.current),
                                             (_("Clave &nueva:"), self.new),
                                             (_("&Repita la clave nueva:"), self.repeat)))
        buttons = button_row(self.save, self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise([self.current, self.new, self.repeat,
                                                 self.save, self.cancel]):
            QWidget.setTabOrder(first, second)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.submit)
        self.save.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        show_message(self.message, "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field moves on (the field did it); only elsewhere it saves."""
        if not swallow_enter(self, event, self._busy):
            super().keyPressEvent(event)

    def submit(self) -> None:
        if self._busy:
            return
        current, new = self.current.text(), self.new.text()
        if not current or not new:
            show_message(self.message, _("Escriba su clave actual y la clave nueva."))
            (self.new if current else self.current).setFocus()
            return
        if new != self.repeat.text():
            show_message(self.message, _("La clave nueva y su repetición no coinciden."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self._set_busy(True)
        show_message(self.message, _("Guardando…"), Tone.HINT)
        self.tasks.run(lambda _p, _c: self.service.change_password(current, new), writes=True,
                       on_success=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, _none: None) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        show_message(self.message, message)
        self.current.setFocus()
        self.current.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save.setEnabled(not busy)
        for field in (self.current, self.new, self.repeat):  # read-only keeps the focus
            field.setReadOnly(busy)
