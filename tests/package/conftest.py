"""The frozen bundle and the .deb, built once per run of the packaging tests; the numbers
the closing note asks for (sizes, build times, start-up) are printed at the end."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from installer.build import ROOT, build_bundle, folder_size

REPORT: list[str] = []


def report(line: str) -> None:
    REPORT.append(line)
    print(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORT:
        terminalreporter.section("packaging: sizes and times")
        for line in REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/ventanilla, built now from this checkout (catalogs compiled, PyInstaller)."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("not a Debian system: the packaging tests build a .deb")
    start = time.monotonic()
    built = build_bundle()
    report(f"bundle: {folder_size(built) / 2**20:.0f} MiB ({folder_size(built):,} bytes), "
           f"built in {time.monotonic() - start:.0f} s")
    return built


@pytest.fixture(scope="session")
def deb(bundle: Path) -> Path:
    from installer.linux.deb import build

    start = time.monotonic()
    package = build(bundle, ROOT / "dist")
    report(f".deb: {package.stat().st_size / 2**20:.1f} MiB ({package.stat().st_size:,} "
           f"bytes), built in {time.monotonic() - start:.0f} s")
    return package
