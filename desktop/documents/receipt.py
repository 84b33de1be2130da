"""Comprobante de recepción: the citizen's proof that the counter received the request.

DESIGN.md §6 and DOMAIN.md Appendix (b) 1. It is the only paper the citizen takes home, so it
carries everything needed to follow the case (case number as text and QR, cédula + número de
trámite as the tracking identifier) and the LOPDP Art. 12 privacy notice. Only masked personal
data ever reaches this module (data minimisation). Two papers: A4 and an 80 mm thermal ticket
whose height follows the content, so the printer cuts right after the last line. Page sizing,
styles and shared blocks live in `layout`, common to every printed document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desktop.clock import format_local
from desktop.documents.layout import (
    CONTACT_EMAIL,
    PAPERS,
    PHONE,
    TICKET_WIDTH,
    Layout,
    PdfInfo,
    Styles,
    case_block,
    check_aware,
    check_copy_number,
    contact,
    free_of_charge,
    header,
    labelled,
    p,
    render_pdf,
    styles,
    table,
)
from desktop.domain.checklist import PROCEDURE_CODE, procedure_name
from desktop.i18n import _, ngettext

__all__ = [
    "CONTACT_EMAIL",
    "PAPERS",
    "PHONE",
    "TICKET_WIDTH",
    "ReceiptData",
    "ReceiptDocument",
    "render_receipt",
]


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
    state_label: str = ""  # where the case stands when this copy is printed


def _story(data: ReceiptData, lay: Layout, width: float) -> list[Flowable]:
    """All flowables, top to bottom; built afresh for measuring and for drawing."""
    st = styles(lay)
    counter = _("Ventanilla {counter:02d}").format(counter=data.counter)
    lines = (f"{data.centre_name} ({data.centre_code})", f"{counter} · {_('Teléfono')}: {PHONE}")
    fields = [
        (_("Fecha y hora de recepción"), format_local(data.received_at)),
        (_("Recibido por"), data.received_by),
        (_("Solicitante"), data.applicant_name),
        (_("Cédula"), data.cedula_masked),
        (_("Notificaciones a"), data.email_masked),
    ]
    if data.state_label:
        fields.append((_("Estado del trámite"), data.state_label))
    tracking = _(
        "Para consultar el estado de su trámite: acérquese a cualquier centro de atención "
        "del IESS con su cédula y el número de trámite."
    )
    return [
        *header(_("Comprobante de recepción"), lines, data.copy_number, st, width),
        *case_block(data.case_number, lay, st, width),
        Spacer(1, 4),
        *labelled(fields, lay, st, width),
        p(_("Documentos recibidos"), st["heading"]),
        _documents(data, lay, st, width),
        *free_of_charge(st, width),
        p(tracking, st["body"]),
        Spacer(1, 3),
        contact(st),
        Spacer(1, 5),
        p(_("Aviso de privacidad (Art. 12 LOPDP)"), st["heading"]),
        p(_privacy_notice(), st["small"]),
    ]


def _documents(data: ReceiptData, lay: Layout, st: Styles, width: float) -> Table:
    """Documents received with their pages, and the totals the citizen can check."""
    count = len(data.documents)
    total = ngettext("Total: {n} documento", "Total: {n} documentos", count).format(n=count)
    total_pages = str(sum(d.pages for d in data.documents))
    rows = [[p(_("Documento"), st["bold"]), p(_("Págs."), st["bold"])]]
    rows += [[p(d.label, st["body"]), p(str(d.pages), st["body"])] for d in data.documents]
    rows.append([p(total, st["bold"]), p(total_pages, st["bold"])])
    pages_width = 16 * mm if lay.side_by_side else 12 * mm
    rules = (
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
    )
    return table(rows, [width - pages_width, pages_width], *rules)


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


def render_receipt(data: ReceiptData, paper: str = "a4") -> bytes:
    """Render the receipt as PDF bytes on one page of `paper` ("a4" or "80mm")."""
    check_aware(received_at=data.received_at)
    check_copy_number(data.copy_number)
    info = PdfInfo(
        title=f"{_('Comprobante de recepción')} {data.case_number}",
        subject=f"{procedure_name()} ({PROCEDURE_CODE})",
    )
    return render_pdf(lambda lay, width: _story(data, lay, width), paper, info)
