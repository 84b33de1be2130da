"""The Acuerdo de concesión / negación de reliquidación, as the institution issues it (A4).

Rendered ONCE, at central, by the back office (desktop.central.backoffice), then signed
electronically (desktop.signing.pades); stations print that signed PDF and never render an
acuerdo themselves. The form follows an acto administrativo (COA Art. 98, DOMAIN.md §3.3 and
Appendix (b) 3): Quipux-style number, city and date, «Que, …» considerandos, «En ejercicio
de las atribuciones…», «ACUERDA:», articles, the signer's name and post. A concesión shows
the calculation before and after the employer's payment and the amounts in figures and in
words; a negación states its reasons and has no pension table. The periods the citizen
declared at the counter are labelled as declared, not as established by the authority.
The legal texts come from desktop.domain.acuerdo_texts, each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.documents.layout import (
    Layout,
    PdfInfo,
    Styles,
    p,
    paragraphs,
    render_pdf,
    styles,
    table,
)
from desktop.documents.qr import QrFlowable
from desktop.domain import acuerdo_texts as texts
from desktop.domain.checklist import procedure_name
from desktop.i18n import N_, _, translate

_MONTHS = (
    N_("enero"), N_("febrero"), N_("marzo"), N_("abril"), N_("mayo"), N_("junio"),
    N_("julio"), N_("agosto"), N_("septiembre"), N_("octubre"), N_("noviembre"), N_("diciembre"),
)  # fmt: skip


@dataclass(frozen=True)
class Calculation:
    """What the concession rests on, before and after the employer's payment."""

    contributions_before: int
    contributions_after: int
    base_before: Decimal
    base_after: Decimal
    coefficient_before: Decimal
    coefficient_after: Decimal
    previous_pension: Decimal
    new_pension: Decimal
    effective_date: date
    retro_from: date
    retro_to: date
    retroactive_amount: Decimal


@dataclass(frozen=True)
class AgreementData:
    number: str  # Quipux style: IESS-<unit>-<year>-<sequence>-A
    issued_on: date
    city: str  # the issuing unit's city
    unit_name: str  # the issuing unit
    signer_name: str
    signer_post: str
    case_number: str
    applicant_name: str
    applicant_document: str  # «cédula 17******03» or «pasaporte Colombia AB****56», masked
    pension_type_label: str  # "Vejez"
    filed_on: date
    centre_name: str
    declared_employer: str = ""  # RUC the applicant declared at the counter
    declared_periods: str = ""  # periods the applicant declared (not established)
    calculation: Calculation | None = None  # None: a negación
    reasons: str = ""  # the motivation of a negación (required for it)
    qr: str = ""  # what the QR holds: number and the code derived from the signature
    code: str = ""

    @property
    def concession(self) -> bool:
        return self.calculation is not None


def render_agreement(data: AgreementData) -> bytes:
    """The acuerdo as unsigned A4 PDF bytes (central signs them next)."""
    if not data.concession and not data.reasons.strip():
        raise ValueError("a negación must state its reasons (COA: motivación)")
    if data.calculation is not None:
        for name in ("previous_pension", "new_pension", "retroactive_amount", "base_before",
                     "base_after"):
            amount = getattr(data.calculation, name)
            if not amount.is_finite() or amount < 0:
                raise ValueError(f"{name} must be a non-negative amount, got {amount}")
    title = _("ACUERDO Nro. {number}").format(number=data.number)
    info = PdfInfo(title=title, subject=f"{procedure_name()} — {data.case_number}",
                   footer=title)
    return render_pdf(lambda lay, width: _story(data, lay, width), "a4", info)


def format_long_date(day: date) -> str:
    """The date as acts are dated in Ecuador: 15 de enero de 2026."""
    return _("{day} de {month} de {year}").format(
        day=day.day, month=translate(_MONTHS[day.month - 1]), year=day.year)


