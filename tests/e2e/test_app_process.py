"""The `ventanilla` command as a person starts it: a real process, its own QApplication."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from desktop.config import HOME_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_starts_on_a_bare_machine_and_sets_up_the_demo(tmp_path):
    env = {**os.environ, HOME_ENV: str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "ui"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        settings = tmp_path / "config" / "settings.toml"
        deadline = time.monotonic() + 120
        while not settings.exists() and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        assert app.poll() is None, app.communicate()[1]
        assert settings.exists()
        assert (tmp_path / "data" / "cache.sqlite3").exists()
        log = (tmp_path / "logs" / "ventanilla.log").read_text(encoding="utf-8")
        assert "Traceback" not in log
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors, errors
