"""Printable copy of the Acuerdo de concesión / negación de reliquidación (A4).

DESIGN.md §6 and DOMAIN.md §3.3 and Appendix (b) 3. The acuerdo is an acto administrativo
issued and signed centrally; the counter only *prints a copy* of what it synchronised, never
invents one. Hence the copy says so on every page and in its closing clause, names the sync it
is based on, and carries a verification QR. COA Art. 98 requires motivation, so a negación
without reasons is refused rather than printed. The exact IESS layout is not public
(`[NOT CONFIRMED]` in DOMAIN.md); this follows the proposed minimum contents, and the appeal
text is deliberately generic because the applicable recursos were not confirmed either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.clock import format_local
from desktop.documents.layout import (
    Layout,
    PdfInfo,
    Styles,
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
from desktop.domain.checklist import procedure_name
from desktop.i18n import N_, _, translate

_MONTHS = (
    N_("enero"), N_("febrero"), N_("marzo"), N_("abril"), N_("mayo"), N_("junio"),
    N_("julio"), N_("agosto"), N_("septiembre"), N_("octubre"), N_("noviembre"), N_("diciembre"),
)  # fmt: skip


@dataclass(frozen=True)
class AgreementData:
    number: str  # "IESS-DSP-2026-00012-A" (Quipux numbering, type A)
    issued_on: date
    city: str  # "Quito"
    authority: str  # the signing authority (cargo) and, if known, its delegation
    legal_basis: str  # considerandos, one per line
    case_number: str
    applicant_name: str
    cedula_masked: str  # "17******03" — the full cédula never reaches this module
    pension_type_label: str  # "Vejez"
    facts: str  # hechos: request date, employer/periods paid if known; one per line
    concession: bool  # True: concesión; False: negación
    previous_pension: Decimal
    new_pension: Decimal
    effective_date: date
    retroactive_amount: Decimal
    motivation: str = ""  # the reasons; required for a negación
    verification_code: str = ""  # what the QR holds; falls back to number + case
    synced_at: datetime | None = None
    printed_by: str = ""
    printed_at: datetime | None = None
    copy_number: int = 1  # 1 = first print; n > 1 prints "Reimpresión n-1"


def render_agreement(data: AgreementData) -> bytes:
    """Render the acuerdo copy as A4 PDF bytes; it may run onto a second numbered page."""
    if not data.concession and not data.motivation.strip():
        raise ValueError("a negación must state its motivation (COA: motivación)")
    for name in ("previous_pension", "new_pension", "retroactive_amount"):
        amount = getattr(data, name)
        if not amount.is_finite() or amount < 0:
            raise ValueError(f"{name} must be a non-negative amount, got {amount}")
    check_aware(synced_at=data.synced_at, printed_at=data.printed_at)
    check_copy_number(data.copy_number)
    number = _("ACUERDO No. {number}").format(number=data.number)
    info = PdfInfo(
        title=number,
        subject=f"{procedure_name()} — {data.case_number}",
        footer=f"{number} · {_('Copia impresa en ventanilla')}",
    )
    return render_pdf(lambda lay, width: _story(data, lay, width), "a4", info)


def format_long_date(day: date) -> str:
    """The date as acts are dated in Ecuador: 15 de enero de 2026."""
    return _("{day} de {month} de {year}").format(
        day=day.day, month=translate(_MONTHS[day.month - 1]), year=day.year
    )


def format_usd(amount: Decimal) -> str:
    """Ecuadorian style money, rounded half-up to cents: USD 1.234,56."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = f"{abs(cents):,.2f}".split(".")
    sign = "-" if cents < 0 else ""
    return f"USD {sign}{whole.replace(',', '.')},{fraction}"


def _story(data: AgreementData, lay: Layout, width: float) -> list[Flowable]:
    st = styles(lay)
    institution = f"{_('INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL')} — {_('Sistema de Pensiones')}"
    title = _("ACUERDO No. {number}").format(number=data.number)
    place = f"{data.city}, {format_long_date(data.issued_on)}"
    story = header(title, [], data.copy_number, st, width, institution=institution)
    story += [p(place, st["centre"]), Spacer(1, 6), p(data.authority, st["inst"])]
    story += [p(_("CONSIDERANDO:"), st["section"]), *paragraphs(data.legal_basis, st["justify"])]
    story += [p(_("HECHOS:"), st["section"]), *_facts(data, lay, st, width)]
    story += [p(_("CÁLCULO DE LA RENTA"), st["section"]), _calculation(data, st)]
    story += [p(_("RESUELVE:"), st["section"]), *_decision(data, st)]
    return [*story, Spacer(1, 8), _verification(data, st, width), *_closing(data, st)]


