"""The lock screen shown over an idle (or manually locked) workspace.

It only asks; ui/idle_lock.py decides when it shows and checks the password through the
service. Like the sign-in page it imports nothing of the core, so the window can build it
before the core has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from ui.style import Look, Tone, set_look, set_tone
from ui.widgets.forms import (
    MARGIN,
    SPACING,
    button_row,
    labelled_rows,
    message_label,
    named,
    show_message,
)


class LockPage(QWidget):
    unlock_requested = Signal(str)  # the password typed
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock.page")
        title = QLabel(_("Estación bloqueada"))
        title.setWordWrap(True)
        set_look(title, Look.APP_TITLE)
        self.who = QLabel()
        self.who.setObjectName("lock.who")
        self.who.setWordWrap(True)
        self.password = named(QLineEdit(), "lock.password", _("Clave"),
                              _("La clave de la persona que inició la sesión"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.unlock = named(QPushButton(_("&Desbloquear")), "lock.unlock", _("Desbloquear"))
        self.message = message_label("lock.message", _("Mensaje de desbloqueo"))
        other = QLabel(_("¿Es otra persona? Cierre esta sesión: el formulario en curso se "
                         "descarta."))
        other.setWordWrap(True)
        set_tone(other, Tone.HINT)
        self.sign_out = named(QPushButton(_("Cerrar &sesión")), "lock.signOut",
                              _("Cerrar sesión"),
                              _("Otra persona: cerrar la sesión (se descarta el formulario)"))

        form = labelled_rows(QFormLayout(), ((_("&Clave:"), self.password),))
        buttons = button_row(self.unlock)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.setSpacing(SPACING)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        inner.addSpacing(2 * SPACING)
        inner.addWidget(other)
        inner.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()

        self.password.returnPressed.connect(self._submit)
        self.unlock.clicked.connect(self._submit)
        self.sign_out.clicked.connect(self.sign_out_requested)
        show_message(self.message, "")

    def show_for(self, full_name: str, role_label: str) -> None:
        """A fresh lock screen for this person; the focus goes to the password."""
        self.who.setText(_("Sesión de {name} ({role}). Escriba su clave para continuar: el "
                           "trabajo en curso se conserva.").format(name=full_name,
                                                                   role=role_label))
        self.set_busy(False)
        self.password.clear()
        show_message(self.message, "")
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if not self.unlock.isEnabled():
            return
        if not self.password.text():
            show_message(self.message, _("Escriba su clave."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(self.password.text())

    def set_busy(self, busy: bool) -> None:
        """While the password is checked; read-only rather than disabled keeps the focus."""
        self.password.setReadOnly(busy)
        self.unlock.setEnabled(not busy)
        self.sign_out.setEnabled(not busy)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        show_message(self.message, message)
