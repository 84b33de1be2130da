"""Sync benchmark: initial pull, incremental pull, push, and many workstations at once.

Run from the repository root:

    .venv/bin/python -m tests.benchmarks.bench_sync [--pensioners 1000000] [--stations 50,200]

(a) first pull of the whole registry into a fresh cache, from PostgreSQL and (for
comparison) from the demo's SQLite central; (b) the next pull after 1,000 pensions changed
at central, and a pull with nothing to do; (c) the push of about 1,000 outbox events;
(d) sync rounds (push a few events, pull the changes) of 50 and 200 simulated workstations
against one PostgreSQL, each workstation a thread with its own cache, engine and
connection, spread over a few processes, with the back-office simulator moving cases.
Every database is fresh (tests.services.fresh_database) and every folder temporary. It
prints numbers only; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import Engine, event, func, insert, select, text, update

from desktop.config import Settings, load_settings
from tests.benchmarks._stats import percentile, print_table, stats_row

FAR_FUTURE = datetime(9000, 1, 1, tzinfo=UTC)
COLUMNS = ("n", "median", "p95", "min", "max")
ROUND_COLUMNS = ("n", "median", "p95", "max", "mean")


def paths_in(root: Path) -> Any:
    from desktop.config import Paths

    return Paths(root / "config", root / "data", root / "logs")


def station_settings(home: Path, url: str, centre: str = "UIO01", counter: int = 1,
                     installation_id: str = "") -> Settings:
    """A production station (encrypted cache: its keys in the keyring of `with_keyring`)."""
    settings = Settings(paths=paths_in(home), centre=centre, counter=counter, central_url=url,
                        demo=False, installation_id=installation_id)
    settings.save()
    return settings


@contextlib.contextmanager
def postgres_database(admin: str | None) -> Iterator[str]:
    """A fresh database: tests.services.fresh_database on the test server, or one on the
    server of the `--pg-admin` connection string (for a private, bigger server)."""
    if admin is None:
        from tests.services import fresh_database

        with fresh_database() as url:
            yield url
        return
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(admin)
    name = f"ventanilla_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield (f"postgresql+psycopg://{parts.get('user', 'postgres')}@"
               f"{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{name}")
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- measuring ---------------------------------------------------------------------------


@dataclass
class SqlClock:
    """Time inside cursor.execute and COMMIT on one engine (used by one thread), and the
    number of statements. With psycopg the rows have arrived when execute returns; with
    pysqlite they are fetched afterwards, so an SQLite central's share is understated."""

    seconds: float = 0.0
    statements: int = 0
    commit_seconds: float = 0.0
    commits: int = 0

    def attach(self, engine: Engine) -> SqlClock:
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        dialect = engine.dialect
        commit = dialect.do_commit

        def timed_commit(dbapi_connection: Any) -> None:
            start = time.perf_counter()
            try:
                commit(dbapi_connection)
            finally:
                took = time.perf_counter() - start
                self.seconds += took
                self.commit_seconds += took
                self.commits += 1

        dialect.do_commit = timed_commit  # type: ignore[method-assign]
        return self

    def _before(self, conn: Any, *_args: Any) -> None:
        conn.info.setdefault("bench_started", []).append(time.perf_counter())

    def _after(self, conn: Any, *_args: Any) -> None:
        self.seconds += time.perf_counter() - conn.info["bench_started"].pop()
        self.statements += 1

    def snapshot(self) -> tuple[float, int, float, int]:
        return self.seconds, self.statements, self.commit_seconds, self.commits


