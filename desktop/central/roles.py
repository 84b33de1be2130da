"""Database roles of the central PostgreSQL: least privilege per centre, row-level security.

Workstations connect to central directly, so the database itself must stop a centre's
account from doing more than its own sync needs, whatever code runs on the workstation:

- `ventanilla_counter` (group, NOLOGIN): exactly the privileges push, pull and the pension
  preview use (`COUNTER_GRANTS`); no DELETE but on unfinished document chunks; no
  TRUNCATE, no DDL, no temporary tables.
- `ventanilla_centre_<code>` (one per centre, NOLOGIN, member of the group): names the
  centre. A workstation's login is a member of exactly one of them
  (`desktop.central.logins.create_login`).
- `ventanilla_backoffice` (group, NOLOGIN): the Dirección de Pensiones; reads everything but
  the staff password hashes, moves cases, issues acuerdos and their numbers.
- The owner of the tables (who runs `ventanilla central init`) and superusers: maintenance.
  Row-level security is enabled but not FORCEd, so the owner stays unrestricted; no
  application login may be the owner or a superuser.

Row-level security compares rows with `ventanilla_current_centre()`: the code parsed from the
name of the one centre role the current user belongs to (`pg_has_role`). The role name is the
mapping, so there is no centre→role table to keep in step with the roles themselves (which
live outside the database). Policies: every counter reads all cases, their events,
documents and acuerdos (status questions come from the whole country) but inserts and
updates only its own centre's cases and what belongs to them; it sees only its own centre's
staff, so other centres' password hashes never reach it.

What never leaves the database for another centre (issue 10):
- contact data: a centre login has no SELECT on `cases.email` / `cases.phone` (column
  privileges); its own cases' contacts come from `case_contacts`, a security-barrier view
  filtered by the caller's centre;
- contribution histories: only of pensioners with a case at the caller's centre (the
  supervisor's pension preview);
- staff: SELECT only. Accounts change through `ventanilla_apply_staff_change`, a SECURITY
  DEFINER function that checks the acting administrator (desktop.central.staff_changes); a
  centre login cannot `UPDATE staff SET role = …`, so reading a station's keyring does not
  bypass four-eyes review.

The transition guard (0004 migration) knows the two groups: members of the counter group may
only fire counter transitions, the back office only central ones.

Everything is idempotent: re-running `central init` drops and recreates the policies and
grants. Roles are cluster-wide in PostgreSQL: give each central database its own cluster.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError

from desktop.central import contact_changes, staff_changes, volumes
from desktop.central.models import Base, Case, Centre
from desktop.errors import StorageError, ValidationError
from desktop.i18n import _

log = logging.getLogger(__name__)

COUNTER_GROUP = "ventanilla_counter"
BACKOFFICE_GROUP = "ventanilla_backoffice"
CENTRE_ROLE_PREFIX = "ventanilla_centre_"
POLICY_PREFIX = "ventanilla_"
CENTRE_CODE = re.compile(r"^[A-Z0-9]{5}$")
LOGIN_NAME = re.compile(r"^[a-z][a-z0-9_]{2,62}$")
MIN_PASSWORD = 12

#: Applicants' contact data: read by a centre only for its own cases (through the view).
CONTACT_COLUMNS = ("email", "phone")
_CASE_COLUMNS_SEEN = tuple(f'"{column.name}"' for column in Case.__table__.columns
                           if column.name not in CONTACT_COLUMNS)

#: What a workstation's login may do, table by table (and why).
COUNTER_GRANTS: dict[str, str] = {
    "alembic_version": "SELECT",  # open_central compares the schema version
    "central_meta": "SELECT",  # the identity check before every sync
    "centres": "SELECT",  # pull
    "holidays": "SELECT",  # pull (the working-day calendar)
    "staff": "SELECT",  # pull; RLS: own centre only (changes: the definer function)
    "people": "SELECT",  # pull (pensioners)
    "pensions": "SELECT",  # pull
    "employers": "SELECT",  # pull (debts)
    "contribution_debts": "SELECT",  # pull
    "contribution_histories": "SELECT",  # pension preview; RLS: own centre's applicants
    # pull (no contact columns: case_contacts); push (contact corrections: the definer
    # function of desktop.central.contact_changes)
    "cases": f"SELECT ({', '.join(_CASE_COLUMNS_SEEN)}), INSERT, "
             "UPDATE (state, state_changed_at, notified_on, notified_via)",
    "case_contacts": "SELECT",  # this centre's cases' email and phone (a view)
    "case_events": "SELECT, INSERT",  # pull; push
    "case_documents": "SELECT, INSERT",  # pull; push (serial id: its sequence too)
    "agreements": "SELECT",  # pull
    "privacy_notices": "SELECT",  # pull (reference data read at collection)
    "deliveries": "SELECT, INSERT",  # push of a delivery; RLS: own centre's cases
    "applied_events": "SELECT, INSERT",  # exactly-once push; RLS: own workstations
    "audit_anchors": "SELECT, INSERT",  # each round anchors the station's audit chain
    # each round reports the station's version; RLS: writes for its own centre's stations
    "station_versions": "SELECT, INSERT, UPDATE (version, reported_at)",
    "blobs": "SELECT, INSERT, UPDATE (complete)",  # document upload
    "blob_chunks": "SELECT, INSERT, DELETE",  # upload, resume, verify; RLS: unfinished only
    "case_transitions": "SELECT",  # read by the transition guard with the caller's rights
    # issue 13: push of closed attentions; pull of the centre's (RLS: own centre only)
    "attentions": "SELECT, INSERT",
    "attention_actions": "SELECT, INSERT",  # serial id: its sequence too
    # complaints: registered at a counter, then assigned, answered and closed there
    "complaints": "SELECT, INSERT, UPDATE (state, assigned_to, assigned_by, assigned_at, "
                  "answer, answered_by, answered_at, closed_by, closed_at)",
    "trusted_roots": "SELECT",  # pull: the roots acuerdo signatures are verified against
}
COUNTER_SEQUENCES = (("case_documents", "id"), ("attention_actions", "id"))

#: What the back office writes; it reads every table (staff without the password hash).
BACKOFFICE_WRITES: dict[str, str] = {
    "cases": "UPDATE (state, state_changed_at, info_due_on, notified_on, notified_via)",
    "case_events": "INSERT",
    "holidays": "INSERT, UPDATE (active)",  # `ventanilla central holidays`
    "centres": "UPDATE (time_zone)",  # `ventanilla central centre-zone`
    "agreements": "INSERT",
    "counters": "INSERT, UPDATE",  # acuerdo numbers (INSERT … ON CONFLICT, UPDATE … RETURNING)
    "blobs": "INSERT",  # the signed acuerdo PDF
    "blob_chunks": "INSERT",
}
BACKOFFICE_SEQUENCES = (("holidays", "id"),)
STAFF_COLUMNS_WITHOUT_HASH = ("username", "full_name", "role", "centre_code", "active",
                              "change_id")


@dataclass(frozen=True)
class Policy:
    """One permissive row-level policy (PostgreSQL ORs the policies of a command)."""

    table: str
    command: str  # SELECT | INSERT | UPDATE | DELETE
    role: str
    using: str | None = None
    check: str | None = None

    @property
    def name(self) -> str:
        who = "counter" if self.role == COUNTER_GROUP else "backoffice"
        return f"{POLICY_PREFIX}{who}_{self.command.lower()}"

    def create(self) -> sql.Composable:
        parts: list[sql.Composable] = [sql.SQL("CREATE POLICY {} ON {} FOR {} TO {}").format(
            sql.Identifier(self.name), sql.Identifier(self.table), sql.SQL(self.command),
            sql.Identifier(self.role))]
        if self.using is not None:
            parts.append(sql.SQL(f"USING ({self.using})"))
        if self.check is not None:
            parts.append(sql.SQL(f"WITH CHECK ({self.check})"))
        return sql.SQL(" ").join(parts)


CENTRE = "(SELECT ventanilla_current_centre())"  # a sub-select: evaluated once per statement
ALL_ROWS = "true"


def _own_case(table: str) -> str:
    return (f"EXISTS (SELECT 1 FROM cases AS c WHERE c.case_number = {table}.case_number "
            f"AND c.centre_code = {CENTRE})")


def _own_attention(table: str) -> str:
    return (f"EXISTS (SELECT 1 FROM attentions AS a WHERE a.attention_id = "
            f"{table}.attention_id AND a.centre_code = {CENTRE})")


def _own_centre_document(table: str) -> str:
    """A file of one of this centre's cases: its supervisors review those documents."""
    return (f"EXISTS (SELECT 1 FROM case_documents AS d JOIN cases AS c "
            f"ON c.case_number = d.case_number WHERE d.sha256 = {table}.sha256 "
            f"AND c.centre_code = {CENTRE})")


