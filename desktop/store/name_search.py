"""Finding cases by the applicant's name in the cache's FTS5 trigram index (`cases_fts`).

The index and the triggers that keep it in step with `cases` are made by the 0005
migration. Every word typed must appear somewhere in the folded name (any order, any part
of a word), as the status page has always searched; the difference is the cost: the
trigram index narrows 200,000 cases to the few that hold every three-letter piece of the
words, instead of reading every name.

- Every three-letter piece of the words goes to the index as one MATCH of all of them
  (FTS5 intersects their lists of rows); only the rows holding every piece are read.
  Measured at 200,000 cases, this is several times faster than FTS5's own LIKE support
  on a trigram table, which reads the stored name of many more candidate rows.
- Every word is then checked with instr() on the stored name: exact (the pieces may
  occur apart), and the only check for the short words ("de", "la") the index cannot take.
- The index's rowid orders cases by registration time, most recent first, so
  `ORDER BY rowid LIMIT n` stops at the n-th match.
"""

from __future__ import annotations

import json
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
ORDER_KEY = ("(-(CAST(strftime('%s', substr(registered_at, 1, 19)) AS INTEGER) * 1000000"
             f" + CAST(substr(registered_at, 21, 6) AS INTEGER)) * {SLOTS})")


def _trigrams(words: list[str]) -> list[str]:
    """Every three-letter piece of the words (the index holds the names' pieces)."""
    return sorted({word[i:i + TRIGRAM] for word in words
                   for i in range(len(word) - TRIGRAM + 1)})


def _statement(words: list[str], limit: int) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = []
    parameters: dict[str, Any] = {"limit": limit}
    if pieces := _trigrams(words):
        conditions.append("cases_fts MATCH :pieces")
        parameters["pieces"] = " AND ".join('"' + piece.replace('"', '""') + '"'
                                            for piece in pieces)
    for index, word in enumerate(words):
        conditions.append(f"instr(search_name, :word_{index}) > 0")
        parameters[f"word_{index}"] = word
    sql = (f"SELECT rowid, case_id FROM cases_fts WHERE {' AND '.join(conditions)} "
           "ORDER BY rowid LIMIT :limit")
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
           "JOIN cases AS c ON c.id = m.case_id ORDER BY m.k")
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
            "SELECT coalesce((SELECT min(f.rowid) - 1 FROM cases_fts AS f WHERE f.rowid "
            f"BETWEEN n.k - {SLOTS - 1} AND n.k), n.k) - n.r + 1, n.search_name, n.id "
            f"FROM (SELECT {ORDER_KEY} AS k, row_number() OVER (PARTITION BY {ORDER_KEY} "
            "ORDER BY id) AS r, search_name, id FROM cases "
            "WHERE id IN (SELECT value FROM json_each(:ids))) AS n ORDER BY 1"),
            {"ids": json.dumps(new)})


#: New cases in one pull after which the index is merged into one segment: pages stored
#: one by one leave many small segments, and every search then walks each of them
#: (measured at 200,000 cases: a query's lists read twice to five times faster after).
OPTIMIZE_AFTER = 5_000


def optimize(session: Session) -> None:
    session.execute(text("INSERT INTO cases_fts (cases_fts) VALUES ('optimize')"))
