"""The .deb as IT installs it: apt on this (CI) machine, then the installed command from
/tmp with no virtualenv, then removal leaving nothing but the user's data.

Runs with `pytest --package` (root, a disposable machine: it installs a system package).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from desktop.version import __version__
from installer.build import ROOT
from tests.benchmarks.bench_frozen_startup import compare, summary
from tests.package.conftest import report

pytestmark = pytest.mark.package
GUI_SECONDS = 20


def _run(command: list[str], env: dict[str, str] | None = None, timeout: int = 600,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, env=env, cwd="/tmp", capture_output=True, text=True,
                          timeout=timeout, check=False)
    if check and done.returncode != 0:
        pytest.fail(f"{' '.join(command)} → {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def _apt(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return _run(["apt-get", "-y", "-q", *arguments], env=env, timeout=900)


def _installed() -> bool:
    done = _run(["dpkg-query", "-W", "-f=${Status}", "ventanilla"], check=False)
    return "install ok installed" in done.stdout


def _clean_env(home: Path) -> dict[str, str]:
    """A login shell's environment: no virtualenv, no PYTHONPATH, no source tree."""
    return {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": str(home), "LANG": "C.UTF-8", "VENTANILLA_HOME": str(home / "ventanilla"),
            "VENTANILLA_MACHINE_SETTINGS": ""}


def test_the_deb_installs_runs_from_tmp_and_leaves_only_user_data(deb: Path, tmp_path: Path):
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("installing a .deb needs root and apt (CI runs as root)")
    if _installed():
        _apt("purge", "ventanilla")
    start = time.monotonic()
    _apt("install", "--no-install-recommends", str(deb))
    report(f"apt install of the .deb: {time.monotonic() - start:.0f} s")
    assert _installed()
    owned = [Path(line) for line in _run(["dpkg-query", "-L", "ventanilla"]).stdout.split()]
    try:
        _use_the_installed_app(tmp_path)
    finally:
        _apt("remove", "ventanilla")
    assert not _installed()
    left = [path for path in owned if path.exists() and not path.is_dir()]
    assert not left, left
    for folder in ("/opt/ventanilla", "/usr/bin/ventanilla",
                   "/usr/share/applications/ec.gob.iess.Ventanilla.desktop"):
        assert not os.path.lexists(folder), folder
    assert (tmp_path / "user" / "ventanilla" / "data" / "cache.sqlite3").exists()  # theirs


def _use_the_installed_app(tmp_path: Path) -> None:
    installed = Path("/opt/ventanilla/_internal/resources")
    assert (installed / "locale" / "es_EC" / "LC_MESSAGES" / "ventanilla.mo").exists()
    assert (installed / "icons" / "ventanilla.svg").exists()
    assert Path("/usr/share/icons/hicolor/256x256/apps/ec.gob.iess.Ventanilla.png").exists()
    assert Path("/opt/ventanilla/.package-manager").exists()  # apt updates it, not tufup
    home = tmp_path / "user"
    home.mkdir()
    env = _clean_env(home)
    assert shutil.which("ventanilla", path=env["PATH"]) == "/usr/bin/ventanilla"
    version = _run(["ventanilla", "--version"], env=env)
    assert version.stdout.strip() == f"ventanilla {__version__}"

    demo = _run(["ventanilla", "demo", "--pensioners", "300", "--cases", "1"], env=env)
    assert "oficinista.uio" in demo.stdout
    assert "1 trámite de UIO01-01 en la central de demostración" in demo.stdout
    cache = home / "ventanilla" / "data" / "cache.sqlite3"
    with sqlite3.connect(cache) as connection:
        (number,) = connection.execute("SELECT case_number FROM cases LIMIT 1").fetchone()
    receipt = home / "comprobante.pdf"
    _run(["ventanilla", "print", "receipt", number, "--out", str(receipt)], env=env)
    text = _run(["pdftotext", "-layout", str(receipt), "-"]).stdout
    assert number in text and "IESS-034-01-07" in text
    # the back office issues and signs acuerdos (num2words, reportlab, pyHanko), frozen
    simulated = _run(["ventanilla", "central", "simulate", "--workers", "1", "--seconds", "4"],
                     env=env)
    assert "0 errores" in simulated.stdout, simulated.stdout
    unsigned = _run(["ventanilla", "document", "verify", str(receipt)], env=env, check=False)
    assert unsigned.returncode == 1 and "sin firma" in unsigned.stdout + unsigned.stderr
    assert "Traceback" not in unsigned.stderr, unsigned.stderr

    _gui_for_a_while(env, home)
    for line in summary(compare(Path("/usr/bin/ventanilla"), runs=5)):
        report(line)  # the installed bundle against this checkout's virtualenv


def _gui_for_a_while(env: dict[str, str], home: Path) -> None:
    """The GUI offscreen for 20 s: the sign-in window shows, nothing is loaded from this
    checkout or its virtualenv, no traceback on stderr or in the log."""
    marks = home / "marks.txt"
    gui_env = {**env, "QT_QPA_PLATFORM": "offscreen", "VENTANILLA_STARTUP_MARKS": str(marks)}
    app = subprocess.Popen(["ventanilla"], env=gui_env, cwd="/tmp", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(GUI_SECONDS)
        assert app.poll() is None, app.communicate()[1]
        assert marks.read_text().startswith("sign-in ")
        mapped = Path(f"/proc/{app.pid}/maps").read_text()
        assert "/opt/ventanilla/_internal/PySide6" in mapped
        assert str(ROOT) not in mapped  # nothing from the checkout or its .venv
    finally:
        app.terminate()
        _out, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors, errors
    log = (home / "ventanilla" / "logs" / "ventanilla.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]
