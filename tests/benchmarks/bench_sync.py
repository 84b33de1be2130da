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
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import Engine, event, func, select, update

from desktop.config import Settings
from tests.benchmarks._stats import print_table

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
    print(f"  cache file {size / 2**20:,.0f} MiB; the rest {rest:.1f} s: Python (tuples, "
          "parameter binding) and, from PostgreSQL, the COPY stream (not seen by the SQL "
          "clock)")


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
    parser.add_argument("--pooler", action="store_true",
                        help="(d) stations through PgBouncer (transaction mode)")
    parser.add_argument("--pool-size", type=int, default=10,
                        help="(d) PgBouncer's server connections with --pooler")
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
                from tests.benchmarks._many_stations import many_stations

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
