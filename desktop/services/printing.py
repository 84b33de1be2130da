"""Every printed copy of a case document is counted and logged (DESIGN.md §6); a copy saved
as a PDF file is an export: logged (who, when, which case, which document), not counted, so
the next paper copy is not called a reprint because someone kept a file."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.clock import now
from desktop.domain.roles import Actor
from desktop.security import audit
from desktop.services.runtime import Runtime
from desktop.store.models import PrintRecord

RECEIPT, STATUS_SLIP, AGREEMENT = "comprobante", "hoja_estado", "acuerdo"


@dataclass(frozen=True)
class RenderedDocument:
    """A PDF ready to print: which document of which case, and which copy it is."""

    case_number: str
    document: str
    copy_number: int
    paper_format: str
    pdf: bytes
    requester: str = ""  # who asked for it at the counter (desktop.domain.requesters)

    @property
    def is_reprint(self) -> bool:
        return self.copy_number > 1


def copies_printed(session: Session, case_number: str, document: str) -> int:
    return session.scalar(
        select(func.count()).select_from(PrintRecord).where(
            PrintRecord.case_number == case_number, PrintRecord.document == document)) or 0


def record_print(runtime: Runtime, actor: Actor, rendered: RenderedDocument,
                 destination: str) -> int:
    """Log one copy whose job reached a printer; returns its copy number."""
    settings = runtime.settings
    with runtime.db.write() as session, session.begin():
        copy_number = copies_printed(session, rendered.case_number, rendered.document) + 1
        session.add(PrintRecord(
            case_number=rendered.case_number, document=rendered.document,
            copy_number=copy_number, paper_format=rendered.paper_format,
            destination=destination, actor=actor.username, at=now()))
        audit.append(
            session, actor=actor.username, workstation=settings.workstation,
            action=f"{rendered.document}.{'reprinted' if copy_number > 1 else 'printed'}",
            case_number=rendered.case_number,
            details={"copy": copy_number, "destination": destination,
                     **_asked_by(rendered)})
    return copy_number


def record_export(runtime: Runtime, actor: Actor, rendered: RenderedDocument,
                  file_name: str) -> None:
    """Log that the document was saved as a PDF file (an export of a case's data)."""
    settings = runtime.settings
    with runtime.db.write() as session, session.begin():
        audit.append(
            session, actor=actor.username, workstation=settings.workstation,
            action=f"{rendered.document}.exported", case_number=rendered.case_number,
            details={"file": file_name, "paper": rendered.paper_format,
                     **_asked_by(rendered)})


def _asked_by(rendered: RenderedDocument) -> dict[str, str]:
    """Who asked for the copy, in the audit entry of each print and export."""
    return {"requester": rendered.requester} if rendered.requester else {}
