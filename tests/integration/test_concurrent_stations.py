"""Two workstations and the back-office simulator at the same time, as real processes.

The issue's acceptance test: for 30 s (``VENTANILLA_CONCURRENT_SECONDS`` changes it for
local runs) each of two counters of UIO01 keeps registering a few demo cases
(``demo --cases 3``) and syncing (``sync --once``), while ``central simulate --workers 3``
moves derived cases through analysis to an acuerdo. Afterwards both stations sync until
quiet and then: ``verify`` is clean on both, no case number is duplicated or lost, every
outbox event reached central exactly once and was applied, each case's central history is
an unbroken chain of allowed transitions, and the back office made progress.

Offline rounds: ``sync --once`` exits 1 when the round found central unreachable (the
normal offline answer of sync, e.g. an SQLite central whose write lock stayed busy past
the 30 s busy timeout). On the SQLite central such a round is tolerated during the
concurrent phase, because the demo central is one file with one writer at a time and the
outbox retries by design; but only with the offline message (no traceback), and the final
rounds after the load must succeed. On PostgreSQL there is no reason for central to be
unreachable, so an offline round fails the test. Any other non-zero exit fails at once.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.central import models as central
from desktop.central.backoffice import ACTOR
from desktop.config import HOME_ENV, load_settings
from desktop.db.engines import create_app_engine
from desktop.domain.cases import OPEN_STATES, TRANSITIONS, CaseState
from desktop.domain.pensions import PensionState
from desktop.services.cache import open_cache
from desktop.store import models as cache
from desktop.sync.push import SENT
from tests.support.files import paths_in
from tests.support.stations import Stations

ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("VENTANILLA_CONCURRENT_SECONDS", "30"))
CASES_PER_ROUND = 3
SIMULATOR_WORKERS = 3
COUNTERS = (1, 2)
COMMAND_TIMEOUT_S = 120  # one CLI command; a hang beyond this is a failure
OFFLINE_MESSAGE = "Sin conexión con la base central"
ALLOWED_MOVES = {(t.source.value, t.target.value) for t in TRANSITIONS}

pytestmark = pytest.mark.slow


@dataclass
class Run:
    """One CLI command and how it ended."""

    station: str
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def describe(self) -> str:
        return (f"[{self.station}] {' '.join(self.args)} -> {self.returncode} "
                f"after {self.seconds:.1f} s\n"
                f"stdout: {self.stdout.strip()[-2000:]}\nstderr: {self.stderr.strip()[-4000:]}")


@dataclass
class Processes:
    """Every child process started, so that a failure anywhere kills them all."""

    live: set[subprocess.Popen[str]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    failures: list[str] = field(default_factory=list)
    started: dict[subprocess.Popen[str], float] = field(default_factory=dict)

    def start(self, home: Path, *args: str) -> subprocess.Popen[str]:
        env = {**os.environ, HOME_ENV: str(home)}
        began = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with self.lock:
            self.live.add(process)
            self.started[process] = began
        return process

    def finish(self, station: str, process: subprocess.Popen[str], args: tuple[str, ...],
               timeout: float = COMMAND_TIMEOUT_S) -> Run:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
            stderr += f"\n(killed after {timeout:.0f} s)"
        finally:
            with self.lock:
                self.live.discard(process)
        return Run(station, args, process.returncode, stdout, stderr,
                   time.monotonic() - self.started[process])

    def run(self, station: str, home: Path, *args: str) -> Run:
        return self.finish(station, self.start(home, *args), args)

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)
        self.stop.set()

    def kill_all(self) -> None:
        with self.lock:
            remaining = list(self.live)
        for process in remaining:
            if process.poll() is None:
                process.kill()
        for process in remaining:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(10)


@dataclass
class StationLoop:
    name: str
    home: Path
    cap: int  # cases this station may register (the fixture's registry is small)
    offline_allowed: bool
    registered: int = 0
    rounds: int = 0
    good_syncs: int = 0
    offline_syncs: int = 0
    runs: list[Run] = field(default_factory=list)

    def work(self, processes: Processes, deadline: float) -> None:
        try:
            while time.monotonic() < deadline and not processes.stop.is_set():
                self.rounds += 1
                if self.registered + CASES_PER_ROUND <= self.cap:
                    made = processes.run(self.name, self.home, "demo", "--cases",
                                         str(CASES_PER_ROUND))
                    self.runs.append(made)
                    if made.returncode != 0:
                        processes.fail(made.describe())
                        return
                    self.registered += CASES_PER_ROUND
                if processes.stop.is_set():
                    return
                self.sync(processes)
        except Exception as error:  # a crash of the loop itself must stop the others too
            processes.fail(f"[{self.name}] loop crashed: {error!r}")

    def sync(self, processes: Processes) -> None:
        synced = processes.run(self.name, self.home, "sync", "--once")
        self.runs.append(synced)
        offline = (synced.returncode == 1 and OFFLINE_MESSAGE in synced.stdout
                   and "Traceback" not in synced.stderr)
        if synced.returncode == 0:
            self.good_syncs += 1
        elif offline and self.offline_allowed:
            self.offline_syncs += 1
        else:
            processes.fail(synced.describe())


def eligible_pensioners(home: Path) -> int:
    """Pensioners a demo case may be registered for (active pension, no pending debt)."""
    db = open_cache(load_settings(paths_in(home)))
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(cache.Pensioner).where(
                cache.Pensioner.pension_state == PensionState.ACTIVA.value,
                cache.Pensioner.cedula.not_in(select(cache.ContributionDebt.cedula)))) or 0
    finally:
        db.dispose()


def read_station(home: Path) -> tuple[set[str], list[tuple[str, str, str, str | None]]]:
    """The station's case numbers, and its outbox as (event_id, type, status, case)."""
    db = open_cache(load_settings(paths_in(home)))
    try:
        with db.read() as session:
            numbers = set(session.scalars(select(cache.Case.case_number)))
            outbox = [tuple(row) for row in session.execute(select(
                cache.OutboxEvent.event_id, cache.OutboxEvent.event_type,
                cache.OutboxEvent.status, cache.OutboxEvent.case_number))]
    finally:
        db.dispose()
    return numbers, outbox  # type: ignore[return-value]