def _unfinished_blob(table: str) -> str:
    return (f"NOT EXISTS (SELECT 1 FROM blobs AS b WHERE b.sha256 = {table}.sha256 "
            "AND b.complete)")


_C, _B = COUNTER_GROUP, BACKOFFICE_GROUP
POLICIES: tuple[Policy, ...] = (
    Policy("cases", "SELECT", _C, using=ALL_ROWS),
    Policy("cases", "INSERT", _C, check=f"centre_code = {CENTRE}"),
    Policy("cases", "UPDATE", _C, using=f"centre_code = {CENTRE}",
           check=f"centre_code = {CENTRE}"),
    Policy("case_events", "SELECT", _C, using=ALL_ROWS),
    Policy("case_events", "INSERT", _C, check=_own_case("case_events")),
    Policy("case_documents", "SELECT", _C, using=ALL_ROWS),
    Policy("case_documents", "INSERT", _C, check=_own_case("case_documents")),
    Policy("deliveries", "SELECT", _C, using=_own_case("deliveries")),
    Policy("deliveries", "INSERT", _C, check=_own_case("deliveries")),
    Policy("staff", "SELECT", _C, using=f"centre_code = {CENTRE}"),
    Policy("contribution_histories", "SELECT", _C,
           using=f"EXISTS (SELECT 1 FROM cases AS c WHERE c.cedula = contribution_histories."
                 f"cedula AND c.centre_code = {CENTRE})"),
    Policy("applied_events", "SELECT", _C, using=f"split_part(workstation, '-', 1) = {CENTRE}"),
    Policy("applied_events", "INSERT", _C, check=f"split_part(workstation, '-', 1) = {CENTRE}"),
    Policy("audit_anchors", "SELECT", _C, using=f"split_part(workstation, '-', 1) = {CENTRE}"),
    Policy("audit_anchors", "INSERT", _C, check=f"split_part(workstation, '-', 1) = {CENTRE}"),
    # every station's version is readable (the newest one in the country is the yardstick;
    # names of workstations and versions are not personal); each writes its own centre's
    Policy("station_versions", "SELECT", _C, using=ALL_ROWS),
    Policy("station_versions", "INSERT", _C, check=f"centre_code = {CENTRE} AND "
                                                   f"split_part(workstation, '-', 1) = {CENTRE}"),
    Policy("station_versions", "UPDATE", _C, using=f"centre_code = {CENTRE}",
           check=f"centre_code = {CENTRE}"),
    Policy("blobs", "SELECT", _C, using=ALL_ROWS),
    Policy("blobs", "INSERT", _C, check="NOT complete"),
    Policy("blobs", "UPDATE", _C, using="NOT complete", check=ALL_ROWS),
    # chunks are readable while an upload is being verified, and for this centre's own
    # cases (its supervisors view them); another centre's scans stay out of reach
    # ... and a signed acuerdo, which any station may print and verify (it travels as a blob)
    Policy("blob_chunks", "SELECT", _C, using=f"({_unfinished_blob('blob_chunks')}) OR "
                                              f"({_own_centre_document('blob_chunks')}) OR "
                                              "EXISTS (SELECT 1 FROM agreements AS a "
                                              "WHERE a.signed_sha256 = blob_chunks.sha256)"),
    Policy("blob_chunks", "INSERT", _C, check=_unfinished_blob("blob_chunks")),
    Policy("blob_chunks", "DELETE", _C, using=_unfinished_blob("blob_chunks")),
    # issue 13: a centre reads and writes only its own attentions and complaints (who
    # was served by whom, complainants' contact data)
    Policy("attentions", "SELECT", _C, using=f"centre_code = {CENTRE}"),
    Policy("attentions", "INSERT", _C, check=f"centre_code = {CENTRE} AND "
                                             f"split_part(workstation, '-', 1) = {CENTRE}"),
    Policy("attention_actions", "SELECT", _C, using=_own_attention("attention_actions")),
    Policy("attention_actions", "INSERT", _C, check=_own_attention("attention_actions")),
    Policy("complaints", "SELECT", _C, using=f"centre_code = {CENTRE}"),
    Policy("complaints", "INSERT", _C, check=f"centre_code = {CENTRE}"),
    Policy("complaints", "UPDATE", _C, using=f"centre_code = {CENTRE}",
           check=f"centre_code = {CENTRE}"),
    *(Policy(table, "SELECT", _B, using=ALL_ROWS) for table in (
        "cases", "case_events", "case_documents", "deliveries", "staff", "applied_events",
        "audit_anchors", "station_versions", "blobs", "blob_chunks",
        "contribution_histories", "attentions", "attention_actions", "complaints")),
    Policy("cases", "UPDATE", _B, using=ALL_ROWS, check=ALL_ROWS),
    Policy("case_events", "INSERT", _B, check=ALL_ROWS),
    Policy("blobs", "INSERT", _B, check=ALL_ROWS),
    Policy("blob_chunks", "INSERT", _B, check=ALL_ROWS),
)
RLS_TABLES = tuple(dict.fromkeys(policy.table for policy in POLICIES))

