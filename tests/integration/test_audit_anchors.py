"""Each sync anchors the station's audit chain at central; a rewritten or cut log shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.config import HOME_ENV
from desktop.security.audit import GENESIS, entry_digest
from desktop.services.auth import sign_in
from desktop.services.sync import SyncService
from desktop.store.models import AuditEntry
from desktop.sync.engine import central_anchors
from tests.support.accounts import CLERK
from tests.support.stations import cache_file_connection

ROOT = Path(__file__).resolve().parents[2]


def audit_verify(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "audit", "verify"], cwd=ROOT,
                          env={**os.environ, HOME_ENV: str(home)}, capture_output=True,
                          text=True, timeout=120, check=False)


def synced_station(stations):
    runtime = stations.open(1)
    for _ in range(3):
        sign_in(runtime, *CLERK)  # audit entries
    assert SyncService(runtime).run().online
    [anchors] = central_anchors(runtime.central(), runtime.settings.workstation).values()
    anchors = [anchor for anchor in anchors if anchor.entry_id > 0]  # 0: where the chain began
    assert anchors, "the round left an anchor"
    runtime.close()
    return runtime, anchors


def test_an_untouched_log_matches_its_anchors(stations):
    synced_station(stations)
    result = audit_verify(stations.home(1))
    assert result.returncode == 0, result.stderr
    assert "anclajes en la central" in result.stdout and "sin conexión" not in result.stdout


def test_a_log_rewritten_from_scratch_is_caught_by_the_anchor(stations):
    """Re-hashing the whole chain keeps it internally consistent; the anchor does not move."""
    runtime, _anchors = synced_station(stations)
    cache = cache_file_connection(runtime.settings)
    rows = cache.execute("SELECT id, at, actor, workstation, action, case_number, details "
                         "FROM audit_log ORDER BY id").fetchall()
    previous = GENESIS
    for entry_id, at, recorded_actor, workstation, action, case_number, details in rows:
        actor = "alguien.mas" if entry_id == 1 else recorded_actor
        moment = datetime.fromisoformat(at).replace(tzinfo=UTC)
        digest = entry_digest(previous, moment, actor, workstation, action, case_number,
                              json.loads(details))
        cache.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, entry_hash = ? "
                      "WHERE id = ?", (actor, previous, digest, entry_id))
        previous = digest
    cache.commit()
    cache.close()
    result = audit_verify(stations.home(1))
    assert result.returncode == 1
    assert "anclada en la central" in result.stderr


def test_a_log_cut_after_its_anchor_is_caught(stations):
    runtime, anchors = synced_station(stations)
    last = max(anchor.entry_id for anchor in anchors)
    cache = cache_file_connection(runtime.settings)
    cache.execute(f"DELETE FROM {AuditEntry.__tablename__} WHERE id >= ?", (last,))
    cache.commit()
    cache.close()
    result = audit_verify(stations.home(1))
    assert result.returncode == 1 and f"entrada {last}" in result.stderr
