"""Nothing fails silently: an exception that escapes a slot, a timer or a background task is
written to ventanilla.log (redacted: desktop/logs.py) and shown as a Spanish error dialog
that says what to do next. The person can go on working; the dialog never stacks up.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.clock import local, now
from desktop.i18n import N_, _, ngettext, translate
from ui.widgets.forms import named

log = logging.getLogger("ventanilla.unexpected")

UNEXPECTED = N_("Ocurrió un error inesperado y la última acción no se completó. Quedó "
               "registrado en el log de Ventanilla ({time}). Puede seguir trabajando; si "
               "vuelve a ocurrir, cierre y abra Ventanilla de nuevo y avise al soporte técnico "
               "indicando esa hora.")


class _Reporter(QObject):
    """Lives on the GUI thread; other threads reach it through a queued signal."""

    requested = Signal(str, str)  # title, text

    def __init__(self) -> None:
        super().__init__()
        self.box: QMessageBox | None = None
        self.repeats = 0
        self.requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, title: str, text: str) -> None:
        if self.box is not None and shiboken6.isValid(self.box) and self.box.isVisible():
            self.repeats += 1  # one dialog at a time; say how many more there were
            self.box.setInformativeText(ngettext("Se repitió {n} vez más.",
                                                 "Se repitió {n} veces más.",
                                                 self.repeats).format(n=self.repeats))
            return
        self.repeats = 0
        parent = _top_window()
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        named(box, "error.dialog", title)
        named(box.button(QMessageBox.StandardButton.Ok), "error.ok", _("Aceptar"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.open()
        self.box = box


_reporters: list[_Reporter] = []  # the one reporter, made on the GUI thread by install()


def _top_window() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.activeModalWidget() or app.activeWindow() or next(
        (w for w in app.topLevelWidgets() if w.isVisible() and w.objectName() == "main.window"),
        None)


def show_error(text: str, title: str = "") -> None:
    """An error dialog from any thread (queued to the GUI thread)."""
    if not _reporters:
        log.error("error dialog requested before install()")
        return
    _reporters[0].requested.emit(title or _("Error"), text)


def report_unexpected(kind: type[BaseException], error: BaseException,
                      trace: TracebackType | None) -> None:
    """Log an exception nobody handled and tell the person."""
    log.error("unhandled %s", kind.__name__, exc_info=(kind, error, trace))
    show_error(translate(UNEXPECTED).format(time=local(now()).strftime("%H:%M:%S")),
               _("Error inesperado"))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    report_unexpected(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def install() -> None:
    """Route every unhandled exception (slots, timers, threads) to the log and a dialog.

    The hook before ours still runs after it (the interpreter's prints to stderr; pytest-qt's
    fails the test), so installing this hides nothing."""
    if not _reporters:
        _reporters.append(_Reporter())
    if getattr(sys.excepthook, "ventanilla", False):
        return
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        report_unexpected(kind, error, trace)
        previous(kind, error, trace)

    hook.ventanilla = True  # type: ignore[attr-defined]
    sys.excepthook = hook
    threading.excepthook = _thread_hook
