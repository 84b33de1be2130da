"""Central goes away and comes back: the counter keeps working and catches up by itself.

The station talks to PostgreSQL through a TCP proxy the test controls, so the outage is
real at the socket level: open connections are reset (the pooled ones die in the pool),
new ones are refused. Registering never needs central; a sync round during the outage
answers "offline" in Spanish instead of raising; once central is back the next round
sends everything exactly once, and `ventanilla verify` finds no difference.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url

from desktop.central import models as central
from desktop.config import HOME_ENV, Settings, load_settings
from desktop.db.engines import create_app_engine
from desktop.domain.checklist import DocumentType
from desktop.security.secrets import store_secret
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import Runtime, open_runtime
from desktop.services.setup import init_central
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store import models as cache
from desktop.sync.connection import secret_name
from desktop.sync.push import SENT
from tests.integration.register_worker import eligible_cedulas
from tests.integration.tcp_proxy import TcpProxy
from tests.services import LOGIN_PASSWORD, centre_logins, fresh_database, login_url
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.files import make_pdf, paths_in

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.usefixtures("keyring_env")  # production stations: keys
OFFLINE = "Sin conexión con la base central"
CASES = 50
CLI_TIMEOUT_S = 60
COUNTERS = itertools.count(1)  # stations of this module share one central: one counter each


@pytest.fixture(scope="module")
def central_url(postgres: None) -> Iterator[str]:
    """One demo central (300 pensioners) for this module: each test uses its own counter.
    The owner's URL: `central init` here, and reading what central holds afterwards."""
    with fresh_database() as url:
        init_central(url, demo=True, pensioners=300)
        yield url


@pytest.fixture(scope="module")
def logins(central_url: str) -> Iterator[dict[str, str]]:
    """The centres' and the back office's logins, made by `ventanilla central add-login`."""
    with centre_logins(central_url) as made:
        yield made


@pytest.fixture
def backoffice_url(central_url: str, logins: dict[str, str]) -> str:
    """How the tests read what central holds: as the back office, which sees every centre."""
    return login_url(central_url, logins["central"])


def as_login(url: str, login: str) -> str:
    """`url` (any port) as `login`; the station's password goes to the keyring."""
    station = login_url(url, login)
    store_secret(secret_name(make_url(station)), LOGIN_PASSWORD)
    return station


@pytest.fixture
def proxy(central_url: str) -> Iterator[TcpProxy]:
    """A proxy in front of the PostgreSQL server the test database lives on."""
    url = make_url(central_url)
    with TcpProxy(url.host or "127.0.0.1", url.port or 5432) as forwarder:
        yield forwarder
    leftover = [t.name for t in threading.enumerate() if t.name.startswith("tcp-proxy")]
    assert not leftover, f"proxy threads still running: {leftover}"


def url_on_port(url: str, port: int) -> str:
    return make_url(url).set(port=port).render_as_string(hide_password=False)


def configure(folder: Path, central_url: str, counter: int = 1) -> Settings:
    """A station's settings, the way `ventanilla init` writes them (no pull yet), signed in
    as its centre's login (`central_url` names it, the keyring has its password)."""
    settings = Settings(paths=paths_in(folder), centre="UIO01", counter=counter,
                        central_url=central_url, central_password_in_keyring=True,
                        demo=False)
    settings.save()
    return settings


@pytest.fixture
def station(central_url: str, logins: dict[str, str], proxy: TcpProxy,
            tmp_path: Path) -> Iterator[Runtime]:
    """A station whose central is behind the proxy, opened (first pull) while it is up."""
    settings = configure(tmp_path / "station",
                         as_login(url_on_port(central_url, proxy.port), logins["UIO01"]),
                         counter=next(COUNTERS))
    runtime = open_runtime(load_settings(settings.paths))
    try:
        yield runtime
    finally:
        runtime.close()


def closed_port() -> int:
    """A port nothing listens on (taken from the system, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`ventanilla ARGS` in its own process on the station folder `home`."""
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                          env={**os.environ, HOME_ENV: str(home)}, capture_output=True,
                          text=True, timeout=CLI_TIMEOUT_S, check=False)


def home_of(runtime: Runtime) -> Path:
    return runtime.settings.paths.config_dir.parent


def register(runtime: Runtime, folder: Path, count: int) -> list[str]:
    service = IntakeService(runtime, sign_in(runtime, *CLERK))
    form = folder / "solicitud.pdf"
    form.write_bytes(make_pdf(2))
    document = service.attach_file(form, DocumentType.SIGNED_REQUEST)
    cedulas = eligible_cedulas(runtime, count)
    assert len(cedulas) == count, "not enough eligible pensioners in the demo central"
    return [service.register(IntakeForm(cedula, "persona@correo.ec", "0991234567", True,
                                        (document,))).case_number
            for cedula in cedulas]


def outbox_count(runtime: Runtime, status: str | None = None) -> int:
    query = select(func.count()).select_from(cache.OutboxEvent)
    if status is not None:
        query = query.where(cache.OutboxEvent.status == status)
    with runtime.db.read() as session:
        return session.scalar(query) or 0


