"""Finding cases by the applicant's name in the cache's FTS5 trigram index (`cases_fts`).

The index and the triggers that keep it in step with `cases` are made by the 0005
migration. Every word typed must appear somewhere in the folded name (any order, any part
of a word), as the status page has always searched; the difference is the cost: the
trigram index narrows 200,000 cases to the few that hold every three-letter piece of the
words, instead of reading every name.

- A word of three or more letters goes to the index as `LIKE '%word%'` (FTS5 answers a
  trigram table's LIKE from the index, then SQLite checks the pattern on the stored
  name). `%` and `_` would be wildcards there, so they split a word into pieces and only
  the pieces go to the index.
- Every word is also checked with instr(): exact, for the short words (one or two
  letters: "de", "la") the index cannot take and for the pieces around a wildcard.
- The index's rowid orders cases by registration time, so `ORDER BY rowid DESC LIMIT n`
  lists the most recent first and stops at the n-th match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

#: Shortest piece the trigram index can look up.
TRIGRAM = 3
#: The index's order key of a registration time as SQLite stores it (the 0005 migration's
#: own copy builds the triggers): microseconds times the slots per microsecond.
SLOTS = 1024
ORDER_KEY = ("((CAST(strftime('%s', substr(registered_at, 1, 19)) AS INTEGER) * 1000000"
             f" + CAST(substr(registered_at, 21, 6) AS INTEGER)) * {SLOTS})")
LIKE_WILDCARDS = re.compile(r"[%_]")


def _statement(words: list[str], limit: int) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = []
    parameters: dict[str, Any] = {"limit": limit}
    for index, word in enumerate(words):
        for part, piece in enumerate(LIKE_WILDCARDS.split(word)):
            if len(piece) >= TRIGRAM:
                conditions.append(f"search_name LIKE :like_{index}_{part}")
                parameters[f"like_{index}_{part}"] = f"%{piece}%"
        conditions.append(f"instr(search_name, :word_{index}) > 0")
        parameters[f"word_{index}"] = word
    sql = (f"SELECT rowid, case_id FROM cases_fts WHERE {' AND '.join(conditions)} "
           "ORDER BY rowid DESC LIMIT :limit")
    return sql, parameters


#: What a status list shows of a case (the columns of services.case_views.CaseSummary).
SUMMARY_COLUMNS = ("case_number", "applicant_name", "cedula", "state", "registered_at",
                   "state_changed_at", "registered_by", "centre_code")


def cases_by_name(engine: Engine, words: list[str], limit: int) -> list[tuple[Any, ...]]:
    """SUMMARY_COLUMNS of the cases whose folded name holds every folded word, most recent
    first (times as aware UTC datetimes). One statement on a pooled DB-API connection.

    Words made only of one or two letters cannot use the index: the statement then reads
    the index's stored names in order until it has `limit` matches (still correct).
    """
    sql, parameters = _statement(words, limit)
    columns = ", ".join(f"c.{name}" for name in SUMMARY_COLUMNS)
    sql = (f"SELECT {columns} FROM (SELECT rowid AS k, case_id FROM ({sql})) AS m "
           "JOIN cases AS c ON c.id = m.case_id ORDER BY m.k DESC")
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            rows = cursor.execute(sql, parameters).fetchall()
        finally:
            cursor.close()
    finally:
        connection.close()
    return [(*row[:4], _utc(row[4]), _utc(row[5]), *row[6:]) for row in rows]


def _utc(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


@contextmanager
def indexing_new_cases(session: Session, ids: Iterable[int] | None = None) -> Iterator[
        list[int]]:
    """Insert many new cases inside the block, their ids added to the yielded list; they
    are indexed together when it ends (same transaction), the insert trigger standing
    aside meanwhile (see the 0005 migration)."""
    new: list[int] = list(ids or ())
    session.execute(text("INSERT INTO cases_fts_deferred (pull) VALUES (1)"))
    yield new
    session.execute(text("DELETE FROM cases_fts_deferred"))
    if new:
        session.execute(text(
            "INSERT INTO cases_fts (rowid, search_name, case_id) "
            "SELECT coalesce((SELECT max(f.rowid) + 1 FROM cases_fts AS f WHERE f.rowid "
            f"BETWEEN n.k AND n.k + {SLOTS - 1}), n.k) + n.r - 1, n.search_name, n.id "
            f"FROM (SELECT {ORDER_KEY} AS k, row_number() OVER (PARTITION BY {ORDER_KEY} "
            "ORDER BY id) AS r, search_name, id FROM cases "
            "WHERE id IN (SELECT value FROM json_each(:ids))) AS n ORDER BY 1"),
            {"ids": json.dumps(new)})