def format_usd(amount: Decimal) -> str:
    """Ecuadorian style money, rounded half-up to cents: USD 1.234,56."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = f"{abs(cents):,.2f}".split(".")
    sign = "-" if cents < 0 else ""
    return f"USD {sign}{whole.replace(',', '.')},{fraction}"


def amount_in_words(amount: Decimal) -> str:
    """«seiscientos dólares de los Estados Unidos de América con 50/100» (num2words, es)."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if cents < 0:
        raise ValueError("amounts in words are never negative")
    whole = int(cents)
    fraction = int((cents - whole) * 100)
    words = num2words(whole, lang="es")
    if words.endswith("veintiuno"):  # the apocope before a noun: «veintiún dólares»
        words = words[:-len("veintiuno")] + "veintiún"
    elif words.endswith("uno"):  # «un dólar», «treinta y un dólares»
        words = words[:-1]
    currency = _("dólar de los Estados Unidos de América") if whole == 1 else \
        _("dólares de los Estados Unidos de América")
    if whole and whole % 1_000_000 == 0:
        currency = _("de dólares de los Estados Unidos de América")
    return _("{words} {currency} con {cents:02d}/100").format(
        words=words, currency=currency, cents=fraction)


def money(amount: Decimal) -> str:
    """Figures and words: «USD 600,50 (seiscientos dólares … con 50/100)»."""
    return f"{format_usd(amount)} ({amount_in_words(amount)})"


def _story(data: AgreementData, lay: Layout, width: float) -> list[Flowable]:
    st = styles(lay)
    title = (texts.TITLE_CONCESSION if data.concession else texts.TITLE_REFUSAL).read()
    story: list[Flowable] = [
        p(_("INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL"), st["inst"]),
        p(data.unit_name, st["centre"]),
        p(title, st["title"]),
        p(_("ACUERDO Nro. {number}").format(number=data.number), st["number"]),
        p(f"{data.city}, {format_long_date(data.issued_on)}", st["body"]),
        Spacer(1, 6),
        p(f"{data.signer_name.upper()}", st["bold"]),
        p(data.signer_post, st["body"]),
        p(_("CONSIDERANDO:"), st["section"]),
        *(p(text.read(), st["justify"]) for text in texts.CONSIDERANDOS),
        *_facts(data, st),
    ]
    if data.calculation is not None:
        story += [p(_("Que, el cálculo de la renta antes y después del pago del empleador es "
                      "el siguiente:"), st["justify"]), _calculation(data.calculation, st)]
    else:
        story += [p(_("Que, del análisis del expediente se desprende:"), st["justify"]),
                  *paragraphs(data.reasons, st["justify"])]
    story += [p(texts.ATTRIBUTIONS.read(), st["justify"]), p(_("ACUERDA:"), st["section"]),
              *_articles(data, st)]
    return [*story, Spacer(1, 10), KeepTogether(_signature(data, st, width))]


def _facts(data: AgreementData, st: Styles) -> list[Flowable]:
    filed = _(
        "Que, {name}, con {document}, pensionista de {pension}, presentó el {filed} en "
        "{centre} la solicitud de reliquidación de su renta, trámite Nro. {case};"
    ).format(name=data.applicant_name, document=data.applicant_document,
             pension=data.pension_type_label.lower(), filed=format_long_date(data.filed_on),
             centre=data.centre_name, case=data.case_number)
    story: list[Flowable] = [p(filed, st["justify"])]
    if data.declared_employer or data.declared_periods:
        declared = _(
            "Que, el solicitante declaró en la ventanilla, sin que ello constituya un hecho "
            "establecido por este Instituto, el empleador con RUC {ruc} y los períodos "
            "«{periods}» (períodos declarados por el solicitante), que fueron contrastados con "
            "la historia laboral registrada en el IESS;"
        ).format(ruc=data.declared_employer or "—", periods=data.declared_periods or "—")
        story.append(p(declared, st["justify"]))
    return story