#: a registration is two events: the case, then its sending to review (the same act)
EVENTS_PER_CASE = 2


def check_central_holds_once(backoffice_url: str, station: Runtime, numbers: list[str],
                             events: dict[str, int] | None = None) -> None:
    """Central has each of the station's cases once, with each of its events applied once
    and one history entry per event (`events`: how many per case, default all of them);
    read as the back office, which sees every centre."""
    events = events or dict.fromkeys(numbers, EVENTS_PER_CASE)
    workstation = station.settings.workstation
    engine = create_app_engine(backoffice_url)
    try:
        with engine.connect() as connection:
            at_central = Counter(connection.scalars(select(central.Case.case_number).where(
                central.Case.workstation == workstation)))
            applied = Counter(connection.execute(
                select(central.AppliedEvent.case_number, central.AppliedEvent.outcome).where(
                    central.AppliedEvent.workstation == workstation)))
            history = Counter(connection.scalars(select(central.CaseEvent.case_number).where(
                central.CaseEvent.case_number.in_(numbers))))
    finally:
        engine.dispose()
    assert at_central == Counter(numbers)
    assert applied == Counter({(number, "aplicado"): count for number, count in events.items()})
    assert history == Counter(events)


def test_dropped_pool_connections_are_replaced_by_themselves(station, proxy):
    service = SyncService(station)
    assert service.run().online
    assert proxy.connections >= 1  # the runtime's engine keeps a pooled connection open
    proxy.drop_connections()
    report = service.run()
    assert report.online, report.message


def test_outage_then_recovery_sends_everything_exactly_once(station, proxy, backoffice_url,
                                                            tmp_path):
    service = SyncService(station)
    assert outbox_count(station) == 0  # every event counted below is the outage's own
    assert service.run().online  # the pool now holds a live connection, about to die

    proxy.drop_connections()
    proxy.stop_accepting()
    numbers = register(station, tmp_path, CASES)  # none of this may need central
    assert len(set(numbers)) == CASES
    for _round in range(2):  # the pooled connection is dead; then the pool is empty
        report = service.run()
        assert not report.online
        assert OFFLINE in report.message
        assert report.pushed == 0
    overview = service.overview()
    assert overview.pending == outbox_count(station) == CASES * EVENTS_PER_CASE
    assert overview.refused == overview.stuck == 0

    offline = cli(home_of(station), "sync", "--once")
    assert offline.returncode == 1, offline
    assert OFFLINE in offline.stderr
    assert f"Pendientes: {CASES * EVENTS_PER_CASE}" in offline.stderr
    assert "Traceback" not in offline.stderr

    proxy.resume()
    report = service.run()
    assert report.online, report.message
    assert (report.pushed, report.refused, report.deferred) == (CASES * EVENTS_PER_CASE, 0, 0)
    assert service.overview().pending == 0
    assert outbox_count(station, SENT) == outbox_count(station) == CASES * EVENTS_PER_CASE

    check_central_holds_once(backoffice_url, station, numbers)
    checked = cli(home_of(station), "verify")
    assert checked.returncode == 0, checked
    assert "Sin diferencias" in checked.stdout


def test_connection_reset_inside_a_central_transaction(station, proxy, backoffice_url,
                                                       tmp_path):
    """Central vanishes while an event is being applied: that transaction is lost at central
    (never half-applied), the round ends offline, and the next one sends the rest once."""
    numbers = register(station, tmp_path, 20)
    engine = station.central()
    statements = 0

    def vanish_on_the_tenth_event(_conn, _cursor, statement, *_args) -> None:
        nonlocal statements
        if statement.startswith("INSERT INTO applied_events"):
            statements += 1
            if statements == 10:
                proxy.drop_connections()
                proxy.stop_accepting()

    event.listen(engine, "before_cursor_execute", vanish_on_the_tenth_event)
    try:
        report = SyncService(station).run()
    finally:
        event.remove(engine, "before_cursor_execute", vanish_on_the_tenth_event)
    assert not report.online
    assert OFFLINE in report.message
    total = 20 * EVENTS_PER_CASE
    assert SyncService(station).overview().pending == total - 9
    # nine events applied, in order: four whole cases and the fifth one's registration
    check_central_holds_once(backoffice_url, station, numbers[:5],
                             {**dict.fromkeys(numbers[:4], EVENTS_PER_CASE), numbers[4]: 1})

    proxy.resume()
    report = SyncService(station).run()
    assert report.online, report.message
    assert (report.pushed, report.refused, report.deferred) == (total - 9, 0, 0)
    assert outbox_count(station, SENT) == outbox_count(station) == total
    check_central_holds_once(backoffice_url, station, numbers)


@pytest.fixture
def stranded(central_url: str, logins: dict[str, str], tmp_path: Path) -> Path:
    """A station that pulled once, now pointed at a port where nothing listens."""
    home = tmp_path / "stranded"
    settings = configure(home, as_login(central_url, logins["UIO01"]), counter=9)
    open_runtime(load_settings(settings.paths)).close()
    pulled = load_settings(settings.paths)  # keeps its installation id, so its keys
    elsewhere = as_login(url_on_port(central_url, closed_port()), logins["UIO01"])
    pulled.with_changes(central_url=elsewhere).save()
    return home


