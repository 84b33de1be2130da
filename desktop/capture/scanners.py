"""One interface for every way a page comes off a scanner, whatever the platform.

A backend lists devices, says what each can do and scans page by page (a generator, so the
counter sees each page as it arrives and a jam keeps the pages already fed). Today that is
SANE (`sane_backend`, Linux and macOS). Windows is a seam: `backends.WindowsScannerBackend` says
clearly that direct scanning is not implemented there yet; a WIA (or TWAIN) backend replaces
it by implementing `ScannerBackend` and nothing else changes. Scan-to-folder and file import
work everywhere and need no backend.

Backends raise `ScannerError` subclasses (Spanish `user_message`) and `desktop.errors.Cancelled`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from PIL import Image

from desktop.errors import NotFoundError, VentanillaError
from desktop.i18n import _, ngettext
from desktop.progress import CancelToken, Progress, no_progress

Mode = Literal["gray", "color"]
Source = Literal["flatbed", "adf"]


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what the backend opens, e.g. "epson2:net:10.1.2.3"
    vendor: str
    model: str
    kind: str  # e.g. "flatbed scanner", "virtual device"
    backend: str = "sane"

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model}".strip() or self.name


@dataclass(frozen=True)
class OptionInfo:
    """One raw device option, for IT staff (`ventanilla scanners --options`)."""

    name: str
    title: str
    value: str
    allowed: str


@dataclass(frozen=True)
class Capabilities:
    """What a device can do, in the terms of `ScanOptions`."""

    sources: tuple[Source, ...]
    duplex: bool
    modes: tuple[Mode, ...]
    dpi_min: int
    dpi_max: int
    dpi_values: tuple[int, ...] = ()  # when the device only takes listed resolutions
    options: tuple[OptionInfo, ...] = ()


@dataclass(frozen=True)
class ScanOptions:
    dpi: int = 200
    mode: Mode = "gray"
    source: Source = "flatbed"
    duplex: bool = False


@dataclass(frozen=True)
class ScannedPage:
    image: Image.Image  # "L" for grey, "RGB" for colour
    dpi: int
    number: int = 1  # 1-based position in this batch


class ScannerBackend(Protocol):
    """What a scanner backend provides. All calls are synchronous and may take seconds."""

    name: str

    def devices(self) -> list[DeviceInfo]:
        """The devices this backend can reach now."""
        ...

    def capabilities(self, device: str) -> Capabilities:
        """Sources, modes, resolutions and raw options of one device."""
        ...

    def scan(
        self,
        device: str,
        options: ScanOptions,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> Iterator[ScannedPage]:
        """Yield each page as it is scanned: one from the flatbed; from the feeder until it
        is empty. An error after some pages is raised after yielding those pages."""
        ...


# --- errors --------------------------------------------------------------------------------


class ScannerError(VentanillaError):
    """The scanner could not scan; `pages_done` pages of this batch were delivered first."""

    def __init__(self, user_message: str, log_message: str | None = None, *, pages_done: int = 0):
        super().__init__(user_message, log_message, field="scanner")
        self.pages_done = pages_done


class PaperJam(ScannerError):
    pass


class FeederEmpty(ScannerError):
    pass


class ScannerBusy(ScannerError):
    pass


class ScannerNotFound(ScannerError, NotFoundError):
    pass


class ScannerUnavailable(ScannerError):
    """No backend can scan on this machine (driver library missing, platform not done)."""


def paper_jam(pages_done: int) -> PaperJam:
    return PaperJam(
        ngettext(
            "Se atascó el papel en el alimentador después de {n} página. Retire la hoja "
            "atascada; la página ya escaneada se conserva. Continúe desde la página {next}.",
            "Se atascó el papel en el alimentador después de {n} páginas. Retire la hoja "
            "atascada; las páginas ya escaneadas se conservan. Continúe desde la página {next}.",
            pages_done).format(n=pages_done, next=pages_done + 1),
        f"paper jam after {pages_done} pages",
        pages_done=pages_done,
    )


def feeder_empty() -> FeederEmpty:
    return FeederEmpty(
        _(
            "No hay papel en el alimentador automático. Coloque las hojas boca abajo y vuelva "
            "a intentar, o escanee desde el vidrio."
        ),
        "feeder empty",
    )


def scanner_busy(pages_done: int = 0) -> ScannerBusy:
    return ScannerBusy(
        _(
            "El escáner está ocupado (otro programa o estación lo está usando). Espere un "
            "momento y vuelva a intentar."
        ),
        "device busy",
        pages_done=pages_done,
    )


def scanner_not_found(name: str, available: Sequence[str] = ()) -> ScannerNotFound:
    known = ", ".join(available) if available else _("ninguno")
    return ScannerNotFound(
        _(
            "No se encontró el escáner «{name}». Revise que esté encendido y conectado. "
            "Escáneres disponibles: {known}."
        ).format(name=name, known=known),
        "scanner not found",
    )
