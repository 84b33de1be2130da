"""Scanning through SANE (Linux, macOS) with python-sane.

python-sane is imported on first use, so the core imports (and its tests run) without it;
when it is missing the counter gets a Spanish message instead of an ImportError.

SANE is process-global: `sane.init()` runs once, reading `SANE_CONFIG_DIR` at that moment
(tests point it at a private folder that enables the `test` backend). If that variable has
changed when no device is open, SANE is restarted so the new folder takes effect. All SANE
calls go through one lock: the library is not meant to be used from two threads at once.

Each `scan()` opens the device, sets source, mode, depth, resolution and an A4 area from
what the device offers, and reads page after page: one from the flatbed; from the feeder
until SANE says it is out of documents (the normal end of a batch; an empty feeder before
the first page is an error). Errors come as `desktop.capture.scanners` errors after the
pages already read have been yielded. Cancelling is checked between pages and, through
python-sane's per-line callback, inside a page: from there the read is let run to the end of
the page, which is then dropped and the scan stops. It does not call `sane_cancel()` in the
middle of a page: backends built on sanei_thread (the `test` backend among them) stop their
reader thread with an asynchronous pthread_cancel, which can land while that thread holds a
malloc lock and then hangs the whole process (seen in CI: the reader thread deadlocked on
its own arena lock while exiting, and every other exiting thread behind it). A page takes
seconds; a hung counter does not come back. The callback must never raise either:
python-sane 2.9 crashes the process (a NULL dereference) when it does, so anything raised
there is held and re-raised after the read returns.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from desktop.capture.scanners import (
    Capabilities,
    DeviceInfo,
    Mode,
    OptionInfo,
    ScannedPage,
    ScannerError,
    ScannerUnavailable,
    ScanOptions,
    Source,
    feeder_empty,
    paper_jam,
    scanner_busy,
    scanner_not_found,
)
from desktop.errors import Cancelled
from desktop.i18n import _, ngettext
from desktop.progress import CancelToken, Progress, no_progress

log = logging.getLogger(__name__)

A4_MM = (210.0, 297.0)
_LOCK = threading.RLock()
_state: dict[str, Any] = {"config": None, "open": 0}  # SANE_CONFIG_DIR at init; open handles

# Words of sane_strstatus() (English, not translated by libsane) → our status names.
_STATUS_WORDS = (
    ("jammed", "jammed"),
    ("out of documents", "no_docs"),
    ("busy", "busy"),
    ("cover", "cover_open"),
    ("cancel", "cancelled"),
    ("i/o", "io_error"),
    ("access", "access_denied"),
    ("memory", "no_mem"),
    ("lamp", "warming_up"),
    ("locked", "hw_locked"),
    ("invalid argument", "inval"),
    ("not supported", "unsupported"),
)


def _sane() -> ModuleType:
    try:
        import sane
    except ImportError as error:
        raise ScannerUnavailable(
            _(
                "El soporte de escáneres (SANE) no está instalado en esta estación: falta el "
                "paquete python-sane. Pida al administrador que lo instale, o use «escanear a "
                "carpeta» o la importación de archivos."
            ),
            "python-sane not installed",
        ) from error
    return sane


def _ready() -> ModuleType:
    """python-sane, initialised for the current SANE_CONFIG_DIR."""
    sane = _sane()
    config = os.environ.get("SANE_CONFIG_DIR", "")
    with _LOCK:
        if _state["config"] == config:
            return sane
        if _state["config"] is not None:
            if _state["open"]:
                return sane  # a device is open: keep the running SANE
            sane.exit()
        try:
            sane.init()
        except sane._sane.error as error:
            raise ScannerUnavailable(
                _("No se pudo iniciar SANE, el sistema de escáneres: {detail}").format(
                    detail=error
                ),
                f"sane_init failed: {error}",
            ) from error
        _state["config"] = config
        log.info("SANE initialised")
    return sane


def _status(error: BaseException) -> str:
    text = str(error).casefold()
    return next((status for word, status in _STATUS_WORDS if word in text), "other")


def _error(error: BaseException, pages_done: int) -> ScannerError | Cancelled:
    """The Spanish error for a SANE failure after `pages_done` pages of this batch."""
    status = _status(error)
    if status == "jammed":
        return paper_jam(pages_done)
    if status == "no_docs":
        return feeder_empty()
    if status == "busy":
        return scanner_busy(pages_done)
    if status == "cancelled":
        return Cancelled(_("Escaneo cancelado."), "scan cancelled by the device")
    messages = {
        "cover_open": _("La tapa del escáner o del alimentador está abierta. Ciérrela y vuelva "
                        "a intentar."),
        "io_error": _("Se perdió la comunicación con el escáner. Revise el cable o la red y "
                      "vuelva a intentar."),
        "access_denied": _("Esta estación no tiene permiso para usar el escáner. Pida al "
                           "administrador que revise los permisos del dispositivo."),
        "warming_up": _("La lámpara del escáner se está calentando; vuelva a intentar en unos "
                        "segundos."),
        "hw_locked": _("El escáner tiene puesto el seguro de transporte; quítelo y vuelva a "
                       "intentar."),
        "no_mem": _("El escáner se quedó sin memoria; escanee menos páginas a la vez o a menor "
                    "resolución."),
    }
    message = messages.get(status) or _("El escáner informó un error: {detail}.").format(
        detail=error
    )
    return ScannerError(message, f"sane error ({status}): {error}", pages_done=pages_done)


def _cancelled(pages_done: int) -> Cancelled:
    return Cancelled(
        ngettext("Escaneo cancelado; se conserva la página ya escaneada.",
                 "Escaneo cancelado; se conservan las {n} páginas ya escaneadas.",
                 pages_done).format(n=pages_done) if pages_done else
        _("Escaneo cancelado; no se escaneó ninguna página."),
        f"scan cancelled after {pages_done} pages",
    )


# --- options -------------------------------------------------------------------------------


def _usable(handle: Any, name: str) -> Any | None:
    """The option called `name` when it is active and settable, else None."""
    option = handle.opt.get(name)
    if option is None or not option.is_active() or not option.is_settable():
        return None
    return option


def _words(constraint: Any) -> list[str]:
    return [value for value in constraint or () if isinstance(value, str)]


def _source_values(handle: Any) -> dict[str, str]:
    """Our source names (flatbed, adf, duplex) → the device's own value for each."""
    option = handle.opt.get("source")
    found: dict[str, str] = {}
    if option is None:
        return {"flatbed": ""}  # no source option: a plain flatbed
    for value in _words(option.constraint):
        folded = value.casefold()
        if "duplex" in folded:
            found.setdefault("duplex", value)
        elif any(word in folded for word in ("adf", "feeder", "automatic document")):
            if not any(word in folded for word in ("back", "rear")):
                found.setdefault("adf", value)
        elif any(word in folded for word in ("flatbed", "platen", "normal", "glass")):
            found.setdefault("flatbed", value)
    return found


