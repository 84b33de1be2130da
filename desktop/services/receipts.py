"""The reception receipt: render it for preview or print, count and log every copy."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.clock import now
from desktop.config import PAPER_FORMATS
from desktop.documents.receipt import ReceiptData, ReceiptDocument, render_receipt
from desktop.domain.checklist import DocumentType, document_label
from desktop.domain.identity import mask_cedula, mask_email
from desktop.domain.numbering import parse_case_number
from desktop.domain.roles import Action, Actor
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.store.models import Case, Centre, PrintRecord, Staff

log = logging.getLogger(__name__)
RECEIPT = "comprobante"


@dataclass(frozen=True)
class RenderedReceipt:
    case_number: str
    copy_number: int
    paper_format: str
    pdf: bytes

    @property
    def is_reprint(self) -> bool:
        return self.copy_number > 1


class ReceiptService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def render(self, case_number: str, paper_format: str | None = None) -> RenderedReceipt:
        """The receipt as the next copy would print (original, or reprint n)."""
        require(self.actor, Action.PRINT_RECEIPT)
        number = str(parse_case_number(case_number))
        paper = paper_format or self.runtime.settings.paper_format
        if paper not in PAPER_FORMATS:
            raise ValidationError(
                _("Formato de papel no válido: use «a4» u «80mm»."), f"bad paper {paper!r}"
            )
        with self.runtime.db.read() as session:
            case = session.scalar(
                select(Case).options(selectinload(Case.documents)).where(Case.case_number == number)
            )
            if case is None:
                raise NotFoundError(
                    _("No existe el trámite {number} en esta estación.").format(number=number),
                    "case not found",
                )
            copy_number = _printed_copies(session, number) + 1
            data = _receipt_data(session, case, copy_number)
        return RenderedReceipt(number, copy_number, paper, render_receipt(data, paper))

    def record_print(self, receipt: RenderedReceipt, destination: str) -> None:
        """Log a copy that went to a printer or a file, with who, when and where."""
        require(self.actor, Action.PRINT_RECEIPT)
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            copy_number = _printed_copies(session, receipt.case_number) + 1
            session.add(
                PrintRecord(
                    case_number=receipt.case_number,
                    document=RECEIPT,
                    copy_number=copy_number,
                    paper_format=receipt.paper_format,
                    destination=destination,
                    actor=self.actor.username,
                    at=now(),
                )
            )
            audit.append(
                session,
                actor=self.actor.username,
                workstation=settings.workstation,
                action="receipt.reprinted" if copy_number > 1 else "receipt.printed",
                case_number=receipt.case_number,
                details={"copy": copy_number, "destination": destination},
            )
        log.info("receipt copy %d of %s printed", copy_number, receipt.case_number)

    def copies_printed(self, case_number: str) -> int:
        with self.runtime.db.read() as session:
            return _printed_copies(session, case_number)


def _printed_copies(session: Session, case_number: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(PrintRecord)
            .where(PrintRecord.case_number == case_number, PrintRecord.document == RECEIPT)
        )
        or 0
    )


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
    )
