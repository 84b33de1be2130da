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
from desktop.domain.deadlines import LegalPeriod, Period, cited, period
from desktop.domain.identity import mask_cedula, mask_email
from desktop.domain.passport import Passport, masked_document
from desktop.domain.pensions import PensionType
from desktop.i18n import N_, _, translate
from desktop.services.applicants import representative_line
from desktop.services.case_lookup import find_case
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
    eligibility_warning: str  # what could not be confirmed at the counter (issue 11)
    applicant_id: str  # «Cédula 17******03» or «Pasaporte Colombia AB****56»
    representative: str  # who filed for the pensioner, with their document (masked)
    power_of_attorney: bool  # a power of attorney is on file
    deadlines: Deadlines | None = None

    @property
    def responsible_unit(self) -> str:
        """Who holds the case now: the centre until it is derived, then the Dirección."""
        return responsible_unit(self.summary.state, self.centre_name)

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


@dataclass(frozen=True)
class Deadlines:
    """The terms a case runs against (desktop.domain.deadlines), in the centre's working
    days: the institution's response term since registration, and the applicant's term to
    complete information while central waits for it."""

    response: LegalPeriod
    response_days_used: int  # since registration, up to the acuerdo or today
    answered: bool  # an acuerdo was issued (or the case ended)
    decided: bool  # by an acuerdo (not a withdrawal, an abandono or an annulment)
    info_due_on: date | None  # REQUIERE_INFO only
    complete_info: LegalPeriod
    notified_on: date | None
    notified_via: str  # CORREO | VENTANILLA | ""

    @property
    def response_overdue(self) -> bool:
        return not self.answered and self.response_days_used > self.response.working_days

    def response_text(self) -> str:
        text = _("{used} de {limit} días hábiles ({source})").format(
            used=self.response_days_used, limit=self.response.working_days,
            source=cited(self.response))
        if self.answered:
            return text + " — " + (_("respondido") if self.decided else _("concluido"))
        if self.response_overdue:
            return text + " — " + _("plazo vencido")
        return text

    def info_due_text(self) -> str:
        if self.info_due_on is None:
            return ""
        return _("hasta el {day} ({days} días hábiles; {source})").format(
            day=self.info_due_on.strftime("%d/%m/%Y"), days=self.complete_info.working_days,
            source=cited(self.complete_info))

    @property
    def notified_via_label(self) -> str:
        return {"CORREO": _("correo electrónico"), "VENTANILLA": _("entrega en ventanilla")}.get(
            self.notified_via, "")


_AT_THE_DIRECTION = frozenset({CaseState.DERIVADO, CaseState.EN_ANALISIS,
                               CaseState.REQUIERE_INFO, CaseState.ACUERDO_EMITIDO,
                               CaseState.ABANDONO, CaseState.CERRADO})
_ANSWERED = frozenset({CaseState.ACUERDO_EMITIDO, CaseState.NOTIFICADO, CaseState.CERRADO,
                       CaseState.DESISTIDO, CaseState.ABANDONO, CaseState.ANULADO})


def responsible_unit(state: CaseState, centre_name: str) -> str:
    return translate(BACK_OFFICE_UNIT) if state in _AT_THE_DIRECTION else centre_name


def _deadlines(case: Case, history: tuple[HistoryItem, ...]) -> Deadlines:
    state = CaseState(case.state)
    answered = state in _ANSWERED
    end = local(now()).date()
    if answered:
        ends = [item.at for item in history if item.state in _ANSWERED]
        end = local(ends[0]).date() if ends else local(case.state_changed_at).date()
    return Deadlines(
        response=period(Period.RESPONSE),
        response_days_used=working_days_between(local(case.registered_at).date(), end),
        answered=answered,
        decided=any(item.state is CaseState.ACUERDO_EMITIDO for item in history),
        info_due_on=case.info_due_on if state is CaseState.REQUIERE_INFO else None,
        complete_info=period(Period.COMPLETE_INFO),
        notified_on=case.notified_on,
        notified_via=case.notified_via or "",
    )


def summary_of(case: Case) -> CaseSummary:
    document = (mask_cedula(case.cedula) if not case.passport_number
                else Passport(case.passport_country, case.passport_number).masked())
    return CaseSummary(case.case_number, case.applicant_name, document,
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
        pension_type_label=PensionType(case.pension_type).label if case.pension_type
        else _("No consta en el registro de pensionistas"),
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
        eligibility_warning=case.eligibility_warning,
        applicant_id=applicant_id(case),
        representative=representative_line(
            case.representative_name, case.representative_cedula,
            case.representative_passport_country, case.representative_passport_number),
        power_of_attorney=DocumentType.POWER_OF_ATTORNEY in present,
        deadlines=_deadlines(case, history),
    )


def applicant_id(case: Case) -> str:
    """The applicant's document, masked as printed documents show it."""
    text = masked_document(case.cedula, case.passport_country, case.passport_number)
    return text[:1].upper() + text[1:]


def cases_in(session: Session, *states: CaseState, centre: str | None = None,
             registered_by: str | None = None) -> list[CaseSummary]:
    query = select(Case).where(Case.state.in_([s.value for s in states]))
    if centre is not None:
        query = query.where(Case.centre_code == centre)
    if registered_by is not None:
        query = query.where(Case.registered_by == registered_by)
    query = query.options(selectinload(Case.documents)).order_by(Case.state_changed_at)
    return [summary_of(case) for case in session.scalars(query)]
