"""Start-up of the frozen bundle against the virtualenv app, side by side.

    .venv/bin/python -m tests.benchmarks.bench_frozen_startup [--runs 5] [--frozen PATH]

Both start as a person starts them (`ventanilla` with no arguments, offscreen) on the same
prepared demo workstation, alternately, so the machine's load falls on both alike. The app
appends the wall-clock time to VENTANILLA_STARTUP_MARKS once the sign-in window is shown and
the event loop has turned (ui/app.py); the time is taken from just before the process is
started. Cold caches are not forced: the first run of each is the coldest. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120


def prepare_home(command: list[str]) -> Path:
    home = Path(tempfile.mkdtemp(prefix="ventanilla-frozen-startup-"))
    env = dict(os.environ, VENTANILLA_HOME=str(home), VENTANILLA_MACHINE_SETTINGS="")
    subprocess.run([*command, "demo", "--pensioners", "300"], env=env, check=True,
                   capture_output=True, timeout=600)
    return home


def time_to_sign_in(command: list[str], home: Path) -> float:
    marks = home / "marks.txt"
    marks.unlink(missing_ok=True)
    env = dict(os.environ, VENTANILLA_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               VENTANILLA_STARTUP_MARKS=str(marks), VENTANILLA_MACHINE_SETTINGS="")
    started = time.time()
    app = subprocess.Popen(command, env=env, cwd=tempfile.gettempdir(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if marks.exists() and marks.read_text().strip():
                return float(marks.read_text().split()[1]) - started
            if app.poll() is not None:
                raise RuntimeError(app.stderr.read().decode()[-2000:] if app.stderr else "")
            time.sleep(0.005)
        raise TimeoutError("no sign-in window")
    finally:
        app.terminate()
        app.wait(timeout=30)


def compare(frozen: Path, runs: int) -> dict[str, list[float]]:
    commands = {"virtualenv": [str(REPO / ".venv" / "bin" / "ventanilla")],
                "frozen": [str(frozen)]}
    home = prepare_home(commands["virtualenv"])
    try:
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(time_to_sign_in(command, home))
        return times
    finally:
        shutil.rmtree(home, ignore_errors=True)


def summary(times: dict[str, list[float]]) -> list[str]:
    return [f"time to the sign-in window, {name}: median {statistics.median(values):.2f} s "
            f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"
            for name, values in times.items()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", type=Path, default=REPO / "dist" / "ventanilla" /
                        "ventanilla")
    args = parser.parse_args()
    for line in summary(compare(args.frozen, args.runs)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