def _mode_values(handle: Any) -> dict[Mode, str]:
    option = handle.opt.get("mode")
    found: dict[Mode, str] = {}
    if option is None:
        return found
    for value in _words(option.constraint):
        folded = value.casefold()
        if "gray" in folded or "grey" in folded or folded == "gris":
            found.setdefault("gray", value)
        elif "color" in folded or "colour" in folded or folded == "rgb":
            found.setdefault("color", value)
    return found


def _nearest(constraint: Any, wanted: float) -> float:
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, quant = constraint
        value = min(max(wanted, low), high)
        if quant:
            value = low + round((value - low) / quant) * quant
        return value
    if isinstance(constraint, list) and constraint:
        return min((v for v in constraint if isinstance(v, int | float)),
                   key=lambda v: abs(v - wanted), default=wanted)
    return wanted


def _set(handle: Any, option: Any, value: Any) -> None:
    sane = _sane()
    if option.type == sane._sane.TYPE_FIXED:
        value = float(value)
    elif option.type in (sane._sane.TYPE_INT, sane._sane.TYPE_BOOL):
        value = int(value)
    setattr(handle, option.py_name, value)


def _configure(handle: Any, options: ScanOptions) -> tuple[int, bool]:
    """Set the device up for `options`; the dpi it really uses, and whether to convert the
    colour it returns to grey (a device without a grey mode)."""
    sources = _source_values(handle)
    wanted = "duplex" if options.duplex else options.source
    source = _usable(handle, "source")
    if wanted == "duplex" and "duplex" not in sources:
        duplex = _usable(handle, "duplex")
        if duplex is None or "adf" not in sources:
            raise ScannerError(_("Este escáner no escanea a doble cara."), "no duplex source")
        wanted = "adf"
        _set(handle, duplex, True)
    if wanted not in sources:
        raise ScannerError(
            _("Este escáner no tiene alimentador automático.") if wanted == "adf"
            else _("Este escáner no tiene vidrio (cama plana); use el alimentador."),
            f"no {wanted} source",
        )
    if source is not None and sources[wanted]:
        _set(handle, source, sources[wanted])

    modes = _mode_values(handle)
    to_grey = False
    mode = _usable(handle, "mode")
    if mode is not None:
        if options.mode in modes:
            _set(handle, mode, modes[options.mode])
        elif options.mode == "gray" and "color" in modes:
            _set(handle, mode, modes["color"])
            to_grey = True
        else:
            raise ScannerError(_("Este escáner no escanea en color."), "no colour mode")
    depth = _usable(handle, "depth")
    if depth is not None and 8 in (depth.constraint or ()):
        _set(handle, depth, 8)

    dpi = float(options.dpi)
    for name in ("resolution", "x_resolution", "y_resolution"):
        option = _usable(handle, name)
        if option is not None:
            _set(handle, option, _nearest(option.constraint, options.dpi))
            dpi = float(getattr(handle, name))
    _set_area(handle)
    return round(dpi), to_grey


