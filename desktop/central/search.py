"""The back office's search by name over every case at central (all centres).

The same rule as the counters' status search (desktop.services.status): every word typed,
folded like the names (accents, ñ and case do not matter), must appear somewhere in the
applicant's name, most recent first. At central the folded name is a column with a
trigram index (pg_trgm, GIN), which answers `LIKE '%word%'` without reading every case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from desktop.central.models import Case
from desktop.domain.text import name_words

MAX_RESULTS = 50


@dataclass(frozen=True)
class FoundCase:
    case_number: str
    applicant_name: str
    cedula: str
    state: str
    centre_code: str
    registered_at: datetime


def find_cases(connection: Connection, text: str, limit: int = MAX_RESULTS) -> list[FoundCase]:
    query = select(Case.case_number, Case.applicant_name, Case.cedula, Case.state,
                   Case.centre_code, Case.registered_at)
    for word in name_words(text):
        query = query.where(Case.search_name.contains(word, autoescape=True))
    rows = connection.execute(query.order_by(Case.registered_at.desc()).limit(limit))
    return [FoundCase(*row) for row in rows]
