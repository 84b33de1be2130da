"""The real SANE `test` backend through a private configuration folder (PLATFORM.md).

`dll.conf` lists only `test` (device listing takes milliseconds instead of seconds) and
`test.conf` is the system one with `geometry_max 300.0` (the default 200 mm cuts A4).
`SANE_CONFIG_DIR` is set for the whole session before the first `sane.init()`; the backend
restarts SANE if it was started with another folder, so test order does not matter.

The test device's own options (picture, injected errors, read delay) are not part of
`ScanOptions`: `configured_device()` wraps `sane.open` so each opened device gets them, and can
change them after a given page (a jam in the middle of a feeder batch). The product code
has no test switch; the hook is attached here.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

SYSTEM_TEST_CONF = Path("/etc/sane.d/test.conf")
_LIBRARY_PATTERNS = ("/usr/lib/*/sane/libsane-test.so*", "/usr/lib/sane/libsane-test.so*",
                     "/usr/local/lib/sane/libsane-test.so*", "/opt/homebrew/lib/sane/*test*")


def sane_missing() -> str | None:
    """None when python-sane and the SANE test backend are installed, else why not."""
    try:
        import sane  # noqa: F401
    except ImportError:
        return ("python-sane is not installed (pip install python-sane; it builds against "
                "libsane-dev with gcc and python3-dev)")
    if not any(glob.glob(pattern) for pattern in _LIBRARY_PATTERNS):
        return "the SANE test backend is not installed (apt install libsane1 sane-utils)"
    return None


def write_sane_config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    system = SYSTEM_TEST_CONF.read_text() if SYSTEM_TEST_CONF.exists() else ""
    lines = [line for line in system.splitlines()
             if not line.strip().startswith("geometry_max")]
    (folder / "test.conf").write_text("\n".join([*lines, "geometry_max 300.0", ""]))
    return folder


@pytest.fixture(scope="session")
def sane_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    reason = sane_missing()
    if reason:
        pytest.skip(reason)
    folder = write_sane_config(tmp_path_factory.mktemp("sane"))
    previous = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("SANE_CONFIG_DIR", None)
        else:
            os.environ["SANE_CONFIG_DIR"] = previous


PageHook = Callable[[Any, int], None]  # (SANE device, pages read so far) after each page


@contextmanager
def configured_device(
    monkeypatch: pytest.MonkeyPatch,
    picture: str = "Grid",
    after_page: PageHook | None = None,
    **options: Any,
) -> Iterator[list[Any]]:
    """Every device opened inside gets `picture` and `options` (python-sane attribute names,
    e.g. read_return_value="SANE_STATUS_JAMMED"); `after_page` runs after each page read.
    Yields the list of opened devices."""
    import sane

    # The test backend keeps option values from one open to the next: reset what tests change.
    options = {"read_return_value": "Default", "read_delay": False, **options}
    real_open = sane.open
    opened: list[Any] = []

    def opening(name: str) -> Any:
        device = real_open(name)
        device.test_picture = picture
        for option, value in options.items():
            setattr(device, option, value)
        if after_page is not None:
            real_snap = device.snap
            pages = 0

            def snap(*args: Any, **kwargs: Any) -> Any:
                nonlocal pages
                image = real_snap(*args, **kwargs)
                pages += 1
                after_page(device, pages)
                return image

            device.snap = snap  # SaneDev keeps a name that is not an option as an attribute
        opened.append(device)
        return device

    with monkeypatch.context() as patch:
        patch.setattr(sane, "open", opening)
        yield opened


def jam_after(pages: int) -> PageHook:
    """Inject SANE_STATUS_JAMMED into the reads that follow page `pages`."""
    def hook(device: Any, read: int) -> None:
        if read == pages:
            device.read_return_value = "SANE_STATUS_JAMMED"
    return hook


def white_page(number: int, then: str = "Grid") -> PageHook:
    """Make page `number` of the batch a "Solid white" page, the others `then`."""
    def hook(device: Any, read: int) -> None:
        device.test_picture = "Solid white" if read + 1 == number else then
    return hook
