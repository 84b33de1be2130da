"""Hoja de estado del trámite: what the counter hands a citizen who asks how the case is going.

DESIGN.md §6 and DOMAIN.md Appendix (b) 2. The station works from a local copy of the central
data, so the slip always says when that copy was updated, and when it is stale or the station
is offline it says so in a box at the top: a citizen must never take home an old state as if
it were current. The words are the citizen's: no "station", "central" or "synchronised".
The history carries only what the citizen may read (the caller
passes notes already filtered: no internal comments, no other people's data) and only the
masked cédula ever reaches this module.

Papers: the 80 mm ticket grows with the history and is always one page; on A4 a long history
flows onto further pages, the history table repeats its header row and every page's footer
names the slip and case and says "Página n de m", so a loose second sheet stays identifiable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.clock import format_local, zone_label
from desktop.documents.layout import (
    Layout,
    PdfInfo,
    Styles,
    boxed,
    case_block,
    check_aware,
    check_copy_number,
    contact,
    format_day,
    free_of_charge,
    header,
    labelled,
    p,
    render_pdf,
    styles,
    table,
)
from desktop.domain.checklist import PROCEDURE_CODE, procedure_name
from desktop.i18n import _


@dataclass(frozen=True)
class HistoryLine:
    at: datetime  # timezone-aware
    state_label: str  # "En revisión"
    unit: str  # "Ventanilla UIO01-01" / "Dirección de Pensiones"
    note: str = ""  # only what the citizen may read (e.g. what is missing)


@dataclass(frozen=True)
class StatusSlipData:
    case_number: str
    filed_at: datetime
    applicant_name: str
    applicant_document: str  # «Cédula 17******03» or «Pasaporte Colombia AB****56», masked
    centre_name: str
    state_label: str
    state_since: datetime
    responsible_unit: str
    history: tuple[HistoryLine, ...]
    missing: str = ""  # when the state is "Requiere información": what is missing
    info_due: str = ""  # and until when (the date, the term and its source)
    response_age: str = ""  # working days used of the institution's response term
    agreement_number: str = ""
    agreement_date: date | None = None
    agreement_result: str = ""  # "Concesión" / "Negación"
    notified_at: datetime | None = None
    notified_on: date | None = None  # recorded by central (email) or the counter
    notified_via: str = ""  # "correo electrónico" / "entrega en ventanilla"
    synced_at: datetime | None = None  # the sync the information is based on; None = never
    stale: bool = False  # cache older than the configured limit, or offline
    printed_by: str = ""
    printed_at: datetime | None = None
    copy_number: int = 1  # 1 = original; n > 1 prints "Reimpresión n-1"


def render_status_slip(data: StatusSlipData, paper: str = "a4") -> bytes:
    """Render the slip as PDF bytes on `paper` ("a4" or "80mm")."""
    check_aware(
        filed_at=data.filed_at,
        state_since=data.state_since,
        notified_at=data.notified_at,
        synced_at=data.synced_at,
        printed_at=data.printed_at,
        **{f"history[{i}].at": line.at for i, line in enumerate(data.history)},
    )
    check_copy_number(data.copy_number)
    title = _("Hoja de estado del trámite")
    info = PdfInfo(
        title=f"{title} {data.case_number}",
        subject=f"{procedure_name()} ({PROCEDURE_CODE})",
        footer=f"{title} {data.case_number}",
    )
    return render_pdf(lambda lay, width: _story(data, lay, width), paper, info)


def _story(data: StatusSlipData, lay: Layout, width: float) -> list[Flowable]:
    """All flowables, top to bottom; built afresh for measuring and for drawing."""
    st = styles(lay)
    title = _("Hoja de estado del trámite")
    story = header(title, [data.centre_name], data.copy_number, st, width)
    if data.stale:
        story.append(boxed([p(_stale_warning(data), st["warning"])], width, weight=2))
    story += [*case_block(data.case_number, lay, st, width), Spacer(1, 4)]
    story += labelled(
        [
            (_("Fecha de ingreso"), format_local(data.filed_at)),
            (_("Solicitante"), data.applicant_name),
            (_("Identificación"), data.applicant_document),
        ],
        lay,
        st,
        width,
    )
    story += [p(_("Estado actual"), st["heading"]), p(data.state_label, st["number"])]
    story += labelled(
        [
            (_("Desde"), format_local(data.state_since)),
            (_("Unidad responsable"), data.responsible_unit),
            *([(_("Tiempo de respuesta"), data.response_age)] if data.response_age else []),
        ],
        lay,
        st,
        width,
    )
    story.append(p(_sync_line(data), st["body"]))
    if data.missing:
        heading = p(_("Información o documentos que faltan"), st["warning"])
        due = ([p(_("Plazo para presentarla: {due}").format(due=data.info_due), st["bold"])]
               if data.info_due else [])
        story.append(boxed([heading, p(data.missing, st["body"]), *due], width))
    if data.agreement_number or data.notified_at or data.notified_on:
        story += [p(_("Acuerdo"), st["heading"]), *labelled(_agreement(data), lay, st, width)]
    story += [p(_("Historial del trámite"), st["heading"]), _history(data, lay, st, width)]
    return [*story, *free_of_charge(st, width), contact(st), Spacer(1, 4), *_printed(data, st)]


def _stale_warning(data: StatusSlipData) -> str:
    if data.synced_at is None:
        return _(
            "Información posiblemente desactualizada: este centro aún no ha recibido los datos "
            "del sistema del IESS. Confirme el estado antes de tomar decisiones."
        )
    return _(
        "Información posiblemente desactualizada: los datos de este centro son del {moment}. "
        "Confirme el estado antes de tomar decisiones."
    ).format(moment=format_local(data.synced_at))


def _sync_line(data: StatusSlipData) -> str:
    if data.synced_at is None:
        return _("Según la información registrada en este centro, aún sin actualizar con el "
                 "sistema del IESS.")
    return _("Según la información del sistema del IESS actualizada al {moment}.").format(
        moment=format_local(data.synced_at)
    )


def _agreement(data: StatusSlipData) -> list[tuple[str, str]]:
    """Only the agreement facts that exist: a case may be notified before the number syncs."""
    fields = [
        (_("Número de acuerdo"), data.agreement_number),
        (_("Fecha del acuerdo"), format_day(data.agreement_date) if data.agreement_date else ""),
        (_("Resultado"), data.agreement_result),
        (_("Fecha de notificación"), format_day(data.notified_on) if data.notified_on
         else format_local(data.notified_at) if data.notified_at else ""),
        (_("Notificado por"), data.notified_via),
    ]
    return [(label, value) for label, value in fields if value]


def _history(data: StatusSlipData, lay: Layout, st: Styles, width: float) -> Flowable:
    """Oldest first, as the case moved; four columns on A4, date beside details on a ticket."""
    if not data.history:
        return p(_("Sin movimientos registrados."), st["body"])
    rule = ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)
    rows_rule = ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey)
    if lay.side_by_side:
        heads = [_("Fecha"), _("Estado"), _("Unidad"), _("Observación")]
        rows: list[list[Flowable | list[Flowable]]] = [[p(h, st["bold"]) for h in heads]]
        for line in data.history:
            cells = (format_local(line.at), line.state_label, line.unit, line.note)
            rows.append([p(text, st["body"]) for text in cells])
        widths = [30 * mm, 38 * mm, 45 * mm, width - 113 * mm]
        return table(rows, widths, rule, rows_rule, repeatRows=1)
    rows = [[p(_("Fecha"), st["bold"]), p(_("Estado · unidad · observación"), st["bold"])]]
    for line in data.history:
        details: list[Flowable] = [p(line.state_label, st["bold"]), p(line.unit, st["body"])]
        if line.note:
            details.append(p(line.note, st["small"]))
        rows.append([p(format_local(line.at), st["body"]), details])
    date_width = 18 * mm  # "14/01/2026 22:30" wraps to date over time
    return table(rows, [date_width, width - date_width], rule, rows_rule)


def _printed(data: StatusSlipData, st: Styles) -> list[Flowable]:
    """Who printed it and when: the slip speaks for the counter that handed it out."""
    who = data.printed_by
    moment = f"{format_local(data.printed_at)} ({zone_label()})" if data.printed_at else ""
    if who and moment:
        text = _("Impreso por {who} el {moment}").format(who=who, moment=moment)
    elif who:
        text = _("Impreso por {who}").format(who=who)
    elif moment:
        text = _("Impreso el {moment}").format(moment=moment)
    else:
        return []
    return [p(text, st["small"])]
