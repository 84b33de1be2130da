"""bench_sync part (d): many workstations at once against one PostgreSQL, and what 1,000
stations at one round per 30 s would ask of the server (projected from the measured cost of
a round). Optionally through PgBouncer in transaction mode (`--pooler`). Run through
bench_sync (`--parts d`), not by itself."""

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
import threading
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text, update

from desktop.config import Settings, load_settings
from tests.benchmarks._stats import percentile, print_table, stats_row
from tests.benchmarks.bench_sync import (
    FAR_FUTURE,
    ROUND_COLUMNS,
    Station,
    paths_in,
    postgres_database,
    station_settings,
)

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
    push_central: float  # central SQL while pushing / while pulling
    pull_central: float
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
    """Time `function` and the central SQL it caused (the thread's station clock)."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, sql = time.perf_counter(), _timers.clock.seconds
        try:
            return function(*args, **kwargs)
        finally:
            _timers.seconds[name] = time.perf_counter() - start
            _timers.seconds[f"{name} central"] = _timers.clock.seconds - sql

    return wrapper


def _station_loop(station: Station, held: list[str], deadline: float, interval: float,
                  push_share: float, rng: random.Random, records: list[RoundRecord]) -> None:
    from desktop.store.models import OutboxEvent
    from desktop.sync.engine import sync_once

    _timers.seconds = {}
    _timers.clock = station.central_clock
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
            _timers.seconds.get("push central", 0.0), _timers.seconds.get("pull central", 0.0),
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
                "tup_returned, tup_fetched, tup_inserted, tup_updated, "
                "coalesce(active_time, 0) AS active_ms FROM pg_stat_database "
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


@contextlib.contextmanager
def pooled(url: str, count: int, args: argparse.Namespace) -> Iterator[str]:
    """The URL the stations use: the server's, or PgBouncer's in front of it (--pooler)."""
    if not args.pooler:
        yield url
        return
    from sqlalchemy.engine import make_url

    from tests.services import pgbouncer

    server = make_url(url)
    with pgbouncer([server.username or "postgres"], server_port=server.port or 5432,
                   pool_size=args.pool_size, max_clients=count + 50) as port:
        yield server.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


#: The target of the projection: every station, one round every 30 s (`ventanilla sync`).
TARGET_STATIONS, ROUND_SECONDS = 1000, 30.0


def project(count: int, records: list[RoundRecord], wall: float, server_cpu: float,
            active_ms: float, max_connections: int, args: argparse.Namespace) -> None:
    """What 1,000 stations would ask of the server, from the measured cost of a round."""
    good = [r for r in records if r.online]
    if not good or wall <= 0:
        return
    target = TARGET_STATIONS / ROUND_SECONDS
    cpu_round = server_cpu / len(records)
    sql_round = active_ms / 1000 / len(records)
    pull = sum(r.pull_central for r in good)
    push = sum(r.push_central for r in good)
    pull_share = pull / (pull + push) if pull + push else 0.0
    print(f"  projection to {TARGET_STATIONS:,} stations x 1 round / {ROUND_SECONDS:g} s = "
          f"{target:.1f} rounds/s (here {len(records) / wall:.1f} rounds/s from {count} "
          "stations):")
    print(f"    server CPU {cpu_round * 1000:.1f} ms a round -> {cpu_round * target:.2f} cores "
          f"busy; server SQL time (pg_stat_database.active_time) {sql_round * 1000:.1f} ms "
          f"a round -> {sql_round * target:.2f} backends active on average (Little's law)")
    print(f"    connections: {TARGET_STATIONS:,} stations each holding one (idle "
          f"{1 - sql_round * len(records) / max(wall * count, 1e-9):.1%} of the time here) "
          f"against max_connections {max_connections}")
    print(f"    central SQL as the stations see it: pulls {pull_share:.0%}, pushes "
          f"{1 - pull_share:.0%}")
    # every station pulls every case of the country: the rows a pull brings grow with the
    # stations (their registrations, the back office's moves), a push does not
    growth = pull_share * TARGET_STATIONS / count + (1 - pull_share)
    cpu_big, sql_big = cpu_round * growth, sql_round * growth
    print(f"    with pulls growing with the stations ({TARGET_STATIONS / count:.1f}x the rows "
          f"pulled a round): server CPU {cpu_big * 1000:.0f} ms a round -> "
          f"{cpu_big * target:.1f} cores; SQL {sql_big * 1000:.0f} ms a round -> "
          f"{sql_big * target:.1f} backends active on average")
    needed = max(4, math.ceil(sql_big * target * 3))
    print("    what moves first: the connections ("
          f"{TARGET_STATIONS:,} > {max_connections}): PgBouncer in transaction mode, "
          f"~{needed} server connections (3x the mean active; tested: "
          "tests/integration/test_pooler.py" + (", and this run" if args.pooler else "")
          + f"); then CPU ({cpu_big * target:.1f} cores): pulls, "
          f"{pull_share * TARGET_STATIONS / count / growth:.0%} of the SQL at that size, move "
          "to streaming replicas (the xid horizon a pull reads stays valid on a hot "
          "standby), pushes stay on the primary")


def many_stations(count: int, args: argparse.Namespace, root: Path) -> None:
    """(d) `count` workstations doing sync rounds at once against one PostgreSQL."""
    from desktop.central.backoffice import simulate
    from desktop.db.engines import create_app_engine

    print(f"\n(d) {count} workstations, one PostgreSQL, {args.seconds:g} s, a round every "
          f"~{args.interval:g} s per station (0.5-1.5x), {args.push_share:.0%} of rounds "
          f"push a case, back office {args.backoffice} workers")
    with postgres_database(args.pg_admin) as url, pooled(url, count, args) as station_url:
        free, most = connection_headroom(url)
        needed = (args.pool_size if args.pooler else count) + args.backoffice + 4
        print(f"  server: max_connections {most}, {free} free; this run needs ~{needed} "
              + (f"(stations through PgBouncer, transaction mode, {args.pool_size} server "
                 "connections)" if args.pooler else
                 "(each station's engine keeps its connection open between rounds)"))
        if needed > free and not args.force:
            print(f"  SKIPPED: {count} stations would exhaust the server's connections "
                  "(and starve anyone else using it). Use --pooler, or --pg-admin for a "
                  "private server with a higher max_connections, or --force.")
            return
        start = time.perf_counter()
        from desktop.services.setup import init_central

        init_central(url, demo=True, pensioners=args.round_pensioners)
        specs = prepare_stations(station_url, root / f"d{count}",
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
        project(count, records, wall, sum(watch.backend_cpu.values()),
                after["active_ms"] - before["active_ms"], most, args)


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