CURRENT_CENTRE_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION ventanilla_current_centre() RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
        SELECT CASE WHEN count(*) = 1
                    THEN upper(substr(min(r.rolname), {len(CENTRE_ROLE_PREFIX) + 1})) END
        FROM pg_catalog.pg_roles AS r
        WHERE starts_with(r.rolname, '{CENTRE_ROLE_PREFIX}')
          AND NOT r.rolcanlogin
          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
    $$"""

#: The caller's centre inside SECURITY DEFINER code, where current_user is the owner.
SESSION_CENTRE_FUNCTION = CURRENT_CENTRE_FUNCTION.replace(
    "ventanilla_current_centre()", "ventanilla_session_centre()").replace(
    "pg_has_role(current_user", "pg_has_role(session_user")

#: This centre's cases' contact data; other centres' rows never leave the view.
CONTACTS_VIEW = """
    CREATE OR REPLACE VIEW case_contacts WITH (security_barrier) AS
    SELECT case_number, centre_code, email, phone FROM cases
    WHERE centre_code = ventanilla_current_centre()"""


def centre_role(code: str) -> str:
    """`UIO01` → `ventanilla_centre_uio01`."""
    if not CENTRE_CODE.match(code):
        raise ValidationError(
            _("El código de centro debe tener 5 caracteres, por ejemplo UIO01."),
            "roles: invalid centre code", field="centre")
    return CENTRE_ROLE_PREFIX + code.lower()


def driver_of(connection: Connection) -> Any:
    """The psycopg connection under SQLAlchemy's, in the same transaction: DDL with `%` and
    `:` in it runs as written, and psycopg.sql quotes identifiers and literals."""
    return connection.connection.dbapi_connection


@contextmanager
def driver_errors() -> Iterator[None]:
    """psycopg errors as SQLAlchemy's (so callers tell offline from refused as everywhere
    else), without the statement: a CREATE ROLE carries the password verifier."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as error:
        raise StorageError(
            _("La cuenta usada no puede crear roles ni dar permisos en la base central: use "
              "la de su propietario, con el atributo CREATEROLE."),
            f"roles: insufficient privilege ({error.diag.message_primary})") from None
    except psycopg.Error as error:
        raise DBAPIError.instance(None, None, error, psycopg.Error) from error


