"""A real X display for tests that must see what a clerk sees: Xvfb at a counter monitor's
size with openbox as the window manager (maximize, frames and focus behave as on a desk).

One pytest process cannot switch Qt platforms once a QApplication exists, so the app runs
in a child process on this display (`run_child`), driven by a script through objectNames.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
SIZES = ("1024x768", "1366x768")


def _window_manager_running(env: dict[str, str]) -> bool:
    answer = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                            capture_output=True, text=True, timeout=10, check=False)
    return "window id" in answer.stdout


def _free_display() -> int:
    for number in range(140, 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and \
                not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


@contextmanager
def x_display(size: str) -> Iterator[dict[str, str]]:
    """Xvfb + openbox at `size`; yields the environment for a child on that display."""
    missing = [tool for tool in ("Xvfb", "openbox", "xprop") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: xvfb openbox x11-utils; "
                    ".ci/run installs them)")
    number = _free_display()
    display = f":{number}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    wait_until(lambda: socket.exists() or server.poll() is not None, 20, what="Xvfb's socket")
    if not socket.exists():
        server.kill()
        raise RuntimeError(f"Xvfb did not start on {display}")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    # the window manager is up once it has announced itself on the root window (EWMH)
    wait_until(lambda: manager.poll() is not None or _window_manager_running(env), 20,
               what="openbox on the display")
    try:
        yield env
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def run_child(script: str, env: dict[str, str], home: Path, out: Path,
              timeout: int = 600, **extra: str) -> dict[str, Any]:
    """Run tests/xdisplay/<script> on the display; returns the JSON it wrote to `out`."""
    child_env = {**env, "VENTANILLA_HOME": str(home), "XDISPLAY_OUT": str(out),
                 "PYTHONPATH": str(ROOT), **extra}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "xdisplay" / script)],
                            env=child_env, cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout, check=False)
    assert out.exists(), (f"{script} wrote no result (exit {result.returncode})\n"
                          f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["stderr"] = result.stderr
    data["returncode"] = result.returncode
    return data