@dataclass
class Phases:
    """Accumulated time of patched functions (e.g. push's steps), by name."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: Tally[str] = field(default_factory=Tally)

    @contextlib.contextmanager
    def patch(self, module: Any, *names: str) -> Iterator[None]:
        with contextlib.ExitStack() as stack:
            for name in names:
                stack.enter_context(mock.patch.object(module, name,
                                                      self._wrap(name, getattr(module, name))))
            yield

    def _wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
                self.calls[name] += 1

        return wrapper


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds > 0 else "-"


def _spent(clock: SqlClock, before: tuple[float, ...]) -> str:
    seconds, statements, commit_s, commits = (now - then for now, then in
                                              zip(clock.snapshot(), before, strict=True))
    return (f"{seconds:.2f} s ({statements:,} statements; {commits:,} commits "
            f"{commit_s:.2f} s)")


def where_time_went(total: float, central: SqlClock, central_before: tuple[float, ...],
                    cache: SqlClock, cache_before: tuple[float, ...]) -> str:
    rest = total - (central.seconds - central_before[0]) - (cache.seconds - cache_before[0])
    return (f"central SQL {_spent(central, central_before)}, cache SQL "
            f"{_spent(cache, cache_before)}, Python/other {rest:.2f} s")


# --- (a) initial pull, (b) incremental pull, (c) push -----------------------------------


@dataclass
class Station:
    """One benchmark workstation in this process, with clocks on both of its databases."""

    settings: Settings
    runtime: Any
    central: Engine
    central_clock: SqlClock
    cache_clock: SqlClock

    @classmethod
    def open(cls, settings: Settings) -> Station:
        from desktop.capture.blobstore import BlobStore
        from desktop.services.protection import at_rest
        from desktop.services.runtime import Runtime, open_cache
        from desktop.sync.connection import open_central

        protection = at_rest(settings)
        settings = protection.settings
        db = open_cache(settings, protection)
        runtime = Runtime(settings, db, BlobStore(settings.paths.blob_dir, protection.blob_key))
        central = open_central(settings)
        runtime._central = central
        return cls(settings, runtime, central, SqlClock().attach(central),
                   SqlClock().attach(db.engine))

    def pull(self, scopes: list[str] | None = None) -> Any:
        from desktop.sync.pull import pull

        return pull(self.central, self.runtime.db, self.settings.centre, scopes=scopes)

    def close(self) -> None:
        self.runtime.close()


def build_central(kind: str, url: str, pensioners: int) -> None:
    from desktop.services.setup import init_central

    start = time.perf_counter()
    init_central(url, demo=True, pensioners=pensioners)
    took = time.perf_counter() - start
    print(f"  central ({kind}) with {pensioners:,} pensioners built in {took:.1f} s "
          f"({rate(pensioners, took)})")


def initial_pull(kind: str, station: Station) -> None:
    """(a) Every scope in order, timed one by one (the same work as one `pull`)."""
    from desktop.sync.engine import check_central_identity
    from desktop.sync.pull import SCOPES

    check_central_identity(station.central, station.runtime.db)
    rows: list[list[object]] = []
    total_rows, total_s = 0, 0.0
    for scope in SCOPES:
        central_before = station.central_clock.snapshot()
        cache_before = station.cache_clock.snapshot()
        start = time.perf_counter()
        count = station.pull([scope.name]).total
        took = time.perf_counter() - start
        total_rows, total_s = total_rows + count, total_s + took
        rows.append([scope.name, count, took, rate(count, took),
                     station.central_clock.seconds - central_before[0],
                     station.cache_clock.seconds - cache_before[0]])
    rows.append(["total", total_rows, total_s, rate(total_rows, total_s),
                 station.central_clock.seconds, station.cache_clock.seconds])
    print(f"\n(a) initial pull from {kind} into a fresh cache")
    print_table(["scope", "rows", "s", "rows/s", "central SQL s", "cache SQL s"], rows)
    size = station.settings.paths.cache_db.stat().st_size
    rest = total_s - station.central_clock.seconds - station.cache_clock.seconds
    print(f"  cache file {size / 2**20:,.0f} MiB; Python/other (row dicts, SQLAlchemy, "
          f"ORM for cases) {rest:.1f} s")


def timed_pull(station: Station, label: str) -> tuple[float, Any]:
    central_before = station.central_clock.snapshot()
    cache_before = station.cache_clock.snapshot()
    start = time.perf_counter()
    result = station.pull()
    took = time.perf_counter() - start
    pulled = ", ".join(f"{name} {n:,}" for name, n in result.rows.items() if n) or "nothing"
    print(f"  {label}: {took * 1000:,.0f} ms, {result.total:,} rows ({pulled})\n    "
          + where_time_went(took, station.central_clock, central_before, station.cache_clock,
                            cache_before))
    return took, result


def incremental_pull(kind: str, station: Station, changes: int, explain: bool) -> None:
    """(b) Change `changes` pensions at central, then time the pull that brings them."""
    from desktop.central.models import Pension
    from desktop.db.engines import writer
    from desktop.store.models import SyncState

    print(f"\n(b) incremental pull from {kind}")
    idle = [timed_pull(station, f"pull with nothing new #{n + 1}")[0] for n in range(3)]
    with station.runtime.db.read() as session:
        cursor = session.get(SyncState, "pensioners").cursor
    with writer(station.central).begin() as connection:
        chosen = list(connection.scalars(select(Pension.cedula).order_by(func.random())
                                         .limit(changes)))
        start = time.perf_counter()
        connection.execute(update(Pension).where(Pension.cedula.in_(chosen)).values(
            monthly_amount=Pension.monthly_amount + 1))
    print(f"  {len(chosen):,} pensions updated at central in "
          f"{(time.perf_counter() - start) * 1000:,.0f} ms")
    took, result = timed_pull(station, f"pull of {len(chosen):,} changed pensions")
    print(f"  => {rate(result.rows.get('pensioners', 0), took)} pensions; fixed cost of a "
          f"round with nothing new ~{statistics.median(idle) * 1000:,.0f} ms")
    if explain:
        explain_pull(station.central, cursor)


def explain_pull(central: Engine, cursor: int) -> None:
    """The plan of the pensioners page and count queries, as the pull issues them."""
    from desktop.central import feed
    from desktop.central.models import Pension
    from desktop.sync.pull import PAGE_SIZE, SCOPES

    scope = next(s for s in SCOPES if s.name == "pensioners")
    with central.connect() as connection:
        middle = connection.execute(select(Pension.change_id, Pension.cedula)
                                    .order_by(Pension.change_id, Pension.cedula)
                                    .offset(100_000).limit(1)).first()
        queries = {
            "incremental page": feed.page_query(scope.query(), Pension.change_id, scope.key,
                                                cursor, None, PAGE_SIZE),
            "incremental count": select(func.count()).select_from(Pension).where(
                Pension.change_id >= cursor),
        }
        if middle is not None:
            queries["initial page after 100,000 rows"] = feed.page_query(
                scope.query(), Pension.change_id, scope.key, 0, tuple(middle), PAGE_SIZE)
        postgres = connection.dialect.name == "postgresql"
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
        for label, query in queries.items():
            sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
            plan = [str(row[-1]) for row in connection.exec_driver_sql(prefix + sql)]
            print(f"  plan, {label}:")
            for line in plan:
                print(f"    {line}")


def register_until(station: Station, events: int) -> tuple[int, float]:
    """Demo cases through the real services until the outbox holds `events` pending."""
    from desktop.services.demo_cases import register_demo_cases
    from desktop.store.models import OutboxEvent
    from desktop.sync.push import PENDING

    def pending() -> int:
        with station.runtime.db.read() as session:
            return session.scalar(select(func.count()).select_from(OutboxEvent).where(
                OutboxEvent.status == PENDING)) or 0

    start = time.perf_counter()
    registered = 0
    while (waiting := pending()) < events:
        batch = max(1, min(200, math.ceil((events - waiting) / 2.7)))
        registered += register_demo_cases(station.runtime, batch).registered
    return registered, time.perf_counter() - start


def push_benchmark(kind: str, station: Station, events: int) -> None:
    """(c) Push about `events` outbox events and show where the time went."""
    from desktop.sync import push as push_module

    print(f"\n(c) push to {kind}")
    registered, took = register_until(station, events)
    print(f"  {registered:,} demo cases registered locally in {took:.1f} s "
          f"({rate(registered, took)} cases, PDF + blob + 3 transactions each)")
    phases = Phases()
    central_before = station.central_clock.snapshot()
    cache_before = station.cache_clock.snapshot()
    with phases.patch(push_module, "_due", "_upload_documents", "apply_event", "_acknowledge"):
        start = time.perf_counter()
        result = push_module.push(station.central, station.runtime.db, station.runtime.blobs)
        took = time.perf_counter() - start
    sent = result.applied + result.refused
    print(f"  {sent:,} events pushed in {took:.2f} s = {rate(sent, took)} "
          f"({result.applied:,} applied, {result.refused} refused, {result.deferred} deferred)")
    print("    " + where_time_went(took, station.central_clock, central_before,
                                   station.cache_clock, cache_before))
    rows = [[name, phases.calls[name], phases.seconds[name],
             phases.seconds[name] / phases.calls[name] * 1000, phases.seconds[name] / took * 100]
            for name in ("_due", "_upload_documents", "apply_event", "_acknowledge")
            if phases.calls[name]]
    print_table(["step", "calls", "s", "ms/call", "% of push"], rows)
    timed_pull(station, "the pull after it (own cases, events, documents come back)")


def single_station(kind: str, url: str, root: Path, args: argparse.Namespace) -> None:
    build_central(kind, url, args.pensioners)
    station = Station.open(station_settings(root / f"station-{kind}", url))
    try:
        initial_pull(kind, station)
        if "b" in args.parts:
            incremental_pull(kind, station, args.changes, args.explain)
        if "c" in args.parts:
            push_benchmark(kind, station, args.events)
    finally:
        station.close()


# --- (d) many workstations at once --------------------------------------------------------


@dataclass(frozen=True)
class StationSpec:
    home: str
    centre: str
    counter: int


@dataclass(frozen=True)
class RoundRecord:
    station: str
    started: float  # wall clock
    total: float
    push: float
    pull: float
    central_sql: float  # statements and commits
    central_statements: int
    central_commit: float
    cache_sql: float
    cache_commit: float
    pushed: int
    pulled: int
    online: bool
    message: str


def add_bench_centres(url: str, stations: int, per_centre: int) -> list[StationSpec]:
    """Centres BNC01… with `per_centre` counters and a clerk and supervisor each (their
    password hashes are copied: nobody signs in), so every station has its own number."""
    from desktop.central.models import Centre, Staff
    from desktop.db.engines import create_app_engine, writer

    centres = math.ceil(stations / per_centre)
    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:
            hashes = dict(connection.execute(select(Staff.role, Staff.password_hash)).all())
            for number in range(1, centres + 1):
                code = f"BNC{number:02d}"
                connection.execute(insert(Centre).values(
                    code=code, name=f"Centro de prueba {number}", city="Quito",
                    counters=per_centre))
                for role in ("oficinista", "supervisor"):
                    connection.execute(insert(Staff).values(
                        username=f"{role}.{code.lower()}", full_name=f"{role} {code}",
                        role=role, centre_code=code, password_hash=hashes[role], active=True))
    finally:
        engine.dispose()
    return [StationSpec("", f"BNC{index // per_centre + 1:02d}", index % per_centre + 1)
            for index in range(stations)]


def prepare_stations(url: str, root: Path, specs: list[StationSpec]) -> list[StationSpec]:
    """One first pull per centre into a template cache (a cache holds its own centre's
    staff only), copied to the folder of every station of that centre (the stations share
    the template's installation id, so its keys open their copies)."""
    from desktop.security.keys import new_installation_id
    from desktop.services.runtime import first_pull, open_cache

    installation = new_installation_id()
    templates: dict[str, Settings] = {}
    placed = []
    for spec in specs:
        template = templates.get(spec.centre)
        if template is None:
            template = station_settings(root / f"template-{spec.centre}", url, spec.centre,
                                        spec.counter, installation)
            db = open_cache(template)
            try:
                first_pull(template, db)
            finally:
                db.dispose()  # the last connection checkpoints the WAL into the file
            templates[spec.centre] = template
        home = root / f"{spec.centre}-{spec.counter:02d}"
        settings = station_settings(home, url, spec.centre, spec.counter, installation)
        settings.paths.ensure()
        shutil.copyfile(template.paths.cache_db, settings.paths.cache_db)
        placed.append(StationSpec(str(home), spec.centre, spec.counter))
    return placed


_timers = threading.local()


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _timers.seconds[name] = time.perf_counter() - start

    return wrapper


def _station_loop(station: Station, held: list[str], deadline: float, interval: float,
                  push_share: float, rng: random.Random, records: list[RoundRecord]) -> None:
    from desktop.store.models import OutboxEvent
    from desktop.sync.engine import sync_once

    _timers.seconds = {}
    time.sleep(rng.uniform(0, interval))  # stations do not start in step
    while time.time() < deadline:
        if held and rng.random() < push_share:  # the next case's few events become due
            with station.runtime.db.write() as session, session.begin():
                session.execute(update(OutboxEvent).where(
                    OutboxEvent.case_number == held.pop(0)).values(next_attempt_at=None))
        _timers.seconds = {}
        central_before = station.central_clock.snapshot()
        cache_before = station.cache_clock.snapshot()
        started, start = time.time(), time.perf_counter()
        try:
            report = sync_once(station.settings, station.runtime.db, station.runtime.blobs,
                               station.central)
            online, message = report.online, report.message
            pushed, pulled = report.pushed + report.refused, report.pulled
        except Exception as error:
            online, message, pushed, pulled = False, f"{type(error).__name__}: {error}", 0, 0
        took = time.perf_counter() - start
        records.append(RoundRecord(
            station.settings.workstation, started, took, _timers.seconds.get("push", 0.0),
            _timers.seconds.get("pull", 0.0),
            station.central_clock.seconds - central_before[0],
            station.central_clock.statements - central_before[1],
            station.central_clock.commit_seconds - central_before[2],
            station.cache_clock.seconds - cache_before[0],
            station.cache_clock.commit_seconds - cache_before[2], pushed, pulled, online,
            message))
        pause = rng.uniform(0.5, 1.5) * interval
        time.sleep(max(0.0, min(pause, deadline - time.time())))


def _worker(specs: list[StationSpec], cases: int, seed: int, interval: float,
            push_share: float, ready: Any, go: Any, deadline: Any, results: Any) -> None:
    """A child process: open its stations, register their cases (held back), then run."""
    from desktop.services.demo_cases import register_demo_cases
    from desktop.store.models import OutboxEvent
    from desktop.sync import engine as sync_engine

    sync_engine.push = _timed("push", sync_engine.push)  # type: ignore[assignment]
    sync_engine.pull = _timed("pull", sync_engine.pull)  # type: ignore[assignment]
    opened: list[tuple[Station, list[str]]] = []
    problems: list[str] = []
    for spec in specs:
        try:
            station = Station.open(load_settings(paths_in(Path(spec.home))))
            register_demo_cases(station.runtime, cases)
            with station.runtime.db.write() as session, session.begin():
                session.execute(update(OutboxEvent).values(next_attempt_at=FAR_FUTURE))
                numbers = list(dict.fromkeys(session.scalars(
                    select(OutboxEvent.case_number).order_by(OutboxEvent.seq))))
            opened.append((station, [n for n in numbers if n]))
        except Exception as error:
            problems.append(f"{spec.centre}-{spec.counter:02d}: {type(error).__name__}: {error}")
    ready.put((len(opened), problems))
    go.wait()
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    records: list[RoundRecord] = []
    threads = [threading.Thread(target=_station_loop,
                                args=(station, held, deadline.value, interval, push_share,
                                      random.Random(seed + index), records))
               for index, (station, held) in enumerate(opened)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage.ru_utime - usage_before.ru_utime) + (usage.ru_stime - usage_before.ru_stime)
    for station, _held in opened:
        station.close()
    results.put((records, cpu))


@dataclass
class ServerWatch:
    """Samples pg_stat_activity of the benchmark database twice a second."""

    url: str
    connections: list[int] = field(default_factory=list)
    by_state: Tally[str] = field(default_factory=Tally)
    waits: Tally[str] = field(default_factory=Tally)
    active_samples: int = 0
    backend_cpu: dict[int, float] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        from desktop.db.engines import create_app_engine

        engine = create_app_engine(self.url)
        tick = os.sysconf("SC_CLK_TCK")
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                while not self.stop.wait(0.5):
                    rows = c.execute(text(
                        "SELECT pid, state, wait_event_type, wait_event FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()")).all()
                    self.connections.append(len(rows))
                    for pid, state, wait_type, wait in rows:
                        self.by_state[state or "?"] += 1
                        if state == "active":
                            self.active_samples += 1
                            self.waits[f"{wait_type}:{wait}" if wait_type else "CPU"] += 1
                        with contextlib.suppress(OSError, IndexError, ValueError):
                            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1]
                            values = fields.split()
                            self.backend_cpu[pid] = (int(values[11]) + int(values[12])) / tick
        finally:
            engine.dispose()


