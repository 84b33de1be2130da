"""A damaged settings file: the application shows which field of which file is wrong, in a
window, and ends cleanly when the person closes it (no traceback, no main window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.config import HOME_ENV
from tests.support.files import paths_in
from ui import app


@pytest.mark.parametrize(("content", "field"), [
    ('counter = "abc"\n', "counter"),
    ('demo = "false"\n', "demo"),
    ("idle_lock_minutes = 35792\n", "idle_lock_minutes"),
    ("centre = \n", "está dañado"),  # not even TOML
])
def test_the_window_names_the_field_and_the_file_and_closes(qapp, tmp_path, monkeypatch,
                                                            content, field):
    paths = paths_in(tmp_path / "home")
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(content)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    monkeypatch.setattr(app, "restrict_new_files", lambda: None)  # keep this process's umask
    seen: dict[str, object] = {}

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_it)
            return
        seen["name"] = box.objectName()
        seen["text"] = box.text()
        seen["accessible"] = box.accessibleName()
        seen["windows"] = [w.objectName() for w in QApplication.topLevelWidgets()
                           if w.isVisible() and w is not box]
        box.findChild(QPushButton, "settings.problem.close").click()

    QTimer.singleShot(0, close_it)
    assert app.run() == 1
    assert seen["name"] == "settings.problem" and seen["accessible"]
    assert field in str(seen["text"]) and str(paths.settings_file) in str(seen["text"])
    assert seen["windows"] == []  # no half-started main window behind it
