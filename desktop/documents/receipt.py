"""Comprobante de recepción: the citizen's proof that the counter received the request.

DESIGN.md §6 and DOMAIN.md Appendix (b) 1. It is the only paper the citizen takes home, so it
carries everything needed to follow the case (case number as text and QR; the online route
the sheet names, and the counter as the exception) and the LOPDP Art. 12 privacy notice. The
identity numbers reach this module masked (data minimisation); the email does not: it is the
channel of notification and a typo there must be visible to the citizen (issue 11). A Code 128
label at the foot is cut off for the paper file. Two papers: A4 and an 80 mm thermal ticket
whose height follows the content, so the printer cuts right after the last line. Page sizing,
styles and shared blocks live in `layout`, common to every printed document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.clock import format_local
from desktop.documents.file_label import file_label
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
from desktop.domain.privacy import CURRENT as CURRENT_NOTICE
from desktop.domain.privacy import PrivacyNotice
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
    cedula_masked: str  # "17******03" (or the masked passport) — never the full number
    email: str  # in full: the citizen checks the address the IESS will write to
    documents: tuple[ReceiptDocument, ...]
    copy_number: int = 1  # 1 = original; n > 1 prints "Reimpresión n-1"
    state_label: str = ""  # where the case stands when this copy is printed
    centre_address: str = ""
    received_by_user: str = ""  # the clerk's user code, with the name
    passport: bool = False  # identified by passport (a foreigner without a cédula)
    representative: str = ""  # «NAME (cédula 17******03)» when an apoderado filed
    eligibility_warning: str = ""  # a requirement that could not be confirmed
    # the notice version given at collection (None: a case from before notices, or unknown
    # here: the seed version is printed)
    privacy_notice: PrivacyNotice | None = None


def _story(data: ReceiptData, lay: Layout, width: float) -> list[Flowable]:
    """All flowables, top to bottom; built afresh for measuring and for drawing."""
    st = styles(lay)
    counter = _("Ventanilla {counter:02d}").format(counter=data.counter)
    lines = [f"{data.centre_name} ({data.centre_code})"]
    if data.centre_address:
        lines.append(data.centre_address)
    lines.append(f"{counter} · {_('Teléfono')}: {PHONE}")
    clerk = (_("{name} (usuario {user})").format(name=data.received_by,
                                                  user=data.received_by_user)
             if data.received_by_user else data.received_by)
    fields = [
        (_("Fecha y hora de recepción"), format_local(data.received_at)),
        (_("Recibido por"), clerk),
        (_("Solicitante"), data.applicant_name),
        (_("Pasaporte") if data.passport else _("Cédula"), data.cedula_masked),
        (_("Identidad"), _("Pasaporte original verificado") if data.passport
         else _("Cédula original verificada")),
    ]
    if data.representative:
        fields.append((_("Presentado por"), _("{who}, representante con poder").format(
            who=data.representative)))
    fields.append((_("Notificaciones a"), _("{email} (revise que esté bien escrito: por él "
                                              "el IESS le notificará)").format(email=data.email)))
    if data.state_label:
        fields.append((_("Estado del trámite"), data.state_label))
    story: list[Flowable] = [
        *header(_("Comprobante de recepción"), tuple(lines), data.copy_number, st, width),
        *case_block(data.case_number, lay, st, width),
        Spacer(1, 4),
        *labelled(fields, lay, st, width),
        p(_("Documentos recibidos"), st["heading"]),
        _documents(data, lay, st, width),
    ]
    if data.eligibility_warning:
        story.append(Spacer(1, 4))
        story.append(lead(_("Requisito no confirmado."), _(
            "En ventanilla no se pudo confirmar un requisito del trámite: {warning} Su "
            "solicitud fue recibida igual; el IESS revisará el requisito y decidirá.").format(
            warning=data.eligibility_warning), st["body"]))
    story += [
        *free_of_charge(st, width),
        Spacer(1, 3),
        lead(_("Cómo seguir su trámite."), _(
            "En línea: en el portal www.iess.gob.ec › Pensionistas › «Solicitud de Mejora de "
            "Jubilación», con su número de cédula y su clave personal."), st["body"]),
        p(_("En caso excepcional: en cualquier centro de atención del IESS, con su cédula y el "
            "número de trámite."), st["body"]),
        Spacer(1, 3),
        contact(st),
        Spacer(1, 5),
        p(_("Aviso de privacidad (Art. 12 LOPDP)"), st["heading"]),
        _privacy_notice(data.privacy_notice, st),
        Spacer(1, 6),
        file_label(data.case_number, width, p(
            _("Etiqueta para el expediente físico (uso interno: recorte y pegue)"),
            st["small"]), beside=lay.side_by_side),
    ]
    return story


def lead(title: str, text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that starts with its title in bold (no heading line of its own)."""
    return Paragraph(f"<b>{escape(title)}</b> {escape(text)}", style)


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


def _privacy_notice(given: PrivacyNotice | None, st: Styles) -> Flowable:
    """The notice the applicant was given (its version is recorded with the case)."""
    given = given or CURRENT_NOTICE
    parts = [f"<b>{escape(title)}:</b> {escape(body)}" for title, body in given.paragraphs()]
    parts[-1] += " " + escape(_("(Versión {v})").format(v=given.version))
    return Paragraph(" ".join(parts), st["small"])


def render_receipt(data: ReceiptData, paper: str = "a4") -> bytes:
    """Render the receipt as PDF bytes on one page of `paper` ("a4" or "80mm")."""
    check_aware(received_at=data.received_at)
    check_copy_number(data.copy_number)
    info = PdfInfo(
        title=f"{_('Comprobante de recepción')} {data.case_number}",
        subject=f"{procedure_name()} ({PROCEDURE_CODE})",
    )
    return render_pdf(lambda lay, width: _story(data, lay, width), paper, info)