def _facts(data: AgreementData, lay: Layout, st: Styles, width: float) -> list[Flowable]:
    fields = [
        (_("Número de trámite"), data.case_number),
        (_("Solicitante"), data.applicant_name),
        (_("Cédula"), data.cedula_masked),
        (_("Tipo de pensión"), data.pension_type_label),
    ]
    return [*labelled(fields, lay, st, width), Spacer(1, 3), *paragraphs(data.facts, st["justify"])]


def _calculation(data: AgreementData, st: Styles) -> Flowable:
    """The figures the decision rests on; the difference is computed, never typed in."""
    difference = data.new_pension - data.previous_pension
    rows = [
        (_("Renta mensual anterior"), format_usd(data.previous_pension)),
        (_("Renta mensual reliquidada"), format_usd(data.new_pension)),
        (_("Diferencia mensual"), format_usd(difference)),
        (_("Fecha de efectos"), format_day(data.effective_date)),
        (_("Valor retroactivo"), format_usd(data.retroactive_amount)),
    ]
    cells = [[p(label, st["bold"]), p(value, st["body"])] for label, value in rows]
    box = ("BOX", (0, 0), (-1, -1), 1, colors.black)
    grid = ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey)
    pads = [(f"{side}PADDING", (0, 0), (-1, -1), 4) for side in ("LEFT", "TOP", "BOTTOM")]
    return table(cells, [70 * mm, 45 * mm], box, grid, *pads, spaceBefore=2, spaceAfter=2)


def _decision(data: AgreementData, st: Styles) -> list[Flowable]:
    who = {
        "pension": data.pension_type_label.lower(),
        "name": data.applicant_name,
        "cedula": data.cedula_masked,
        "case": data.case_number,
    }
    if data.concession:
        first = _(
            "Artículo 1.- Conceder la reliquidación de la renta de {pension} a favor de {name}, "
            "cédula {cedula}, trámite {case}, con una renta mensual de {new} desde el "
            "{effective}, y disponer el pago del valor retroactivo de {retroactive}."
        ).format(
            **who,
            new=format_usd(data.new_pension),
            effective=format_day(data.effective_date),
            retroactive=format_usd(data.retroactive_amount),
        )
    else:
        first = _(
            "Artículo 1.- Negar la reliquidación de la renta de {pension} solicitada por {name}, "
            "cédula {cedula}, trámite {case}, por los motivos que se exponen a continuación."
        ).format(**who)
    story = [p(first, st["justify"])]
    if data.motivation.strip():
        story += [p(_("Motivación:"), st["bold"]), *paragraphs(data.motivation, st["justify"])]
    notify = _(
        "Artículo 2.- Notificar el presente acuerdo al solicitante en el correo electrónico "
        "registrado y en el Buzón Electrónico del Pensionista, y dejar constancia de la "
        "notificación en el expediente administrativo."
    )
    appeal = _(
        "Artículo 3.- Recursos: de no estar de acuerdo, el solicitante puede impugnar este acto "
        "mediante recurso de apelación o, en los casos previstos, recurso extraordinario de "
        "revisión, conforme al Código Orgánico Administrativo y dentro del término legal "
        "contado desde la notificación. Los recursos se presentan por escrito en cualquier "
        "centro de atención del IESS. (Texto informativo general: los recursos y términos "
        "aplicables constan en el acuerdo original.)"
    )
    return [*story, p(notify, st["justify"]), p(appeal, st["justify"])]


def _verification(data: AgreementData, st: Styles, width: float) -> Flowable:
    """QR and code side by side, so a clerk or the citizen can check the copy centrally."""
    code = data.verification_code or f"IESS-ACUERDO|{data.number}|{data.case_number}"
    size = 30 * mm
    text = [
        p(_("Verificación"), st["bold"]),
        p(f"{_('Código')}: {code}", st["body"]),
        p(
            _(
                "Presente este código o el QR en cualquier centro de atención del IESS para "
                "verificar que la copia corresponde al acuerdo original."
            ),
            st["small"],
        ),
    ]
    middle = ("VALIGN", (0, 0), (-1, -1), "MIDDLE")
    return table([[QrFlowable(code, size), text]], [size + 6, width - size - 6], middle)


def _closing(data: AgreementData, st: Styles) -> list[Flowable]:
    """The copy notice: where the information comes from, who printed it, which copy."""
    if data.synced_at is None:
        source = _("a partir de información local sin sincronizar con la central")
    else:
        source = _("a partir de la información sincronizada el {moment}").format(
            moment=format_local(data.synced_at)
        )
    notice = _(
        "Copia impresa en ventanilla {source}; el original firmado consta en el expediente."
    ).format(source=source)
    parts = [_("Impreso por {who}").format(who=data.printed_by)] if data.printed_by else []
    if data.printed_at:
        parts.append(format_local(data.printed_at))
    copy = _("Reimpresión {number}").format(number=data.copy_number - 1)
    parts.append(copy if data.copy_number > 1 else _("Primera impresión"))
    return [Spacer(1, 6), p(notice, st["small"]), p(" · ".join(parts), st["small"])]
