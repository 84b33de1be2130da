"""The reception receipt: render it for preview or print; copies go through printing.py."""

from __future__ import annotations

import logging

from desktop.config import PAPER_FORMATS
from desktop.documents.receipt import ReceiptData, ReceiptDocument, render_receipt
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.identity import mask_cedula
from desktop.domain.numbering import parse_case_number
from desktop.domain.passport import Passport
from desktop.domain.privacy import PrivacyNotice
from desktop.domain.roles import Action, Actor
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.services.applicants import representative_line
from desktop.services.case_lookup import case_not_found
from desktop.services.permissions import require
from desktop.services.printing import (
    RECEIPT,
    RenderedDocument,
    copies_printed,
    record_export,
    record_print,
)
from desktop.services.privacy import notice_version
from desktop.services.runtime import Runtime
from desktop.store.lookups import ReceiptFacts, receipt_facts

log = logging.getLogger(__name__)

RenderedReceipt = RenderedDocument  # the receipt is one kind of printed document


def check_paper(paper: str) -> str:
    if paper not in PAPER_FORMATS:
        raise ValidationError(
            _("Formato de papel no válido: use «a4» u «80mm»."), f"bad paper {paper!r}")
    return paper


class ReceiptService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def render(self, case_number: str, paper_format: str | None = None) -> RenderedDocument:
        """The receipt as the next copy would print (original, or reprint n)."""
        require(self.actor, Action.PRINT_RECEIPT)
        paper = check_paper(paper_format or self.runtime.settings.paper_format)
        number = str(parse_case_number(case_number))
        facts = receipt_facts(self.runtime.db.engine, number, RECEIPT)
        if facts is None:
            raise case_not_found(number)
        with self.runtime.db.read() as session:
            given = notice_version(session, facts.privacy_notice)
        data = _receipt_data(facts, given)
        return RenderedDocument(facts.case_number, RECEIPT, data.copy_number, paper,
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


def _receipt_data(facts: ReceiptFacts, notice: PrivacyNotice | None) -> ReceiptData:
    return ReceiptData(
        case_number=facts.case_number,
        centre_code=facts.centre_code,
        centre_name=facts.centre_name,
        counter=facts.counter,
        received_at=facts.registered_at,
        received_by=facts.registered_by,
        applicant_name=facts.applicant_name,
        cedula_masked=Passport(facts.passport_country, facts.passport_number).masked()
        if facts.passport_number else mask_cedula(facts.cedula),
        email=facts.email,
        centre_address=facts.centre_address,
        received_by_user=facts.clerk_username,
        passport=bool(facts.passport_number),
        representative=representative_line(
            facts.representative_name, facts.representative_cedula,
            facts.representative_passport_country, facts.representative_passport_number),
        eligibility_warning=facts.eligibility_warning,
        privacy_notice=notice,
        documents=tuple(ReceiptDocument(document_label(DocumentType(kind)), pages)
                        for kind, pages in facts.documents),
        copy_number=facts.copies + 1,
        state_label=_state_on_receipt(CaseState(facts.state)),
    )


def _state_on_receipt(state: CaseState) -> str:
    if state is CaseState.EN_REVISION:
        return _("En revisión: enviado al supervisor del centro")
    return state.label
