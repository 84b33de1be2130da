"""The window a person sees when the settings file cannot be used: which field of which
file is wrong (the core's Spanish message), what to do, and a button that closes it. No
traceback, no half-started main window."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.i18n import _
from ui.widgets.forms import named

NAME = "settings.problem"


def settings_problem(message: str) -> QMessageBox:
    """The window (shown by the caller with exec(); closing it ends the application)."""
    title = _("Ventanilla: la configuración no es válida")
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setObjectName(NAME)
    box.setAccessibleName(title)
    box.setInformativeText(_("Corrija ese campo del archivo (o pida al administrador que vuelva "
                             "a configurar la estación con «ventanilla init») y abra Ventanilla "
                             "otra vez."))
    close = box.addButton(_("Cerrar"), QMessageBox.ButtonRole.AcceptRole)
    named(close, f"{NAME}.close", _("Cerrar"))
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    return box
