"""The audit log is append-only in effect: any edit, deletion or insertion is found."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.config import load_settings
from desktop.security.audit import append, entry_digest, verify_chain
from desktop.services.runtime import open_runtime
from desktop.store.models import AuditEntry


@pytest.fixture
def chain(home):
    """A cache with ten audit entries, and its file for tampering with plain sqlite3."""
    runtime = open_runtime(load_settings(home))
    with runtime.db.write() as session, session.begin():
        for number in range(10):
            append(session, actor="oficinista.uio", workstation="UIO01-01",
                   action="case.viewed", case_number=f"REL-X-{number}", details={"n": number})
    yield runtime
    runtime.close()


def check(runtime):
    with runtime.db.read() as session:
        return verify_chain(session)


def tamper(runtime, sql: str, *params: object) -> None:
    with sqlite3.connect(runtime.settings.paths.cache_db) as connection:
        connection.execute(sql, params)
    connection.close()


def test_an_untouched_log_verifies(chain):
    result = check(chain)
    assert result.intact and result.checked == 10


def test_an_edited_entry_is_found(chain):
    tamper(chain, "UPDATE audit_log SET actor = 'otro' WHERE id = 4")
    result = check(chain)
    assert result.broken_at == 4 and "modificada" in result.problem


def test_a_deleted_entry_is_found(chain):
    tamper(chain, "DELETE FROM audit_log WHERE id = 6")
    result = check(chain)
    assert result.broken_at == 7 and "se borró o se insertó" in result.problem


def test_an_inserted_entry_is_found_even_with_a_valid_own_hash(chain):
    """A forged entry squeezed in after entry 5, correctly linked to it and correctly hashed:
    the entry after it still points at entry 5, so the chain breaks there."""
    with chain.db.read() as session:
        fifth = session.get(AuditEntry, 5)
        forged_at, prev = fifth.at, fifth.entry_hash
    forged = entry_digest(prev, forged_at, "intruso", "UIO01-01", "case.viewed", None, {})
    for entry_id in range(10, 5, -1):  # make room: 6..10 become 7..11
        tamper(chain, "UPDATE audit_log SET id = id + 1 WHERE id = ?", entry_id)
    tamper(chain, "INSERT INTO audit_log (id, at, actor, workstation, action, case_number, "
                  "details, prev_hash, entry_hash) VALUES (6, ?, 'intruso', 'UIO01-01', "
                  "'case.viewed', NULL, '{}', ?, ?)",
           forged_at.replace(tzinfo=None).isoformat(sep=" "), prev, forged)
    result = check(chain)
    assert result.broken_at == 7 and "se borró o se insertó" in result.problem


def test_the_audit_verify_command_reports_the_first_broken_link(chain, home):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "VENTANILLA_HOME": str(home.config_dir.parent)}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "audit", "verify"], cwd=root,
                              env=env, capture_output=True, text=True, timeout=120, check=False)

    clean = run()
    assert clean.returncode == 0 and "íntegra" in clean.stdout
    tamper(chain, "UPDATE audit_log SET details = ? WHERE id = 3", '{"n": 99}')
    broken = run()
    assert broken.returncode == 1 and "entrada 3" in broken.stderr
