"""«Acerca de» (F1, on the sign-in page too) and the administrators' station versions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.config import HOME_ENV
from desktop.sync.versions import report_version
from desktop.version import __version__
from tests.support.accounts import ADMIN
from tests.ui.keyboard import assert_accessible, press, wait_for_focus
from ui.app import launch

WAIT = 30_000


def test_f1_shows_the_version_and_the_title_carries_it(qtbot, home, monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(home.config_dir.parent))
    window = launch()
    qtbot.addWidget(window)
    assert __version__ in window.windowTitle()
    assert not window.windowIcon().isNull()
    wait_for_focus(qtbot, "login.username")
    press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "about_dialog", None) is not None
                    and window.about_dialog.isVisible(), timeout=WAIT)
    dialog = window.about_dialog
    assert __version__ in dialog.findChild(QLabel, "about.version").text()
    details = dialog.findChild(QLabel, "about.details").text()
    assert "IESS-034-01-07" in details and "UIO01" in details
    assert "Copia de desarrollo" in details  # a checkout: updated from the source
    assert assert_accessible(dialog) == 1
    dialog.findChild(QPushButton, "about.close").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(window.findChild(QPushButton, "login.submit").isEnabled, timeout=WAIT)
    window.close()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT)  # their last signals


def test_an_administrator_sees_the_stations_on_an_older_version(qtbot, home, main_window,
                                                                 sign_in):
    window = main_window()
    sign_in(window, *ADMIN)
    window.show_sync()
    summary = window.findChild(QLabel, "sync.versions.summary")
    qtbot.waitUntil(lambda: "versión" in summary.text(), timeout=WAIT)
    assert "Todas las estaciones del centro usan la versión" in summary.text()

    assert window.runtime is not None
    report_version(window.runtime.central(), "UIO01-02", "UIO01", "0.0.1")
    window.findChild(QPushButton, "sync.versions.refresh").click()
    qtbot.waitUntil(lambda: "anterior" in summary.text(), timeout=WAIT)
    assert f"1 estación usa una versión anterior a la {__version__}" in summary.text()
    details = window.findChild(QLabel, "sync.versions.details").text()
    assert "UIO01-02: versión 0.0.1 (desde el" in details
    window.close()  # stops the sync timer and waits for the task runner
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT)  # their last signals