def _calculation(calc: Calculation, st: Styles) -> Flowable:
    """Before and after, side by side; the difference is computed, never typed in."""
    header = [p(_("Concepto"), st["bold"]), p(_("Antes del pago"), st["bold"]),
              p(_("Después del pago"), st["bold"])]
    rows = [
        (_("Imposiciones (meses de aporte)"), str(calc.contributions_before),
         str(calc.contributions_after)),
        (_("Base de cálculo (promedio de los cinco mejores años)"),
         format_usd(calc.base_before), format_usd(calc.base_after)),
        (_("Coeficiente"), f"{calc.coefficient_before:.4f}".replace(".", ","),
         f"{calc.coefficient_after:.4f}".replace(".", ",")),
        (_("Renta mensual"), format_usd(calc.previous_pension), format_usd(calc.new_pension)),
    ]
    cells = [header] + [[p(a, st["body"]), p(b, st["body"]), p(c, st["body"])]
                        for a, b, c in rows]
    box = ("BOX", (0, 0), (-1, -1), 1, colors.black)
    grid = ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey)
    shade = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE"))
    pads = [(f"{side}PADDING", (0, 0), (-1, -1), 4) for side in ("LEFT", "TOP", "BOTTOM")]
    return table(cells, [80 * mm, 40 * mm, 40 * mm], box, grid, shade, *pads,
                 spaceBefore=2, spaceAfter=4)


def _articles(data: AgreementData, st: Styles) -> list[Flowable]:
    who = {"pension": data.pension_type_label.lower(), "name": data.applicant_name,
           "document": data.applicant_document, "case": data.case_number}
    calc = data.calculation
    if calc is not None:
        difference = calc.new_pension - calc.previous_pension
        first = _(
            "Artículo 1.- Conceder la reliquidación de la renta de {pension} a favor de {name}, "
            "con {document}, trámite Nro. {case}, y fijar su renta mensual en {new}, a "
            "partir del {effective}; la diferencia mensual es de {difference}."
        ).format(**who, new=money(calc.new_pension),
                 effective=format_long_date(calc.effective_date), difference=money(difference))
        second = _(
            "Artículo 2.- Disponer el pago del valor retroactivo de {amount}, correspondiente "
            "a las diferencias de renta del período comprendido entre el {start} y el {end}."
        ).format(amount=money(calc.retroactive_amount), start=format_long_date(calc.retro_from),
                 end=format_long_date(calc.retro_to))
        articles = [first, second]
    else:
        articles = [_(
            "Artículo 1.- Negar la reliquidación de la renta de {pension} solicitada por "
            "{name}, con {document}, trámite Nro. {case}, por las razones expuestas en "
            "los considerandos de este acuerdo."
        ).format(**who)]
    following = len(articles) + 1
    articles.append(_("Artículo {n}.- {text}").format(n=following,
                                                      text=texts.NOTIFICATION.read()))
    days = texts.REMEDY.working_days
    remedy = texts.REMEDY.text.read().format(days=f"{num2words(days, lang='es')} ({days})")
    articles.append(_("Artículo {n}.- {text}").format(n=following + 1, text=remedy))
    return [p(text, st["justify"]) for text in articles]


def _signature(data: AgreementData, st: Styles, width: float) -> list[Flowable]:
    """The signature block and, beside it, the QR with the number and the signature's code."""
    block = [
        p(_("Documento firmado electrónicamente"), st["small"]),
        Spacer(1, 4),
        p(data.signer_name.upper(), st["bold"]),
        p(data.signer_post, st["body"]),
        p(data.unit_name, st["body"]),
    ]
    if not data.qr:
        return block
    size = 30 * mm
    check = [
        QrFlowable(data.qr, size),
        p(_("Código: {code}").format(code=data.code), st["small"]),
    ]
    note = p(_("Verifique la firma electrónica de este documento en cualquier centro de "
               "atención del IESS, presentando el código QR o el número del acuerdo."),
             st["small"])
    middle = ("VALIGN", (0, 0), (-1, -1), "TOP")
    return [table([[block, check]], [width - size - 12, size + 12], middle), Spacer(1, 4), note]
