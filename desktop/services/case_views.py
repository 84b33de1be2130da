"""What the review and status pages show of a case: plain dataclasses, read in one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.clock import local, now
from desktop.domain.calendar import working_days_between
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType, RequestType, checklist_for, document_label
from desktop.domain.identity import mask_cedula, mask_email
from desktop.domain.pensions import PensionType
from desktop.i18n import N_, _, translate
from desktop.services.receipts import find_case
from desktop.store.models import Agreement, Case, Centre, Delivery

BACK_OFFICE_UNIT = N_("Dirección de Pensiones")


@dataclass(frozen=True)
class CaseSummary:
    case_number: str
    applicant_name: str
    cedula_masked: str
    state: CaseState
    registered_at: datetime
    state_changed_at: datetime
    registered_by: str
    centre_code: str

    @property
    def state_label(self) -> str:
        return self.state.label

    def working_days_in_state(self, today: date | None = None) -> int:
        return working_days_between(local(self.state_changed_at).date(),
                                    today or local(now()).date())


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    state: CaseState
    actor: str
    unit: str
    reason: str


@dataclass(frozen=True)
class DocumentItem:
    document_type: DocumentType
    label: str
    pages: int
    size_bytes: int
    sha256: str
    media_type: str
    replaced: bool = False  # a newer one of its type came in (a returned case's correction)


@dataclass(frozen=True)
class AgreementView:
    number: str
    concession: bool
    issued_on: date
    authority: str
    legal_basis: str
    previous_pension: Decimal
    new_pension: Decimal
    effective_date: date
    retroactive_amount: Decimal
    motivation: str
    #: «Firmado electrónicamente por … — firma válida / alterada / firmante no reconocido»,
    #: verified at this station (desktop.services.acuerdo_copies); "" before it is checked
    signature: str = ""


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    cedula: str  # for services only; pages and documents show the masked one
    centre_name: str
    pension_type_label: str
    email_masked: str
    employer_ruc: str
    periods: str
    documents: tuple[DocumentItem, ...]
    missing_documents: tuple[str, ...]
    history: tuple[HistoryItem, ...]
    agreement: AgreementView | None
    delivered_to: str
    override_by: str
    override_reason: str

    @property
    def returned_reason(self) -> str:
        """Why the supervisor returned it, while it waits for its correction."""
        if self.summary.state is not CaseState.DEVUELTO:
            return ""
        returns = [item for item in self.history if item.state is CaseState.DEVUELTO]
        return returns[-1].reason if returns else ""

    @property
    def missing_info(self) -> str:
        """What central asked for, while the case waits for it."""
        if self.summary.state is not CaseState.REQUIERE_INFO:
            return ""
        asks = [item.reason for item in self.history if item.state is CaseState.REQUIERE_INFO]
        return asks[-1] if asks else ""


def summary_of(case: Case) -> CaseSummary:
    return CaseSummary(case.case_number, case.applicant_name, mask_cedula(case.cedula),
                       CaseState(case.state), case.registered_at, case.state_changed_at,
                       case.registered_by, case.centre_code)


def _unit(workstation: str) -> str:
    return translate(BACK_OFFICE_UNIT) if workstation == "CENTRAL" else _("Ventanilla {w}").format(
        w=workstation)


def load_detail(session: Session, case_number: str) -> CaseDetail:
    case = find_case(session, case_number)
    centre = session.get(Centre, case.centre_code)
    agreement = session.get(Agreement, case.case_number)
    delivery = session.get(Delivery, case.case_number)
    ordered = sorted(case.documents, key=lambda d: (d.added_at, d.id))
    latest = {d.document_type: d.id for d in ordered}
    documents = tuple(
        DocumentItem(DocumentType(d.document_type), document_label(DocumentType(d.document_type)),
                     d.pages, d.size_bytes, d.sha256, d.media_type,
                     replaced=latest[d.document_type] != d.id)
        for d in ordered)
    present = {d.document_type for d in documents}
    missing = tuple(item.label for item in checklist_for(RequestType(case.request_type))
                    if item.required and item.document_type not in present)
    history = tuple(
        HistoryItem(e.at, CaseState(e.to_state), e.actor, _unit(e.workstation), e.reason)
        for e in sorted(case.events, key=lambda e: e.at))
    return CaseDetail(
        summary=summary_of(case),
        cedula=case.cedula,
        centre_name=centre.name if centre else case.centre_code,
        pension_type_label=PensionType(case.pension_type).label,
        email_masked=mask_email(case.email) if case.email else "",
        employer_ruc=case.employer_ruc or "",
        periods=case.periods,
        documents=documents,
        missing_documents=missing,
        history=history,
        agreement=None if agreement is None else AgreementView(
            agreement.number, agreement.kind == "CONCESION", agreement.issued_on,
            agreement.authority, agreement.legal_basis, agreement.previous_pension,
            agreement.new_pension, agreement.effective_date, agreement.retroactive_amount,
            agreement.motivation),
        delivered_to="" if delivery is None else delivery.recipient_name,
        override_by=case.override_by or "",
        override_reason=case.override_reason,
    )


def cases_in(session: Session, *states: CaseState, centre: str | None = None,
             registered_by: str | None = None) -> list[CaseSummary]:
    query = select(Case).where(Case.state.in_([s.value for s in states]))
    if centre is not None:
        query = query.where(Case.centre_code == centre)
    if registered_by is not None:
        query = query.where(Case.registered_by == registered_by)
    query = query.options(selectinload(Case.documents)).order_by(Case.state_changed_at)
    return [summary_of(case) for case in session.scalars(query)]
