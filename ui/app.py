"""Composition root of the GUI: the QApplication, translations, the main window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import Settings, load_settings
from desktop.logs import configure_logging
from ui.about_dialog import install_about
from ui.main_window import MainWindow
from ui.update_checks import UpdateChecks


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Ventanilla")
    app.setOrganizationName("IESS")
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Ecuador))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_es", path):
        app.installTranslator(translator)
    return app


def launch(settings: Settings | None = None) -> MainWindow:
    """Build and show the main window without entering the event loop.

    `None` means the settings found through VENTANILLA_HOME or the platform folders.
    The cache opens in the background; the sign-in page is usable at once.
    """
    _application()
    settings = settings or load_settings()
    configure_logging(settings.paths.log_dir)
    window = MainWindow(settings)
    install_about(window, settings)
    window.show()
    window.login.username.setFocus()
    QTimer.singleShot(0, window.prepare)  # paint the sign-in page before the core loads
    window.update_checks = UpdateChecks(window, window.tasks, settings.paths)
    _mark_startup("sign-in")
    return window


def _mark_startup(milestone: str) -> None:
    """With VENTANILLA_STARTUP_MARKS=<file>, append when `milestone` was reached (wall
    clock, after the event loop's first turn): how the start-up benchmark times a frozen
    bundle and a virtualenv side by side."""
    path = os.environ.get("VENTANILLA_STARTUP_MARKS")
    if path:
        def write() -> None:
            with open(path, "a", encoding="utf-8") as marks:
                marks.write(f"{milestone} {time.time():.6f}\n")

        QTimer.singleShot(0, write)


def run() -> int:
    app = _application()
    window = launch()
    code = app.exec()
    del window
    return code
