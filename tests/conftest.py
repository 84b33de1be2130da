"""Shared fixtures: a demo workstation built once per session, copied fresh for each test.

Qt runs offscreen; no test touches the person's real folders (VENTANILLA_HOME is always
set to a temporary folder). In CI (`VENTANILLA_CI=1`) a skipped test fails the run: the
tests that need PostgreSQL, CUPS or a scanner must really run there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HYPOTHESIS_PROFILE", "default")
os.environ.setdefault("VENTANILLA_MACHINE_SETTINGS", "")  # not this machine's /etc file

import pytest

from desktop.config import HOME_ENV, Paths, load_settings
from tests.support.accounts import CLERK
from tests.support.files import make_pdf, paths_in
from tests.support.stations import Stations, built_stations


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo workstation (5,000 pensioners), set up once per test session."""
    from desktop.services.demo import setup_demo

    root = tmp_path_factory.mktemp("demo-template")
    setup = setup_demo(paths_in(root))
    (root / "samples.txt").write_text(
        "\n".join([setup.samples.eligible, setup.samples.pending_contributions,
                   setup.samples.suspended, setup.samples.not_pensioner])
    )
    return root


@pytest.fixture
def home(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh copy of the demo workstation, and VENTANILLA_HOME pointing at it."""
    root = tmp_path / "home"
    shutil.copytree(demo_template, root)
    monkeypatch.setenv(HOME_ENV, str(root))
    return paths_in(root)


@pytest.fixture
def samples(home: Paths) -> dict[str, str]:
    eligible, pending, suspended, not_pensioner = (
        (home.config_dir.parent / "samples.txt").read_text().split()
    )
    return {"eligible": eligible, "pending": pending, "suspended": suspended,
            "not_pensioner": not_pensioner}


@pytest.fixture
def runtime(home: Paths) -> Iterator[object]:
    from desktop.services.runtime import open_runtime

    opened = open_runtime(load_settings(home))
    yield opened
    opened.close()


@pytest.fixture
def clerk(runtime):  # type: ignore[no-untyped-def]
    from desktop.services.auth import sign_in

    return sign_in(runtime, *CLERK)


@pytest.fixture
def signed_form(tmp_path: Path) -> Path:
    path = tmp_path / "solicitud.pdf"
    path.write_bytes(make_pdf(2))
    return path


# --- packaging tests: only when asked ---------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--package", action="store_true",
                     help="also build the frozen bundle and the .deb, install it with apt and "
                          "remove it (tests/package: root, on a disposable machine)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Packaging tests install a system package: deselected (not skipped) unless asked."""
    if config.getoption("--package"):
        return
    deselected = [item for item in items if item.get_closest_marker("package")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("package")]


# --- CI: no silent skips -------------------------------------------------------------

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("VENTANILLA_CI") == "1" and _skipped:
        print(f"\nCI no admite pruebas omitidas; se omitieron {len(_skipped)}:")
        for nodeid in _skipped:
            print(f"  {nodeid}")
        session.exitstatus = 1


# --- real services -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres() -> None:
    from tests.services import postgres_available

    reason = postgres_available()
    if reason:
        pytest.skip(reason)


@pytest.fixture
def pg_url(postgres: None) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database (dropped after the test)."""
    from tests.services import fresh_database

    with fresh_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on the demo's SQLite central and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite+pysqlite:///{tmp_path / 'central.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def keyring_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A real Secret Service for the whole session; this process and its children use it.
    Production stations (encrypted cache and documents) keep their keys there."""
    from tests.services import private_keyring

    with private_keyring(tmp_path_factory.mktemp("keyring")) as env:
        yield env


@pytest.fixture
def stations(central_url: str, tmp_path: Path, keyring_env: dict[str, str]
             ) -> Iterator[Stations]:
    """A demo-populated central (300 pensioners) on SQLite and on PostgreSQL, and a way to
    open workstations on it. They are production stations (encrypted cache and documents),
    so their keys live in the session's real Secret Service, with the centre logins'
    passwords."""
    with built_stations(central_url, tmp_path / "stations") as built:
        yield built


