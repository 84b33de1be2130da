"""The document being put together at the counter for one checklist item.

Pages come from the scanner (checked, optionally straightened, JPEG-compressed as they
arrive so a 50-page colour batch stays small in memory), from scan-to-folder and from
imported files (PDF pages are kept as PDF pages, images become JPEG pages). The clerk
reorders, turns and deletes pages; blank pages are left out with a visible note and can
be kept. `build_pdf()` makes the one PDF that is stored for the item.

A draft is edited from the GUI thread while a worker may add scanned pages, so every
change and every read of the page list takes the draft's lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from PIL import Image

from desktop.capture.files import CAPTURE_TYPES, MAX_FILE_BYTES, MAX_PAGES, PDF, CheckedFile
from desktop.capture.files import read_checked as _read_checked
from desktop.capture.imaging import encode, image_pages
from desktop.capture.pages import PageCheck, check_page, deskew
from desktop.capture.pdf_build import ImagePart, PdfPart, build_pdf
from desktop.capture.scanners import ScannedPage
from desktop.domain.checklist import DocumentType, document_label
from desktop.errors import ValidationError
from desktop.i18n import _

Origin = Literal["escaner", "archivo"]
SCANNER: Origin = "escaner"
FILE: Origin = "archivo"
MAX_HELD = 2 * MAX_PAGES  # pages held in a draft, counting the ones left out


@dataclass(frozen=True)
class DraftPage:
    part: ImagePart | PdfPart
    origin: Origin
    check: PageCheck | None = None  # None for imported PDF pages (not rasterised)
    keep: bool = True  # False: left out of the PDF (blank pages start that way)

    @property
    def rotation(self) -> int:
        return self.part.rotation

    @property
    def blank(self) -> bool:
        return self.check is not None and self.check.blank

    @property
    def notes(self) -> tuple[str, ...]:
        if self.check is None:
            return ()
        notes = self.check.notes
        if self.blank and self.keep:
            notes = (_("Página en blanco conservada a pedido."), *notes[1:])
        return notes


class DraftDocument:
    """An ordered list of pages for one document type."""

    def __init__(self, document_type: DocumentType, *, straighten: bool = False):
        self.document_type = document_type
        self.straighten = straighten  # deskew scanned pages (off by default: costs ~0.1 s)
        self._pages: list[DraftPage] = []
        self._lock = threading.Lock()

    # --- reading ------------------------------------------------------------------------------

    @property
    def pages(self) -> tuple[DraftPage, ...]:
        with self._lock:
            return tuple(self._pages)

    @property
    def included(self) -> tuple[DraftPage, ...]:
        return tuple(page for page in self.pages if page.keep)

    @property
    def source(self) -> Origin:
        """"escaner" when any page that goes into the PDF was scanned, else "archivo"."""
        return SCANNER if any(page.origin == SCANNER for page in self.included) else FILE

    # --- adding -------------------------------------------------------------------------------

    def add_scan(self, page: ScannedPage) -> DraftPage:
        """A page from a scanner: checked, straightened if asked, stored as JPEG."""
        return self._add_image(page.image, page.dpi, SCANNER)[0]

    def add_file(self, checked: CheckedFile, origin: Origin = FILE) -> list[DraftPage]:
        """Every page of a checked file (all or none, within the page limit)."""
        self._refuse_beyond_limit(checked.pages)
        if checked.media_type == PDF:
            pages = [DraftPage(PdfPart(checked.data, index), origin)
                     for index in range(checked.pages)]
            return self._append(pages)
        added: list[DraftPage] = []
        for imported in image_pages(checked.data):
            added += self._add_image(imported.image, imported.dpi, origin)
        return added

    def import_file(self, path: Path) -> list[DraftPage]:
        """A PDF, JPEG, PNG or TIFF chosen by the clerk (checked by content first)."""
        return self.add_file(_read_checked(path, CAPTURE_TYPES), FILE)

    def _add_image(self, image: Image.Image, dpi: int, origin: Origin) -> list[DraftPage]:
        check = check_page(image, dpi)
        if self.straighten and not check.blank:
            image, skew = deskew(image, dpi)
            check = replace(check, skew=skew)
        encoded = encode(image, colour=image.mode == "RGB", clean_paper=origin == SCANNER,
                         paper=check.paper)
        part = ImagePart(encoded.jpeg, encoded.width, encoded.height, encoded.colour, dpi)
        return self._append([DraftPage(part, origin, check, keep=not check.blank)])

    def _append(self, pages: list[DraftPage]) -> list[DraftPage]:
        with self._lock:
            kept = sum(1 for page in self._pages if page.keep)
            adding = sum(1 for page in pages if page.keep)
            if kept + adding > MAX_PAGES or len(self._pages) + len(pages) > MAX_HELD:
                raise self._too_many(kept + adding)
            self._pages.extend(pages)
        return pages

    def _refuse_beyond_limit(self, adding: int) -> None:
        kept = len(self.included)
        if kept + adding > MAX_PAGES:
            raise self._too_many(kept + adding)

    def _too_many(self, count: int) -> ValidationError:
        return ValidationError(
            _(
                "«{label}» tendría {n} páginas; el máximo por documento es {max}. Guarde este "
                "documento y adjunte el resto como otro anexo."
            ).format(label=document_label(self.document_type), n=count, max=MAX_PAGES),
            "too many pages in draft",
            field="pages",
        )

    # --- editing ------------------------------------------------------------------------------

    def move(self, index: int, to: int) -> None:
        with self._lock:
            self._check_index(index)
            page = self._pages.pop(index)
            self._pages.insert(max(0, min(to, len(self._pages))), page)

    def rotate(self, index: int, degrees: int = 90) -> None:
        """Turn a page clockwise by a multiple of 90° (the PDF page's /Rotate, lossless)."""
        if degrees % 90:
            raise ValueError("pages turn by multiples of 90 degrees")
        with self._lock:
            self._check_index(index)
            page = self._pages[index]
            turned = replace(page.part, rotation=(page.part.rotation + degrees) % 360)
            self._pages[index] = replace(page, part=turned)

    def delete(self, index: int) -> None:
        with self._lock:
            self._check_index(index)
            del self._pages[index]

    def keep(self, index: int, keep: bool = True) -> None:
        """Keep a page the checks left out (a blank page), or leave a page out."""
        with self._lock:
            self._check_index(index)
            page = self._pages[index]
            kept = sum(1 for p in self._pages if p.keep)
            if keep and not page.keep and kept + 1 > MAX_PAGES:
                raise self._too_many(kept + 1)
            self._pages[index] = replace(page, keep=keep)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self._pages):
            raise IndexError(f"no page {index} in a draft of {len(self._pages)}")

    # --- the result ---------------------------------------------------------------------------

    def build_pdf(self) -> bytes:
        """The PDF of the pages kept, in order; deterministic for the same pages."""
        included = self.included
        if not included:
            raise ValidationError(
                _("«{label}» no tiene páginas para guardar (todas están en blanco u "
                  "omitidas).").format(label=document_label(self.document_type)),
                "draft without pages",
                field="pages",
            )
        if len(included) > MAX_PAGES:
            raise self._too_many(len(included))
        data = build_pdf([page.part for page in included])
        if len(data) > MAX_FILE_BYTES:
            raise ValidationError(
                _(
                    "«{label}» pesa {mb:.1f} MB; el máximo es 25 MB. Escanee en gris o a menor "
                    "resolución, o divídalo en dos anexos."
                ).format(label=document_label(self.document_type), mb=len(data) / 1024 / 1024),
                "draft pdf too large",
                field="pages",
            )
        return data
