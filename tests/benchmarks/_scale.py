"""Scale for bench_core: the country's cases (`demo --cases`), names to type, and the GUI's
memory in a child process. Each returns what it measured; bench_core files it."""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from desktop.config import Paths, load_settings

CASE_TABLES = ("cases", "case_events", "case_documents")


@contextlib.contextmanager
def timing(module: Any, name: str, into: dict[str, float]) -> Iterator[None]:
    """Add the duration of every call of `module.name` to `into[name]` (code untouched)."""
    original = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - start

    with mock.patch.object(module, name, wrapper):
        yield


def _case_rows(runtime: Any) -> int:
    from sqlalchemy import text

    with runtime.db.engine.connect() as connection:
        return sum(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                   for table in CASE_TABLES)


def add_cases(paths: Paths, count: int) -> dict[str, float]:
    """`ventanilla demo --cases` on the embedded demo: cases in bulk at the demo central,
    then the pull that brings them (timed apart; rows = cases, events, documents)."""
    from desktop.services import runtime as runtime_module
    from desktop.services.demo_cases import add_bulk_demo_cases
    from desktop.services.runtime import open_runtime

    runtime = open_runtime(load_settings(paths))
    try:
        before = _case_rows(runtime)
        phases = {"first_pull": 0.0}
        start = time.perf_counter()
        with timing(runtime_module, "first_pull", phases):
            made = add_bulk_demo_cases(runtime, count, seed=11)
        total = time.perf_counter() - start
        rows = _case_rows(runtime) - before
    finally:
        runtime.close()
    pull = phases["first_pull"]
    print(f"demo --cases {count:,}: {made.derived:,} derived; bulk at central "
          f"{total - pull:.1f} s, pull {pull:.1f} s = {rows:,} rows, "
          f"{rows / pull if pull else 0:,.0f} rows/s")
    return {"bulk": total - pull, "pull": pull, "rows": rows}


def case_names(runtime: Any, rng: random.Random, wanted: int) -> list[str]:
    """Applicant names to type fragments of: of cached cases, else of pensioners."""
    with runtime.db.engine.connect() as cache:
        table, column = ("cases", "applicant_name") if cache.exec_driver_sql(
            "SELECT count(*) FROM cases").scalar_one() >= 1000 else (
            "pensioners", "surnames || ' ' || given_names")
        top = cache.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar_one() or 0
        rowids = rng.sample(range(1, top + 1), min(top, wanted))
        return list(cache.exec_driver_sql(
            f"SELECT {column} FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(rowids),)).scalars())


def gui_memory(root: Path, hours: float) -> dict[str, Any]:
    """The real GUI on this workstation (offscreen): RSS after sign-in and after `hours` of
    a busy counter's work (tests/benchmarks/_memory_child.py). {} if the child failed."""
    print(f"  GUI memory: signing in and working {hours:g} h in a child process…", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks._memory_child", str(hours)],
        capture_output=True, text=True, timeout=3600, check=False, stdin=subprocess.DEVNULL,
        env={**os.environ, "VENTANILLA_HOME": str(root), "QT_QPA_PLATFORM": "offscreen"})
    line = next((line for line in done.stdout.splitlines() if line.startswith("MEMORY ")), "")
    if not line:
        print(f"  GUI memory child failed: {done.stderr[-800:]}")
        return {}
    measured = json.loads(line.removeprefix("MEMORY "))
    print(f"  GUI: {measured['work']} in {measured['work seconds']:.0f} s")
    return measured
