"""name search index: FTS5 trigram over cases.search_name, kept by triggers

Revision ID: 0005_i15_name_search
Revises: 3ccd0be12f20
Create Date: 2026-12-10 10:00:00

The index is an FTS5 table with the trigram tokenizer (any substring of three or more
characters is indexed, so partial words and any word order work); `search_name` is already
folded (accents and case) by the code that writes it. Triggers on `cases` keep it in step
inside the same transaction as every insert, update and delete, whoever writes: a
registration, a pull, a crash mid-pull (rolled back together).

Its rowid is not the case id but an *order key*: minus the registration time in
microseconds times 1024, less a slot (0 unless two cases share a microsecond), so the
index's own ascending order is the order the status page lists (most recent first) and
`ORDER BY rowid LIMIT n` stops after n matches instead of sorting every match of a common
name (ascending, because FTS5 reads its lists backwards only by loading them whole).
`case_id` leads back to the case. `detail=none` and `columnsize=0` keep it small (no positions, no bm25):
the query confirms each word with instr() on the stored name.

A pull that stores thousands of new cases indexes them itself, in one statement
(desktop.store.name_search.index_new_cases): FTS5 flushes its pending entries at every
statement savepoint, so a trigger firing once per row costs ~50 µs a case instead of ~7.
While `cases_fts_deferred` holds a row the insert trigger stands aside; the pull adds and
removes that row inside its own transaction, so no committed state ever holds one.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0005_i15_name_search'
down_revision: Union[str, Sequence[str], None] = '3ccd0be12f20'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SLOTS = 1024


def order_key(column: str) -> str:
    """SQL for the first order key (the top of its slots) of a registration time stored by
    SQLAlchemy's SQLite DateTime ('YYYY-MM-DD HH:MM:SS.ffffff', UTC)."""
    return (f"(-(CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000000"
            f" + CAST(substr({column}, 21, 6) AS INTEGER)) * {SLOTS})")


def _insert(row: str) -> str:
    key = order_key(f"{row}.registered_at")
    return (f"INSERT INTO cases_fts(rowid, search_name, case_id) VALUES (coalesce(("
            f"SELECT min(rowid) - 1 FROM cases_fts WHERE rowid BETWEEN {key} - {SLOTS - 1} "
            f"AND {key}), {key}), {row}.search_name, {row}.id);")


def _delete(row: str) -> str:
    key = order_key(f"{row}.registered_at")
    return (f"DELETE FROM cases_fts WHERE rowid BETWEEN {key} - {SLOTS - 1} AND {key} "
            f"AND case_id = {row}.id;")


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE cases_fts USING fts5(search_name, case_id UNINDEXED, "
               "tokenize = 'trigram', detail = 'none', columnsize = 0)")
    op.execute("CREATE TABLE cases_fts_deferred (pull INTEGER PRIMARY KEY)")
    op.execute(f"CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases WHEN NOT EXISTS "
               f"(SELECT 1 FROM cases_fts_deferred) BEGIN {_insert('NEW')} END")
    op.execute(f"CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN "
               f"{_delete('OLD')} END")
    op.execute(f"CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_name, registered_at "
               f"ON cases BEGIN {_delete('OLD')} {_insert('NEW')} END")
    key = order_key("registered_at")
    op.execute(f"INSERT INTO cases_fts(rowid, search_name, case_id) SELECT {key} - "
               f"row_number() OVER (PARTITION BY {key} ORDER BY id) + 1, search_name, id "
               f"FROM cases ORDER BY 1")  # ascending keys: FTS5 appends without flushing


def downgrade() -> None:
    for trigger in ("cases_fts_insert", "cases_fts_delete", "cases_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS cases_fts")
    op.execute("DROP TABLE IF EXISTS cases_fts_deferred")
