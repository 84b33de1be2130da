"""The Windows installer script compiles with Debian's makensis against a stand-in payload.

What runs here is the compiler (syntax, includes, pages, the Spanish language file, every
warning as an error); installing, the silent mode and uninstalling run on Windows only
(README: what is built and tested where).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.version import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "windows" / "ventanilla.nsi"

pytestmark = pytest.mark.skipif(shutil.which("makensis") is None,
                                reason="makensis missing: apt-get install nsis (.ci/run does)")


def _payload(folder: Path) -> Path:
    """What PyInstaller's onedir build leaves on Windows, in miniature."""
    (folder / "_internal" / "resources" / "icons").mkdir(parents=True)
    (folder / "ventanilla.exe").write_bytes(b"MZ" + bytes(4096))
    shutil.copyfile(ROOT / "resources" / "icons" / "ventanilla.ico",
                    folder / "_internal" / "resources" / "icons" / "ventanilla.ico")
    (folder / "_internal" / "base_library.zip").write_bytes(bytes(1024))
    return folder


def _compile(payload: Path, output: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["makensis", "-V2", "-WX", f"-DVERSION={__version__}", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={output}", *defines, str(SCRIPT)],
        cwd=SCRIPT.parent, capture_output=True, text=True, timeout=120, check=False)


def test_the_installer_compiles_against_a_stand_in_payload(tmp_path: Path):
    output = tmp_path / "ventanilla-instalador.exe"
    done = _compile(_payload(tmp_path / "payload"), output)
    assert done.returncode == 0, done.stdout + done.stderr
    data = output.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    # the version resource is stored uncompressed, in UTF-16
    assert "Ventanilla IESS".encode("utf-16-le") in data
    assert __version__.encode("utf-16-le") in data


def test_a_missing_payload_stops_the_build(tmp_path: Path):
    done = _compile(tmp_path / "no-such-folder", tmp_path / "x.exe")
    assert done.returncode != 0
    assert not (tmp_path / "x.exe").exists()


def test_the_script_says_what_it_installs_and_removes(monkeypatch: pytest.MonkeyPatch):
    """What a silent, per-machine install needs, and IT's file where the app reads it."""
    from desktop import machine

    script = SCRIPT.read_text(encoding="utf-8")
    for needed in ("RequestExecutionLevel admin", "SetShellVarContext all",
                   "$PROGRAMFILES64\\Ventanilla", "WriteUninstaller", "QuietUninstallString",
                   "$SMPROGRAMS", "/CENTRAL=", "/CENTRE=", "/COUNTER=", "/UPDATES=",
                   "/UPDATEURL=", "settings.toml", "AtLeastWin10"):
        assert needed in script, needed
    assert '!define MACHINE_DIR "$APPDATA\\Ventanilla"' in script  # all users: ProgramData
    monkeypatch.delenv(machine.MACHINE_ENV)
    monkeypatch.setattr(machine.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "C:\\ProgramData")
    assert str(machine.machine_settings_file()).replace("/", "\\") == \
        "C:\\ProgramData\\Ventanilla\\settings.toml"
