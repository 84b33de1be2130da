"""Page furniture shared by every printed document: papers, sizes, styles and building blocks.

The receipt, the status slip and the acuerdo copy are one family: the citizen should recognise
them as IESS papers at a glance, and a fix to spacing, escaping or page sizing must reach all of
them at once. So the papers, the fonts, the boxed banners and the PDF assembly live here, and
each document module only decides *what* it says. Everything is deterministic (`invariant=1`,
no clock reads): the same data always yields the same bytes, which makes reprints verifiable.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from desktop.documents.qr import QrFlowable
from desktop.domain.checklist import PROCEDURE_CODE, procedure_name
from desktop.i18n import _

PAPERS = ("a4", "80mm")
TICKET_WIDTH = 80 * mm
PHONE = "02 3945666"
CONTACT_EMAIL = "atencionalusuario@iess.gob.ec"
FOOTER_SPACE = 8 * mm  # A4 only: room under the frame for the running footer
Styles = dict[str, ParagraphStyle]
StoryBuilder = Callable[["Layout", float], list[Flowable]]


@dataclass(frozen=True)
class Layout:
    """Sizes per paper: thermal printers need small fonts and narrow margins."""

    margin: float
    body: float
    small: float
    title: float
    number: float
    qr: float
    label_width: float  # A4 only: the ticket prints "Label: value" lines
    side_by_side: bool  # QR beside the case number (A4) or below it (ticket)


LAYOUTS = {
    "a4": Layout(18 * mm, 10, 8, 16, 15, 38 * mm, 50 * mm, True),
    "80mm": Layout(4 * mm, 8.5, 7, 11, 11, 34 * mm, 24 * mm, False),
}


@functools.cache
def styles(lay: Layout) -> Styles:
    """The paragraph styles of a paper (made once: parsed texts are cached per style)."""
    return _styles(lay)


def _styles(lay: Layout) -> Styles:
    def style(name: str, parent: Any, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent, fontSize=size, leading=size * 1.25, **kw)

    base = style("body", None, lay.body, fontName="Helvetica")
    bold = style("bold", base, lay.body, fontName="Helvetica-Bold")
    return {
        "body": base,
        "bold": bold,
        "centre": style("centre", base, lay.body, alignment=TA_CENTER),
        "inst": style("inst", bold, lay.body + 1, alignment=TA_CENTER),
        "title": style("title", bold, lay.title, alignment=TA_CENTER, spaceBefore=4, spaceAfter=4),
        "number": style("number", bold, lay.number),
        "heading": style("heading", bold, lay.body, spaceBefore=6, spaceAfter=2),
        "section": style("section", bold, lay.body + 1, spaceBefore=8, spaceAfter=3),
        "banner": style("banner", bold, lay.title, alignment=TA_CENTER),
        "warning": style("warning", bold, lay.body + 1),
        "field": style("field", base, lay.body, spaceAfter=1.5),
        "justify": style("justify", base, lay.body, alignment=TA_JUSTIFY, spaceAfter=3),
        "small": style("small", base, lay.small),
    }


def p(text: str, style: ParagraphStyle) -> Paragraph:
    """Paragraph from plain text: escape it so names with '&' or '<' cannot break markup."""
    return Paragraph(escape(text), style, frags=_parsed(escape(text), style))


@functools.lru_cache(maxsize=1024)
def _parsed(markup: str, style: ParagraphStyle) -> list[Any]:
    """reportlab's parse of a paragraph's markup: the fixed texts of every receipt (headings,
    the privacy notice) are parsed once, not on each print. Only read afterwards."""
    return Paragraph(markup, style).frags


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One paragraph per non-empty line, so free texts keep the breaks their author typed."""
    return [p(line.strip(), style) for line in text.splitlines() if line.strip()]


def table(rows: list[list[Any]], widths: list[float], *commands: tuple, **kw: Any) -> Table:
    """A table with tight padding; `commands` add rules, boxes or alignment."""
    pads = (("LEFT", 1), ("RIGHT", 3), ("TOP", 1.5), ("BOTTOM", 1.5))
    base: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    base += [(f"{side}PADDING", (0, 0), (-1, -1), pad) for side, pad in pads]
    result = Table(rows, colWidths=widths, hAlign="LEFT", **kw)
    result.setStyle(TableStyle([*base, *commands]))
    return result


def boxed(content: list[Flowable], width: float, weight: float = 1.2) -> Table:
    """Framed flowables that must not be missed; a table, so the box counts in the height."""
    box = ("BOX", (0, 0), (-1, -1), weight, colors.black)
    pads = [(f"{side}PADDING", (0, 0), (-1, -1), 4) for side in ("LEFT", "BOTTOM", "TOP")]
    return table([[content]], [width], box, *pads, spaceBefore=4, spaceAfter=4)


def banner(text: str, style: ParagraphStyle, width: float) -> Table:
    """One line of boxed text (reprint mark, "Trámite gratuito")."""
    box = ("BOX", (0, 0), (-1, -1), 1.2, colors.black)
    bottom = ("BOTTOMPADDING", (0, 0), (-1, -1), 4)
    return table([[p(text, style)]], [width], box, bottom, spaceBefore=4, spaceAfter=4)


def header(
    title: str,
    lines: Sequence[str],
    copy_number: int,
    st: Styles,
    width: float,
    institution: str = "",
) -> list[Flowable]:
    """Institution, centred sub-lines, the document title and, on reprints, a boxed mark."""
    story: list[Flowable] = [
        p(institution or _("INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL"), st["inst"]),
        *(p(line, st["centre"]) for line in lines),
        p(title, st["title"]),
    ]
    if copy_number > 1:
        reprint = _("Reimpresión {number}").format(number=copy_number - 1)
        story.append(banner(reprint, st["banner"], width))
    return story


