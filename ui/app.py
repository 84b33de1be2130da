"""Composition root of the GUI: the QApplication, translations, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import Paths, Settings, load_settings
from desktop.errors import VentanillaError
from desktop.filemodes import restrict_new_files
from desktop.logs import configure_logging
from ui.main_window import MainWindow
from ui.settings_problem import settings_problem


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
    window.show()
    window.login.username.setFocus()
    QTimer.singleShot(0, window.prepare)  # paint the sign-in page before the core loads
    return window


def run() -> int:
    app = _application()
    restrict_new_files()
    try:
        settings = load_settings()
    except VentanillaError as error:  # a damaged settings file: say which field, then exit
        configure_logging(Paths.discover().log_dir)
        settings_problem(error.user_message).exec()
        return 1
    window = launch(settings)
    code = app.exec()
    del window
    return code
