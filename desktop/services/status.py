"""Answering "how is my case?" at any counter, from the local cache.

Search by cédula, by case number (a mistyped number says so) or by name (accents and case
ignored, partial words in any order, through the cache's trigram index:
desktop.store.name_search). Every answer carries the time of the last good sync; a status
slip printed from an old cache, or while offline, says so on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.clock import format_local, now
from desktop.domain.attentions import Kind
from desktop.domain.cases import CaseState
from desktop.domain.identity import mask_cedula, validate_cedula
from desktop.domain.numbering import looks_like_case_number, parse_case_number
from desktop.domain.roles import Actor
from desktop.domain.text import name_words, unreadable_characters
from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.security import audit
from desktop.services.acuerdo_copies import cases_by_acuerdo, parse_acuerdo_query, with_signature
from desktop.services.attentions import note_work
from desktop.services.case_views import CaseDetail, CaseSummary, load_detail, summary_of
from desktop.services.runtime import Runtime
from desktop.store.models import Case
from desktop.store.name_search import cases_by_name
from desktop.sync.engine import last_good_sync

MAX_RESULTS = 50
COUNTER_QUERY = "consulta de estado"  # the reason a status lookup at the counter is logged
MAX_QUERY_CHARS = 120  # the longest name in the registry is 170 with every given name
MAX_NAME_WORDS = 8  # more would be no name, and each word is a condition of the search


@dataclass(frozen=True)
class SearchResult:
    cases: tuple[CaseSummary, ...]
    synced_at: datetime | None
    exact: bool  # a case number: open it at once (a barcode reader typed the receipt's QR)


def freshness(synced_at: datetime | None) -> str:
    """The words every status answer carries."""
    if synced_at is None:
        return _("información local, aún sin sincronizar con la central")
    return _("según información sincronizada el {when}").format(when=format_local(synced_at))


def is_stale(synced_at: datetime | None, limit: timedelta, online: bool | None) -> bool:
    return online is False or synced_at is None or now() - synced_at > limit


class StatusService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    def search(self, query: str) -> SearchResult:
        text = query.strip()
        if not text:
            raise ValidationError(_("Escriba una cédula, un número de trámite o un nombre."),
                                  "status: empty query", field="query")
        if (acuerdo := parse_acuerdo_query(text)) is not None:  # typed, or its QR scanned
            with self.runtime.db.read() as session:
                cases = tuple(summary_of(row) for row in cases_by_acuerdo(session, *acuerdo))
            return SearchResult(cases, last_good_sync(self.runtime.db), len(cases) == 1)
        if unreadable_characters(text) or len(text) > MAX_QUERY_CHARS:
            raise ValidationError(
                _("La búsqueda admite hasta {n} letras, números y espacios.").format(
                    n=MAX_QUERY_CHARS), "status: query unusable", field="query")
        exact = looks_like_case_number(text)
        if exact or re.fullmatch(r"[\d\s-]+", text):
            with self.runtime.db.read() as session:
                if exact:
                    statement = select(Case).where(Case.case_number == str(parse_case_number(text)))
                else:
                    statement = select(Case).where(Case.cedula == validate_cedula(text)).order_by(
                        Case.registered_at.desc())
                cases = tuple(summary_of(row) for row in session.scalars(statement))
        else:
            cases = self._by_name(text)
        return SearchResult(cases, last_good_sync(self.runtime.db), exact and len(cases) == 1)

    def _by_name(self, text: str) -> tuple[CaseSummary, ...]:
        """Through the trigram index, into summaries straight from rows (no ORM objects)."""
        words = name_words(text)
        if len(words) > MAX_NAME_WORDS:
            raise ValidationError(
                _("Busque con hasta {n} palabras del nombre.").format(n=MAX_NAME_WORDS),
                "status: too many words", field="query")
        return tuple(
            CaseSummary(number, name, mask_cedula(cedula), CaseState(state), *rest)
            for number, name, cedula, state, *rest in cases_by_name(
                self.runtime.db.engine, words, MAX_RESULTS))

    def detail(self, case_number: str, why: str = COUNTER_QUERY) -> CaseDetail:
        """A case's full picture; every view is logged (who, when, which case, why)."""
        with self.runtime.db.read() as session:
            detail = load_detail(session, case_number)
        detail = with_signature(self.runtime, detail)
        settings = self.runtime.settings
        with self.runtime.db.write() as session, session.begin():
            audit.append(session, actor=self.actor.username, workstation=settings.workstation,
                         action="case.viewed", case_number=detail.summary.case_number,
                         details={"why": why})
            if why == COUNTER_QUERY:  # a person asking at the counter, not a review
                note_work(session, self.actor, settings.workstation, Kind.STATUS,
                          detail.summary.case_number)
        return detail

    def synced_at(self) -> datetime | None:
        return last_good_sync(self.runtime.db)
