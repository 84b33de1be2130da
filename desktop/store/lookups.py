"""Reads the counter repeats all day, in prepared statements on one DB-API connection:
the cédula lookup, and what a receipt prints.

Profiled at a million pensioners (tests/benchmarks/bench_core.py), the ORM version spent
about nine tenths of its time in SQLAlchemy (building and caching the statements, the
Session's connection handling, identity-map loading) and a few percent in SQLite's three
indexed point queries. Here the SQL is fixed text, so the sqlite3 module's statement cache
keeps it compiled; rows come back as tuples, read in one short read transaction (one
snapshot, as the ORM session gave). Registration keeps the ORM: it runs the same checks
again inside its write transaction, which is what decides.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

STATE = re.compile(r"[A-Z_]+")

PENSIONER_SQL = ("SELECT given_names, surnames, pension_type, pension_state FROM pensioners "
                 "WHERE cedula = ?")
DEBTS_SQL = ("SELECT employer_ruc, employer_name, period_from, period_to "
             "FROM contribution_debts WHERE cedula = ? ORDER BY period_from")


@functools.cache
def _open_case_sql(states: tuple[str, ...]) -> str:
    """The states are the code's own constants, written into the text (one statement)."""
    if not all(STATE.fullmatch(state) for state in states):
        raise ValueError("not a case state")
    listed = ", ".join(f"'{state}'" for state in states)
    return ("SELECT case_number, state, registered_at FROM cases WHERE cedula = ? AND "
            f"request_type = ? AND state IN ({listed}) ORDER BY registered_at DESC LIMIT 1")


@dataclass(frozen=True)
class PensionerRow:
    given_names: str
    surnames: str
    pension_type: str
    pension_state: str


@dataclass(frozen=True)
class OpenCaseRow:
    case_number: str
    state: str
    registered_at: datetime


@dataclass(frozen=True)
class IntakeFacts:
    pensioner: PensionerRow | None
    debts: tuple[tuple[str, str, str, str], ...]  # ruc, employer, from, to
    open_case: OpenCaseRow | None


def _utc(stored: str) -> datetime:
    """A time as SQLAlchemy's SQLite DateTime stores it (UTC, no zone)."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def intake_facts(engine: Engine, cedula: str, request_type: str,
                 open_states: Iterable[str]) -> IntakeFacts:
    """Pensioner, pending debts and the newest open case of this type for one cédula."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("BEGIN")
        try:
            person = cursor.execute(PENSIONER_SQL, (cedula,)).fetchone()
            debts = tuple(cursor.execute(DEBTS_SQL, (cedula,)).fetchall())
            case = cursor.execute(_open_case_sql(tuple(open_states)),
                                  (cedula, request_type)).fetchone()
        finally:
            cursor.execute("COMMIT")
            cursor.close()
    finally:
        connection.close()  # back to the pool
    return IntakeFacts(
        None if person is None else PensionerRow(*person),
        debts,
        None if case is None else OpenCaseRow(case[0], case[1], _utc(case[2])),
    )


RECEIPT_CASE_SQL = (
    "SELECT c.id, c.case_number, c.centre_code, coalesce(t.name, c.centre_code), c.counter, "
    "c.registered_at, coalesce(s.full_name, c.registered_by), c.applicant_name, c.cedula, "
    "c.email, c.state, coalesce(t.address, ''), c.registered_by, c.passport_country, "
    "c.passport_number, c.representative_name, c.representative_cedula, "
    "c.representative_passport_country, c.representative_passport_number, "
    "c.eligibility_warning, c.privacy_notice "
    "FROM cases c LEFT JOIN centres t ON t.code = c.centre_code "
    "LEFT JOIN staff s ON s.username = c.registered_by WHERE c.case_number = ?")
RECEIPT_DOCUMENTS_SQL = ("SELECT document_type, pages FROM case_documents WHERE case_id = ? "
                         "ORDER BY id")
COPIES_SQL = "SELECT count(*) FROM print_log WHERE case_number = ? AND document = ?"


@dataclass(frozen=True)
class ReceiptFacts:
    case_number: str
    centre_code: str
    centre_name: str
    counter: int
    registered_at: datetime
    registered_by: str  # the clerk's full name when this cache knows it
    applicant_name: str
    cedula: str
    email: str
    documents: tuple[tuple[str, int], ...]  # type, pages
    copies: int  # of this document printed so far
    state: str = ""  # where the case stands now
    centre_address: str = ""
    clerk_username: str = ""  # the clerk's user code, printed with the name
    passport_country: str = ""  # a foreigner identified by passport (cedula '')
    passport_number: str = ""
    representative_name: str = ""  # an apoderado who filed for the pensioner
    representative_cedula: str = ""
    representative_passport_country: str = ""
    representative_passport_number: str = ""
    eligibility_warning: str = ""  # what could not be confirmed at the counter
    privacy_notice: str = ""  # the notice version given at collection


def receipt_facts(engine: Engine, case_number: str, document: str) -> ReceiptFacts | None:
    """Everything a receipt of `case_number` prints, and the copies printed so far."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("BEGIN")
        try:
            case = cursor.execute(RECEIPT_CASE_SQL, (case_number,)).fetchone()
            if case is None:
                return None
            documents = tuple(cursor.execute(RECEIPT_DOCUMENTS_SQL, (case[0],)).fetchall())
            copies = cursor.execute(COPIES_SQL, (case_number, document)).fetchone()[0]
        finally:
            cursor.execute("COMMIT")
            cursor.close()
    finally:
        connection.close()
    return ReceiptFacts(case[1], case[2], case[3], case[4], _utc(case[5]), case[6], case[7],
                        case[8], case[9], documents, copies, *case[10:])
