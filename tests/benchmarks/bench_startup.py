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
  (c) the login button enabled (the core finished loading in the background);
  (d) diagnostic: (b) and (c) when window.prepare() starts only after the first iteration.

It also reports whether SQLAlchemy or reportlab were in sys.modules when (b) was reached,
and which thread imported them through which import lines. It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks._stats import print_table

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("_startup_child.py")
MODES = ("bare", "app", "deferred")
WATCHED = ("sqlalchemy", "reportlab", "alembic")


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
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "VENTANILLA_HOME": str(home)})
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["BENCH_T0"] = repr(time.time())
    completed = subprocess.run([sys.executable, str(CHILD), mode], cwd=REPO, env=env,
                               capture_output=True, text=True, timeout=600, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith("BENCH "):
            result: dict[str, Any] = json.loads(line[len("BENCH "):])
            if completed.returncode:
                result.setdefault("error", f"exit code {completed.returncode}")
            return result
    return {"error": f"{mode}: exit code {completed.returncode}; stderr:\n"
                     + completed.stderr[-3000:]}


def importtime_tree(threshold_ms: float = 3.0) -> list[tuple[str, float, float]]:
    """`python -X importtime -c 'import ui.app'`: every import costing at least
    `threshold_ms` cumulatively, in import order, indented as Python nests them."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run([sys.executable, "-X", "importtime", "-c", "import ui.app"],
                               cwd=REPO, env=env, capture_output=True, text=True, check=False)
    rows = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
        if int(cumulative_us) >= threshold_ms * 1000:
            rows.append((name[1:].rstrip(), int(cumulative_us) / 1000, int(self_us) / 1000))
    return rows


def _ms(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (float("nan"),) * 3
    return (statistics.median(values) * 1000, min(values) * 1000, max(values) * 1000)


def _show(seconds: Any) -> str:
    return f"{seconds * 1000:.0f} ms" if isinstance(seconds, float) else "failed"


def collect(results: dict[str, list[dict[str, Any]]], mode: str, key: str) -> list[float]:
    return [r[key] for r in results[mode] if isinstance(r.get(key), float)]


def print_report(results: dict[str, list[dict[str, Any]]]) -> None:
    a = collect(results, "bare", "interactive")
    b = collect(results, "app", "interactive")
    c = collect(results, "app", "ready")
    pairs = [(app["interactive"], bare["interactive"])
             for app, bare in zip(results["app"], results["bare"], strict=True)
             if isinstance(app.get("interactive"), float)
             and isinstance(bare.get("interactive"), float)]
    b_minus_a = [app - bare for app, bare in pairs]
    rows: list[list[object]] = [
        ["(a) bare PySide6 window interactive", *_ms(a), len(a)],
        ["(b) login window interactive (launch())", *_ms(b), len(b)],
        ["(c) login button enabled (core loaded)", *_ms(c), len(c)],
        ["b - a (per run pair)", *_ms(b_minus_a), len(b_minus_a)],
        ["(d) b with prepare() after 1st iteration",
         *_ms(collect(results, "deferred", "interactive")),
         len(collect(results, "deferred", "interactive"))],
        ["(d) c with prepare() after 1st iteration", *_ms(collect(results, "deferred", "ready")),
         len(collect(results, "deferred", "ready"))],
    ]
    print("\n=== start-up, ms since the parent's Popen (median / min / max over runs) ===")
    print_table(["milestone", "median", "min", "max", "n"], rows)
    print(f"  b - a from the medians: {(statistics.median(b) - statistics.median(a)) * 1000:.1f}"
          " ms" if a and b else "")

    print("\n  breakdown (median ms since Popen):")
    steps = (("script", "python running the child's first line"),
             ("imported", "imports done (PySide6 / ui.app)"),
             ("shown", "window shown (launch() returned)"),
             ("loop", "first event-loop iteration"),
             ("interactive", "field has focus"))
    breakdown = [[label] + [_ms(collect(results, mode, key))[0] for mode in MODES]
                 for key, label in steps]
    print_table(["step", *MODES], breakdown)

    print("\n  heavy modules in sys.modules (runs with the module / runs):")
    for stage in ("heavy_after_imports", "heavy_after_launch", "heavy_at_interactive"):
        for mode in ("app", "deferred"):
            runs = [r[stage] for r in results[mode] if stage in r]
            counts = ", ".join(f"{name} {sum(run.get(name, False) for run in runs)}/{len(runs)}"
                               for name in WATCHED)
            print(f"    {stage:<22} {mode:<9} {counts}")
    if any(r.get("qlocale_shim") for rs in results.values() for r in rs):
        print("\n  WARNING: ui/app.py uses QLocale.Territory, which this PySide6 does not have;"
              "\n  launch() raises AttributeError without it. The child set QLocale.Territory ="
              " QLocale.Country\n  before importing ui.app, only to be able to measure.")
    errors = [r["error"] for rs in results.values() for r in rs if "error" in r]
    for error in dict.fromkeys(errors):
        print(f"\n  ERROR in a child: {error}")


def print_trace(trace: dict[str, Any]) -> None:
    print("\n=== who imports the heavy modules (one traced launch()) ===")
    for key in ("loop", "interactive", "ready"):
        value = trace.get(key)
        print(f"  {key:<12} {value * 1000:8.1f} ms" if isinstance(value, float) else "")
    imports = trace.get("imports", {})
    for name in WATCHED:
        info = imports.get(name)
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
    results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
    try:
        for index in range(args.warmup + args.runs):
            for mode in MODES:  # interleaved, so background noise hits every mode alike
                result = run_child(mode, home)
                if index >= args.warmup:
                    results[mode].append(result)
                elif "error" in result:
                    print(f"warm-up {mode}: {result['error']}")
            if index >= args.warmup:
                print(f"run {index - args.warmup + 1}/{args.runs}: " + ", ".join(
                    f"{mode} {_show(results[mode][-1].get('interactive'))}" for mode in MODES)
                    + f"; login button enabled {_show(results['app'][-1].get('ready'))}",
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
    print_table(["module", "cumulative ms", "self ms"],
                [list(row) for row in importtime_tree()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
