"""Checks shared by the name search tests: the FTS5 index holds exactly the cases."""

from __future__ import annotations

from sqlalchemy import select, text

from desktop.store.models import Case


def index_matches_cases(runtime) -> None:
    """Every case once in the index under its folded name, and FTS5's own check passes."""
    with runtime.db.read() as session:
        cases = sorted(session.execute(select(Case.id, Case.search_name)).all())
        indexed = sorted(session.execute(text(
            "SELECT case_id, search_name FROM cases_fts")).all())
        session.execute(text(
            "INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)"))
    assert indexed == cases
