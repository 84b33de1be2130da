"""The clerk's two waits at the counter, in a real X display (Xvfb + openbox, xcb):
«Registrar» until the receipt's preview is on screen, and «Imprimir» accepted in Qt's print
dialog until the job is in the CUPS queue (and until cups-pdf has written it).

    .venv/bin/python -m tests.benchmarks.bench_counter [--repeat 10] [--queue PDF|none]

Prints median, p95, min and max in seconds. Needs Xvfb and openbox; printing needs the CUPS
queue (`--queue none` leaves printing out)."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from desktop.config import Paths
from desktop.services.demo import setup_demo
from tests.benchmarks._stats import print_table, stats_row
from tests.xdisplay.xserver import run_child, x_display

CUPS_PDF = Path.home() / "PDF"
COLUMNS = ("n", "median", "p95", "min", "max")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--queue", default="PDF", help="CUPS queue, or 'none'")
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args()
    queue = "" if args.queue == "none" else args.queue
    root = Path(tempfile.mkdtemp(prefix="bench-counter-"))
    try:
        setup_demo(Paths(root / "config", root / "data", root / "logs"))
        before = set(CUPS_PDF.glob("*.pdf")) if CUPS_PDF.exists() else set()
        with x_display(args.size) as env:
            result = run_child("time_counter.py", env, root, root / "times.json",
                               XDISPLAY_REPEAT=str(args.repeat), XDISPLAY_QUEUE=queue)
        if result["violations"]:
            raise SystemExit("\n".join(result["violations"]))
        times = result["timings"]
        rows = [stats_row("Registrar → comprobante en pantalla", times["registrar_to_receipt"],
                          COLUMNS)]
        if queue:
            rows.append(stats_row("Imprimir aceptado → trabajo en la cola",
                                  times["accept_to_queue"], COLUMNS))
            accepted = result["notes"]["accepted_at"]
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                jobs = sorted(set(CUPS_PDF.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime)
                if len(jobs) >= len(accepted):
                    break
                time.sleep(0.2)
            written = [job.stat().st_mtime - at for job, at in zip(jobs, accepted, strict=False)]
            rows.append(stats_row("Imprimir aceptado → PDF escrito por cups-pdf", written,
                                  COLUMNS))
        print(f"=== the counter's waits, ms ({args.repeat} times, {args.size})")
        print_table(["", *COLUMNS], rows)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
