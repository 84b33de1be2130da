"""Composition root of the GUI: the QApplication, its translations, look and error handling,
and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import Settings, load_settings
from desktop.logs import configure_logging
from desktop.resources import resource
from ui import errors
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.style import apply_style

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
    window.show_where_it_was()
    window.login.username.setFocus()
    QTimer.singleShot(0, window.prepare)  # paint the sign-in page before the core loads
    return window


def run() -> int:
    app = _application()
    window = launch()
    code = app.exec()
    del window
    return code
