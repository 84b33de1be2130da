"""Checks on one page image: blank, too dark, too light, low resolution; optional deskew.

Pure functions on PIL images (no numpy: Pillow's histogram and resampling are enough and
fast). The page is measured on a grey copy at about 100 dpi with a 5 % margin cut off, where
scanner edges, lid shadows and punch holes live.

- Background: the most common light tone (paper; recycled or coloured paper is darker
  than white, so the thresholds follow it rather than assume 255).
- Content: pixels at least `CONTENT_STEP` darker than the paper. Scanner noise stays well
  inside that step; a ruled line, a stamp or one line of handwriting does not.
- Blank: light paper with content under `BLANK_CONTENT` of the area (0.05 %: a few specks of
  dust, not one line of text). "Solid white" from the SANE test backend is blank; a solid
  black page is not blank, it is too dark (a lid left open, a page fed upside down).
- Too dark: mean luminance under `DARK_MEAN`.
- Too light: there is content but even its darkest tenth is lighter than `LIGHT_INK`: the
  text came out washed out. (A mean-luminance upper bound would flag every sparse form.)
- Low resolution: under 150 dpi text may not be readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageStat

from desktop.i18n import _

MIN_DPI = 150
CONTENT_STEP = 40  # grey levels below the paper
BLANK_CONTENT = 0.0005  # share of the page
DARK_MEAN = 90
LIGHT_INK = 150
MARGIN = 0.05
MAX_SKEW = 5.0  # degrees searched either way
MIN_SKEW = 0.2  # below this a page is left as it is


@dataclass(frozen=True)
class PageCheck:
    blank: bool
    too_dark: bool
    too_light: bool
    low_resolution: bool
    dpi: int
    mean: float  # luminance 0..255
    content: float  # share of the page that is content
    skew: float = 0.0  # degrees the page was straightened by (0: not deskewed)
    paper: int | None = None  # the paper's grey level (None: no light paper found)

    @property
    def flagged(self) -> bool:
        return self.blank or self.too_dark or self.too_light or self.low_resolution

    @property
    def notes(self) -> tuple[str, ...]:
        """What the clerk should see next to the page, in Spanish."""
        notes = []
        if self.blank:
            notes.append(_("Página en blanco: no se incluirá en el documento salvo que la "
                           "conserve."))
        if self.too_dark:
            notes.append(_("Página muy oscura: revise que la tapa esté cerrada y que se lea."))
        if self.too_light:
            notes.append(_("Página muy clara: el texto podría no leerse; vuelva a escanearla."))
        if self.low_resolution:
            notes.append(_("Resolución baja ({dpi} ppp; mínimo {min} ppp): el texto podría no "
                           "leerse.").format(dpi=self.dpi, min=MIN_DPI))
        if self.skew:
            notes.append(_("Página enderezada {angle:.1f}°.").format(angle=self.skew))
        return tuple(notes)


def check_page(image: Image.Image, dpi: int) -> PageCheck:
    """Measure one page (any PIL mode) scanned or imported at `dpi`."""
    sample = _sample(image, dpi)
    histogram = sample.histogram()[:256]
    total = sum(histogram) or 1
    mean = sum(level * count for level, count in enumerate(histogram)) / total
    paper = paper_level(histogram)
    if paper is None:  # no light paper at all: a dark page, nothing to call content
        return PageCheck(False, mean < DARK_MEAN, False, dpi < MIN_DPI, dpi, mean, 1.0)
    limit = max(paper - CONTENT_STEP, 0)
    content_pixels = sum(histogram[:limit])
    content = content_pixels / total
    blank = content < BLANK_CONTENT and mean >= DARK_MEAN
    too_light = not blank and _darkest_tenth(histogram[:limit], content_pixels) > LIGHT_INK
    return PageCheck(blank, mean < DARK_MEAN, too_light, dpi < MIN_DPI, dpi, mean, content,
                     paper=paper)


def _sample(image: Image.Image, dpi: int) -> Image.Image:
    """A grey copy at about 100 dpi without the margins."""
    grey = image if image.mode == "L" else image.convert("L")
    factor = max(1, round(dpi / 100))
    if factor > 1:
        grey = grey.reduce(factor)
    width, height = grey.size
    dx, dy = int(width * MARGIN), int(height * MARGIN)
    if width - 2 * dx > 8 and height - 2 * dy > 8:
        grey = grey.crop((dx, dy, width - dx, height - dy))
    return grey


def paper_level(histogram: list[int]) -> int | None:
    """The most common tone among the light ones, if light tones cover a fifth of the page."""
    light = histogram[128:]
    if sum(light) < sum(histogram) / 5:
        return None
    return 128 + max(range(len(light)), key=light.__getitem__)


def _darkest_tenth(content_histogram: list[int], content_pixels: int) -> int:
    """The tone below which the darkest tenth of the content lies (255 with no content)."""
    if not content_pixels:
        return 255
    wanted, seen = content_pixels / 10, 0
    for level, count in enumerate(content_histogram):
        seen += count
        if seen >= wanted:
            return level
    return 255


# --- deskew ----------------------------------------------------------------------------------


def estimate_skew(image: Image.Image, dpi: int) -> float:
    """The angle (degrees, counter-clockwise, within ±MAX_SKEW) the page's lines are rotated by.

    Projection profile: on a small black-and-white copy, text lines and ruled lines give the
    sharpest row profile (highest variance of the row sums) when they are horizontal. A
    coarse pass every 0.5° and a fine pass every 0.1° around the best keep it to about 30
    small rotations.
    """
    grey = image if image.mode == "L" else image.convert("L")
    factor = max(1, round(dpi / 60))
    small = grey.reduce(factor) if factor > 1 else grey
    paper = paper_level(small.histogram()[:256]) or 255
    limit = max(paper - CONTENT_STEP, 1)
    ink = small.point(lambda level: 255 if level < limit else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX)
        return float(ImageStat.Stat(rows).var[0])

    coarse = [step / 2 for step in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)]
    best = max(coarse, key=lambda angle: (sharpness(angle), -abs(angle)))
    fine = [best + step / 10 for step in range(-5, 6) if abs(best + step / 10) <= MAX_SKEW]
    best = max(fine, key=lambda angle: (sharpness(angle), -abs(angle)))
    return round(-best, 1) + 0.0  # no -0.0


def deskew(image: Image.Image, dpi: int) -> tuple[Image.Image, float]:
    """The page straightened, and the angle it was turned by (0.0 when left as it is)."""
    skew = estimate_skew(image, dpi)
    if abs(skew) < MIN_SKEW:
        return image, 0.0
    fill = 255 if image.mode == "L" else (255, 255, 255)
    straight = image.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    return straight, skew
