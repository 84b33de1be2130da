"""The status slip and the acuerdo copy: what is printed from the cache, and how fresh it is.

Both go through printing.py so every copy is counted and logged; a slip printed from a
cache older than the configured limit, or while offline, says so on paper.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from desktop.clock import now
from desktop.documents.status_slip import HistoryLine, StatusSlipData, render_status_slip
from desktop.domain.cases import CaseState
from desktop.domain.requesters import Requester
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _
from desktop.services.acuerdo_copies import signed_acuerdo
from desktop.services.case_views import CaseDetail, load_detail
from desktop.services.permissions import require
from desktop.services.printing import (
    AGREEMENT,
    STATUS_SLIP,
    RenderedDocument,
    copies_printed,
    record_export,
    record_print,
)
from desktop.services.receipts import check_paper
from desktop.services.runtime import Runtime
from desktop.services.status import is_stale
from desktop.sync.engine import last_good_sync

STALE_AFTER = timedelta(hours=1)


class CaseDocumentService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def status_slip(self, case_number: str, paper: str | None = None,
                    online: bool | None = None,
                    requester: Requester = Requester.TITULAR) -> RenderedDocument:
        """The hoja de estado as its next copy would print; a third party's leaves out the
        case's reasons and requests (the slip never carries amounts or contact data)."""
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        paper = check_paper(paper or self.runtime.settings.paper_format)
        synced = last_good_sync(self.runtime.db)
        with self.runtime.db.read() as session:
            detail = load_detail(session, case_number)
            copy_number = copies_printed(session, detail.summary.case_number, STATUS_SLIP) + 1
        data = _slip_data(detail, synced, is_stale(synced, STALE_AFTER, online),
                          self.actor.full_name, copy_number)
        if requester is Requester.TERCERO:
            data = replace(data, missing="", history=tuple(
                replace(line, note="") for line in data.history))
        return RenderedDocument(detail.summary.case_number, STATUS_SLIP, copy_number, paper,
                                render_status_slip(data, paper), requester.value)

    def agreement(self, case_number: str,
                  requester: Requester = Requester.TITULAR) -> RenderedDocument:
        """The acuerdo as central signed it, byte for byte (never re-rendered here): from
        this station, or fetched from central for a case of another centre. Only for the
        pensioner or their representative."""
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        if not requester.may_take_acuerdo:
            raise ValidationError(
                _("La copia del acuerdo se entrega solo al pensionista o a su representante; "
                  "a un tercero se le puede imprimir la hoja de estado."),
                "acuerdo copy refused to a third party", field="requester")
        with self.runtime.db.read() as session:
            detail = load_detail(session, case_number)
            copy_number = copies_printed(session, detail.summary.case_number, AGREEMENT) + 1
        if detail.agreement is None:
            raise NotFoundError(
                _("El trámite {number} aún no tiene acuerdo emitido.").format(
                    number=detail.summary.case_number), "no agreement yet")
        if requester is Requester.REPRESENTANTE and not detail.power_of_attorney:
            raise ValidationError(
                _("No se puede dar una copia del acuerdo a un representante: el trámite no "
                  "tiene un poder en el expediente. Escanee el poder con «Agregar documento» "
                  "y vuelva a intentar, o entréguela al titular."),
                "acuerdo copy: representative without a power of attorney",
                field="requester")
        signed = signed_acuerdo(self.runtime, detail.summary.case_number)
        return RenderedDocument(detail.summary.case_number, AGREEMENT, copy_number, "a4",
                                signed.pdf, requester.value)

    def record_print(self, rendered: RenderedDocument, destination: str) -> int:
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        return record_print(self.runtime, self.actor, rendered, destination)

    def record_export(self, rendered: RenderedDocument, file_name: str) -> None:
        require(self.actor, Action.PRINT_CASE_DOCUMENTS)
        record_export(self.runtime, self.actor, rendered, file_name)


def _slip_data(detail: CaseDetail, synced: datetime | None, stale: bool, printed_by: str,
               copy_number: int) -> StatusSlipData:
    summary = detail.summary
    agreement = detail.agreement
    notified = next((h.at for h in reversed(detail.history)
                     if h.state is CaseState.NOTIFICADO), None)
    deadlines = detail.deadlines
    return StatusSlipData(
        case_number=summary.case_number,
        filed_at=summary.registered_at,
        applicant_name=summary.applicant_name,
        applicant_document=detail.applicant_id,
        centre_name=detail.centre_name,
        state_label=summary.state_label,
        state_since=summary.state_changed_at,
        responsible_unit=detail.responsible_unit,
        history=tuple(HistoryLine(h.at, h.state.label, h.unit, _citizen_note(h.state, h.reason))
                      for h in detail.history),
        missing=detail.missing_info,
        info_due=deadlines.info_due_text() if deadlines else "",
        response_age=deadlines.response_text() if deadlines else "",
        agreement_number=agreement.number if agreement else "",
        agreement_date=agreement.issued_on if agreement else None,
        agreement_result=(_("Concesión") if agreement.concession else _("Negación"))
        if agreement else "",
        notified_at=notified,
        notified_on=deadlines.notified_on if deadlines else None,
        notified_via=deadlines.notified_via_label if deadlines else "",
        synced_at=synced,
        stale=stale,
        printed_by=printed_by,
        printed_at=now(),
        copy_number=copy_number,
    )


def _citizen_note(state: CaseState, reason: str) -> str:
    """Only what the citizen may read: what central asks for, why it ended by the citizen's
    withdrawal or an expired term; not internal comments (approvals, the supervisor's return
    to the clerk, an annulment of a registration error)."""
    shown = {CaseState.REQUIERE_INFO, CaseState.DESISTIDO, CaseState.ABANDONO}
    return reason if state in shown else ""
