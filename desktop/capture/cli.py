"""`ventanilla scanners` and `ventanilla scan`: scanner checks for IT staff, no database.

`scanners` lists the devices each backend reaches, with what they can do (`--options`
adds every raw device option). `scan` makes a test scan through the same path as the
counter (checks, JPEG compression, one PDF) and writes it atomically, so IT staff see what
the clerk will get, and how big it is. Like the rest of the CLI, the heavy modules (Pillow,
pypdf, SANE) are imported only when one of these commands runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.atomic import write_atomically
from desktop.config import SCAN_DPI_MAX, SCAN_DPI_MIN, Paths, load_settings
from desktop.errors import StorageError, ValidationError, VentanillaError
from desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from desktop.capture.scanners import Capabilities, ScannerBackend

_SOURCE_NAMES = {"flatbed": "vidrio", "adf": "alimentador"}
_MODE_NAMES = {"gray": "gris", "color": "color"}


def add_commands(commands: Any) -> None:
    """Add `scanners` and `scan` to the main parser's subcommands."""
    scanners = commands.add_parser("scanners", help=_("lista los escáneres y sus opciones"))
    scanners.add_argument("--options", action="store_true",
                          help=_("muestra además todas las opciones de cada dispositivo"))
    scanners.set_defaults(handler=scanners_command)

    scan = commands.add_parser("scan", help=_("hace un escaneo de prueba a un PDF"))
    scan.add_argument("--device", help=_("nombre del escáner (por omisión, el configurado o "
                                         "el primero que se encuentre)"))
    scan.add_argument("--dpi", type=_dpi, default=200, help=_("resolución en ppp (200)"))
    scan.add_argument("--mode", choices=("gray", "color"), default="gray",
                      help=_("gris o color (gray)"))
    scan.add_argument("--source", choices=("flatbed", "adf"), default="flatbed",
                      help=_("vidrio o alimentador (flatbed)"))
    scan.add_argument("--duplex", action="store_true",
                      help=_("doble cara (con el alimentador)"))
    scan.add_argument("--deskew", action="store_true", help=_("endereza las páginas"))
    scan.add_argument("--keep-blank", action="store_true",
                      help=_("conserva las páginas en blanco"))
    scan.add_argument("--out", type=Path, required=True, help=_("archivo PDF de salida"))
    scan.set_defaults(handler=scan_command)


def _dpi(text: str) -> int:
    value = int(text)
    if not SCAN_DPI_MIN <= value <= SCAN_DPI_MAX:
        raise argparse.ArgumentTypeError(
            _("debe estar entre {low} y {high}").format(low=SCAN_DPI_MIN, high=SCAN_DPI_MAX))
    return value


def scanners_command(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.capture.backends import available_backends

    found = 0
    for backend in available_backends():
        devices = backend.devices()
        found += len(devices)
        for device in devices:
            print(f"{device.name}  {device.label} ({device.kind}) [{backend.name}]")
            _print_capabilities(backend.capabilities(device.name), args.options)
    if not found:
        print(_("No se encontró ningún escáner. Revise que esté encendido y conectado."))
        return 1
    return 0


def _print_capabilities(capabilities: Capabilities, options: bool) -> None:
    sources = ", ".join(_SOURCE_NAMES[s] for s in capabilities.sources) or "-"
    modes = ", ".join(_MODE_NAMES[m] for m in capabilities.modes) or "-"
    if capabilities.dpi_values:
        dpi = ", ".join(str(v) for v in capabilities.dpi_values)
    else:
        dpi = f"{capabilities.dpi_min}–{capabilities.dpi_max}"
    duplex = _("sí") if capabilities.duplex else _("no")
    print("    " + _("orígenes: {sources}; doble cara: {duplex}; modos: {modes}; resolución: "
                      "{dpi} ppp").format(sources=sources, duplex=duplex, modes=modes, dpi=dpi))
    if options:
        for option in capabilities.options:
            allowed = f"  [{option.allowed}]" if option.allowed else ""
            print(f"      {option.name} = {option.value}{allowed}")


def scan_command(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.capture.draft import DraftDocument
    from desktop.capture.pdf_build import ImagePart
    from desktop.capture.scanners import ScannerError, ScanOptions
    from desktop.domain.checklist import DocumentType

    backend, device = _choose_device(args.device, paths)
    options = ScanOptions(args.dpi, args.mode, "adf" if args.duplex else args.source,
                          args.duplex)
    draft = DraftDocument(DocumentType.OTHER_ANNEX, straighten=args.deskew)
    print(_("Escaneando con {device}…").format(device=device))
    failure: VentanillaError | None = None
    try:
        for scanned in backend.scan(device, options):
            added = draft.add_scan(scanned)
            width, height = scanned.image.size
            size = len(added.part.jpeg) if isinstance(added.part, ImagePart) else 0
            line = _("Página {n}: {w}×{h} px, {dpi} ppp, {kb} KB").format(
                n=scanned.number, w=width, h=height, dpi=scanned.dpi, kb=size // 1024)
            print(" — ".join([line, *added.notes]))
    except (ScannerError, ValidationError) as error:
        if not draft.pages:
            raise
        failure = error
    if args.keep_blank:
        for index, page in enumerate(draft.pages):
            if page.blank:
                draft.keep(index)
    data = draft.build_pdf()
    write_output(args.out, data)
    pages = len(draft.included)
    print(ngettext("Listo: {n} página, {kb} KB ({per} KB por página) en {out}",
                   "Listo: {n} páginas, {kb} KB ({per} KB por página) en {out}", pages).format(
        n=pages, kb=len(data) // 1024, per=len(data) // 1024 // pages, out=args.out))
    if failure is not None:
        raise failure
    return 0


def _choose_device(name: str | None, paths: Paths) -> tuple[ScannerBackend, str]:
    from desktop.capture.backends import available_backends, find_device
    from desktop.capture.scanners import scanner_not_found

    wanted = name or load_settings(paths).scanner
    if wanted:
        backend, device = find_device(wanted)
        return backend, device.name
    for backend in available_backends():
        devices = backend.devices()
        if devices:
            return backend, devices[0].name
    raise scanner_not_found(_("(cualquiera)"))


def write_output(path: Path, data: bytes) -> None:
    """The scan written whole or not at all (never half a PDF under its name)."""
    try:
        write_atomically(path, data)
    except OSError as error:
        raise StorageError(
            _("No se pudo escribir {path}: {error}").format(path=path,
                                                           error=error.strerror or error),
            f"scan output write failed: {error.__class__.__name__}",
        ) from error