@dataclass(frozen=True)
class Event:
    """A central case event."""

    event_id: str
    case_number: str
    from_state: str | None
    to_state: str
    actor: str
    at: datetime


def check_histories(events: list[Event], states: dict[str, str]) -> list[str]:
    """Each case's central events, by time: INGRESADO first, then links of allowed moves
    ending in the case's current state. Returns the problems found."""
    by_case: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_case[event.case_number].append(event)
    problems = []
    for number, state in states.items():
        history = sorted(by_case.pop(number, []), key=lambda e: (e.at, e.from_state is not None))
        if not history:
            problems.append(f"{number}: no events at central")
            continue
        first = history[0]
        if first.from_state is not None or first.to_state != CaseState.INGRESADO.value:
            problems.append(f"{number}: starts with {first.from_state} -> {first.to_state}")
        for before, after in itertools.pairwise(history):
            if after.from_state != before.to_state:
                problems.append(f"{number}: broken chain {before.to_state} then "
                                f"{after.from_state} -> {after.to_state} ({after.event_id})")
            elif (after.from_state, after.to_state) not in ALLOWED_MOVES:
                problems.append(f"{number}: move {after.from_state} -> {after.to_state} "
                                "is not in TRANSITIONS")
        if history[-1].to_state != state:
            problems.append(f"{number}: history ends in {history[-1].to_state}, case is {state}")
    problems.extend(f"{number}: events of an unknown case" for number in by_case)
    return problems


@dataclass
class Central:
    """What central holds at the end."""

    states: dict[str, str]  # case number -> state
    numbers: list[str]
    sequences: list[tuple[str, int, int, int]]
    applied: dict[str, tuple[str, str, str]]  # event_id -> (outcome, reason, workstation)
    events: list[Event]
    agreements: dict[str, str]  # case number -> agreement number
    cedulas_with_several_open: int


def read_central(url: str) -> Central:
    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            case, event = central.Case, central.CaseEvent
            rows = connection.execute(select(case.case_number, case.state, case.centre_code,
                                             case.counter, case.year, case.sequence)).all()
            applied = connection.execute(select(
                central.AppliedEvent.event_id, central.AppliedEvent.outcome,
                central.AppliedEvent.reason, central.AppliedEvent.workstation)).all()
            agreements = connection.execute(select(central.Agreement.case_number,
                                                   central.Agreement.number)).all()
            several = connection.execute(
                select(case.cedula).where(case.state.in_([s.value for s in OPEN_STATES]))
                .group_by(case.cedula).having(func.count() > 1)).all()
            return Central(
                states={row[0]: row[1] for row in rows},
                numbers=[row[0] for row in rows],
                sequences=[(row[2], row[3], row[4], row[5]) for row in rows],
                applied={row[0]: (row[1], row[2], row[3]) for row in applied},
                events=[Event(*row) for row in connection.execute(select(
                    event.event_id, event.case_number, event.from_state, event.to_state,
                    event.actor, event.at))],
                agreements={row[0]: row[1] for row in agreements},
                cedulas_with_several_open=len(several),
            )
    finally:
        engine.dispose()


def run_load(stations: Stations, loops: dict[int, StationLoop], processes: Processes,
             backoffice_home: Path) -> Run:
    """The stations' loops and the simulator, all at once; the simulator's run."""
    deadline = time.monotonic() + SECONDS
    arguments = ("central", "simulate", "--workers", str(SIMULATOR_WORKERS),
                 "--seconds", f"{SECONDS:g}", "--url", stations.backoffice_url())
    simulator = processes.start(backoffice_home, *arguments)
    threads = [threading.Thread(target=loop.work, args=(processes, deadline), daemon=True)
               for loop in loops.values()]
    for thread in threads:
        thread.start()
    simulated = processes.finish("backoffice", simulator, arguments,
                                 timeout=SECONDS + COMMAND_TIMEOUT_S)
    if simulated.returncode != 0:
        processes.fail(simulated.describe())
    for thread in threads:
        thread.join(SECONDS + 2 * COMMAND_TIMEOUT_S)
        if thread.is_alive():
            processes.fail("a station loop did not finish")
    assert not processes.failures, "\n\n".join(processes.failures)
    return simulated