def _set_area(handle: Any) -> None:
    """An A4 page (or the whole bed when it is smaller), from the top-left corner."""
    sane = _sane()
    for name, size in (("page_width", A4_MM[0]), ("page_height", A4_MM[1])):
        option = _usable(handle, name)
        if option is not None and sane.UNIT_STR.get(option.unit) == "UNIT_MM":
            _set(handle, option, _nearest(option.constraint, size))
    for corner, far, size in (("tl_x", "br_x", A4_MM[0]), ("tl_y", "br_y", A4_MM[1])):
        near_option, far_option = _usable(handle, corner), _usable(handle, far)
        if near_option is None or far_option is None:
            continue
        if sane.UNIT_STR.get(far_option.unit) != "UNIT_MM":
            continue
        low = _nearest(near_option.constraint, 0.0)
        _set(handle, near_option, low)
        _set(handle, far_option, _nearest(far_option.constraint, low + size))


def _describe(handle: Any) -> tuple[OptionInfo, ...]:
    described = []
    for option in handle.opt.values():
        if not option.name or not option.is_active() or option.type == _sane()._sane.TYPE_BUTTON:
            continue
        try:
            value = getattr(handle, option.py_name)
        except (AttributeError, _sane()._sane.error):
            value = ""
        constraint = option.constraint
        if isinstance(constraint, tuple):
            allowed = f"{constraint[0]:g}..{constraint[1]:g}"
        elif isinstance(constraint, list):
            allowed = "|".join(str(v) for v in constraint)
        else:
            allowed = ""
        described.append(OptionInfo(option.py_name, option.title or "", str(value), allowed))
    return tuple(described)


# --- the backend -----------------------------------------------------------------------------


