"""«Acerca de Ventanilla»: the version, the station and how this installation is updated
(what IT asks a clerk on the phone). F1 or the status bar's «Acerca de» opens it, on the
sign-in page too.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Settings
from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.machine import load_machine_settings
from desktop.updates import how_updated
from desktop.version import __version__
from ui.commands import bind_keys, command_button
from ui.icons import app_icon
from ui.widgets.forms import MARGIN, named


def _update_line() -> str:
    try:
        return how_updated(load_machine_settings())
    except VentanillaError as error:
        return error.user_message


class AboutDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about.dialog")
        self.setWindowTitle(_("Acerca de Ventanilla"))
        self.setAccessibleName(self.windowTitle())
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(f"<b>Ventanilla IESS</b> {__version__}")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.version = named(title, "about.version", _("Versión"))
        details = QLabel("<br>".join([
            _("Reliquidación de pensiones (IESS-034-01-07)"),
            _("Estación: centro {centre}, ventanilla {counter:02d}").format(
                centre=settings.centre, counter=settings.counter),
            _update_line(),
            f"Python {platform.python_version()} · Qt {pyside_version}",
        ]))
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = named(details, "about.details", _("Detalles de la instalación"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        named(close, "about.close", _("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        for widget in (icon, title, details, buttons):
            layout.addWidget(widget)
        close.setFocus()


def install_about(window: QMainWindow, settings: Settings) -> None:
    """The hook: an «Acerca de» button at the right of the status bar, F1 anywhere, and
    the version in the window title (which the OS shows as the title bar's and taskbar's
    tooltip: Qt cannot set a tooltip of its own on the title bar)."""

    def open_about() -> None:
        dialog = AboutDialog(getattr(window, "settings", settings), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        window.about_dialog = dialog  # type: ignore[attr-defined]

    button = command_button("about.open", kind=QToolButton)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F1 is the keyboard's way; Tab stays on the page
    button.clicked.connect(open_about)
    window.statusBar().addPermanentWidget(button)
    bind_keys("about.open", window, open_about, Qt.ShortcutContext.ApplicationShortcut)
