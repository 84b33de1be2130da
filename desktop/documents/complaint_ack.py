"""Constancia de queja: the complainant's proof that the complaint was registered.

It carries the complaint number (text and QR) with its check character, when it was
received and by which counter, what it is about, the date the answer is due and where
else complaints can go (the procedure sheet: atencionalusuario@iess.gob.ec,
593 23945666). Contact data is printed masked. A4 or an 80 mm ticket, like the receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, Spacer

from desktop.clock import format_local
from desktop.documents.layout import (
    Layout,
    PdfInfo,
    check_aware,
    check_copy_number,
    format_day,
    header,
    labelled,
    p,
    paragraphs,
    render_pdf,
    styles,
    table,
)
from desktop.documents.qr import QrFlowable
from desktop.domain.complaints import CONTACT_EMAIL, CONTACT_PHONE
from desktop.i18n import _


@dataclass(frozen=True)
class AcknowledgementData:
    number: str
    centre_code: str
    centre_name: str
    counter: int
    received_at: datetime  # aware
    received_by: str  # the clerk's full name
    channel: str  # label
    category: str  # label
    text: str
    due_on: date
    complainant: str  # name, or "Anónimo"
    contact: str  # masked email / phone, or ""
    case_number: str = ""
    copy_number: int = 1  # n > 1 prints "Reimpresión n-1"


def _story(data: AcknowledgementData, lay: Layout, width: float) -> list[Flowable]:
    st = styles(lay)
    counter = _("Ventanilla {counter:02d}").format(counter=data.counter)
    lines = (f"{data.centre_name} ({data.centre_code})", counter)
    fields = [
        (_("Fecha y hora de recepción"), format_local(data.received_at)),
        (_("Recibida por"), data.received_by),
        (_("Canal"), data.channel),
        (_("Motivo"), data.category),
        (_("Quien presenta la queja"), data.complainant),
    ]
    if data.contact:
        fields.append((_("Respuesta a"), data.contact))
    if data.case_number:
        fields.append((_("Trámite relacionado"), data.case_number))
    fields.append((_("Fecha máxima de respuesta"), format_day(data.due_on)))
    number_block: list[Flowable] = [p(_("Número de queja"), st["bold"]),
                                    p(data.number, st["number"])]
    qr = QrFlowable(data.number, lay.qr)
    if lay.side_by_side:
        top: list[Flowable] = [table([[number_block, qr]], [width - lay.qr - 6, lay.qr + 6],
                                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE"))]
    else:
        top = [*number_block, Spacer(1, 2), qr]
    where = _("Conserve este número para consultar su queja. También puede presentar o seguir "
              "quejas en {email} o al teléfono {phone}.").format(email=CONTACT_EMAIL,
                                                                 phone=CONTACT_PHONE)
    return [
        *header(_("Constancia de queja"), lines, data.copy_number, st, width),
        *top,
        Spacer(1, 4),
        *labelled(fields, lay, st, width),
        p(_("Texto de la queja"), st["heading"]),
        *paragraphs(data.text, st["body"]),
        Spacer(1, 4),
        p(where, st["body"]),
    ]


def render_acknowledgement(data: AcknowledgementData, paper: str = "a4") -> bytes:
    check_aware(received_at=data.received_at)
    check_copy_number(data.copy_number)
    info = PdfInfo(title=f"{_('Constancia de queja')} {data.number}",
                   subject=_("Registro de quejas"))
    return render_pdf(lambda lay, width: _story(data, lay, width), paper, info)
