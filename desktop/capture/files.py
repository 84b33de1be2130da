"""Checks a file before it becomes a case document: type by content, size, readability.

Every refusal is a Spanish message; nothing is stored until the file passes. TIFF is only
accepted where the caller converts it (scan-to-folder, the draft document): a TIFF stored
as is could not be shown by the viewers, so plain file import keeps PDF, JPEG and PNG.

Bounded before anything is decoded: only a regular file is read (a FIFO would wait for ever,
a link to /dev/zero would fill memory), and never more than the size limit; an image larger
than MAX_PIXELS is refused from its header (a 555 KB PNG can declare 13,377 × 13,377 pixels
and decode to gigabytes).
"""

from __future__ import annotations

import io
import logging
import os
import stat
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from desktop.errors import ValidationError
from desktop.i18n import _

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PAGES = 50
#: A4 at 600 dpi is 35 Mpx, a 48 Mpx phone photo fits; a page never needs more.
MAX_PIXELS = 50_000_000
# Pillow warns from 89 Mpx on; our own, lower limit refuses such images before decoding
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

PDF, JPEG, PNG, TIFF = "application/pdf", "image/jpeg", "image/png", "image/tiff"
#: What a case document may be stored as (plain file import).
STORED_TYPES: frozenset[str] = frozenset({PDF, JPEG, PNG})
#: What the capture path accepts and converts into a PDF (scan-to-folder, draft import).
CAPTURE_TYPES: frozenset[str] = STORED_TYPES | {TIFF}
_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
_EXTENSIONS = {
    ".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".tif": TIFF, ".tiff": TIFF,
}
_KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF"}
_KIND_ORDER = (PDF, JPEG, PNG, TIFF)


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    media_type: str
    pages: int

    @property
    def size(self) -> int:
        return len(self.data)


def _refuse(message: str, log_message: str) -> ValidationError:
    return ValidationError(message, log_message, field="file")


def read_checked(path: Path, accept: frozenset[str] = STORED_TYPES) -> CheckedFile:
    """Read a file of one of the `accept`ed types from disk and check it."""
    try:
        data = read_regular_file(path)
    except OSError as error:
        raise _refuse(
            _("No se pudo leer el archivo: {error}").format(error=error.strerror or error),
            f"file unreadable: {error.__class__.__name__}",
        ) from error
    return check_bytes(data, path.suffix.lower(), accept)


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (a link to one is fine).

    Opened without blocking (a FIFO would otherwise wait for a writer), checked on the open
    descriptor (no swap between check and read), and read up to one byte past the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _refuse(_("«{name}» no es un archivo común (es un dispositivo, una tubería o "
                            "una carpeta); elija el archivo del documento.").format(
                name=path.name), "not a regular file")
        if status.st_size > limit:
            raise _too_large(status.st_size)
        if os.name == "posix":
            os.set_blocking(descriptor, True)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise _too_large(total)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _too_large(size: int) -> ValidationError:
    return _refuse(
        _("El archivo pesa {mb:.1f} MB; el máximo es 25 MB. Escanee a menor resolución o divida "
          "el documento.").format(mb=size / 1024 / 1024),
        "file too large")


def check_bytes(
    data: bytes, extension: str = "", accept: frozenset[str] = STORED_TYPES
) -> CheckedFile:
    """Type by content (the name only has to agree), size, pages, readability."""
    if not data:
        raise _refuse(_("El archivo está vacío (0 bytes)."), "file empty")
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(_("El archivo supera el máximo de 25 MB."), "file too large")
    media_type = next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), None)
    if media_type is None or media_type not in accept:
        raise _refuse(
            _("El archivo no es un {kinds} (se revisó su contenido, no su nombre).").format(
                kinds=_kinds_text(accept)
            ),
            "file type not accepted",
        )
    claimed = _EXTENSIONS.get(extension)
    if extension and claimed != media_type:
        raise _refuse(
            _(
                "El archivo se llama «{ext}» pero su contenido es {kind}. Revise que sea el "
                "documento correcto."
            ).format(ext=extension, kind=_KIND_NAMES[media_type]),
            "file extension does not match content",
        )
    pages = _pdf_pages(data) if media_type == PDF else _image_pages(data, media_type)
    if pages > MAX_PAGES:
        raise _refuse(
            _("El documento tiene {n} páginas; el máximo es {max}.").format(n=pages, max=MAX_PAGES),
            "too many pages",
        )
    return CheckedFile(data, media_type, pages)


def _kinds_text(accept: frozenset[str]) -> str:
    """«PDF, JPEG ni PNG»: the accepted kinds as one Spanish list."""
    names = [_KIND_NAMES[kind] for kind in _KIND_ORDER if kind in accept]
    if len(names) == 1:
        return names[0]
    return _("{first} ni {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _pdf_pages(data: bytes) -> int:
    if b"%%EOF" not in data[-2048:]:
        raise _refuse(
            _("El PDF está incompleto o dañado (no termina correctamente)."), "pdf truncated"
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise _refuse(
                _("El PDF está protegido con contraseña; pida una copia sin protección."),
                "pdf encrypted",
            )
        pages = sum(1 for page in reader.pages if page.mediabox is not None)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.info("pdf rejected: %s", error.__class__.__name__)
        raise _refuse(_("El PDF está dañado y no se puede leer."), "pdf unreadable") from error
    if pages == 0:
        raise _refuse(_("El PDF no tiene páginas."), "pdf without pages")
    return pages


def check_pixels(image: Image.Image) -> None:
    """Refuse, from the header alone, a frame that would decode to more than MAX_PIXELS."""
    if image.width * image.height > MAX_PIXELS:
        raise _refuse(
            _("La imagen mide {w} × {h} píxeles; el máximo es {mp} megapíxeles. Escanee a menor "
              "resolución.").format(w=image.width, h=image.height, mp=MAX_PIXELS // 1_000_000),
            "image too many pixels")


def _image_pages(data: bytes, media_type: str) -> int:
    """Decode every frame (a multi-page TIFF has several), so a damaged one is caught here.

    Only TIFF frames are pages; an animated PNG or a JPEG with a preview is one page.
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1) if media_type == TIFF else 1
            if frames > MAX_PAGES:
                return frames
            for index in range(frames):
                image.seek(index)
                check_pixels(image)
                image.load()
                if image.width < 1 or image.height < 1:
                    raise _refuse(_("La imagen está vacía."), "image empty")
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
        TypeError,  # Pillow's TIFF reader on missing tags
        KeyError,
        IndexError,
        struct.error,
    ) as error:
        raise _refuse(
            _("La imagen está dañada o incompleta y no se puede leer."), "image unreadable"
        ) from error
    return frames