class SaneBackend:
    """`ScannerBackend` over SANE."""

    name = "sane"

    def devices(self) -> list[DeviceInfo]:
        sane = _ready()
        with _LOCK:
            try:
                found = sane.get_devices()
            except sane._sane.error as error:
                raise ScannerUnavailable(
                    _("No se pudo consultar la lista de escáneres: {detail}").format(
                        detail=error
                    ),
                    f"sane_get_devices failed: {error}",
                ) from error
        return [DeviceInfo(name, vendor, model, kind, self.name)
                for name, vendor, model, kind in found]

    def capabilities(self, device: str) -> Capabilities:
        with self._open(device) as handle:
            sources = _source_values(handle)
            modes = _mode_values(handle) or {"gray": ""}
            resolution = handle.opt.get("resolution")
            constraint = resolution.constraint if resolution is not None else None
            values: tuple[int, ...]
            if isinstance(constraint, tuple):
                low, high, values = int(constraint[0]), int(constraint[1]), ()
            elif isinstance(constraint, list) and constraint:
                values = tuple(sorted(int(v) for v in constraint))
                low, high = values[0], values[-1]
            else:
                low, high, values = 0, 0, ()
            duplex = "duplex" in sources or (
                "adf" in sources and handle.opt.get("duplex") is not None)
            ordered_sources: tuple[Source, ...] = tuple(
                s for s in ("flatbed", "adf") if s in sources or (s == "adf" and duplex))
            ordered_modes: tuple[Mode, ...] = tuple(m for m in ("gray", "color") if m in modes)
            return Capabilities(ordered_sources, duplex, ordered_modes, low, high, values,
                                _describe(handle))

    def scan(
        self,
        device: str,
        options: ScanOptions,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> Iterator[ScannedPage]:
        cancel = cancel or CancelToken()
        cancel.raise_if_cancelled()
        feeder = options.source == "adf" or options.duplex
        with self._open(device) as handle:
            dpi, to_grey = _configure(handle, options)
            done = 0
            while True:
                if cancel.cancelled:
                    raise _cancelled(done)
                image = self._read_page(handle, done, feeder, progress, cancel)
                if image is None:
                    break  # the feeder is empty: the batch is complete
                done += 1
                if to_grey or (options.mode == "gray" and image.mode != "L"):
                    image = image.convert("L")
                yield ScannedPage(image, dpi, done)
                if not feeder:
                    break
            progress(done, done, ngettext("Escaneo terminado: {n} página.",
                                          "Escaneo terminado: {n} páginas.", done).format(n=done))

    # --- internals ---------------------------------------------------------------------------

    @contextmanager
    def _open(self, device: str) -> Iterator[Any]:
        sane = _ready()
        with _LOCK:
            try:
                handle = sane.open(device)
            except sane._sane.error as error:
                status = _status(error)
                if status in ("inval", "other"):
                    raise scanner_not_found(device) from error
                raise _error(error, 0) from error
            _state["open"] += 1
        try:
            yield handle
        except sane._sane.error as error:
            raise _error(error, 0) from error
        finally:
            with _LOCK:
                _state["open"] -= 1
                try:
                    handle.cancel()
                    handle.close()
                except sane._sane.error:
                    log.info("closing the scanner failed", exc_info=True)

    def _read_page(
        self, handle: Any, done: int, feeder: bool, progress: Progress, cancel: CancelToken
    ) -> Any | None:
        """One page as a PIL image, or None when the feeder ran out after some pages."""
        sane = _sane()
        label = _("Escaneando página {n}…").format(n=done + 1)
        progress(0, 0, label)
        held: list[BaseException] = []

        def on_line(line: int, lines: int) -> None:
            # Never raise from here, nor cancel the read (see the module docstring): hold
            # what happened; the page is read to its end, dropped, and the error raised.
            if held:
                return
            try:
                if cancel.cancelled:
                    raise _cancelled(done)
                if lines and (line == lines or line % max(lines // 50, 1) == 0):
                    progress(line, lines, label)
            except BaseException as error:
                held.append(error)

        with _LOCK:
            try:
                handle.start()
                image = handle.snap(no_cancel=feeder, progress=on_line)
            except sane._sane.error as error:
                handle.cancel()
                if held:
                    raise held[0] from None
                status = _status(error)
                if status == "no_docs" and feeder and done:
                    return None
                if status == "cancelled" and cancel.cancelled:
                    raise _cancelled(done) from None
                raise _error(error, done) from error
        if held:
            raise held[0]
        return image
