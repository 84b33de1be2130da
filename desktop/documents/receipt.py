"""Comprobante de recepción: the citizen's proof that the counter received the request.

DESIGN.md §6 and DOMAIN.md Appendix (b) 1. It is the only paper the citizen takes home, so it
carries everything needed to follow the case (case number as text and QR, cédula + número de
trámite as the tracking identifier) and the LOPDP Art. 12 privacy notice. Only masked personal
data ever reaches this module (data minimisation). Two papers: A4 and an 80 mm thermal ticket
whose height follows the content, so the printer cuts right after the last line.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from desktop.clock import format_local
from desktop.documents.qr import QrFlowable
from desktop.domain.checklist import PROCEDURE_CODE, procedure_name
from desktop.i18n import _, ngettext

PAPERS = ("a4", "80mm")
TICKET_WIDTH = 80 * mm
PHONE = "02 3945666"
CONTACT_EMAIL = "atencionalusuario@iess.gob.ec"
_Styles = dict[str, ParagraphStyle]


@dataclass(frozen=True)
class ReceiptDocument:
    label: str  # e.g. "Solicitud de reliquidación con firma manuscrita"
    pages: int


@dataclass(frozen=True)
class ReceiptData:
    case_number: str  # e.g. "REL-UIO01-01-2026-000001-Q"
    centre_code: str  # "UIO01"
    centre_name: str  # "Centro de Atención Universal Quito"
    counter: int  # 1 -> "Ventanilla 01"
    received_at: datetime  # timezone-aware (UTC); printed in Ecuador time
    received_by: str  # clerk full name
    applicant_name: str
    cedula_masked: str  # "17******03" — the full cédula never reaches this module
    email_masked: str  # "ma*******@gmail.com"
    documents: tuple[ReceiptDocument, ...]
    copy_number: int = 1  # 1 = original; n > 1 prints "Reimpresión n-1"


@dataclass(frozen=True)
class _Layout:
    """Sizes per paper: thermal printers need small fonts and narrow margins."""

    margin: float
    body: float
    small: float
    title: float
    number: float
    qr: float
    label_width: float  # A4 only: the ticket prints "Label: value" lines
    side_by_side: bool  # QR beside the case number (A4) or below it (ticket)


_LAYOUTS = {
    "a4": _Layout(18 * mm, 10, 8, 16, 15, 38 * mm, 50 * mm, True),
    "80mm": _Layout(4 * mm, 8.5, 7, 11, 11, 34 * mm, 24 * mm, False),
}


def _styles(lay: _Layout) -> _Styles:
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
        "banner": style("banner", bold, lay.title, alignment=TA_CENTER),
        "field": style("field", base, lay.body, spaceAfter=1.5),
        "small": style("small", base, lay.small),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """Paragraph from plain text: escape it so names with '&' or '<' cannot break markup."""
    return Paragraph(escape(text), style)


def _table(rows: list[list[Any]], widths: list[float], *commands: tuple, **kw: Any) -> Table:
    """A table with tight padding; `commands` add rules, boxes or alignment."""
    pads = (("LEFT", 1), ("RIGHT", 3), ("TOP", 1.5), ("BOTTOM", 1.5))
    base = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    base += [(f"{side}PADDING", (0, 0), (-1, -1), pad) for side, pad in pads]
    table = Table(rows, colWidths=widths, hAlign="LEFT", **kw)
    table.setStyle(TableStyle([*base, *commands]))
    return table


def _banner(text: str, style: ParagraphStyle, width: float) -> Table:
    """Boxed text that must not be missed; a table, so the box counts in the measured height."""
    box = ("BOX", (0, 0), (-1, -1), 1.2, colors.black)
    bottom = ("BOTTOMPADDING", (0, 0), (-1, -1), 4)
    return _table([[_p(text, style)]], [width], box, bottom, spaceBefore=4, spaceAfter=4)


def _story(data: ReceiptData, lay: _Layout, width: float) -> list[Flowable]:
    """All flowables, top to bottom; built afresh for measuring and for drawing."""
    st = _styles(lay)
    counter = _("Ventanilla {counter:02d}").format(counter=data.counter)
    story: list[Flowable] = [
        _p(_("INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL"), st["inst"]),
        _p(f"{data.centre_name} ({data.centre_code})", st["centre"]),
        _p(f"{counter} · {_('Teléfono')}: {PHONE}", st["centre"]),
        _p(_("Comprobante de recepción"), st["title"]),
    ]
    if data.copy_number > 1:
        reprint = _("Reimpresión {number}").format(number=data.copy_number - 1)
        story.append(_banner(reprint, st["banner"], width))
    number_block: list[Flowable] = [
        _p(_("Número de trámite"), st["bold"]),
        _p(data.case_number, st["number"]),
        Spacer(1, 3),
        _p(f"{_('Trámite')}: {procedure_name()} ({PROCEDURE_CODE})", st["body"]),
    ]
    qr = QrFlowable(data.case_number, lay.qr)
    if lay.side_by_side:
        middle = ("VALIGN", (0, 0), (-1, -1), "MIDDLE")
        story.append(_table([[number_block, qr]], [width - lay.qr - 6, lay.qr + 6], middle))
    else:
        story += [*number_block, Spacer(1, 2), qr]
    story += [Spacer(1, 4), *_fields(data, lay, st, width)]
    story += [_p(_("Documentos recibidos"), st["heading"]), _documents(data, lay, st, width)]
    tracking = _(
        "Para consultar el estado de su trámite: acérquese a cualquier centro de atención "
        "del IESS con su cédula y el número de trámite."
    )
    contact = _("Contacto: {email} · Teléfono: {phone} · Horario de atención: 08:00–17:00")
    return [
        *story,
        Spacer(1, 6),
        _banner(_("TRÁMITE GRATUITO"), st["banner"], width),
        _p(tracking, st["body"]),
        Spacer(1, 3),
        _p(contact.format(email=CONTACT_EMAIL, phone=PHONE), st["body"]),
        Spacer(1, 5),
        _p(_("Aviso de privacidad (Art. 12 LOPDP)"), st["heading"]),
        _p(_privacy_notice(), st["small"]),
    ]


def _fields(data: ReceiptData, lay: _Layout, st: _Styles, width: float) -> list[Flowable]:
    fields = [
        (_("Fecha y hora de recepción"), format_local(data.received_at)),
        (_("Recibido por"), data.received_by),
        (_("Solicitante"), data.applicant_name),
        (_("Cédula"), data.cedula_masked),
        (_("Notificaciones a"), data.email_masked),
    ]
    if not lay.side_by_side:  # a narrow ticket reads better as "Label: value" lines that wrap
        return [Paragraph(f"<b>{escape(k)}:</b> {escape(v)}", st["field"]) for k, v in fields]
    rows = [[_p(f"{k}:", st["bold"]), _p(v, st["body"])] for k, v in fields]
    return [_table(rows, [lay.label_width, width - lay.label_width])]


def _documents(data: ReceiptData, lay: _Layout, st: _Styles, width: float) -> Table:
    """Documents received with their pages, and the totals the citizen can check."""
    count = len(data.documents)
    total = ngettext("Total: {n} documento", "Total: {n} documentos", count).format(n=count)
    total_pages = str(sum(d.pages for d in data.documents))
    rows = [[_p(_("Documento"), st["bold"]), _p(_("Págs."), st["bold"])]]
    rows += [[_p(d.label, st["body"]), _p(str(d.pages), st["body"])] for d in data.documents]
    rows.append([_p(total, st["bold"]), _p(total_pages, st["bold"])])
    pages_width = 16 * mm if lay.side_by_side else 12 * mm
    rules = (
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
    )
    return _table(rows, [width - pages_width, pages_width], *rules)


def _privacy_notice() -> str:
    return _(
        "El Instituto Ecuatoriano de Seguridad Social (IESS), responsable del tratamiento, usa "
        "sus datos personales para atender este trámite. Base legal: Art. 7 num. 2 y 4 de la Ley "
        "Orgánica de Protección de Datos Personales (cumplimiento de una obligación legal y "
        "ejercicio de la potestad pública conferida por la Ley de Seguridad Social). Los datos se "
        "conservan durante los plazos que fijan las normas de archivo. Puede ejercer, de forma "
        "gratuita, sus derechos de acceso, rectificación y actualización, eliminación, oposición, "
        "portabilidad y suspensión del tratamiento; se le responderá en un plazo de 15 días. "
        "Solicitudes: {email}."
    ).format(email=CONTACT_EMAIL)


def _content_height(story: list[Flowable], width: float) -> float:
    """Height the frame will consume: every flowable's wrap plus its spacing."""
    total = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, 1e6)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def render_receipt(data: ReceiptData, paper: str = "a4") -> bytes:
    """Render the receipt as PDF bytes on one page of `paper` ("a4" or "80mm")."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    if data.received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    if data.copy_number < 1:
        raise ValueError("copy_number starts at 1 (the original)")
    lay = _LAYOUTS[paper]
    page_width = A4[0] if paper == "a4" else TICKET_WIDTH
    width = page_width - 2 * lay.margin
    page_height = A4[1]
    if paper == "80mm":  # the ticket is exactly as tall as its content, plus a little slack
        page_height = _content_height(_story(data, lay, width), width) + 2 * lay.margin + 4 * mm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        title=f"{_('Comprobante de recepción')} {data.case_number}",
        author=_("IESS — Ventanilla"),
        subject=f"{procedure_name()} ({PROCEDURE_CODE})",
        creator="Ventanilla",
        invariant=1,
    )
    frame = Frame(lay.margin, lay.margin, width, page_height - 2 * lay.margin, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate(id="receipt", frames=[frame])])
    doc.build(_story(data, lay, width))
    return buffer.getvalue()
