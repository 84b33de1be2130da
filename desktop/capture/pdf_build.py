"""Assembling one PDF from page parts: JPEG images and pages of imported PDFs.

JPEG bytes go into the PDF as they are (DCTDecode image XObjects), so a page is never
compressed twice; imported PDF pages are copied with pypdf, never re-rasterised; rotation
is the page's /Rotate entry, so turning a page costs nothing and loses nothing. pypdf writes
no dates and no random identifier, so the same parts give the same bytes (and so the
same SHA-256 in the blob store).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class ImagePart:
    jpeg: bytes
    width: int  # pixels
    height: int
    colour: bool
    dpi: float
    rotation: int = 0  # degrees clockwise, a multiple of 90


@dataclass(frozen=True)
class PdfPart:
    source: bytes  # the whole imported PDF (shared by its pages)
    index: int  # 0-based page in it
    rotation: int = 0


def build_pdf(parts: Sequence[ImagePart | PdfPart]) -> bytes:
    """One PDF with the parts as pages, in order."""
    writer = PdfWriter()
    readers: dict[bytes, PdfReader] = {}
    for part in parts:
        if isinstance(part, ImagePart):
            page = _image_page(writer, part)
        else:
            reader = readers.get(part.source)
            if reader is None:
                reader = readers[part.source] = PdfReader(io.BytesIO(part.source))
            page = writer.add_page(reader.pages[part.index])
        if part.rotation % 360:
            page.rotate(part.rotation % 360)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _image_page(writer: PdfWriter, part: ImagePart) -> PageObject:
    width = part.width * POINTS_PER_INCH / part.dpi
    height = part.height * POINTS_PER_INCH / part.dpi
    page = writer.add_blank_page(width, height)
    image = DecodedStreamObject()
    image.set_data(part.jpeg)  # written as is: the JPEG is the encoded stream
    image.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(part.width),
        NameObject("/Height"): NumberObject(part.height),
        NameObject("/ColorSpace"): NameObject("/DeviceRGB" if part.colour else "/DeviceGray"),
        NameObject("/BitsPerComponent"): NumberObject(8),
        NameObject("/Filter"): NameObject("/DCTDecode"),
    })
    content = DecodedStreamObject()
    content.set_data(f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /Im0 Do Q".encode())
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/XObject"): DictionaryObject({
            NameObject("/Im0"): writer._add_object(image),
        }),
    })
    page[NameObject("/Contents")] = writer._add_object(content)
    return page
