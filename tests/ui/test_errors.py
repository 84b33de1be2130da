"""Nothing fails silently (issue 9): an exception escaping a slot or a background task is
written to ventanilla.log — without the personal data its text may carry — and shown to the
person as a Spanish error dialog that says what to do next."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logs import LOG_FILE, configure_logging
from ui import errors
from ui.tasks import TaskRunner

CEDULA, EMAIL = "1710034065", "rosa.perez@correo.ec"


def _dialog(qtbot) -> QMessageBox:
    def shown() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "error.dialog" and widget.isVisible():
                return widget  # type: ignore[return-value]
        return None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    box = shown()
    assert box is not None
    return box


def _log_text(tmp_path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (tmp_path / LOG_FILE).read_text(encoding="utf-8")


@pytest.fixture
def logged(tmp_path):
    configure_logging(tmp_path)
    errors.install()
    yield tmp_path
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, logged):
    def broken_slot() -> None:
        raise KeyError(f"cédula {CEDULA} de {EMAIL}")

    QTimer.singleShot(0, broken_slot)
    box = _dialog(qtbot)
    assert "error inesperado" in box.text().lower() and "soporte" in box.text()
    assert box.findChild(type(box.button(QMessageBox.StandardButton.Ok)), "error.ok")
    log = _log_text(logged)
    assert "unhandled KeyError" in log and "broken_slot" in log  # where, for the developer
    assert CEDULA not in log and EMAIL not in log  # never the person's data
    box.close()


def test_a_background_task_that_fails_with_nobody_listening_is_shown(qtbot, logged):
    tasks = TaskRunner()

    def work(_progress, _cancel) -> None:
        raise RuntimeError(f"disco lleno al guardar {CEDULA}")

    tasks.run(work)  # no on_failure: still never silent
    box = _dialog(qtbot)
    assert "error inesperado" in box.text().lower()
    log = _log_text(logged)
    assert "background task failed" in log and "RuntimeError" in log
    assert CEDULA not in log
    box.close()
    tasks.shutdown()


@pytest.mark.qt_no_exception_capture
def test_a_burst_of_errors_shows_one_dialog_that_counts_them(qtbot, logged):
    for _ in range(3):
        QTimer.singleShot(0, lambda: 1 / 0)
    box = _dialog(qtbot)
    qtbot.waitUntil(lambda: "2 veces" in box.informativeText(), timeout=10_000)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.objectName() == "error.dialog" and w.isVisible()]
    assert len(dialogs) == 1
    box.close()
