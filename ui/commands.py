"""Every command of the workspace defined once: its words (with the mnemonic), its extra
keys, its icon and what it does for a screen reader. Buttons, menus and tests all take
their command from here, so a key is never bound twice or described two ways.

The mnemonic (the letter after «&») stays the button's own Alt+letter; the extra keys are
shortcuts of a QAction living on the workspace. (A QPushButton's setShortcut would
replace its mnemonic: «&Hoja de estado…» once showed Alt+H and typed an «h».)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

from desktop.i18n import _
from ui.icons import icon
from ui.widgets.forms import named


@dataclass(frozen=True)
class Command:
    name: str  # the objectName of its button: nav.intake, status.printSlip, …
    text: str  # with its mnemonic
    accessible: str
    icon: str = ""
    keys: tuple[str, ...] = ()  # besides the mnemonic
    description: str = ""

    def tooltip(self) -> str:
        keys = ", ".join(self.keys)
        if self.description and keys:
            return f"{self.description} ({keys})"
        return self.description or keys


_COMMANDS = (
    Command("nav.intake", _("Ingreso de &trámites"), _("Ingreso de trámites"), "intake",
            description=_("Registrar una solicitud nueva")),
    Command("nav.status", _("Consulta de esta&do"), _("Consulta de estado"), "status", ("F2",),
            _("Buscar un trámite por cédula, número o nombre")),
    Command("nav.review", _("&Bandeja de revisión"), _("Bandeja de revisión"), "review",
            description=_("Trámites por aprobar, devolver o anular")),
    Command("nav.sync", _("&Sincronización"), _("Sincronización"), "sync",
            description=_("Estado del envío y la recepción de datos con la central")),
    Command("nav.staff", _("Personal"), _("Personal del centro"), "staff", ("Ctrl+Shift+P",),
            _("Cuentas del personal del centro")),
    Command("nav.password", _("Cambiar clave…"), _("Cambiar clave"), "password",
            ("Ctrl+Shift+K",)),
    Command("nav.lock", _("Bloquear"), _("Bloquear la estación"), "lock", ("Ctrl+L",),
            _("Oculta el trabajo en curso hasta que escriba su clave")),
    # no Alt+letter: signing out by a stray chord would drop the next person's work
    Command("nav.signOut", _("Cerrar sesión"), _("Cerrar sesión"), "signOut",
            ("Ctrl+Shift+Q",)),
    # the status page: the open case
    Command("status.printSlip", _("&Hoja de estado…"), _("Imprimir hoja de estado"), "slip",
            ("Ctrl+P",), _("Vista previa e impresión de la hoja de estado")),
    Command("status.printAgreement", _("Copia del &acuerdo…"), _("Imprimir copia del acuerdo"),
            "agreement"),
    Command("status.deliver", _("Registrar entre&ga…"), _("Registrar entrega del acuerdo"),
            "deliver"),
    Command("status.correct", _("C&orregir y reenviar…"), _("Corregir el trámite devuelto"),
            "correct", description=_("Corregir contacto, agregar documentos y reenviar a "
                                     "revisión")),
    Command("status.sendToReview", _("Enviar a re&visión"), _("Enviar a revisión del supervisor"),
            "send"),
)
COMMANDS = {command.name: command for command in _COMMANDS}


def command_button(command: Command | str, parent: QWidget | None = None) -> QPushButton:
    """A button showing the command (text with its mnemonic, icon, tooltip); no keys bound."""
    command = COMMANDS[command] if isinstance(command, str) else command
    button = named(QPushButton(command.text, parent), command.name, command.accessible,
                   command.tooltip())
    if command.icon:
        button.setIcon(icon(command.icon))
    return button


def bind_keys(command: Command | str, scope: QWidget, slot: Callable[[], object],
              context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
              ) -> QAction | None:
    """The command's extra keys as an action on `scope` (None when it has none)."""
    command = COMMANDS[command] if isinstance(command, str) else command
    if not command.keys:
        return None
    action = QAction(command.accessible, scope)
    action.setObjectName(f"{command.name}.action")
    action.setShortcuts([QKeySequence(key) for key in command.keys])
    action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    scope.addAction(action)
    return action


def wire(button: QAbstractButton, scope: QWidget, slot: Callable[[], object]) -> QAbstractButton:
    """Clicks and the command's keys (only while the button is enabled and shown) run `slot`."""
    button.clicked.connect(lambda _checked=False: slot())
    command = COMMANDS.get(button.objectName())
    if command is not None:
        bind_keys(command, scope, lambda: button.click() if button.isEnabled()
                  and button.isVisibleTo(scope) else None)
    return button