def case_block(case_number: str, lay: Layout, st: Styles, width: float) -> list[Flowable]:
    """Case number as text and QR with the procedure: the citizen's key to the case."""
    number_block: list[Flowable] = [
        p(_("Número de trámite"), st["bold"]),
        p(case_number, st["number"]),
        Spacer(1, 3),
        p(f"{_('Trámite')}: {procedure_name()} ({PROCEDURE_CODE})", st["body"]),
    ]
    qr = QrFlowable(case_number, lay.qr)
    if not lay.side_by_side:
        return [*number_block, Spacer(1, 2), qr]
    middle = ("VALIGN", (0, 0), (-1, -1), "MIDDLE")
    return [table([[number_block, qr]], [width - lay.qr - 6, lay.qr + 6], middle)]


def labelled(
    fields: Sequence[tuple[str, str]], lay: Layout, st: Styles, width: float
) -> list[Flowable]:
    """Label/value pairs: a two-column table on A4, wrapping "Label: value" lines on a ticket."""
    if not lay.side_by_side:
        return [Paragraph(f"<b>{escape(k)}:</b> {escape(v)}", st["field"]) for k, v in fields]
    rows = [[p(f"{k}:", st["bold"]), p(v, st["body"])] for k, v in fields]
    return [table(rows, [lay.label_width, width - lay.label_width])]


def free_of_charge(st: Styles, width: float) -> list[Flowable]:
    """The "Trámite gratuito" box: on every paper the citizen takes home."""
    return [Spacer(1, 6), banner(_("TRÁMITE GRATUITO"), st["banner"], width)]


def contact(st: Styles) -> Paragraph:
    """Where the citizen can ask: email, phone and opening hours."""
    text = _("Contacto: {email} · Teléfono: {phone} · Horario de atención: 08:00–17:00")
    return p(text.format(email=CONTACT_EMAIL, phone=PHONE), st["body"])


def check_aware(**moments: datetime | None) -> None:
    """Naive datetimes would print in the wrong zone; refuse them before anything is drawn."""
    for name, moment in moments.items():
        if moment is not None and moment.tzinfo is None:
            raise ValueError(f"{name} must be timezone-aware")


def check_copy_number(copy_number: int) -> None:
    if copy_number < 1:
        raise ValueError("copy_number starts at 1 (the original)")


def format_day(day: date) -> str:
    """A calendar date (no zone to convert) as the counter reads it: 15/01/2026."""
    return day.strftime("%d/%m/%Y")


def content_height(story: list[Flowable], width: float) -> float:
    """Height the frame will consume: every flowable's wrap plus its spacing."""
    total = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, 1e6)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


@dataclass(frozen=True)
class PdfInfo:
    title: str
    subject: str
    footer: str = ""  # A4 only: left part of a running footer with "Página n de m"; "" = none


def render_pdf(build: StoryBuilder, paper: str, info: PdfInfo) -> bytes:
    """Assemble `build(layout, width)` into PDF bytes on `paper` ("a4" or "80mm").

    The ticket is exactly as tall as its content (so the printer cuts after the last line and
    it is always one page). A4 may flow onto more pages; with `info.footer` every page then
    names the document and says "Página n de m", so a loose sheet is still identifiable. The
    total is known only after a first pass, hence two builds (the footer sits outside the
    frame, so it cannot change the page count).
    """
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    lay = LAYOUTS[paper]
    page_width = A4[0] if paper == "a4" else TICKET_WIDTH
    width = page_width - 2 * lay.margin
    if paper == "80mm":  # as tall as the content, plus a little slack
        height = content_height(build(lay, width), width) + 2 * lay.margin + 4 * mm
        return _build(build, lay, (page_width, height), info, footer_total=0)[0]
    if not info.footer:
        return _build(build, lay, A4, info, footer_total=0)[0]
    _pdf, pages = _build(build, lay, A4, info, footer_total=1)
    return _build(build, lay, A4, info, footer_total=pages)[0]


def _build(
    build: StoryBuilder,
    lay: Layout,
    size: tuple[float, float],
    info: PdfInfo,
    footer_total: int,
) -> tuple[bytes, int]:
    """One build; `footer_total` > 0 draws the running footer. Returns bytes and page count."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        title=info.title,
        author=_("IESS — Ventanilla"),
        subject=info.subject,
        creator="Ventanilla",
        invariant=1,
    )
    width = size[0] - 2 * lay.margin
    bottom = lay.margin + (FOOTER_SPACE if footer_total else 0)
    frame = Frame(lay.margin, bottom, width, size[1] - lay.margin - bottom, 0, 0, 0, 0)

    def footer(canvas: Canvas, page_doc: BaseDocTemplate) -> None:
        page = _("Página {page} de {total}").format(page=page_doc.page, total=footer_total)
        canvas.saveState()
        canvas.setFont("Helvetica", lay.small)
        canvas.drawString(lay.margin, lay.margin, info.footer)
        canvas.drawRightString(size[0] - lay.margin, lay.margin, page)
        canvas.restoreState()

    template = PageTemplate(id="page", frames=[frame])
    if footer_total:  # single-sheet documents (receipt, ticket) carry no running footer
        template.onPage = footer
    doc.addPageTemplates([template])
    doc.build(build(lay, width))
    return buffer.getvalue(), doc.page
