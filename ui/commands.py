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
from typing import TypeVar, overload

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

from desktop.i18n import N_, translate
from ui.icons import icon
from ui.widgets.forms import named

B = TypeVar("B", bound=QAbstractButton)


@dataclass(frozen=True)
class Command:
    name: str  # the objectName of its button: nav.intake, status.printSlip, …
    text: str  # with its mnemonic; N_() marked, translated where shown
    accessible: str
    icon: str = ""
    keys: tuple[str, ...] = ()  # besides the mnemonic
    description: str = ""

    def tooltip(self) -> str:
        keys = ", ".join(self.keys)
        description = translate(self.description) if self.description else ""
        if description and keys:
            return f"{description} ({keys})"
        return description or keys


_COMMANDS = (
    Command("nav.intake", N_("Ingreso de &trámites"), N_("Ingreso de trámites"), "intake",
            description=N_("Registrar una solicitud nueva")),
    Command("nav.status", N_("Consulta de esta&do"), N_("Consulta de estado"), "status", ("F2",),
            N_("Buscar un trámite por cédula, número o nombre")),
    Command("nav.review", N_("&Bandeja de revisión"), N_("Bandeja de revisión"), "review",
            description=N_("Trámites por aprobar, devolver o anular")),
    Command("nav.sync", N_("&Sincronización"), N_("Sincronización"), "sync",
            description=N_("Estado del envío y la recepción de datos con la central")),
    Command("nav.staff", N_("Personal"), N_("Personal del centro"), "staff", ("Ctrl+Shift+P",),
            N_("Cuentas del personal del centro")),
    Command("nav.reports", N_("Reportes"), N_("Reportes de supervisión"), "reports",
            ("Ctrl+Shift+R",), N_("Transparencia, pendientes y trabajo por funcionario")),
    Command("nav.complaints", N_("Que&jas"), N_("Registro de quejas"),
            description=N_("Registrar quejas y darles respuesta")),
    Command("nav.password", N_("Cambiar clave…"), N_("Cambiar clave"), "password",
            ("Ctrl+Shift+K",)),
    Command("nav.lock", N_("Bloquear"), N_("Bloquear la estación"), "lock", ("Ctrl+L",),
            N_("Oculta el trabajo en curso hasta que escriba su clave")),
    # no Alt+letter: signing out by a stray chord would drop the next person's work
    Command("nav.signOut", N_("Cerrar sesión"), N_("Cerrar sesión"), "signOut",
            ("Ctrl+Shift+Q",)),
    # the person at the counter (issue 13): one dialog opens or closes the attention
    Command("attention.open", N_("Atención…"), N_("Abrir o cerrar la atención"),
            keys=("F8", "F9"), description=N_("Abrir una atención con el turno, o cerrarla "
                                              "con su resultado")),
    # the status page: the open case
    Command("status.printSlip", N_("&Hoja de estado…"), N_("Imprimir hoja de estado"), "slip",
            ("Ctrl+P",), N_("Vista previa e impresión de la hoja de estado")),
    Command("status.printAgreement", N_("Copia del &acuerdo…"), N_("Imprimir copia del acuerdo"),
            "agreement"),
    Command("status.deliver", N_("Registrar entre&ga…"), N_("Registrar entrega del acuerdo"),
            "deliver"),
    Command("status.correct", N_("C&orregir y reenviar…"), N_("Corregir el trámite devuelto"),
            "correct", description=N_("Corregir contacto, agregar documentos y reenviar a "
                                     "revisión")),
    Command("status.addDocument", N_("Agregar doc&umento…"),
            N_("Agregar documento al trámite"), "addDocument",
            description=N_("Escanear o importar un poder, un desistimiento u otro documento "
                           "para un trámite ya registrado")),
    Command("status.withdraw", N_("Des&istimiento…"), N_("Registrar desistimiento"), "annul",
            description=N_("El solicitante desiste por escrito; el trámite termina")),
    Command("status.sendToReview", N_("Enviar a re&visión"), N_("Enviar a revisión del supervisor"),
            "send"),
    # the review page: keys of its own, while the page has the focus
    Command("review.filter", N_("Filtrar la bandeja"), N_("Filtrar la bandeja"), keys=("Ctrl+F",),
            description=N_("Número, nombre o quién lo registró")),
    Command("review.refresh", N_("Actuali&zar"), N_("Actualizar la bandeja"), keys=("Ctrl+R",)),
    # a document's preview dialog (its buttons are named after the document: receipt.save, …)
    Command("document.printDirect", N_("Imprimir en la impresora configurada"),
            N_("Imprimir en la impresora configurada"), keys=("Ctrl+P",)),
    Command("document.save", N_("&Guardar PDF…"), N_("Guardar el documento como PDF"), "save",
            ("Ctrl+S",)),
    # the intake page's keys, while the page has the focus (its buttons show them)
    Command("intake.submit", N_("Registrar trámite"), N_("Registrar trámite"),
            keys=("Ctrl+Return", "Ctrl+Enter")),
    Command("intake.reset", N_("Nuevo trámite"), N_("Nuevo trámite"), keys=("Ctrl+N",)),
    Command("intake.chooseFile", N_("Importar archivo"), N_("Importar archivo"), keys=("F3",)),
    Command("intake.scan", N_("Escanear"), N_("Escanear"), keys=("F4",)),
    Command("intake.saveDocument", N_("Guardar documento"), N_("Guardar documento"),
            keys=("Ctrl+S",)),
    Command("intake.removeDocument", N_("Quitar documento"), N_("Quitar documento"),
            keys=("Delete",)),
    # Esc stops a scan; enabled only then, so Esc keeps its usual meaning otherwise
    Command("intake.cancelScan", N_("Detener el escaneo"), N_("Detener el escaneo"),
            keys=("Escape",)),
    # the correction dialog: the same keys as the intake page for the same work
    Command("correction.resubmit", N_("Reenviar a revisión"), N_("Reenviar a revisión"),
            keys=("Ctrl+Return", "Ctrl+Enter")),
    # adding a document to a registered case
    Command("addDocument.add", N_("&Agregar al trámite"), N_("Agregar al trámite"), "send",
            ("Ctrl+Return", "Ctrl+Enter"), N_("Guarda los documentos en el trámite")),
    # a PDF viewer's tools, while the viewer has the focus
    Command("viewer.previous", N_("Página anterior"), N_("Página anterior"), keys=("Alt+Left",)),
    Command("viewer.next", N_("Página siguiente"), N_("Página siguiente"), keys=("Alt+Right",)),
    Command("viewer.zoomIn", N_("Acercar"), N_("Acercar"), keys=("Ctrl++", "Ctrl+=")),
    Command("viewer.zoomOut", N_("Alejar"), N_("Alejar"), keys=("Ctrl+-",)),
    Command("viewer.fit", N_("Ajustar al ancho"), N_("Ajustar al ancho"), keys=("Ctrl+0",)),
    # the window's status bar: F5 while signed in, F1 everywhere (the sign-in page too)
    Command("sync.now", N_("Sincronizar ahora"), N_("Sincronizar ahora"), keys=("F5",),
            description=N_("Enviar y recibir cambios ahora")),
    Command("about.open", N_("Acerca de"), N_("Acerca de Ventanilla"), "about", ("F1",)),
)
COMMANDS = {command.name: command for command in _COMMANDS}