def test_wrong_port_is_offline(stranded):
    runtime = open_runtime(load_settings(paths_in(stranded)))  # a pulled cache: no central
    try:
        report = SyncService(runtime).run()
    finally:
        runtime.close()
    assert not report.online
    assert OFFLINE in report.message

    offline = cli(stranded, "sync", "--once")
    assert offline.returncode == 1, offline
    assert OFFLINE in offline.stderr
    assert "Pendientes: 0" in offline.stderr
    assert "Traceback" not in offline.stderr


def test_cli_sync_offline_says_why_on_stderr(stranded):
    offline = cli(stranded, "sync", "--once")
    assert offline.returncode == 1, offline
    assert OFFLINE in offline.stderr


def test_cli_verify_offline_is_an_error_message(stranded):
    offline = cli(stranded, "verify")
    assert offline.returncode == 1, offline
    assert "Traceback" not in offline.stderr
    assert f"Error: {OFFLINE}" in offline.stderr


def test_wrong_port_before_the_first_pull(central_url, logins, tmp_path):
    """A new station that has never reached central says so on stderr and exits 1."""
    configure(tmp_path / "new", as_login(url_on_port(central_url, closed_port()),
                                         logins["UIO01"]), counter=8)
    offline = cli(tmp_path / "new", "sync", "--once")
    assert offline.returncode == 1, offline
    assert "Traceback" not in offline.stderr
    assert f"Error: {OFFLINE}" in offline.stderr


# --- a central that never answers, a row another session keeps locked ---------------------

DEADLINE_S = 10


def with_deadline(runtime: Runtime, seconds: int = DEADLINE_S) -> None:
    settings = load_settings(runtime.settings.paths).with_changes(sync_deadline_seconds=seconds)
    settings.save()
    runtime.settings = settings


def test_a_frozen_central_ends_the_round_at_its_deadline(station, proxy, tmp_path):
    """The proxy keeps the connection open and TCP acknowledges every byte, but nothing
    reaches the server: no statement, lock or TCP timeout can fire. The round's deadline
    cuts the connection; the next round, with central answering again, sends the rest."""
    with_deadline(station)
    numbers = register(station, tmp_path, 6)
    engine = station.central()
    applied = 0

    def freeze_at_the_third_event(_conn, _cursor, statement, *_args) -> None:
        nonlocal applied
        if statement.startswith("INSERT INTO applied_events"):
            applied += 1
            if applied == 3:
                proxy.freeze()

    event.listen(engine, "before_cursor_execute", freeze_at_the_third_event)
    started = time.monotonic()
    try:
        report = SyncService(station).run()
    finally:
        event.remove(engine, "before_cursor_execute", freeze_at_the_third_event)
    elapsed = time.monotonic() - started
    assert not report.online
    assert "no respondió en 10 segundos" in report.message, report.message
    assert DEADLINE_S - 1 <= elapsed < DEADLINE_S + 5, elapsed

    proxy.thaw()
    report = SyncService(station).run()
    assert report.online, report.message
    assert outbox_count(station, SENT) == outbox_count(station) == \
        len(numbers) * EVENTS_PER_CASE


def test_cli_sync_against_a_frozen_central_exits_1_in_time(station, proxy, tmp_path):
    with_deadline(station)
    register(station, tmp_path, 2)
    station.close()
    proxy.freeze()
    started = time.monotonic()
    frozen = cli(home_of(station), "sync", "--once")
    elapsed = time.monotonic() - started
    proxy.thaw()
    assert frozen.returncode == 1, frozen
    assert "Traceback" not in frozen.stderr
    assert OFFLINE in frozen.stderr or "no respondió" in frozen.stderr, frozen.stderr
    assert elapsed < DEADLINE_S + 10, elapsed  # the interpreter's start-up included


def test_a_locked_case_waits_and_the_other_cases_go(station, backoffice_url, tmp_path):
    """Another session holds `SELECT … FOR UPDATE` on one case: its event waits for the
    lock timeout and is retried later; the other cases' events are sent in the same round."""
    with_deadline(station)
    locked, free = register(station, tmp_path, 2)
    assert SyncService(station).run().online
    supervisor = WorkflowService(station, sign_in(station, *SUPERVISOR))
    for number in (locked, free):
        supervisor.approve(number)
    station.close()
    holder = create_app_engine(backoffice_url)
    try:
        with holder.connect() as connection, connection.begin():
            connection.execute(select(central.Case.state).where(
                central.Case.case_number == locked).with_for_update())
            started = time.monotonic()
            result = cli(home_of(station), "sync", "--once")
            elapsed = time.monotonic() - started
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        assert "1 quedaron pendientes" in result.stderr, result.stderr
        assert elapsed < DEADLINE_S + 10, elapsed
        with holder.connect() as connection:
            states = dict(connection.execute(select(central.Case.case_number,
                                                    central.Case.state).where(
                central.Case.case_number.in_([locked, free]))).all())
        assert states == {locked: "EN_REVISION", free: "DERIVADO"}
    finally:
        holder.dispose()
