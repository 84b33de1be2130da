"""The `ventanilla` command as a person starts it: a real process, its own QApplication."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.config import HOME_ENV
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_starts_on_a_bare_machine_and_sets_up_the_demo(tmp_path):
    env = {**os.environ, HOME_ENV: str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "ui"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        settings = tmp_path / "config" / "settings.toml"
        cache = tmp_path / "data" / "cache.sqlite3"
        log_file = tmp_path / "logs" / "ventanilla.log"
        # the demo is set up (settings, cache, log), or the app has ended
        wait_until(lambda: app.poll() is not None or (settings.exists() and cache.exists()
                                                      and log_file.exists()),
                   120, 0.1, "the demo's settings, cache and log")
        assert app.poll() is None, app.communicate()[1]
        assert settings.exists()
        assert cache.exists()
        log = log_file.read_text(encoding="utf-8")
        assert "Traceback" not in log
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors, errors