@overload
def command_button(command: Command | str, parent: QWidget | None = None, *,
                   name: str = "") -> QPushButton: ...


@overload
def command_button(command: Command | str, parent: QWidget | None = None, *,
                   name: str = "", kind: type[B]) -> B: ...


def command_button(command: Command | str, parent: QWidget | None = None, *,
                   name: str = "", kind: type[QAbstractButton] = QPushButton,
                   ) -> QAbstractButton:
    """A button showing the command (text with its mnemonic, icon, tooltip); no keys bound.
    `name` replaces the objectName where one dialog serves several documents
    (`receipt.save`, `slip.save` for «document.save»); `kind` e.g. a QToolButton."""
    command = COMMANDS[command] if isinstance(command, str) else command
    button = named(kind(parent), name or command.name, translate(command.accessible),
                   command.tooltip())
    button.setText(translate(command.text))
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
    action = QAction(translate(command.accessible), scope)
    action.setObjectName(f"{command.name}.action")
    action.setShortcuts([QKeySequence(key) for key in command.keys])
    action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    scope.addAction(action)
    return action


def wire(button: QAbstractButton, scope: QWidget, slot: Callable[[], object],
         command: Command | str | None = None,
         context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
         ) -> QAbstractButton:
    """Clicks and the command's keys (only while the button is enabled and shown) run `slot`.
    The command is the button's objectName's unless given; the keys work while the focus is
    in `scope` (or, with `context`, e.g. anywhere in its window)."""
    button.clicked.connect(lambda _checked=False: slot())
    if command is None:
        command = COMMANDS.get(button.objectName())
    if command is not None:
        bind_keys(command, scope, lambda: button.click() if button.isEnabled()
                  and button.isVisibleTo(scope) else None, context)
    return button
