"""Scan benchmark: an A4 page at 200 dpi grey from the SANE test backend to a stored PDF.

Run from the repository root (needs python-sane and the SANE test backend, sane-utils):

    .venv/bin/python -m tests.benchmarks.bench_scan [--repeat 20] [--keep]

It enables the `test` device through a private SANE_CONFIG_DIR (as the tests do) and times,
per page, with the "Grid" picture (black and white squares: sharp edges, the hard case):

- `scanimage` alone, as a process writing PNM: one flatbed page per run, and a feeder batch
  of 10 pages (`--batch`);
- the whole path in this process, warm: SANE read (python-sane) → page checks → JPEG →
  PDF → check → blob store (temporary file, fsync, rename) → for a registered case, the
  document row, audit entry and outbox event in one transaction; one flatbed page per
  document, and a 10-page feeder batch as one document;
- each stage apart, and the bytes per page of the stored PDF.

It prints numbers and the two aims (≤ 120 KB per page; no more than 2× the time of
scanimage alone); it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks._stats import print_table
from tests.integration.sane_fixtures import sane_missing, write_sane_config

DEVICE = "test:0"
SCANIMAGE = ["scanimage", "-d", DEVICE, "--format=pnm", "--mode", "Gray", "--resolution", "200",
             "-x", "210", "-y", "297", "--test-picture", "Grid"]
AIM_BYTES_PER_PAGE = 120 * 1024
AIM_RATIO = 2.0


def median_time(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scanimage_single(folder: Path) -> None:
    subprocess.run([*SCANIMAGE, "-o", str(folder / "page.pnm")], check=True)


def scanimage_batch(folder: Path) -> None:
    subprocess.run([*SCANIMAGE, "--source", "Automatic Document Feeder",
                    f"--batch={folder}/batch-%d.pnm"], check=True, capture_output=True)


class WholePath:
    """The whole capture path on one demo workstation (imports wait for SANE_CONFIG_DIR)."""

    def __init__(self, home: Path):
        import sane

        from desktop.capture.sane_backend import SaneBackend
        from desktop.config import Paths, load_settings
        from desktop.services.auth import sign_in
        from desktop.services.demo import setup_demo
        from desktop.services.documents import DocumentService
        from desktop.services.runtime import open_runtime
        from tests.support.accounts import CLERK

        real_open = sane.open

        def grid(name: str) -> Any:
            device = real_open(name)
            device.test_picture = "Grid"
            return device

        sane.open = grid  # the test device's picture is not a ScanOptions field
        paths = Paths(home / "config", home / "data", home / "logs")
        setup = setup_demo(paths, pensioners=50)
        self.runtime = open_runtime(load_settings(paths))
        clerk = sign_in(self.runtime, *CLERK)
        self.documents = DocumentService(self.runtime, clerk)
        self.backend = SaneBackend()
        self.stages: dict[str, list[float]] = {}
        self.sizes: list[float] = []
        self.case_number = self._register(setup.samples.eligible, clerk)

    def _register(self, cedula: str, clerk: Any) -> str:
        from desktop.domain.checklist import DocumentType
        from desktop.services.intake import IntakeForm, IntakeService

        draft = self.scan(1, "flatbed", DocumentType.SIGNED_REQUEST)
        form = self.documents.store(draft)
        case = IntakeService(self.runtime, clerk).register(
            IntakeForm(cedula, "persona@correo.ec", "0991234567", True, (form,)))
        return case.case_number

    def _timed(self, stage: str, function: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = function()
        self.stages.setdefault(stage, []).append(time.perf_counter() - start)
        return value

    def scan(self, pages: int, source: str, document_type: Any = None) -> Any:
        from desktop.capture.draft import DraftDocument
        from desktop.capture.scanners import ScanOptions
        from desktop.domain.checklist import DocumentType

        draft = DraftDocument(document_type or DocumentType.OTHER_ANNEX)
        scanning = iter(self.backend.scan(DEVICE, ScanOptions(200, "gray", source)))
        while True:
            page = self._timed("1 SANE read (python-sane)", lambda: next(scanning, None))
            if page is None:
                break
            self._mark(page.image)
            self._timed("2 checks + JPEG", lambda page=page: draft.add_scan(page))
        assert len(draft.pages) == pages, len(draft.pages)
        return draft

    def _mark(self, image: Any) -> None:
        """Test pages are identical and a case refuses the same file twice: a few pixels in
        the corner make every page a new file."""
        self.marks = getattr(self, "marks", 0) + 1
        for bit in range(24):
            image.putpixel((2 + bit, 2), 0 if self.marks >> bit & 1 else 255)

    def store(self, pages: int, source: str) -> None:
        from desktop.capture import draft as draft_module
        from desktop.services import documents

        draft = self.scan(pages, source)
        real_build, real_check = draft_module.build_pdf, documents.check_bytes
        blobs = self.runtime.blobs
        real_put = blobs.put
        timed = self._timed
        draft_module.build_pdf = lambda parts: timed("3 build PDF", lambda: real_build(parts))
        documents.check_bytes = lambda *a: timed("4 check PDF", lambda: real_check(*a))
        blobs.put = lambda data: timed("5 blob (fsync, rename)", lambda: real_put(data))
        try:
            start = time.perf_counter()
            added = self.documents.add_to_case(self.case_number, draft)
            total = time.perf_counter() - start
        finally:
            draft_module.build_pdf, documents.check_bytes = real_build, real_check
            blobs.put = real_put
        inner = sum(self.stages[name][-1] for name in
                    ("3 build PDF", "4 check PDF", "5 blob (fsync, rename)"))
        self.stages.setdefault("6 row + audit + outbox (1 tx)", []).append(total - inner)
        self.sizes.append(added.document.size_bytes / pages)

    def close(self) -> None:
        self.runtime.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    reason = sane_missing() or (None if shutil.which("scanimage") else "scanimage not found")
    if reason:
        raise SystemExit(f"cannot run: {reason}")
    root = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    try:
        os.environ["SANE_CONFIG_DIR"] = str(write_sane_config(root / "sane"))
        os.environ["VENTANILLA_HOME"] = str(root / "home")
        pnm = root / "pnm"
        pnm.mkdir()
        run(args.repeat, pnm, root / "home")
    finally:
        if args.keep:
            print(f"\nkept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def run(repeat: int, pnm: Path, home: Path) -> None:
    scanimage_single(pnm)  # warm the page cache and the backend
    single_scanimage = median_time(lambda: scanimage_single(pnm), repeat)
    batch_scanimage = median_time(lambda: scanimage_batch(pnm), max(3, repeat // 4)) / 10

    whole = WholePath(home)
    try:
        whole.store(1, "flatbed")  # warm-up: imports, first JPEG, first transaction
        whole.stages.clear()
        whole.sizes.clear()
        single = median_time(lambda: whole.store(1, "flatbed"), repeat)
        single_stages = {name: statistics.median(values) for name, values in
                         whole.stages.items()}
        single_size = statistics.median(whole.sizes)
        whole.stages.clear()
        whole.sizes.clear()
        batch = median_time(lambda: whole.store(10, "adf"), max(3, repeat // 4)) / 10
        batch_size = statistics.median(whole.sizes)
    finally:
        whole.close()

    print("A4, 200 dpi, grey, SANE test picture \"Grid\"; medians\n")
    print_table(["", "s/page", "KB/page", "× scanimage"], [
        ["scanimage, 1 flatbed page per run", single_scanimage, 3774.0, 1.0],
        ["scanimage, 10-page feeder batch", batch_scanimage, 3774.0, 1.0],
        ["whole path, 1 flatbed page per document", single, single_size / 1024,
         single / single_scanimage],
        ["whole path, 10-page feeder batch", batch, batch_size / 1024, batch / batch_scanimage],
    ])
    print("\nwhole path, 1 flatbed page, by stage (ms):")
    print_table(["stage", "ms"], [[name, value * 1000] for name, value in
                                  sorted(single_stages.items())])
    worst = max(single_size, batch_size)
    print(f"\naim ≤ {AIM_BYTES_PER_PAGE // 1024} KB/page: "
          f"{'met' if worst <= AIM_BYTES_PER_PAGE else 'NOT met'} ({worst / 1024:.0f} KB)")
    ratios = (single / single_scanimage, batch / batch_scanimage)
    print(f"aim ≤ {AIM_RATIO:g}× scanimage: "
          f"{'met' if max(ratios) <= AIM_RATIO else 'NOT met'} "
          f"({ratios[0]:.1f}× single page, {ratios[1]:.1f}× feeder batch)")


if __name__ == "__main__":
    main()
