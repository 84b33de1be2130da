"""Shared fixtures: a demo workstation built once per session, copied fresh for each test.

Qt runs offscreen; no test touches the person's real folders (VENTANILLA_HOME is always
set to a temporary folder). In CI (`VENTANILLA_CI=1`) a skipped test fails the run: the
tests that need PostgreSQL, CUPS or a scanner must really run there.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HYPOTHESIS_PROFILE", "default")
os.environ.setdefault("VENTANILLA_MACHINE_SETTINGS", "")  # not this machine's /etc file

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.config import HOME_ENV, Paths, Settings, load_settings
from desktop.errors import VentanillaError

CLERK = ("oficinista.uio", "uio-oficinista-2026")
SUPERVISOR = ("supervisor.uio", "uio-supervisor-2026")
ADMIN = ("admin.uio", "uio-admin-2026")
CLERK_GYE = ("oficinista.gye", "gye-oficinista-2026")


def paths_in(root: Path) -> Paths:
    return Paths(root / "config", root / "data", root / "logs")


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


def make_pdf(pages: int = 1, text: str = "Solicitud de reliquidación firmada") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        page.drawString(72, 760, f"{text} — página {number + 1}")
        page.showPage()
    page.save()
    return buffer.getvalue()


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


def cache_file_connection(settings: Settings) -> Any:
    """A DB-API connection to a station's cache file, for tests that tamper with it the way
    an intruder with the key would: SQLCipher with the station's key in production, plain
    sqlite3 in the demo."""
    from desktop.db import cipher
    from desktop.services.protection import at_rest

    key = at_rest(settings).cache_key
    if key is None:
        return sqlite3.connect(settings.paths.cache_db)
    return cipher.connect(str(settings.paths.cache_db), key, timeout=30)


@contextmanager
def refused(kind: type[VentanillaError], message: str) -> Iterator[None]:
    """Expect a refusal whose Spanish message (not the log text) contains `message`."""
    with pytest.raises(kind) as raised:
        yield
    assert message in raised.value.user_message, raised.value.user_message


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


@dataclass
class Stations:
    """Workstations sharing one central database, built the way `ventanilla init` does.

    On PostgreSQL each station connects as its centre's login, made by `ventanilla central
    add-login`, with the password in the (real) keyring: row security and privileges apply
    as in production. `url` is the owner's: `central init` and the registry's maintenance
    (what the IESS registry feed does) only; the back office acts through its own login.
    """

    root: Path
    url: str
    opened: list[object]
    logins: dict[str, str] = field(default_factory=dict)  # PostgreSQL: centre → login

    def home(self, counter: int, centre: str = "UIO01") -> Path:
        return self.root / f"{centre}-{counter:02d}"

    def station_url(self, centre: str = "UIO01") -> str:
        from tests.services import login_url

        return login_url(self.url, self.logins[centre]) if self.logins else self.url

    def backoffice_url(self) -> str:
        from tests.services import login_url

        return login_url(self.url, self.logins["central"]) if self.logins else self.url

    @contextmanager
    def backoffice(self) -> Iterator[Any]:
        """A writing transaction as the Dirección de Pensiones (its login on PostgreSQL)."""
        yield from _transaction(self.backoffice_url())

    @contextmanager
    def maintenance(self) -> Iterator[Any]:
        """A writing transaction as central's owner: the registry and staff feed."""
        yield from _transaction(self.url)

    def configure(self, counter: int = 1, centre: str = "UIO01") -> Paths:
        """Write the settings of a workstation (no pull yet): its folder is VENTANILLA_HOME."""
        from sqlalchemy.engine import make_url

        from desktop.security.secrets import store_secret
        from desktop.sync.connection import secret_name
        from tests.services import LOGIN_PASSWORD

        paths = paths_in(self.home(counter, centre))
        url = self.station_url(centre)
        if self.logins:
            store_secret(secret_name(make_url(url)), LOGIN_PASSWORD)
        Settings(paths=paths, centre=centre, counter=counter, central_url=url,
                 central_password_in_keyring=bool(self.logins), demo=False).save()
        return paths

    def open(self, counter: int = 1, centre: str = "UIO01"):
        """Configure if needed and open the station's runtime (first pull included)."""
        from desktop.services.runtime import open_runtime

        paths = paths_in(self.home(counter, centre))
        if not paths.settings_file.exists():
            self.configure(counter, centre)
        runtime = open_runtime(load_settings(paths))
        self.opened.append(runtime)
        return runtime


def _transaction(url: str) -> Iterator[Any]:
    from desktop.db.engines import create_app_engine, writer

    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:
            yield connection
    finally:
        engine.dispose()


@contextmanager
def built_stations(central_url: str, root: Path, pensioners: int = 300) -> Iterator[Stations]:
    """`central init --demo` on the URL, logins per centre on PostgreSQL, and the stations
    opened on it closed afterwards."""
    from desktop.services.setup import init_central
    from tests.services import centre_logins

    init_central(central_url, demo=True, pensioners=pensioners)
    with ExitStack() as stack:
        logins = ({} if central_url.startswith("sqlite")
                  else stack.enter_context(centre_logins(central_url)))
        built = Stations(root, central_url, [], logins)
        try:
            yield built
        finally:
            for runtime in built.opened:
                runtime.close()  # type: ignore[attr-defined]


@pytest.fixture
def stations(central_url: str, tmp_path: Path, keyring_env: dict[str, str]
             ) -> Iterator[Stations]:
    """A demo-populated central (300 pensioners) on SQLite and on PostgreSQL, and a way to
    open workstations on it. They are production stations (encrypted cache and documents),
    so their keys live in the session's real Secret Service, with the centre logins'
    passwords."""
    with built_stations(central_url, tmp_path / "stations") as built:
        yield built


def free_cedulas(runtime, count: int) -> list[str]:
    """Active pensioners without debts or cases in this station's cache."""
    from sqlalchemy import select

    from desktop.domain.pensions import PensionState
    from desktop.store import models as cache

    with runtime.db.read() as session:
        return list(session.scalars(
            select(cache.Pensioner.cedula).where(
                cache.Pensioner.pension_state == PensionState.ACTIVA.value,
                cache.Pensioner.cedula.not_in(select(cache.ContributionDebt.cedula)),
                cache.Pensioner.cedula.not_in(select(cache.Case.cedula)))
            .order_by(cache.Pensioner.cedula).limit(count)))
