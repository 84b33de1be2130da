"""Sign-in page; shown before the core has finished loading, so it imports none of it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from ui.style import Look, set_look
from ui.widgets.forms import (
    MARGIN,
    SPACING,
    button_row,
    labelled_rows,
    message_label,
    named,
    show_message,
)

if TYPE_CHECKING:
    from desktop.services.demo import DemoLogin


class LoginPage(QWidget):
    submitted = Signal(str, str)
    cancel_requested = Signal()
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("login.page")
        title = QLabel(_("Ventanilla IESS — Reliquidación de pensiones"))
        title.setWordWrap(True)
        set_look(title, Look.APP_TITLE)
        self.station = QLabel()
        self.username = named(QLineEdit(), "login.username", _("Usuario"))
        self.username.setMaxLength(60)
        self.password = named(QLineEdit(), "login.password", _("Clave"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.submit = named(QPushButton(_("&Ingresar")), "login.submit", _("Ingresar"))
        self.submit.setDefault(True)
        self.message = message_label("login.message", _("Mensaje de ingreso"))
        self.progress = named(QProgressBar(), "login.progress", _("Preparación de la estación"))
        self.cancel = named(QPushButton(_("Cancelar")), "login.cancel", _("Cancelar preparación"))
        self.retry = named(QPushButton(_("Reintentar")), "login.retry", _("Reintentar"))
        self.demo = named(QLabel(), "login.demoLogins", _("Usuarios de demostración"))
        self.demo.setTextFormat(Qt.TextFormat.RichText)
        self.demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo.setWordWrap(True)
        set_look(self.demo, Look.BANNER)
        self.demo.hide()

        form = labelled_rows(QFormLayout(), ((_("&Usuario:"), self.username),
                                             (_("C&lave:"), self.password)))
        buttons = button_row(self.submit)
        preparing = QHBoxLayout()
        preparing.addWidget(self.progress, 1)
        preparing.addWidget(self.cancel)
        preparing.addWidget(self.retry)

        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.setSpacing(SPACING)
        inner.addWidget(title)
        inner.addWidget(self.station)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        inner.addLayout(preparing)
        inner.addWidget(self.demo)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()

        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.cancel_requested)
        self.retry.clicked.connect(self.retry_requested)
        self.submit.setEnabled(False)
        for widget in (self.progress, self.cancel, self.retry):
            widget.hide()  # shown while the station is being prepared
        show_message(self.message, "")

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        if not self.username.text().strip() or not self.password.text():
            show_message(self.message, _("Escriba su usuario y su clave."))
            return
        self.set_busy(True)
        self.submitted.emit(self.username.text(), self.password.text())

    def set_station(self, text: str) -> None:
        self.station.setText(text)

    def show_demo_logins(self, logins: Sequence[DemoLogin]) -> None:
        """A training station shows its public demo accounts; a production one never does."""
        if not logins:
            self.demo.hide()
            return
        lines = "".join(
            "<br>" + html.escape(_("{user} · clave {password} · {role}").format(
                user=login.username, password=login.password, role=login.role.label))
            for login in logins)
        self.demo.setText("<b>" + html.escape(_("Estación de demostración: datos ficticios."))
                          + "</b> " + html.escape(_("Puede ingresar con:")) + lines)
        self.demo.show()

    def set_ready(self, ready: bool) -> None:
        """Before the core is ready the fields can be filled, but not submitted."""
        self.submit.setEnabled(ready)
        self.progress.setVisible(not ready)
        self.cancel.setVisible(not ready)
        if ready:
            self.retry.hide()

    def set_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def show_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)
        self.progress.setFormat(f"{label} %p%" if total else label)

    def show_preparation_failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel.hide()
        self.retry.show()
        show_message(self.message, message)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.password.clear()
        self.password.setFocus()
        show_message(self.message, message)

    def reset(self) -> None:
        self.set_busy(False)
        self.password.clear()
        show_message(self.message, "")
        self.username.setFocus()