def settle(loops: dict[int, StationLoop], processes: Processes) -> None:
    """Push everything left, then a second pass so that each station also pulls what the
    other pushed in its final round; then `verify` on both."""
    for _pass in range(2):
        for loop in loops.values():
            synced = processes.run(loop.name, loop.home, "sync", "--once")
            assert synced.returncode == 0, synced.describe()
    for loop in loops.values():
        checked = processes.run(loop.name, loop.home, "verify")
        assert checked.returncode == 0, checked.describe()


def test_two_stations_and_back_office_at_once(stations: Stations, tmp_path: Path) -> None:
    for counter in COUNTERS:  # settings + first pull, then the processes have the cache
        stations.open(counter).close()  # type: ignore[attr-defined]
    # Both stations may (concurrently) pick the same pensioners, and each one's own open
    # cases block its candidates: keep the total under the registry's eligible pool.
    pool = eligible_pensioners(stations.home(1))
    cap = (pool - 20) // (2 * CASES_PER_ROUND) * CASES_PER_ROUND
    assert cap >= 10 * CASES_PER_ROUND, f"only {pool} eligible pensioners in the fixture"
    loops = {counter: StationLoop(f"UIO01-{counter:02d}", stations.home(counter), cap,
                                  offline_allowed=stations.url.startswith("sqlite"))
             for counter in COUNTERS}

    processes = Processes()
    try:
        simulated = run_load(stations, loops, processes, tmp_path / "backoffice")
        settle(loops, processes)
    finally:
        processes.stop.set()
        processes.kill_all()
    for loop in loops.values():
        took = {what: [r.seconds for r in loop.runs if r.args[0] == what]
                for what in ("demo", "sync")}
        print(f"{loop.name}: {loop.rounds} rounds, {loop.registered} cases, "
              f"{loop.good_syncs} syncs ok, {loop.offline_syncs} offline; median s: "
              f"demo {statistics.median(took['demo'] or [0]):.1f}, "
              f"sync {statistics.median(took['sync'] or [0]):.1f}")
        assert loop.good_syncs >= 1, f"{loop.name} never synced during the load"
    print(simulated.stdout.strip())

    # --- the stations' side -------------------------------------------------------------
    local_numbers, outboxes, own = {}, {}, {}
    for counter, loop in loops.items():
        local_numbers[counter], outboxes[counter] = read_station(loop.home)
        unsent = [row for row in outboxes[counter] if row[2] != SENT]
        assert not unsent, f"{loop.name}: events not sent: {unsent[:5]}"
        own[counter] = {row[3] for row in outboxes[counter] if row[1] == "case.registered"}
        assert len(own[counter]) == loop.registered > 0
    assert not own[1] & own[2], "both stations registered the same case number"

    # --- central's side: no duplicate case number, none lost, none invented ---------------
    found = read_central(stations.backoffice_url())
    assert len(found.numbers) == len(set(found.numbers))
    assert len(found.sequences) == len(set(found.sequences)), "a counter sequence repeats"
    assert set(found.numbers) == own[1] | own[2] == local_numbers[1] | local_numbers[2]
    assert local_numbers[1] == local_numbers[2]

    # Every outbox event arrived once and was applied. No refusal is legitimate here: the
    # stations only move INGRESADO -> EN_REVISION -> DERIVADO and the simulator only acts
    # from DERIVADO on, so they never race for the same transition.
    sent = {row[0]: loops[counter].name for counter in COUNTERS for row in outboxes[counter]}
    missing = [event_id for event_id in sent if event_id not in found.applied]
    assert not missing, f"{len(missing)} events never reached central: {missing[:5]}"
    refused = [(event_id, found.applied[event_id][1]) for event_id in sent
               if found.applied[event_id][0] != "aplicado"]
    assert not refused, f"central refused: {refused[:5]}"
    assert all(found.applied[event_id][2] == name for event_id, name in sent.items())
    assert set(found.applied) == set(sent), "central applied events no station sent"

    # central histories: one unbroken chain of allowed moves per case, from known sources
    problems = check_histories(found.events, found.states)
    assert not problems, "\n".join(problems[:20])
    strangers = [e.event_id for e in found.events if e.event_id not in sent and e.actor != ACTOR]
    assert not strangers, f"events from nowhere: {strangers[:5]}"

    # the back office made progress: acuerdos issued, each with its agreement
    issued = {e.case_number for e in found.events if e.to_state == "ACUERDO_EMITIDO"}
    assert issued, f"the simulator issued no acuerdo: {simulated.stdout}"
    assert issued == set(found.agreements), "acuerdo events and agreements differ"
    assert len(set(found.agreements.values())) == len(found.agreements)
    assert "ACUERDO_EMITIDO" in found.states.values()
    print(f"central: {len(found.numbers)} cases, {len(found.events)} events, "
          f"{len(found.agreements)} acuerdos; {found.cedulas_with_several_open} cédulas with "
          "more than one open case (registered at both counters before they synced)")
