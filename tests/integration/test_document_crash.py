"""A process killed while it stores a scanned document leaves no partial blob and no half
document: every file under its SHA-256 name is complete, every document row has its file,
its outbox event and its audit entry, and the next run stores documents normally.

Temporary files (`.tmp-*`) a kill leaves in the blob folder are never read as blobs: the
store only looks files up by their final name.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from desktop.capture.blobstore import BlobStore
from desktop.config import load_settings
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.documents import DOCUMENT_ADDED, DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_cache, open_runtime
from desktop.store import models
from tests.support.accounts import CLERK
from tests.support.waiting import wait_until
from tests.unit.test_document_service import scanned_draft

ROOT = Path(__file__).resolve().parents[2]


def start_worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.document_worker", *args],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def kill(worker: subprocess.Popen[str]) -> None:
    try:
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.wait(30)
    assert worker.returncode == -signal.SIGKILL, worker.stderr.read() if worker.stderr else ""


def registered_case(samples: dict[str, str]) -> str:
    """One case registered in this process, which then lets go of the cache."""
    runtime = open_runtime(load_settings())
    try:
        clerk = sign_in(runtime, *CLERK)
        form = DocumentService(runtime, clerk).store(
            scanned_draft(DocumentType.SIGNED_REQUEST, pages=1))
        case = IntakeService(runtime, clerk).register(
            IntakeForm(samples["eligible"], "persona@correo.ec", "0991234567", True, (form,)))
        return case.case_number
    finally:
        runtime.close()


def check_consistent(case_number: str) -> int:
    """Every blob under its final name is whole; every added document is whole. Returns the
    number of documents added after registration."""
    settings = load_settings()
    blobs = BlobStore(settings.paths.blob_dir)
    for path in blobs.root.rglob("*"):
        if path.is_file() and not path.name.startswith(".tmp-"):
            digest = path.parent.name + path.name
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
    db = open_cache(settings)
    try:
        with db.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            case = session.scalar(select(models.Case).where(
                models.Case.case_number == case_number))
            added = case.documents[1:]  # the first came with the registration
            for document in case.documents:
                assert blobs.get(document.sha256)  # present under its name and verified
            events = session.scalars(select(models.OutboxEvent).where(
                models.OutboxEvent.case_number == case_number,
                models.OutboxEvent.event_type == DOCUMENT_ADDED)).all()
            assert sorted(e.payload["documents"][0]["sha256"] for e in events) == sorted(
                d.sha256 for d in added)
            audits = session.scalar(select(func.count()).select_from(models.AuditEntry).where(
                models.AuditEntry.case_number == case_number,
                models.AuditEntry.action == DOCUMENT_ADDED))
            assert audits == len(added)
            return len(added)
    finally:
        db.dispose()


def temporaries() -> list[Path]:
    return sorted(load_settings().paths.blob_dir.rglob(".tmp-*"))


def test_killed_while_the_blob_is_being_written(home, samples, tmp_path):
    number = registered_case(samples)
    marker = tmp_path / "in-blob"
    worker = start_worker(number, "--documents", "1", "--pause-in-blob", str(marker))
    wait_until(marker.exists, 60, 0.02, "the worker's marker")
    kill(worker)
    assert check_consistent(number) == 0
    [left] = temporaries()  # written, never renamed: no blob has its name
    digest = hashlib.sha256(left.read_bytes()).hexdigest()
    assert not BlobStore(load_settings().paths.blob_dir).exists(digest)
    assert_next_run_works(number, before=0)


def test_killed_inside_the_transaction_leaves_the_blob_and_no_row(home, samples, tmp_path):
    number = registered_case(samples)
    marker = tmp_path / "in-transaction"
    worker = start_worker(number, "--documents", "1", "--pause-before-commit", str(marker))
    wait_until(marker.exists, 60, 0.02, "the worker's marker")
    kill(worker)
    assert check_consistent(number) == 0
    assert temporaries() == []
    assert_next_run_works(number, before=0)


def test_killed_at_random_moments_never_leaves_half_a_document(home, samples):
    number = registered_case(samples)
    rng = random.Random(11)
    added = 0
    for _ in range(5):
        worker = start_worker(number, "--documents", "200")
        try:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready", worker.stderr
            time.sleep(rng.uniform(0.05, 0.8))
        finally:
            kill(worker)
        now_added = check_consistent(number)
        assert now_added >= added
        added = now_added
    assert added > 0
    assert_next_run_works(number, before=added)


def assert_next_run_works(number: str, before: int) -> None:
    worker = start_worker(number, "--documents", "2")
    out, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err
    assert len(out.split()) == 3  # "ready" and two SHA-256
    assert check_consistent(number) == before + 2
