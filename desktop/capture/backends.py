"""Which scanner backends this platform has, and finding a device among them.

Kept apart from `scanners` (the interface) so that `sane_backend`, which implements the
interface, and the choice of backend, which names it, import without a cycle.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence

from desktop.capture.sane_backend import SaneBackend
from desktop.capture.scanners import (
    Capabilities,
    DeviceInfo,
    ScannedPage,
    ScannerBackend,
    ScannerUnavailable,
    ScanOptions,
    scanner_not_found,
)
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress


class WindowsScannerBackend:
    """The seam for Windows: WIA 2.0 (or TWAIN) goes here, implementing `ScannerBackend`.

    A WIA implementation would enumerate `WIA.DeviceManager` devices, map `ScanOptions` to
    the item properties (WIA_IPS_XRES/YRES, WIA_IPA_DATATYPE, WIA_DPS_DOCUMENT_HANDLING_SELECT
    for feeder and duplex) and transfer item by item until WIA_ERROR_PAPER_EMPTY, raising
    the same errors as the SANE backend. Until then every call says so in Spanish, and the
    counter uses scan-to-folder or file import.
    """

    name = "wia"

    def _unavailable(self) -> ScannerUnavailable:
        return ScannerUnavailable(
            _(
                "El escaneo directo (WIA/TWAIN) no está implementado todavía en Windows. Use "
                "«escanear a carpeta» desde la impresora multifunción o importe el archivo."
            ),
            "WIA/TWAIN backend not implemented",
        )

    def devices(self) -> list[DeviceInfo]:
        raise self._unavailable()

    def capabilities(self, device: str) -> Capabilities:
        raise self._unavailable()

    def scan(
        self,
        device: str,
        options: ScanOptions,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> Iterator[ScannedPage]:
        raise self._unavailable()


def available_backends(platform: str | None = None) -> list[ScannerBackend]:
    """The backends for this platform: SANE on Linux and macOS, the WIA seam on Windows."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return [WindowsScannerBackend()]
    return [SaneBackend()]


def find_device(
    name: str, backends: Sequence[ScannerBackend] | None = None
) -> tuple[ScannerBackend, DeviceInfo]:
    """The device called `name` (exact), or the only one whose name or model contains it."""
    backends = list(backends) if backends is not None else available_backends()
    found = [(backend, device) for backend in backends for device in backend.devices()]
    for backend, device in found:
        if device.name == name:
            return backend, device
    wanted = name.casefold()
    partial = [
        (backend, device)
        for backend, device in found
        if wanted and (wanted in device.name.casefold() or wanted in device.label.casefold())
    ]
    if len(partial) == 1:
        return partial[0]
    raise scanner_not_found(name, [device.name for _backend, device in found])
