"""Checks a file before it becomes a case document: type by content, size, readability.

Every refusal is a Spanish message; nothing is stored until the file passes.
"""

from __future__ import annotations

import io
import logging
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

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
_SIGNATURES = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
_EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG}
_KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}


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


def read_checked(path: Path) -> CheckedFile:
    """Read a PDF, JPEG or PNG from disk and check it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                _(
                    "El archivo pesa {mb:.1f} MB; el máximo es 25 MB. Escanee a menor resolución "
                    "o divida el documento."
                ).format(mb=size / 1024 / 1024),
                "file too large",
            )
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(
            _("No se pudo leer el archivo: {error}").format(error=error.strerror or error),
            f"file unreadable: {error.__class__.__name__}",
        ) from error
    return check_bytes(data, path.suffix.lower())


def check_bytes(data: bytes, extension: str = "") -> CheckedFile:
    if not data:
        raise _refuse(_("El archivo está vacío (0 bytes)."), "file empty")
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(_("El archivo supera el máximo de 25 MB."), "file too large")
    media_type = next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), None)
    if media_type is None:
        raise _refuse(
            _("El archivo no es un PDF, JPEG ni PNG (se revisó su contenido, no su nombre)."),
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
    pages = _pdf_pages(data) if media_type == PDF else _image_pages(data)
    if pages > MAX_PAGES:
        raise _refuse(
            _("El documento tiene {n} páginas; el máximo es {max}.").format(n=pages, max=MAX_PAGES),
            "too many pages",
        )
    return CheckedFile(data, media_type, pages)


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


def _image_pages(data: bytes) -> int:
    try:
        with Image.open(io.BytesIO(data)) as image:
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
    ) as error:
        raise _refuse(
            _("La imagen está dañada o incompleta y no se puede leer."), "image unreadable"
        ) from error
    return 1