def setup_roles(engine: Engine) -> tuple[str, ...]:
    """Create or refresh roles, grants and policies (PostgreSQL; nothing on SQLite).

    Run by the owner of the central database after migrating. Returns the centre roles.
    """
    if engine.dialect.name != "postgresql":
        return ()
    with driver_errors(), engine.begin() as connection:
        driver = driver_of(connection)
        for group in (COUNTER_GROUP, BACKOFFICE_GROUP):
            _ensure_group(driver, group)
        codes = list(connection.scalars(select(Centre.code).order_by(Centre.code)))
        centre_roles = tuple(ensure_centre_role(driver, code) for code in codes)
        _database_access(driver)
        driver.execute(CURRENT_CENTRE_FUNCTION)
        driver.execute(SESSION_CENTRE_FUNCTION)
        driver.execute(CONTACTS_VIEW)
        _staff_function(driver)
        _contact_function(driver)
        _volumes_function(driver)
        _grant(driver)
        _policies(driver)
    log.info("central roles and policies set up for %d centres", len(centre_roles))
    return centre_roles


def _ensure_group(driver: Any, name: str) -> None:
    """A NOLOGIN role; one that already exists must not be able to do more than that."""
    driver.execute(sql.SQL("""
        DO $$ BEGIN
            CREATE ROLE {} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$""").format(sql.Identifier(name)))
    row = driver.execute("SELECT rolcanlogin OR rolsuper OR rolbypassrls OR rolcreaterole "
                         "FROM pg_catalog.pg_roles WHERE rolname = %s", (name,)).fetchone()
    if row is None or row[0]:
        raise StorageError(
            _("El rol {role} de la base central tiene más atributos de los debidos; "
              "corríjalo antes de continuar.").format(role=name),
            f"role {name} can log in or is privileged")


