"""«Imprimir…» opens Qt's real print dialog and the chosen printer receives the job (issue 9):
in a real X display, for the receipt, the status slip and the acuerdo, the CUPS `PDF` queue
is chosen in the dialog and accepted; cups-pdf writes each job; the copy counter moves only
for a job sent (cancelling the dialog changes nothing). The time from accepting the dialog
to the job reaching the queue is printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.files import written_pdf
from tests.support.waiting import wait_until
from tests.xdisplay.xserver import run_child, x_display

QUEUE = "PDF"
OUTPUT = Path.home() / "PDF"  # where cups-pdf writes the jobs of the user who printed

pytestmark = [pytest.mark.cups, pytest.mark.slow]


@pytest.fixture
def cups_queue() -> str:
    listed = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True,
                            check=False) if shutil.which("lpstat") else None
    if listed is None or listed.returncode != 0:
        pytest.skip(f"no CUPS queue {QUEUE!r} (start cupsd and create it as .ci/run does)")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (poppler-utils)")
    return QUEUE


def jobs_since(before: set[Path], count: int, timeout: float = 120) -> list[Path]:
    def finished() -> list[Path]:
        done = sorted((job for job in set(OUTPUT.glob("*.pdf")) - before if written_pdf(job)),
                      key=lambda job: job.stat().st_mtime)
        return done if len(done) >= count else []

    return wait_until(finished, timeout, 0.2, f"{count} jobs from the CUPS queue")


def pages_of(job: Path) -> tuple[int, float]:
    info = subprocess.run(["pdfinfo", str(job)], capture_output=True, text=True, check=True)
    pages = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)
    width = re.search(r"^Page size:\s+([\d.]+) x", info.stdout, re.M)
    assert pages and width, info.stdout
    return int(pages.group(1)), float(width.group(1))


def test_print_dialog_sends_each_document_to_the_chosen_queue(cups_queue, home, tmp_path):
    before = set(OUTPUT.glob("*.pdf")) if OUTPUT.exists() else set()
    with x_display("1366x768") as env:
        result = run_child("print_dialog.py", env, home.config_dir.parent,
                           tmp_path / "print.json", XDISPLAY_QUEUE=cups_queue)
    assert not result["violations"], "\n".join(result["violations"]) + result["stderr"][-3000:]
    notes = result["notes"]
    for prefix in ("receipt", "slip", "agreement"):
        note = notes[prefix]
        assert note["cancel kept the count"], note  # a cancelled dialog counts nothing
        assert "Original" in note["before"] and "Reimpresión 1" in note["after"], note
        assert "Copia 1" in note["message"], note
    assert "Imprimir" in notes["receipt accept button"].replace("&", "")  # Qt's, in Spanish
    jobs = jobs_since(before, 3)
    sizes = [pages_of(job) for job in jobs[-3:]]
    assert all(pages >= 1 for pages, _width in sizes), sizes
    assert all(abs(width - 595) < 3 for _pages, width in sizes), sizes  # A4 (the demo's paper)
    timings = result["timings"]["Imprimir aceptado → trabajo en la cola de CUPS (s)"]
    print("Imprimir aceptado → trabajo en la cola:", ", ".join(f"{t:.2f} s" for t in timings))
