"""A sync process killed at any point never loses an event nor applies one twice.

One station registers cases (one with a document of several chunks), then sync processes
are SIGKILLed one after the other at chosen points: after central committed an event and
before the station acknowledged it (DESIGN.md §5: "exactly-once effect, even when the
counter dies after the central commit and before its local acknowledgement"), in the middle
of a chunked upload, in the middle of a paged pull. A last, normal round must then leave
central with every case exactly once and the station with nothing to send and nothing
different from central. Each kill is checked to have happened where it was meant to.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine, func, select

from desktop.central import blobs as central_blobs
from desktop.central import models as central
from desktop.config import HOME_ENV
from desktop.db.engines import create_app_engine
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from desktop.store import models as cache
from desktop.sync.push import PENDING, SENT
from desktop.sync.verify import verify
from tests.integration.register_worker import eligible_cedulas
from tests.support.accounts import CLERK
from tests.support.files import make_pdf

ROOT = Path(__file__).resolve().parents[2]
CASES = 8
BIG_CASE = 3  # the fourth case also carries a scanned annex of several chunks
MARKER_TIMEOUT_S = 60


def noise_png(path: Path, side: int = 480) -> Path:
    """A PNG that does not compress: about 0.7 MB, so several central chunks."""
    pixels = random.Random(side).randbytes(side * side * 3)
    Image.frombytes("RGB", (side, side), pixels).save(path, "PNG")
    return path


def register_cases(runtime, folder: Path) -> list[str]:
    service = IntakeService(runtime, sign_in(runtime, *CLERK))
    numbers = []
    for position, cedula in enumerate(eligible_cedulas(runtime, CASES)):
        form = folder / f"solicitud-{position}.pdf"
        form.write_bytes(make_pdf(1, f"Solicitud de reliquidación {position}"))
        documents = [service.attach_file(form, DocumentType.SIGNED_REQUEST)]
        if position == BIG_CASE:
            annex = noise_png(folder / "anexo.png")
            documents.append(service.attach_file(annex, DocumentType.OTHER_ANNEX))
        case = service.register(IntakeForm(cedula, "persona@correo.ec", "0991234567", True,
                                           tuple(documents)))
        numbers.append(case.case_number)
    assert len(numbers) == CASES, "not enough eligible pensioners in the demo central"
    return numbers


class SyncWorkers:
    """Sync processes on one station; every one is killed and reaped, whatever happens."""

    def __init__(self, home: Path, folder: Path):
        self.home = home
        self.folder = folder
        self.started = 0

    def _spawn(self, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
        self.started += 1
        log = self.folder / f"sync-worker-{self.started}.log"
        with log.open("wb") as output:  # the child keeps its own copy of the descriptor
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.integration.sync_worker", *args],
                cwd=ROOT, env={**os.environ, HOME_ENV: str(self.home)},
                stdout=output, stderr=subprocess.STDOUT)
        return process, log

    def kill_at(self, kill_point: str, *options: str) -> str:
        """Run a round that stops at `kill_point`, SIGKILL it there; what it stopped on."""
        marker = self.folder / f"marker-{self.started + 1}"
        process, log = self._spawn("--kill-point", kill_point, "--marker", str(marker),
                                   *options)
        try:
            deadline = time.monotonic() + MARKER_TIMEOUT_S
            while not marker.exists():
                if process.poll() is not None:
                    pytest.fail(f"the worker ended ({process.returncode}) before reaching "
                                f"{kill_point} {options}:\n{log.read_text()}")
                assert time.monotonic() < deadline, f"{kill_point} never reached"
                time.sleep(0.02)
        finally:
            process.kill()  # SIGKILL, also when the test is failing
            process.wait(30)
        assert process.returncode == -signal.SIGKILL, log.read_text()
        return marker.read_text().strip()

    def run(self) -> str:
        """A normal round, to its end."""
        process, log = self._spawn()
        try:
            process.wait(MARKER_TIMEOUT_S)
        finally:
            process.kill()
            process.wait(30)
        assert process.returncode == 0, log.read_text()
        return log.read_text()


@pytest.fixture
def central_db(stations) -> Iterator[Engine]:
    engine = create_app_engine(stations.backoffice_url())  # reads every centre, no hashes
    yield engine
    engine.dispose()


def outbox(runtime) -> list[cache.OutboxEvent]:
    with runtime.db.read() as session:
        return list(session.scalars(select(cache.OutboxEvent).order_by(cache.OutboxEvent.seq)))


def outbox_status(runtime, event_id: str) -> str:
    with runtime.db.read() as session:
        return session.scalar(select(cache.OutboxEvent.status).where(
            cache.OutboxEvent.event_id == event_id))


def check_stopped_after_commit(central_db: Engine, runtime, event_id: str) -> None:
    """Central has applied the event; the station still has it to send."""
    with central_db.connect() as connection:
        outcome = connection.scalar(select(central.AppliedEvent.outcome).where(
            central.AppliedEvent.event_id == event_id))
    assert outcome == "aplicado"
    assert outbox_status(runtime, event_id) == PENDING


def check_stopped_mid_upload(central_db: Engine, sha256: str, index: int) -> None:
    """Chunks before `index` are at central, the blob is not complete and not usable."""
    with central_db.connect() as connection:
        complete = connection.scalar(select(central.Blob.complete).where(
            central.Blob.sha256 == sha256))
        present = set(connection.scalars(select(central.BlobChunk.index).where(
            central.BlobChunk.sha256 == sha256)))
    assert complete is False
    assert present == set(range(index))


def check_stopped_mid_pull(runtime, scope: str) -> None:
    """The pull of `scope` stored a page and saved where it was (it resumes there)."""
    with runtime.db.read() as session:
        state = session.get(cache.SyncState, scope)
        assert state is not None
        assert state.horizon is not None and state.after_change is not None


def test_sync_killed_anywhere_applies_every_event_exactly_once(stations, central_db, tmp_path):
    runtime = stations.open(1)
    with central_db.connect() as connection:
        cases_before = connection.scalar(select(func.count()).select_from(central.Case))
    numbers = register_cases(runtime, tmp_path)
    events = outbox(runtime)
    # each registration is two events: the case, then its sending to review
    assert [event.case_number for event in events] == [n for n in numbers for _ in (1, 2)]
    with runtime.db.read() as session:
        big = session.scalars(select(cache.CaseDocument.sha256).where(
            cache.CaseDocument.document_type == DocumentType.OTHER_ANNEX.value)).one()
    assert central_blobs.chunk_count(runtime.blobs.path_for(big).stat().st_size) >= 3

    workers = SyncWorkers(stations.home(1), tmp_path)
    # event 1 committed at central, the station dies before it knows
    stopped = workers.kill_at("after-central-commit", "--at", "1")
    assert stopped == events[0].event_id
    check_stopped_after_commit(central_db, runtime, stopped)
    # event 1 again (a repeat: a no-op at central), event 2, then event 3 committed
    stopped = workers.kill_at("after-central-commit", "--at", "3")
    assert stopped == events[2].event_id
    check_stopped_after_commit(central_db, runtime, stopped)
    assert outbox_status(runtime, events[0].event_id) == SENT
    # event 3 again, events 4 to 6, then the fourth case's annex (event 7): its first chunk
    # committed, the second under way
    sha256, index = workers.kill_at("mid-blob-upload").split()
    assert (sha256, int(index)) == (big, 1)
    check_stopped_mid_upload(central_db, sha256, int(index))
    assert outbox_status(runtime, events[2].event_id) == SENT
    # the rest of the annex, events 7 to 10, and event 11 committed at central
    stopped = workers.kill_at("after-central-commit", "--at", "5")
    assert stopped == events[10].event_id
    check_stopped_after_commit(central_db, runtime, stopped)
    # event 11 again, the rest, then the pull: killed after a page of cases, later after one
    # of events
    assert workers.kill_at("mid-pull", "--scope", "cases") == "cases"
    check_stopped_mid_pull(runtime, "cases")
    assert outbox_status(runtime, events[10].event_id) == SENT
    assert workers.kill_at("mid-pull", "--scope", "case_events") == "case_events"
    check_stopped_mid_pull(runtime, "case_events")

    assert "online=True" in workers.run()
    service = SyncService(runtime)
    for _round in range(3):
        if not service.overview().pending:
            break
        assert service.run().online
    assert service.overview().pending == 0

    local = outbox(runtime)
    assert {event.status for event in local} == {SENT}
    event_ids = {event.event_id for event in local}
    assert len(event_ids) == 2 * CASES
    with central_db.connect() as connection:
        assert connection.scalar(
            select(func.count()).select_from(central.Case)) == cases_before + CASES
        assert sorted(connection.scalars(select(central.Case.case_number).where(
            central.Case.workstation == runtime.settings.workstation))) == sorted(numbers)
        applied = list(connection.execute(select(
            central.AppliedEvent.event_id, central.AppliedEvent.outcome).where(
            central.AppliedEvent.workstation == runtime.settings.workstation)))
        assert len(applied) == len(local)
        assert {event_id for event_id, _outcome in applied} == event_ids
        assert {outcome for _event_id, outcome in applied} == {"aplicado"}
        history = list(connection.execute(select(
            central.CaseEvent.event_id, central.CaseEvent.case_number).where(
            central.CaseEvent.case_number.in_(numbers))))
        assert Counter(number for _event_id, number in history) == Counter(numbers * 2)
        assert {event_id for event_id, _number in history} == event_ids
        check_documents(connection, runtime, numbers)
    report = verify(runtime.central(), runtime.db, runtime.settings.centre)
    assert report.clean, report.differences


def check_documents(connection, runtime, numbers: list[str]) -> None:
    """Each case has its documents once at central; every file is whole and identical."""
    with runtime.db.read() as session:
        local = Counter(tuple(row) for row in session.execute(
            select(cache.Case.case_number, cache.CaseDocument.sha256)
            .join(cache.Case, cache.Case.id == cache.CaseDocument.case_id)))
    at_central = Counter(tuple(row) for row in connection.execute(
        select(central.CaseDocument.case_number, central.CaseDocument.sha256)
        .where(central.CaseDocument.case_number.in_(numbers))))
    assert at_central == local
    assert len(local) == CASES + 1
    for _number, sha256 in local:
        data = runtime.blobs.get(sha256)
        blob = connection.execute(select(central.Blob.size_bytes, central.Blob.complete).where(
            central.Blob.sha256 == sha256)).one()
        assert tuple(blob) == (len(data), True)
        indexes = list(connection.scalars(select(central.BlobChunk.index).where(
            central.BlobChunk.sha256 == sha256).order_by(central.BlobChunk.index)))
        assert indexes == list(range(central_blobs.chunk_count(len(data))))
        assert central_blobs.read(connection, sha256) == data
