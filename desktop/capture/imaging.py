"""From a page image to the JPEG kept in the document, and from an image file to pages.

Size matters (every document is uploaded to central and kept for years) and so does
reading the text. What keeps an A4 grey page at 200 dpi near 100 KB:

- Paper to white (grey scans only): the paper's own tone and the scanner's noise are
  the costliest thing JPEG can meet; tones lighter than a little under the paper become
  white, the rest is stretched to keep the ink as dark as it was. Colour scans are left as
  they are (stamps and photos must keep their tones).
- A quantisation table for text: the standard luminance table at quality 50, with the
  highest spatial frequencies (noise, not strokes at 200 dpi) quantised twice as coarsely.
- Huffman tables optimised per image; baseline (progressive made the test pages larger).
- Colour: quality 60 with 4:2:0 chroma subsampling (the eye, and OCR, read luminance).

Pillow's JPEG encoder is deterministic, so the same page always gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from PIL import Image, ImageChops, ImageOps

from desktop.capture.files import check_pixels
from desktop.capture.pages import paper_level

A4_INCHES = (210 / 25.4, 297 / 25.4)
MAX_LONG_SIDE = 3508  # A4 at 300 dpi: an imported photo larger than that is scaled down
PAPER_MARGIN = 20  # tones this close to the paper become white
COLOUR_QUALITY = 60

_STANDARD_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # ITU T.81 Annex K, natural (row by row) order, as Pillow takes it


def _text_table(high_frequency: float = 2.0) -> list[int]:
    """The standard table at quality 50 with frequencies scaled up to `high_frequency`×."""
    table = []
    for index, value in enumerate(_STANDARD_LUMINANCE):
        row, column = divmod(index, 8)
        factor = 1 + (high_frequency - 1) * (row + column) / 14
        table.append(max(1, min(255, round(value * factor))))
    return table


GREY_TABLE = _text_table()


@dataclass(frozen=True)
class EncodedPage:
    jpeg: bytes
    width: int
    height: int
    colour: bool


def whiten(image: Image.Image, paper: int | None = None) -> Image.Image:
    """A grey page with its paper made white and its ink stretched to match (`paper`, the
    paper's grey level, when the page checks have measured it already)."""
    if paper is None:
        sample = image.reduce(4) if min(image.size) >= 64 else image
        paper = paper_level(sample.histogram()[:256])
    if paper is None:
        return image  # a dark page: nothing reads as paper
    white = min(max(paper - PAPER_MARGIN, 160), 250)
    table = [255 if level >= white else round(level * 255 / white) for level in range(256)]
    return image.point(table)


def encode(
    image: Image.Image, colour: bool, *, clean_paper: bool = False, paper: int | None = None
) -> EncodedPage:
    """The page as JPEG bytes: grey ("L") unless `colour`; `clean_paper` whitens grey paper
    (`paper`: its measured level, if known)."""
    wanted = "RGB" if colour else "L"
    page = image if image.mode == wanted else image.convert(wanted)
    if clean_paper and not colour:
        page = whiten(page, paper)
    buffer = io.BytesIO()
    if colour:
        page.save(buffer, "JPEG", quality=COLOUR_QUALITY, subsampling="4:2:0", optimize=True)
    else:
        page.save(buffer, "JPEG", qtables=[GREY_TABLE], optimize=True)
    return EncodedPage(buffer.getvalue(), page.width, page.height, colour)


def is_colourful(image: Image.Image) -> bool:
    """Whether an RGB image has real colour (many "colour" scans are grey in RGB)."""
    if image.mode not in ("RGB", "RGBA", "CMYK", "P", "YCbCr", "LAB", "HSV"):
        return False
    rgb = image.convert("RGB")
    small = rgb.reduce(4) if min(rgb.size) >= 64 else rgb
    red, green, blue = small.split()
    spread = max(_brightest(ImageChops.difference(red, green)),
                 _brightest(ImageChops.difference(green, blue)))
    return spread > 24


def normalised(image: Image.Image) -> Image.Image:
    """Upright (EXIF orientation), "L" or "RGB" on white, at most A4 at 300 dpi."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    image = image.convert("RGB") if is_colourful(image) else image.convert("L")
    longest = max(image.size)
    if longest > MAX_LONG_SIDE:
        scale = MAX_LONG_SIDE / longest
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def declared_dpi(image: Image.Image) -> float | None:
    """The resolution the file says it has, when it is plausible for a scan."""
    value = image.info.get("dpi")
    if not value:
        return None
    try:
        dpi = float(value[0])
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 50 <= dpi <= 1200 else None


def fit_dpi(width: int, height: int) -> int:
    """The resolution at which an image of unknown size just fits an A4 page."""
    portrait = (width, height) if width <= height else (height, width)
    needed = max(portrait[0] / A4_INCHES[0], portrait[1] / A4_INCHES[1])
    return max(1, round(needed))


@dataclass(frozen=True)
class ImportedImage:
    image: Image.Image  # normalised: "L" or "RGB", upright, at most A4 at 300 dpi
    dpi: int  # the PDF page size follows from it
    declared: bool  # the file said its resolution (else it is fitted to A4)


def image_pages(data: bytes) -> Iterator[ImportedImage]:
    """Each page of an image file: the frames of a TIFF, the one image of a JPEG or PNG."""
    with Image.open(io.BytesIO(data)) as source:
        frames = getattr(source, "n_frames", 1) if source.format == "TIFF" else 1
        for index in range(frames):
            source.seek(index)
            check_pixels(source)
            declared = declared_dpi(source)
            original_side = max(source.size)
            page = normalised(source.copy())
            if declared is None:
                yield ImportedImage(page, fit_dpi(page.width, page.height), False)
            else:
                scaled = declared * max(page.size) / original_side
                yield ImportedImage(page, max(1, round(scaled)), True)


def _brightest(band: Image.Image) -> int:
    """The highest value of a one-band image (getextrema gives one pair per band)."""
    return cast(int, band.getextrema()[1])
