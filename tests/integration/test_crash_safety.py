"""A process killed while registering leaves either the whole case or nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from desktop.config import load_settings
from desktop.services.cache import open_cache
from desktop.store import models
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def start_worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.register_worker", *args],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def check_consistent() -> int:
    """Every case is whole: its document, its two history and outbox events (registered, sent
    to review), its two audit entries; numbers dense."""
    db = open_cache(load_settings())
    try:
        with db.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            cases = session.scalars(select(models.Case)).all()
            for case in cases:
                assert len(case.documents) == 1, case.case_number
                assert len(case.events) == 2, case.case_number
                for table in (models.OutboxEvent, models.AuditEntry):
                    assert session.scalar(select(func.count()).select_from(table).where(
                        table.case_number == case.case_number)) == 2, case.case_number
            for table, per_case in ((models.OutboxEvent, 2), (models.CaseEvent, 2),
                                    (models.CaseDocument, 1)):
                assert session.scalar(select(func.count()).select_from(table)) == \
                    per_case * len(cases)
            sequences = sorted(case.sequence for case in cases)
            assert sequences == list(range(1, len(cases) + 1))
            return len(cases)
    finally:
        db.dispose()


def test_killed_inside_the_transaction_leaves_nothing(home, tmp_path):
    marker = tmp_path / "inside"
    worker = start_worker("--cases", "1", "--pause-before-commit", str(marker))
    try:
        wait_until(marker.exists, 60, 0.02, "the worker's marker")
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.wait(30)
    assert worker.returncode == -signal.SIGKILL
    assert check_consistent() == 0


def test_killed_at_random_moments_never_leaves_half_a_case(home):
    rng = random.Random(7)
    registered = 0
    for _ in range(5):
        worker = start_worker("--cases", "400")
        try:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready", worker.stderr
            time.sleep(rng.uniform(0.05, 0.6))
            worker.send_signal(signal.SIGKILL)
        finally:
            worker.wait(30)
        now_registered = check_consistent()
        assert now_registered >= registered
        registered = now_registered
    assert registered > 0