def server_counters(url: str) -> dict[str, int]:
    from desktop.db.engines import create_app_engine

    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text(
                "SELECT xact_commit, xact_rollback, deadlocks, blks_read, blks_hit, "
                "tup_returned, tup_fetched, tup_inserted, tup_updated FROM pg_stat_database "
                "WHERE datname = current_database()")).one()
            return dict(row._mapping)
    finally:
        engine.dispose()


def connection_headroom(url: str) -> tuple[int, int]:
    """(connections still available to ordinary users, max_connections)."""
    from desktop.db.engines import create_app_engine

    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            most = int(connection.scalar(text("SHOW max_connections")))
            reserved = int(connection.scalar(text("SHOW superuser_reserved_connections")))
            used = int(connection.scalar(text("SELECT count(*) FROM pg_stat_activity "
                                              "WHERE backend_type = 'client backend'")))
    finally:
        engine.dispose()
    return most - reserved - used, most


def many_stations(count: int, args: argparse.Namespace, root: Path) -> None:
    """(d) `count` workstations doing sync rounds at once against one PostgreSQL."""
    from desktop.central.backoffice import simulate
    from desktop.db.engines import create_app_engine

    print(f"\n(d) {count} workstations, one PostgreSQL, {args.seconds:g} s, a round every "
          f"~{args.interval:g} s per station (0.5-1.5x), {args.push_share:.0%} of rounds "
          f"push a case, back office {args.backoffice} workers")
    with postgres_database(args.pg_admin) as url:
        free, most = connection_headroom(url)
        needed = count + args.backoffice + 4
        print(f"  server: max_connections {most}, {free} free; this run needs ~{needed} "
              "(each station's engine keeps its connection open between rounds)")
        if needed > free and not args.force:
            print(f"  SKIPPED: {count} stations would exhaust the server's connections "
                  "(and starve anyone else using it). Use --pg-admin for a private server "
                  "with a higher max_connections, or --force.")
            return
        start = time.perf_counter()
        from desktop.services.setup import init_central

        init_central(url, demo=True, pensioners=args.round_pensioners)
        specs = prepare_stations(url, root / f"d{count}",
                                 add_bench_centres(url, count, args.per_centre))
        cases = math.ceil(args.seconds / args.interval * 1.5 * args.push_share) + 2
        context = multiprocessing.get_context("spawn")
        ready, results, go = context.Queue(), context.Queue(), context.Event()
        deadline = context.Value("d", 0.0)
        workers = max(1, min(args.processes, count))
        children = [context.Process(target=_worker, args=(
            specs[index::workers], cases, args.seed + 1000 * index, args.interval,
            args.push_share, ready, go, deadline, results)) for index in range(workers)]
        try:
            for child in children:
                child.start()
            opened, problems = 0, []
            for _child in children:
                n, found = ready.get(timeout=3600)
                opened, problems = opened + n, problems + found
            print(f"  set-up: central ({args.round_pensioners:,} pensioners), a template pull "
                  f"per centre, {opened} stations with {cases} cases each held in their outboxes: "
                  f"{time.perf_counter() - start:.0f} s")
            for problem in problems[:10]:
                print(f"  station not opened: {problem}")
            before = server_counters(url)
            watch = ServerWatch(url)
            watcher = threading.Thread(target=watch.run, daemon=True)
            watcher.start()
            backoffice_engine = create_app_engine(url)
            began = time.time()
            deadline.value = began + args.seconds
            go.set()
            simulated = simulate(backoffice_engine, args.backoffice, args.seconds) \
                if args.backoffice else None
            collected = [results.get(timeout=args.seconds + 600) for _child in children]
            wall = time.time() - began
            watch.stop.set()
            watcher.join(10)
            backoffice_engine.dispose()
            after = server_counters(url)
        finally:
            for child in children:
                child.join(60)
                if child.is_alive():
                    child.kill()
        records = [record for chunk, _cpu in collected for record in chunk]
        client_cpu = sum(cpu for _chunk, cpu in collected)
        report_rounds(count, records, wall, client_cpu, watch, before, after, simulated, args)


