"""Finding a case in the cache by its number, for every use case that acts on one case."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.numbering import parse_case_number
from desktop.errors import NotFoundError
from desktop.i18n import _
from desktop.store.models import Case


def find_case(session: Session, case_number: str) -> Case:
    """The case by its number (checked, so a mistyped number says so)."""
    number = str(parse_case_number(case_number))
    case = session.scalar(
        select(Case).options(selectinload(Case.documents)).where(Case.case_number == number))
    if case is None:
        raise case_not_found(number)
    return case


def case_not_found(number: str) -> NotFoundError:
    return NotFoundError(
        _("No existe el trámite {number} en esta estación.").format(number=number),
        "case not found")
