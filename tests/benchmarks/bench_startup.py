"""Start-up benchmark: process start to a usable window, in fresh offscreen subprocesses.

Run from the repository root:

    .venv/bin/python -m tests.benchmarks.bench_startup [--runs 10]

A demo workstation is prepared once in a temporary folder (VENTANILLA_HOME for the
children). Each run starts fresh child processes (tests/benchmarks/_startup_child.py) with
QT_QPA_PLATFORM=offscreen; the parent's time.time() right before Popen travels in BENCH_T0
and the child prints its milestones as seconds since then. It measures:

  (a) bare PySide6 window (QMainWindow + QLineEdit + QPushButton) shown, field focused and
      the first event-loop iteration run;
  (b) Ventanilla's login window from ui.app.launch() interactive: username field focused
      and the first event-loop iteration run;
  (c) the login button enabled (the core finished loading in the background).

It also reports whether SQLAlchemy, reportlab or Alembic were in sys.modules after the
imports, after launch() and at (b); which thread imported them through which import lines
(one traced run); and the `python -X importtime` tree of `import ui.app`. It asserts
nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks._startup_child import WATCHED
from tests.benchmarks._stats import print_table, stats_row, summary_ms

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("_startup_child.py")
MODES = ("bare", "app")
COLUMNS = ("median", "min", "max", "n")
Results = dict[str, list[dict[str, Any]]]


def prepare_home(pensioners: int) -> Path:
    from desktop.config import Paths
    from desktop.services.demo import setup_demo

    root = Path(tempfile.mkdtemp(prefix="ventanilla-startup-"))
    start = time.perf_counter()
    setup_demo(Paths(root / "config", root / "data", root / "logs"), pensioners=pensioners)
    print(f"demo home prepared in {time.perf_counter() - start:.2f} s "
          f"({pensioners:,} pensioners): {root}")
    return root


def run_child(mode: str, home: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VENTANILLA_HOME=str(home))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run([sys.executable, str(CHILD), mode], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH "):
            result: dict[str, Any] = json.loads(line[len("BENCH "):])
            if done.returncode:
                result.setdefault("error", f"exit code {done.returncode}")
            return result
    return {"error": f"{mode}: exit code {done.returncode}; stderr:\n{done.stderr[-3000:]}"}


def importtime_tree(threshold_ms: float = 3.0) -> list[list[object]]:
    """`python -X importtime -c 'import ui.app'`: every import costing at least
    `threshold_ms` cumulatively, in import order, indented as Python nests them."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import ui.app"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)
    rows: list[list[object]] = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
            if int(cumulative_us) >= threshold_ms * 1000:
                rows.append([name[1:].rstrip(), int(cumulative_us) / 1000, int(self_us) / 1000])
    return rows


def times(runs: list[dict[str, Any]], key: str) -> list[float]:
    return [run[key] for run in runs if isinstance(run.get(key), float)]


def show(run: dict[str, Any], key: str) -> str:
    return f"{run[key] * 1000:.0f} ms" if isinstance(run.get(key), float) else "failed"


def print_report(results: Results) -> None:
    bare, app = results["bare"], results["app"]
    pairs = [(a.get("interactive"), b.get("interactive")) for a, b in zip(bare, app, strict=True)]
    b_minus_a = [b - a for a, b in pairs if isinstance(a, float) and isinstance(b, float)]
    print("\n=== start-up, ms since the parent's Popen (median / min / max over runs) ===")
    print_table(["milestone", *COLUMNS], [
        stats_row("(a) bare PySide6 window interactive", times(bare, "interactive"), COLUMNS),
        stats_row("(b) login window interactive (launch())", times(app, "interactive"), COLUMNS),
        stats_row("(c) login button enabled (core loaded)", times(app, "ready"), COLUMNS),
        stats_row("b - a (per run pair)", b_minus_a, COLUMNS),
    ])

    print("\n  breakdown (median ms since Popen):")
    steps = {"script": "python running the child's first line",
             "imported": "imports done (PySide6 / ui.app)",
             "shown": "window shown (launch() returned)",
             "loop": "first event-loop iteration",
             "interactive": "field has focus"}
    print_table(["step", *MODES],
                [[label, *(summary_ms(times(results[mode], key))["median"] for mode in MODES)]
                 for key, label in steps.items()])

    print("\n  watched modules in sys.modules, app runs (runs with the module / runs):")
    rows: list[list[object]] = []
    for stage in ("after_imports", "after_launch", "at_interactive"):
        loaded = [run[f"watched_{stage}"] for run in app if f"watched_{stage}" in run]
        rows.append([stage, *(f"{sum(run[name] for run in loaded)}/{len(loaded)}"
                              for name in WATCHED)])
    print_table(["stage", *WATCHED], rows)
    for error in dict.fromkeys(run["error"] for runs in results.values() for run in runs
                               if "error" in run):
        print(f"\n  ERROR in a child: {error}")


def print_trace(trace: dict[str, Any]) -> None:
    print("\n=== who imports the watched modules (one traced launch()) ===")
    for key in ("loop", "interactive", "ready"):
        if isinstance(trace.get(key), float):
            print(f"  {key:<12} {trace[key] * 1000:8.1f} ms")
    if "error" in trace:
        print(f"  ERROR: {trace['error']}")
    for name in WATCHED:
        info = trace.get("imports", {}).get(name)
        if info is None:
            print(f"  {name}: not imported before the login button was enabled")
            continue
        print(f"  {name}: first imported at {info['at'] * 1000:.1f} ms by thread "
              f"{info['thread']!r} through:")
        for line in info["chain"]:
            print(f"      {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs per mode")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first")
    parser.add_argument("--pensioners", type=int, default=5000, help="demo registry size")
    parser.add_argument("--keep", action="store_true", help="keep the demo home")
    args = parser.parse_args(argv)
    home = prepare_home(args.pensioners)
    results: Results = {mode: [] for mode in MODES}
    try:
        for index in range(-args.warmup, args.runs):
            # the modes alternate, so background noise hits both alike
            bare, app = (run_child(mode, home) for mode in MODES)
            if index < 0:
                continue  # warm-up: a failing child fails the measured runs too
            results["bare"].append(bare)
            results["app"].append(app)
            print(f"run {index + 1}/{args.runs}: bare {show(bare, 'interactive')}, app "
                  f"{show(app, 'interactive')}; login button enabled {show(app, 'ready')}",
                  flush=True)
        trace = run_child("trace", home)
    finally:
        if args.keep:
            print(f"kept {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    print_report(results)
    print_trace(trace)
    print("\n=== python -X importtime -c 'import ui.app' (imports of 3 ms or more) ===")
    print_table(["module", "cumulative ms", "self ms"], importtime_tree())
    return 0


if __name__ == "__main__":
    sys.exit(main())
