"""Composition root of the GUI: the QApplication, its translations, look and error handling,
and the main window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import Paths, Settings, load_settings
from desktop.errors import VentanillaError
from desktop.filemodes import restrict_new_files
from desktop.logs import configure_logging
from desktop.resources import resource
from ui import errors
from ui.about_dialog import install_about
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.settings_problem import settings_problem
from ui.style import apply_style
from ui.update_checks import UpdateChecks

#: Qt's Spanish, then our Ecuadorian corrections and the strings newer than Qt's catalogs
#: (resources/translations/README.md); installed last, they win
QT_CATALOGS = (("qtbase_es", None), ("qtbase_es_EC", "translations"),
               ("qt_extra_es_EC", "translations"))


def install_translations(app: QCoreApplication) -> list[QTranslator]:
    """Qt's own dialogs (file, print, message boxes) in Spanish, whoever created `app`."""
    if app.property("ventanillaTranslators"):
        return []
    installed = []
    for name, folder in QT_CATALOGS:
        path = (str(resource(folder)) if folder
                else QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        translator = QTranslator(app)
        if translator.load(name, path) and app.installTranslator(translator):
            installed.append(translator)
    app.setProperty("ventanillaTranslators", len(installed))
    return installed


def prepare(app: QApplication) -> QApplication:
    """Everything the window expects of its application; safe to call again."""
    app.setApplicationName("Ventanilla")
    app.setOrganizationName("IESS")
    app.setDesktopFileName("ventanilla")
    app.setWindowIcon(app_icon())
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Ecuador))
    install_translations(app)
    apply_style(app)
    errors.install()
    return app


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    return prepare(app)


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
    window.show_where_it_was()
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
