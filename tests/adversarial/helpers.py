"""What every adversarial row checks: an answer in Spanish, in time, with no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.config import HOME_ENV

ROOT = Path(__file__).resolve().parents[2]
GENERIC = ("Traceback", "Error inesperado")
HANG_S = 60


def ventanilla(home: Path, *args: str, timeout: float = HANG_S, **env: str
               ) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` with VENTANILLA_HOME=home; a hang fails the row."""
    try:
        return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                              env={**os.environ, HOME_ENV: str(home), **env},
                              capture_output=True, text=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"hang: ventanilla {' '.join(args)} ran past {timeout:g} s") \
            from None


def assert_spanish(result: subprocess.CompletedProcess[str], fragment: str,
                   code: int = 1) -> None:
    output = result.stdout + result.stderr
    for word in GENERIC:
        assert word not in output, output[-2000:]
    assert result.returncode == code, (result.returncode, output[-2000:])
    assert fragment in output, output[-2000:]


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """`call()` in a thread; an answer after `seconds` is a hang (the thread is left)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as error:  # handed to the caller's thread
            box["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise AssertionError(f"hang: no answer in {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")
