"""Setting a station up again, clocks that lie, and `central init` on the wrong database.

- After the documented re-`init` (and after a lost cache key and re-`init`) the new audit
  chain is checked on its own and anchored at central as a new epoch.
- A station's clock a century ahead or a month behind: the round sends nothing and says why;
  events dated in the future are refused; events made while the clock was behind get
  central's time.
- `central init` refuses a database that holds another application, or the cluster's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from sqlalchemy import func, select

from desktop import clock
from desktop.central import models as central
from desktop.central.database import check_dedicated
from desktop.config import HOME_ENV, load_settings
from desktop.db.engines import create_app_engine
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from desktop.security import passwords
from desktop.security.audit import chain_epoch
from desktop.security.keys import BLOBS, CACHE, entry_name
from desktop.security.secrets import SERVICE
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_runtime
from desktop.services.setup import init_central, init_workstation
from desktop.services.sync import SyncService
from desktop.store import models as cache
from desktop.sync.engine import central_anchors
from tests.services import LOGIN_PASSWORD, PG_ADMIN, centre_logins, login_url
from tests.support.accounts import CLERK
from tests.support.checks import refused
from tests.support.files import make_pdf, paths_in
from tests.support.stations import free_cedulas

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.usefixtures("keyring_env")


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def central_with_logins(pg_url: str) -> Any:
    init_central(pg_url, demo=True, pensioners=50)
    with centre_logins(pg_url) as logins:
        yield pg_url, logins


def audit_verify(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "audit", "verify"], cwd=ROOT,
                          env={**os.environ, HOME_ENV: str(home)}, capture_output=True,
                          text=True, timeout=120, check=False)


def with_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=LOGIN_PASSWORD).render_as_string(False)


def register(runtime: Any, folder: Path) -> str:
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    path = folder / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
    [cedula] = free_cedulas(runtime, 1)
    return intake.register(IntakeForm(cedula=cedula, email="p@correo.ec", phone="0991234567",
                                      cedula_verified=True, documents=(document,))).case_number


# --- 2. a new audit chain per init ----------------------------------------------------------


@pytest.mark.parametrize("how", ["init again", "lost key"])
def test_after_setting_the_station_up_again_the_new_chain_verifies_and_is_anchored(
        central_with_logins, tmp_path, how):
    owner_url, logins = central_with_logins
    station_url = with_password(login_url(owner_url, logins["UIO01"]))
    paths = paths_in(tmp_path / "station")
    settings = init_workstation(paths, station_url, "UIO01", 1)
    runtime = open_runtime(load_settings(paths))
    for _ in range(3):
        sign_in(runtime, *CLERK)
    assert SyncService(runtime).run().online
    runtime.close()
    assert audit_verify(paths.config_dir.parent).returncode == 0
    if how == "lost key":
        for kind in (CACHE, BLOBS):
            keyring.delete_password(SERVICE, entry_name(kind, settings.installation_id))

    init_workstation(paths, station_url, "UIO01", 1)
    runtime = open_runtime(load_settings(paths))
    sign_in(runtime, *CLERK)
    checked = audit_verify(paths.config_dir.parent)
    assert checked.returncode == 0, checked.stderr
    assert "1 cadenas anteriores" in checked.stdout

    assert SyncService(runtime).run().online
    anchors = central_anchors(runtime.central(), "UIO01-01")
    with runtime.db.read() as session:
        epoch = chain_epoch(session)
        newest_entry = session.scalar(select(func.max(cache.AuditEntry.id)))
    runtime.close()
    assert len(anchors) == 2  # two chains of the same workstation, apart
    assert {a.entry_id for a in anchors[epoch]} == {0, newest_entry}  # the new one anchored
    [old] = [found for key, found in anchors.items() if key != epoch]
    assert max(a.entry_id for a in old) >= newest_entry  # the ids met: both kept
    checked = audit_verify(paths.config_dir.parent)
    assert checked.returncode == 0, checked.stderr
    assert "1 anclajes en la central" in checked.stdout


# --- 12. clocks -------------------------------------------------------------------------------


class ShiftedClock:
    """desktop.clock.now() off by `offset`, as on a workstation whose clock is wrong."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.monkeypatch = monkeypatch

    def set(self, offset: timedelta) -> None:
        class Shifted(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> Any:  # type: ignore[override]
                return datetime.now(tz) + offset

        self.monkeypatch.setattr(clock, "datetime", Shifted)

    def reset(self) -> None:
        self.monkeypatch.setattr(clock, "datetime", datetime)


@pytest.fixture
def station(central_with_logins, tmp_path) -> Any:
    owner_url, logins = central_with_logins
    paths = paths_in(tmp_path / "station")
    init_workstation(paths, with_password(login_url(owner_url, logins["UIO01"])), "UIO01", 1)
    runtime = open_runtime(load_settings(paths))
    yield runtime, owner_url
    runtime.close()


def cases_at_central(owner_url: str) -> list[Any]:
    engine = create_app_engine(owner_url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(central.Case.case_number,
                                             central.Case.registered_at)).all()
    finally:
        engine.dispose()


def test_a_station_a_century_ahead_sends_nothing_and_its_cases_are_refused(
        station, tmp_path, monkeypatch):
    runtime, owner_url = station
    shifted = ShiftedClock(monkeypatch)
    shifted.set(timedelta(days=36_525))
    number = register(runtime, tmp_path)
    assert "-2126-" in number
    report = SyncService(runtime).run()
    assert not report.online
    assert "adelantado" in report.message and "Corrija la fecha y hora" in report.message
    assert cases_at_central(owner_url) == []

    shifted.reset()  # the clock is fixed; the case made meanwhile still says 2126
    report = SyncService(runtime).run()
    assert report.online and report.refused == 1, report.message
    assert cases_at_central(owner_url) == []
    [problem] = SyncService(runtime).problems()
    assert "posterior a la hora de la central" in problem.reason


def test_a_station_a_month_behind_sends_nothing_then_gets_centrals_time(
        station, tmp_path, monkeypatch):
    runtime, owner_url = station
    assert SyncService(runtime).run().online  # a good round: central's time is remembered
    shifted = ShiftedClock(monkeypatch)
    shifted.set(-timedelta(days=30))
    number = register(runtime, tmp_path)
    report = SyncService(runtime).run()
    assert not report.online and "atrasado" in report.message and "30 días" in report.message
    assert cases_at_central(owner_url) == []

    shifted.reset()
    report = SyncService(runtime).run()
    assert report.online and report.pushed == 2, report.message  # registered, sent to review
    [(found, registered_at)] = cases_at_central(owner_url)
    assert found == number
    assert abs(registered_at - datetime.now(UTC)) < timedelta(minutes=5)  # not 30 days ago
    with runtime.db.read() as session:  # the station takes central's time back
        local = session.scalar(select(cache.Case.registered_at).where(
            cache.Case.case_number == number))
    assert abs(local - registered_at) < timedelta(seconds=1)


def test_central_sets_the_clock_tolerance(station, monkeypatch):
    runtime, owner_url = station
    init_central(owner_url, max_clock_skew=3600)
    shifted = ShiftedClock(monkeypatch)
    shifted.set(timedelta(minutes=30))
    assert SyncService(runtime).run().online  # within an hour: fine
    shifted.set(timedelta(hours=2))
    report = SyncService(runtime).run()
    assert not report.online and "2 horas adelantado" in report.message


# --- 8. central init on a database that is not Ventanilla's -----------------------------------


def test_central_init_refuses_a_database_with_another_application(pg_url):
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"),
                         autocommit=True) as admin:
        admin.execute("CREATE TABLE facturas (id int)")
        admin.execute("CREATE TABLE cases (id int)")  # a clash, too
        public_connect = "SELECT has_database_privilege('public', current_database(), 'CONNECT')"
        assert admin.execute(public_connect).fetchone()[0]
    with refused(ValidationError, "no son de Ventanilla (cases, facturas)"):
        init_central(pg_url)
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"),
                         autocommit=True) as admin:
        assert admin.execute(public_connect).fetchone()[0]  # nobody was locked out
        tables = {row[0] for row in admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"facturas", "cases"}


def test_central_init_refuses_the_clusters_own_database(postgres):
    server = PG_ADMIN.split()
    host = next(p.split("=")[1] for p in server if p.startswith("host="))
    engine = create_app_engine(f"postgresql+psycopg://postgres@{host}:5432/postgres")
    try:
        with refused(ValidationError, "base del propio servidor"):
            check_dedicated(engine)  # the check alone: nothing may run on that database
    finally:
        engine.dispose()


def test_central_init_twice_on_its_own_database_is_fine(pg_url):
    init_central(pg_url, demo=True, pensioners=20)
    init_central(pg_url)
    engine = create_app_engine(pg_url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(central.Pension)) == 20
    engine.dispose()