def report_rounds(count: int, records: list[RoundRecord], wall: float, client_cpu: float,
                  watch: ServerWatch, before: dict[str, int], after: dict[str, int],
                  simulated: Any, args: argparse.Namespace) -> None:
    good = [r for r in records if r.online]
    bad = [r for r in records if not r.online]
    print(f"  {len(records):,} rounds in {wall:.0f} s = {len(records) / wall:.1f} rounds/s "
          f"(production at a 30 s interval: {count / 30:.1f}/s); {len(bad)} failed")
    for message, n in Tally(r.message[:160] for r in bad).most_common(5):
        print(f"    failed x{n}: {message}")
    print_table(["successful rounds, ms", *ROUND_COLUMNS], [
        stats_row("whole round", [r.total for r in good], ROUND_COLUMNS),
        stats_row("  push", [r.push for r in good], ROUND_COLUMNS),
        stats_row("  pull", [r.pull for r in good], ROUND_COLUMNS),
        stats_row("  central SQL", [r.central_sql for r in good], ROUND_COLUMNS),
        stats_row("    of which COMMIT", [r.central_commit for r in good], ROUND_COLUMNS),
        stats_row("  cache SQL", [r.cache_sql for r in good], ROUND_COLUMNS),
        stats_row("    of which COMMIT", [r.cache_commit for r in good], ROUND_COLUMNS),
        stats_row("  rest (Python, GIL wait)",
                  [r.total - r.central_sql - r.cache_sql for r in good], ROUND_COLUMNS),
    ])
    if good:
        print(f"  per round: median {statistics.median(r.pushed for r in good):.0f} events "
              f"pushed, {statistics.median(r.pulled for r in good):.0f} rows pulled (p95 "
              f"{percentile([r.pulled for r in good], 0.95):.0f}), "
              f"{statistics.median(r.central_statements for r in good):.0f} central "
              "statements")
    if watch.connections:
        states = ", ".join(f"{state} {n / len(watch.connections):.1f}"
                           for state, n in watch.by_state.most_common())
        print(f"  server connections: max {max(watch.connections)}, mean "
              f"{statistics.fmean(watch.connections):.1f} (mean by state: {states})")
    if watch.active_samples:
        waits = ", ".join(f"{name} {n / watch.active_samples:.0%}"
                          for name, n in watch.waits.most_common(6))
        print(f"  active backends were: {waits} (of {watch.active_samples} samples)")
    delta = {key: after[key] - before[key] for key in before}
    print(f"  server: {delta['xact_commit'] / wall:,.0f} commits/s, "
          f"{delta['xact_rollback']} rollbacks, {delta['deadlocks']} deadlocks, "
          f"cache hit {delta['blks_hit'] / max(1, delta['blks_hit'] + delta['blks_read']):.1%}")
    cores = os.cpu_count() or 1
    server_cpu = sum(watch.backend_cpu.values())
    print(f"  CPU over {wall:.0f} s x {cores} cores = {wall * cores:.0f} core-s: workstations "
          f"(client processes) {client_cpu:.0f} s, their PostgreSQL backends "
          f"{server_cpu:.0f} s; load average now {os.getloadavg()[0]:.1f}")
    if records:
        print(f"  client CPU per round {client_cpu / len(records) * 1000:,.0f} ms, server "
              f"backend CPU per round {server_cpu / len(records) * 1000:,.0f} ms; rows "
              f"stored by all stations {sum(r.pulled for r in good) / wall:,.0f}/s")
    if simulated is not None:
        print(f"  back office: {simulated.total} moves, {simulated.errors} errors")
    minutes = Tally(int((r.started - records[0].started) // 10) for r in good) if good else {}
    if minutes and args.verbose:
        print("  rounds per 10 s window: " + ", ".join(str(minutes[k]) for k in sorted(minutes)))


# --- main ---------------------------------------------------------------------------------


@contextlib.contextmanager
def with_keyring(root: Path) -> Iterator[None]:
    """The stations are production stations: their keys need a keyring. The session's own
    if it has one, else a private Secret Service (as the tests start), for this run only."""
    from desktop.errors import StorageError
    from desktop.security.secrets import load_secret

    try:
        load_secret("bench-sync-probe")
    except StorageError:
        from tests.services import private_keyring

        with private_keyring(root / "keyring"):
            yield
        return
    yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="abcd", help="which parts to run, e.g. ab or d")
    parser.add_argument("--pensioners", type=int, default=1_000_000,
                        help="registry size for (a)-(c)")
    parser.add_argument("--no-sqlite", dest="sqlite", action="store_false",
                        help="skip the SQLite central in (a)-(c)")
    parser.add_argument("--changes", type=int, default=1000, help="(b) pensions changed")
    parser.add_argument("--events", type=int, default=1000, help="(c) events pushed")
    parser.add_argument("--no-explain", dest="explain", action="store_false")
    parser.add_argument("--stations", default="50,200", help="(d) workstation counts")
    parser.add_argument("--seconds", type=float, default=90.0, help="(d) run length")
    parser.add_argument("--interval", type=float, default=30.0,
                        help="(d) mean seconds between a station's rounds (as `sync`)")
    parser.add_argument("--push-share", type=float, default=1.0,
                        help="(d) share of rounds that push a new case (its 1-3 events)")
    parser.add_argument("--backoffice", type=int, default=3, help="(d) simulator workers")
    parser.add_argument("--round-pensioners", type=int, default=5000,
                        help="(d) registry size (every station holds a full copy)")
    parser.add_argument("--per-centre", type=int, default=50, help="(d) counters per centre")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2,
                        help="(d) client processes the station threads are spread over")
    parser.add_argument("--pg-admin", default=None,
                        help="libpq string of another server's admin login (default: the "
                             "test server of tests.services)")
    parser.add_argument("--force", action="store_true",
                        help="(d) run even if the stations would exhaust max_connections")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    from tests.services import postgres_available

    if args.pg_admin is None and (reason := postgres_available()):
        print(reason, file=sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    print(f"bench_sync: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}, folders in {root}")
    try:
        with with_keyring(root):
            if {"a", "b", "c"} & set(args.parts):
                with postgres_database(args.pg_admin) as url:
                    single_station("PostgreSQL", url, root, args)
                if args.sqlite:
                    sqlite_url = f"sqlite+pysqlite:///{root / 'central.sqlite3'}"
                    single_station("SQLite", sqlite_url, root, args)
            if "d" in args.parts:
                for count in (int(n) for n in args.stations.split(",") if n):
                    many_stations(count, args, root)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
