"""The reception receipt: render it for preview or print; copies go through printing.py."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.config import PAPER_FORMATS
from desktop.documents.receipt import ReceiptData, ReceiptDocument, render_receipt
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.identity import mask_cedula, mask_email
from desktop.domain.numbering import parse_case_number
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _
from desktop.services.permissions import require
from desktop.services.printing import (
    RECEIPT,
    RenderedDocument,
    copies_printed,
    record_export,
    record_print,
)
from desktop.services.runtime import Runtime
from desktop.store.models import Case, Centre, Staff

log = logging.getLogger(__name__)

RenderedReceipt = RenderedDocument  # the receipt is one kind of printed document


def check_paper(paper: str) -> str:
    if paper not in PAPER_FORMATS:
        raise ValidationError(
            _("Formato de papel no válido: use «a4» u «80mm»."), f"bad paper {paper!r}")
    return paper


def find_case(session: Session, case_number: str) -> Case:
    """The case by its number (checked, so a mistyped number says so)."""
    number = str(parse_case_number(case_number))
    case = session.scalar(
        select(Case).options(selectinload(Case.documents)).where(Case.case_number == number))
    if case is None:
        raise NotFoundError(
            _("No existe el trámite {number} en esta estación.").format(number=number),
            "case not found")
    return case


class ReceiptService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def render(self, case_number: str, paper_format: str | None = None) -> RenderedDocument:
        """The receipt as the next copy would print (original, or reprint n)."""
        require(self.actor, Action.PRINT_RECEIPT)
        paper = check_paper(paper_format or self.runtime.settings.paper_format)
        with self.runtime.db.read() as session:
            case = find_case(session, case_number)
            copy_number = copies_printed(session, case.case_number, RECEIPT) + 1
            data = _receipt_data(session, case, copy_number)
        return RenderedDocument(case.case_number, RECEIPT, copy_number, paper,
                                render_receipt(data, paper))

    def record_print(self, receipt: RenderedDocument, destination: str) -> None:
        require(self.actor, Action.PRINT_RECEIPT)
        copy_number = record_print(self.runtime, self.actor, receipt, destination)
        log.info("receipt copy %d of %s printed", copy_number, receipt.case_number)

    def record_export(self, receipt: RenderedDocument, file_name: str) -> None:
        require(self.actor, Action.PRINT_RECEIPT)
        record_export(self.runtime, self.actor, receipt, file_name)

    def copies_printed(self, case_number: str) -> int:
        with self.runtime.db.read() as session:
            return copies_printed(session, case_number, RECEIPT)


def _receipt_data(session: Session, case: Case, copy_number: int) -> ReceiptData:
    centre = session.get(Centre, case.centre_code)
    clerk = session.get(Staff, case.registered_by)
    return ReceiptData(
        case_number=case.case_number,
        centre_code=case.centre_code,
        centre_name=centre.name if centre else case.centre_code,
        counter=case.counter,
        received_at=case.registered_at,
        received_by=clerk.full_name if clerk else case.registered_by,
        applicant_name=case.applicant_name,
        cedula_masked=mask_cedula(case.cedula),
        email_masked=mask_email(case.email),
        documents=tuple(
            ReceiptDocument(document_label(DocumentType(d.document_type)), d.pages)
            for d in case.documents
        ),
        copy_number=copy_number,
        state_label=_state_on_receipt(CaseState(case.state)),
    )


def _state_on_receipt(state: CaseState) -> str:
    if state is CaseState.EN_REVISION:
        return _("En revisión: enviado al supervisor del centro")
    return state.label