def ensure_centre_role(driver: Any, code: str) -> str:
    role = centre_role(code)
    _ensure_group(driver, role)
    driver.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(COUNTER_GROUP),
                                                    sql.Identifier(role)))
    return role


def _groups() -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(g) for g in (COUNTER_GROUP, BACKOFFICE_GROUP))


def _database_access(driver: Any) -> None:
    """Only the two groups (and the owner) may connect; nobody else creates objects."""
    database = driver.execute("SELECT current_database(), current_schema()").fetchone()
    db, schema = sql.Identifier(database[0]), sql.Identifier(database[1])
    driver.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    driver.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, _groups()))
    driver.execute(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(schema))
    driver.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, _groups()))


def _staff_function(driver: Any) -> None:
    """The one way a centre changes staff accounts; only the counter group may call it."""
    _definer_function(driver, staff_changes.function_sql,
                      f"{staff_changes.FUNCTION}(text, text, text, text, text, boolean, text)")


def _contact_function(driver: Any) -> None:
    """The one way a centre corrects a returned case's contact data."""
    _definer_function(driver, contact_changes.function_sql,
                      f"{contact_changes.FUNCTION}(text, text, text, text, text)")


def _volumes_function(driver: Any) -> None:
    """The country's monthly counts for the transparency table (counts only); the back
    office may call it too."""
    _definer_function(driver, volumes.function_sql, volumes.SIGNATURE)
    driver.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
        sql.SQL(volumes.SIGNATURE), sql.Identifier(BACKOFFICE_GROUP)))


def _definer_function(driver: Any, function_sql: Callable[[str], str], signature: str) -> None:
    """Create a SECURITY DEFINER function that knows its caller's centre; only the counter
    group may execute it."""
    schema = driver.execute("SELECT quote_ident(current_schema())").fetchone()[0]
    driver.execute(function_sql(schema).replace(
        "ventanilla_current_centre()", "ventanilla_session_centre()"))
    function = sql.SQL(signature)
    driver.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(function))
    driver.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
        function, sql.Identifier(COUNTER_GROUP)))


def _grant(driver: Any) -> None:
    """Start from nothing each time, so a privilege removed from the lists goes away."""
    schema = sql.Identifier(driver.execute("SELECT current_schema()").fetchone()[0])
    for kind in ("TABLES", "SEQUENCES"):
        driver.execute(sql.SQL("REVOKE ALL ON ALL {} IN SCHEMA {} FROM {}").format(
            sql.SQL(kind), schema, _groups()))
    counter, backoffice = sql.Identifier(COUNTER_GROUP), sql.Identifier(BACKOFFICE_GROUP)
    for table, privileges in COUNTER_GRANTS.items():
        driver.execute(sql.SQL("GRANT {} ON {} TO {}").format(
            sql.SQL(privileges), sql.Identifier(table), counter))
    for table, column in COUNTER_SEQUENCES:
        sequence = driver.execute("SELECT pg_get_serial_sequence(%s, %s)",
                                  (table, column)).fetchone()[0]
        driver.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
            sql.SQL(sequence), counter))
    for table in [*Base.metadata.tables, "alembic_version"]:
        if table != "staff":
            driver.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
                sql.Identifier(table), backoffice))
    driver.execute(sql.SQL("GRANT SELECT ({}) ON staff TO {}").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in STAFF_COLUMNS_WITHOUT_HASH), backoffice))
    for table, privileges in BACKOFFICE_WRITES.items():
        driver.execute(sql.SQL("GRANT {} ON {} TO {}").format(
            sql.SQL(privileges), sql.Identifier(table), backoffice))
    for table, column in BACKOFFICE_SEQUENCES:
        sequence = driver.execute("SELECT pg_get_serial_sequence(%s, %s)",
                                  (table, column)).fetchone()[0]
        driver.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
            sql.SQL(sequence), backoffice))


def _policies(driver: Any) -> None:
    for table in RLS_TABLES:
        driver.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(
            sql.Identifier(table)))
    existing = driver.execute(
        "SELECT tablename, policyname FROM pg_catalog.pg_policies "
        "WHERE schemaname = current_schema() AND starts_with(policyname, %s)",
        (POLICY_PREFIX,)).fetchall()
    for table, name in existing:
        driver.execute(sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name),
                                                               sql.Identifier(table)))
    for policy in POLICIES:
        driver.execute(policy.create())
