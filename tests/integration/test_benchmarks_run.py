"""The benchmark scripts still run end to end, on tiny sizes.

They are scripts, not tests (nothing here looks at a time): this only catches a script
that no longer runs against the code it measures, as happened when a function it wraps
was renamed. Each runs in its own process, as an engineer would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.sane_fixtures import sane_missing

ROOT = Path(__file__).resolve().parents[2]


def run_script(module: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", module, *args], check=False, cwd=ROOT, capture_output=True,
        text=True, timeout=600, stdin=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_bench_core_runs_plain_and_encrypted():
    scale = ("--demo-cases", "30", "--searches", "5", "--gui-memory", "0.02")
    for mode in (scale, ("--encrypted",)):
        out = run_script("tests.benchmarks.bench_core", "--sizes", "400", "--lookups", "10",
                         "--cases", "3", "--renders", "1", "--no-explain", *mode)
        assert "=== summary" in out and "register" in out, out
        assert "=== the issue's table" in out and "name search" in out, out
        assert ("GUI after sign-in" in out) == (mode == scale), out


def test_bench_sync_runs_every_part(postgres):
    out = run_script("tests.benchmarks.bench_sync", "--pensioners", "300", "--changes", "5",
                     "--events", "6", "--stations", "3", "--seconds", "4", "--interval", "1",
                     "--round-pensioners", "300", "--per-centre", "2", "--processes", "1",
                     "--backoffice", "1", "--no-explain")
    for part in ("(a)", "(b)", "(c)", "(d)"):
        assert part in out, out
    assert "station not opened" not in out, out
    assert " 0 failed" in out, out
    assert "projection to 1,000 stations" in out, out


def test_bench_sync_part_d_runs_through_pgbouncer(postgres):
    out = run_script("tests.benchmarks.bench_sync", "--parts", "d", "--pooler",
                     "--stations", "3", "--seconds", "4", "--interval", "1",
                     "--round-pensioners", "300", "--per-centre", "2", "--processes", "1",
                     "--backoffice", "1")
    assert "through PgBouncer" in out and " 0 failed" in out, out


def test_bench_reports_runs(postgres):
    out = run_script("tests.benchmarks.bench_reports", "--cases", "300", "--attentions",
                     "3000", "--centres", "4", "--repeat", "2")
    for where in ("central PostgreSQL: transparency", "central SQLite (demo central): staff",
                  "station cache: backlog"):
        assert where in out, out
    assert "ventanilla_service_volumes" in out and "inside the function" in out, out


def test_bench_scan_runs():
    if reason := sane_missing():
        pytest.skip(reason)
    out = run_script("tests.benchmarks.bench_scan", "--repeat", "1")
    assert "KB/page" in out, out


@pytest.mark.cups
def test_bench_counter_runs():
    out = run_script("tests.benchmarks.bench_counter", "--repeat", "1")
    assert "Registrar → comprobante" in out and "cola" in out, out


def test_bench_acuerdo_runs():
    out = run_script("tests.benchmarks.bench_acuerdo", "--repeat", "2", "--issues", "2")
    assert "sign (PAdES, pyHanko)" in out and "verify intact (offline)" in out, out
    assert "issue (calc+number+render+sign+blob+row)" in out, out
