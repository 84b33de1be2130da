"""Self-update of the frozen bundle, end to end: version N installed into a folder, a
loopback HTTP repository holding N+1 (built for real from this tree with the version
bumped), signed with keys made here. The app finds, verifies and stages N+1 in the
background, installs it at the next start; a tampered archive or metadata file is refused;
with updates off nothing is fetched.

Runs with `pytest --package`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from packaging.version import Version

from desktop.version import __version__
from installer.build import ROOT, bundle_resources
from installer.updates import init, publish
from tests.package.conftest import report

pytestmark = pytest.mark.package
CURRENT = Version(__version__)
NEXT = f"{CURRENT.major}.{CURRENT.minor}.{CURRENT.micro + 1}"
WAIT_S = 240


@pytest.fixture(scope="module")
def next_bundle(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Version N+1: this tree copied, desktop/version.py bumped, built like N."""
    source = tmp_path_factory.mktemp("next-source")
    ignore = shutil.ignore_patterns("__pycache__", "*.mo")
    for name in ("desktop", "ui", "resources", "installer"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    shutil.copyfile(ROOT / "pyproject.toml", source / "pyproject.toml")
    version_file = source / "desktop" / "version.py"
    version_file.write_text(version_file.read_text().replace(
        f'__version__ = "{__version__}"', f'__version__ = "{NEXT}"'))
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "installer.build", "bundle"], cwd=source,
                   check=True, timeout=1800, capture_output=True)
    report(f"bundle {NEXT} (the update) built in {time.monotonic() - start:.0f} s")
    built = source / "dist" / "ventanilla"
    done = subprocess.run([built / "ventanilla", "--version"], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == f"ventanilla {NEXT}"
    return built


@pytest.fixture(scope="module")
def repository(next_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An update repository holding N+1, signed with keys made for this test."""
    work = tmp_path_factory.mktemp("updates")
    start = time.monotonic()
    init(work / "repository", work / "keys")
    archive = publish(work / "repository", work / "keys", next_bundle, NEXT)
    report(f"update archive {NEXT}: {archive.stat().st_size / 2**20:.1f} MiB, published in "
           f"{time.monotonic() - start:.0f} s")
    return work / "repository"


def _install_version_n(bundle: Path, folder: Path, repository: Path) -> Path:
    """Bundle N copied into a folder, with the repository's root metadata built in (what
    `installer.build bundle --update-root` does)."""
    app = folder / "ventanilla"
    shutil.copytree(bundle, app, symlinks=True)
    root = bundle_resources(app) / "updates" / "root.json"
    root.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repository / "metadata" / "root.json", root)
    return app


class _Server(ThreadingHTTPServer):
    requests: list[str]


@contextmanager
def _serve(folder: Path) -> Iterator[_Server]:
    """The repository over HTTP on loopback; every requested path is recorded."""

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            server.requests.append(self.path)

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _env(tmp_path: Path, url: str, updates: bool = True) -> dict[str, str]:
    machine = tmp_path / "machine.toml"
    machine.write_text(f'update_url = "{url}"\nupdates = {str(updates).lower()}\n')
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
            "VENTANILLA_HOME": str(tmp_path / "home"), "VENTANILLA_MACHINE_SETTINGS":
            str(machine), "QT_QPA_PLATFORM": "offscreen"}


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _wait(condition, what: str, app: subprocess.Popen[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if app is not None and app.poll() is not None:
            pytest.fail(f"the app ended while waiting for {what}: {app.communicate()[1]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def _version(app: Path, env: dict[str, str]) -> str:
    return subprocess.run([app / "ventanilla", "--version"], env=env, capture_output=True,
                          text=True, check=True, cwd="/tmp").stdout.strip()


def _log(env: dict[str, str]) -> str:
    path = Path(env["VENTANILLA_HOME"]) / "logs" / "ventanilla.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _stop(app: subprocess.Popen[str]) -> str:
    app.terminate()
    _out, errors = app.communicate(timeout=60)
    return errors


def test_found_verified_staged_and_installed_at_the_next_start(bundle, repository, tmp_path):
    app = _install_version_n(bundle, tmp_path / "programas", repository)
    with _serve(repository) as server:
        env = _env(tmp_path, _url(server))
        staged = Path(env["VENTANILLA_HOME"]) / "data" / "updates" / "staged" / NEXT
        session = subprocess.Popen([app / "ventanilla"], env=env, cwd="/tmp", text=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait(staged.exists, "the update to be staged", session)
        assert f"update {NEXT} downloaded, verified and staged" in _log(env)
        assert _version(app, env) == f"ventanilla {__version__}"  # not during the session
        assert "Traceback" not in _stop(session)
        assert f"/targets/ventanilla-{NEXT}.tar.gz" in server.requests
        assert "/metadata/timestamp.json" in server.requests

        marks = tmp_path / "marks.txt"
        restarted = subprocess.Popen([app / "ventanilla"], text=True, cwd="/tmp",
                                     env={**env, "VENTANILLA_STARTUP_MARKS": str(marks)},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait(marks.exists, "the sign-in window of the restarted app", restarted)
        assert "Traceback" not in _stop(restarted)
    log = _log(env)
    assert f"update {NEXT} installed; restarting" in log and "Traceback" not in log
    assert _version(app, env) == f"ventanilla {NEXT}"
    assert sorted(p.name for p in app.parent.iterdir()) == ["ventanilla"]  # no leftovers
    assert not staged.exists()


def _tamper_archive(repository: Path) -> None:
    archive = repository / "targets" / f"ventanilla-{NEXT}.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, one byte changed
    archive.write_bytes(bytes(data))


def _tamper_metadata(repository: Path) -> None:
    """targets.json claims another archive, without the targets key's signature."""
    path = repository / "metadata" / "targets.json"
    targets = json.loads(path.read_text())
    entry = targets["signed"]["targets"][f"ventanilla-{NEXT}.tar.gz"]
    entry["hashes"]["sha256"] = hashlib.sha256(b"something else").hexdigest()
    path.write_text(json.dumps(targets))


@pytest.mark.parametrize("tamper", [_tamper_archive, _tamper_metadata],
                         ids=["archive", "metadata"])
def test_a_tampered_update_is_refused(bundle, repository, tmp_path, tamper):
    copy = tmp_path / "repository"
    shutil.copytree(repository, copy)
    tamper(copy)
    app = _install_version_n(bundle, tmp_path / "programas", repository)
    with _serve(copy) as server:
        env = _env(tmp_path, _url(server))
        done = subprocess.run([app / "ventanilla", "update"], env=env, capture_output=True,
                              check=False, text=True, timeout=600, cwd="/tmp")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Se rechazó una actualización" in done.stdout
    assert not (Path(env["VENTANILLA_HOME"]) / "data" / "updates" / "staged").exists()
    assert _version(app, env) == f"ventanilla {__version__}"


def test_with_updates_off_nothing_is_fetched(bundle, repository, tmp_path):
    app = _install_version_n(bundle, tmp_path / "programas", repository)
    with _serve(repository) as server:
        env = _env(tmp_path, _url(server), updates=False)
        session = subprocess.Popen([app / "ventanilla"], env=env, cwd="/tmp", text=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(15)  # three times the delay of the first background check
        assert session.poll() is None
        assert "Traceback" not in _stop(session)
        done = subprocess.run([app / "ventanilla", "update"], env=env, capture_output=True,
                              check=False, text=True, timeout=120, cwd="/tmp")
        assert server.requests == []
    assert done.returncode == 0 and "desactivadas" in done.stdout


def test_an_unreachable_repository_is_said_so(bundle, repository, tmp_path):
    app = _install_version_n(bundle, tmp_path / "programas", repository)
    with _serve(repository) as server:
        url = _url(server)
    env = _env(tmp_path, url)  # the server is gone
    done = subprocess.run([app / "ventanilla", "update"], env=env, capture_output=True, check=False,
                          text=True, timeout=300, cwd="/tmp")
    assert done.returncode == 1
    assert "No se pudo consultar el servidor de actualizaciones" in done.stdout
    assert os.listdir(app.parent) == ["ventanilla"]
