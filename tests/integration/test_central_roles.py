"""Least privilege at central (DESIGN.md §7; issue "Security and privacy", point 6).

Real PostgreSQL connections as the logins `ventanilla central add-login` creates: a centre
reads every case but changes only its own, never sees another centre's staff (nor their
password hashes), deletes and truncates nothing, runs no DDL, and still syncs normally.
The transition guard refuses impossible or wrongly-owned state changes even from a client
that skips the application; the demo's SQLite central refuses impossible pairs too.
Trust authentication on the test server ignores passwords; one is still passed.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.central import models as central
from desktop.central.backoffice import move
from desktop.central.cli import PASSWORD_ENV, add_commands, read_new_password
from desktop.central.logins import create_login
from desktop.central.roles import COUNTER_GROUP
from desktop.config import Settings, load_settings
from desktop.db.engines import create_app_engine, sqlite_url, writer
from desktop.db.migrate import alembic_config, upgrade
from desktop.domain.cases import CENTRAL, COUNTER, INITIAL_STATE, TRANSITIONS, CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.pensions import PensionState
from desktop.errors import StorageError, ValidationError
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_runtime
from desktop.services.setup import init_central
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store import models as cache
from desktop.sync.verify import verify
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf, paths_in

PASSWORD = "una-clave-larga-de-prueba"  # trust auth does not check it
GUARD = "VT001"  # the transition guard's SQLSTATE (0004 migration)
GUARD_REVISION = "0011_i11c_states_calendar"  # the latest migration that set the rows
_S = CaseState


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at minimum cost for the demo staff and the sign-ins (speed only)."""
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


# --- a central with per-centre logins ----------------------------------------------------


@dataclass(frozen=True)
class Central:
    url: str  # as the owner (the test server's superuser)
    logins: dict[str, str]  # "UIO01" / "GYE01" / "central" → login name

    def url_as(self, who: str) -> str:
        return make_url(self.url).set(username=self.logins[who]).render_as_string(False)

    def connect(self, who: str) -> psycopg.Connection[Any]:
        """A plain psycopg connection as that login, autocommit: one statement, one try."""
        url = make_url(self.url)
        return psycopg.connect(host=url.host, port=url.port, dbname=url.database,
                               user=self.logins[who], password=PASSWORD, autocommit=True)


def drop_roles(names: list[str]) -> None:
    from tests.services import PG_ADMIN

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def pg_central(pg_url: str) -> Iterator[Central]:
    """A demo central (50 pensioners) after `central init`, with logins for UIO01, GYE01
    and the back office (unique names: roles are shared by the whole server)."""
    init_central(pg_url, demo=True, pensioners=50)
    tag = uuid.uuid4().hex[:8]
    logins = {"UIO01": f"t{tag}_uio", "GYE01": f"t{tag}_gye", "central": f"t{tag}_central"}
    engine = create_app_engine(pg_url)
    try:
        for who, login in logins.items():
            create_login(engine, None if who == "central" else who, login, PASSWORD)
    finally:
        engine.dispose()
    try:
        yield Central(pg_url, logins)
    finally:
        drop_roles(list(logins.values()))


def add_case(url: str, number: str, centre: str, state: CaseState = INITIAL_STATE) -> None:
    """A case written as the owner (maintenance: on PostgreSQL the guard lets it be)."""
    at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as connection:
            connection.execute(insert(central.Case).values(
                case_number=number, request_type="RELIQUIDACION", cedula="1700000001",
                applicant_name="Prueba", pension_type="VEJEZ", centre_code=centre, counter=1,
                year=2026, sequence=int(number[-8:-2]), state=state.value,
                state_changed_at=at, registered_at=at, registered_by="prueba",
                workstation=f"{centre}-01", email="", phone="", employer_ruc=None,
                periods="", cedula_verified=True, legal_basis="prueba"))
    finally:
        engine.dispose()


def copy_case(number: str, new_number: str, centre: str, state: CaseState
              ) -> tuple[str, tuple[Any, ...]]:
    """SQL inserting a case like `add_case`'s under another number, centre and state (with
    its values written out: a centre login may not read the contact columns it copies)."""
    at = datetime(2026, 11, 20, 15, 0)
    values = {"case_number": new_number, "request_type": "RELIQUIDACION",
              "cedula": "1700000001", "applicant_name": "Prueba", "pension_type": "VEJEZ",
              "centre_code": centre, "counter": 1, "year": 2026, "sequence": 4,
              "state": state.value, "state_changed_at": at, "registered_at": at,
              "registered_by": "prueba", "workstation": f"{centre}-01", "email": "",
              "phone": "", "employer_ruc": None, "periods": "", "cedula_verified": True,
              "legal_basis": "prueba", "override_reason": ""}
    names = ", ".join(values)
    return (f"INSERT INTO cases ({names}) VALUES ({', '.join(['%s'] * len(values))})",
            tuple(values.values()))


def case_row(url: str, number: str) -> Any:
    engine = create_app_engine(url)
    with engine.connect() as connection:
        row = connection.execute(select(central.Case.state, central.Case.centre_code).where(
            central.Case.case_number == number)).one()
    engine.dispose()
    return row


UIO_NEW, UIO_DERIVED = "REL-UIO01-01-2026-900001-X", "REL-UIO01-01-2026-900002-X"
GYE_NEW = "REL-GYE01-01-2026-900003-X"
NEW = "REL-UIO01-01-2026-900004-X"


@pytest.fixture
def with_cases(pg_central: Central) -> Central:
    add_case(pg_central.url, UIO_NEW, "UIO01")
    add_case(pg_central.url, UIO_DERIVED, "UIO01", _S.DERIVADO)
    add_case(pg_central.url, GYE_NEW, "GYE01")
    return pg_central


# --- a centre's login ---------------------------------------------------------------------


def test_a_centre_reads_every_case_but_changes_only_its_own(with_cases):
    with with_cases.connect("UIO01") as uio:
        assert uio.execute("SELECT count(*) FROM cases").fetchone()[0] == 3

        moved = uio.execute("UPDATE cases SET state = 'EN_REVISION' WHERE case_number = %s",
                            (GYE_NEW,))
        assert moved.rowcount == 0  # the row is invisible to UPDATE: nothing happens
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            uio.execute(*copy_case(UIO_NEW, NEW, "GYE01", _S.INGRESADO))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            uio.execute("INSERT INTO case_events (event_id, case_number, to_state, actor, "
                        "workstation, at, reason) VALUES (%s, %s, 'DESISTIDO', 'x', "
                        "'UIO01-01', now(), 'x')", (str(uuid.uuid4()), GYE_NEW))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            uio.execute("INSERT INTO applied_events VALUES (%s, 'case.transition', NULL, "
                        "'GYE01-01', now(), 'aplicado', '')", (str(uuid.uuid4()),))
        with pytest.raises(errors.InsufficientPrivilege):  # only state columns are writable
            uio.execute("UPDATE cases SET centre_code = 'GYE01' WHERE case_number = %s",
                        (UIO_NEW,))

        # its own case: the same statement works (row-level security, not a missing grant)
        moved = uio.execute("UPDATE cases SET state = 'EN_REVISION' WHERE case_number = %s",
                            (UIO_NEW,))
        assert moved.rowcount == 1
    assert tuple(case_row(with_cases.url, GYE_NEW)) == (_S.INGRESADO.value, "GYE01")
    assert case_row(with_cases.url, UIO_NEW).state == _S.EN_REVISION.value


def test_a_centre_sees_only_its_own_staff_and_the_back_office_no_hashes(pg_central):
    for centre in ("UIO01", "GYE01"):
        with pg_central.connect(centre) as connection:
            rows = connection.execute(
                "SELECT centre_code, password_hash FROM staff").fetchall()
            other = connection.execute(
                "SELECT count(*) FROM staff WHERE centre_code <> %s", (centre,)).fetchone()
        assert rows and {code for code, _hash in rows} == {centre}
        assert all(password_hash.startswith("$argon2") for _code, password_hash in rows)
        assert other[0] == 0
    with pg_central.connect("central") as backoffice:
        assert backoffice.execute("SELECT count(*) FROM staff").fetchone()[0] == 6
        with pytest.raises(errors.InsufficientPrivilege):
            backoffice.execute("SELECT password_hash FROM staff")


def test_a_centre_deletes_nothing_truncates_nothing_and_changes_no_schema(with_cases):
    engine = create_app_engine(with_cases.url)
    with writer(engine).begin() as connection:  # a finished document file
        connection.execute(insert(central.Blob).values(sha256="a" * 64, size_bytes=1,
                                                       complete=True))
        connection.execute(insert(central.BlobChunk).values(sha256="a" * 64, index=0,
                                                            data=b"x"))
    engine.dispose()
    refused = [
        *(f"DELETE FROM {table}" for table in (
            "cases", "case_events", "case_documents", "staff", "applied_events", "centres",
            "pensions", "agreements", "blobs", "central_meta", "case_transitions")),
        "TRUNCATE cases", "TRUNCATE blob_chunks",
        "CREATE TABLE intruder (id int)", "CREATE TEMPORARY TABLE case_transitions (x int)",
        "DROP TABLE cases", "ALTER TABLE cases DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE cases DISABLE TRIGGER cases_guard_state",
        "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "INSERT INTO counters VALUES ('acuerdo-2026', 99)",
        "UPDATE pensions SET monthly_amount = 9999",
    ]
    with with_cases.connect("UIO01") as uio:
        for statement in refused:
            with pytest.raises(errors.InsufficientPrivilege):
                uio.execute(statement)
                pytest.fail(f"allowed: {statement}")
        # a finished file of none of this centre's cases can be neither read nor deleted;
        # only an unfinished upload may be checked and redone
        assert uio.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] == 0
        assert uio.execute("DELETE FROM blob_chunks").rowcount == 0
    engine = create_app_engine(with_cases.url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(central.BlobChunk)) == 1
    engine.dispose()


# --- the transition guard -----------------------------------------------------------------


def test_the_guard_refuses_impossible_and_wrongly_owned_transitions(with_cases):
    with with_cases.connect("UIO01") as uio:
        with pytest.raises(psycopg.Error, match="no case transition") as impossible:
            uio.execute("UPDATE cases SET state = 'ACUERDO_EMITIDO' WHERE case_number = %s",
                        (UIO_NEW,))
        assert impossible.value.sqlstate == GUARD
        with pytest.raises(psycopg.Error, match="may not move") as central_only:
            uio.execute("UPDATE cases SET state = 'EN_ANALISIS' WHERE case_number = %s",
                        (UIO_DERIVED,))
        assert central_only.value.sqlstate == GUARD
        with pytest.raises(psycopg.Error, match="starts in INGRESADO") as born_late:
            uio.execute(*copy_case(UIO_NEW, NEW, "UIO01", _S.ACUERDO_EMITIDO))
        assert born_late.value.sqlstate == GUARD
        assert uio.execute(*copy_case(UIO_NEW, NEW, "UIO01", _S.INGRESADO)).rowcount == 1
    assert case_row(with_cases.url, UIO_NEW).state == _S.INGRESADO.value
    assert case_row(with_cases.url, UIO_DERIVED).state == _S.DERIVADO.value

    backoffice = create_app_engine(with_cases.url_as("central"))
    try:
        with writer(backoffice).begin() as connection:
            assert move(connection, UIO_DERIVED, _S.EN_ANALISIS)
        with pytest.raises(DBAPIError, match="may not move") as counter_only, \
                writer(backoffice).begin() as connection:
            connection.execute(update(central.Case).where(central.Case.case_number == GYE_NEW)
                               .values(state=_S.EN_REVISION.value))
        assert getattr(counter_only.value.orig, "sqlstate", None) == GUARD
    finally:
        backoffice.dispose()
    assert case_row(with_cases.url, UIO_DERIVED).state == _S.EN_ANALISIS.value
    assert case_row(with_cases.url, GYE_NEW).state == _S.INGRESADO.value


def test_the_sqlite_central_refuses_an_impossible_transition(tmp_path):
    url = sqlite_url(tmp_path / "central.sqlite3")
    engine = create_app_engine(url)
    upgrade(engine, "desktop.central:migrations")
    add_case(url, UIO_NEW, "UIO01")
    try:
        with pytest.raises(IntegrityError, match="no case transition"), \
                writer(engine).begin() as connection:
            connection.execute(update(central.Case).where(central.Case.case_number == UIO_NEW)
                               .values(state=_S.ACUERDO_EMITIDO.value))
        with writer(engine).begin() as connection:  # a pair of the table is fine
            connection.execute(update(central.Case).where(central.Case.case_number == UIO_NEW)
                               .values(state=_S.EN_REVISION.value))
    finally:
        engine.dispose()
    assert case_row(url, UIO_NEW).state == _S.EN_REVISION.value
    with pytest.raises(IntegrityError, match="starts in INGRESADO"):
        add_case(url, GYE_NEW, "GYE01", _S.DERIVADO)


def test_the_guard_rows_are_the_transition_table():
    """The guard migration copied the table as data; they must not drift apart."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("desktop.central:migrations"))
    migration = script.get_revision(GUARD_REVISION).module
    kinds = (("counter", COUNTER), ("central", CENTRAL))
    expected = [(t.source.value, t.target.value, kind)
                for t in TRANSITIONS for kind, roles in kinds if t.roles & roles]
    assert all(t.roles <= COUNTER | CENTRAL for t in TRANSITIONS)  # every role has a kind
    assert sorted(migration.TRANSITION_ROWS) == sorted(expected)
    assert len(set(migration.TRANSITION_ROWS)) == len(migration.TRANSITION_ROWS)
    assert INITIAL_STATE.value == migration.INITIAL_STATE


# --- a workstation signed in as its centre ------------------------------------------------


def free_cedula(runtime: Any) -> str:
    with runtime.db.read() as session:
        return session.scalars(select(cache.Pensioner.cedula).where(
            cache.Pensioner.pension_state == PensionState.ACTIVA.value,
            cache.Pensioner.cedula.not_in(select(cache.ContributionDebt.cedula)))
            .order_by(cache.Pensioner.cedula).limit(1)).one()


def register_with_document(runtime: Any, folder: Path) -> str:
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    path = folder / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
    case = intake.register(IntakeForm(cedula=free_cedula(runtime), email="p@correo.ec",
                                      phone="0991234567", cedula_verified=True,
                                      documents=(document,)))
    return case.case_number


def test_a_station_signed_in_as_its_centre_syncs_normally(pg_central, keyring_env,
                                                            tmp_path):
    paths = paths_in(tmp_path / "station")
    Settings(paths=paths, centre="UIO01", counter=1, central_url=pg_central.url_as("UIO01"),
             demo=False).save()
    runtime = open_runtime(load_settings(paths))  # first pull, as the UIO01 login
    try:
        with runtime.db.read() as session:
            assert set(session.scalars(select(cache.Staff.centre_code))) == {"UIO01"}
        number = register_with_document(runtime, tmp_path)
        WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(number)
        report = SyncService(runtime).run()
        assert report.online and report.pushed == 3 and report.refused == 0, report.message

        owner = create_app_engine(pg_central.url)
        with owner.connect() as connection:
            assert connection.scalar(select(central.Case.state).where(
                central.Case.case_number == number)) == _S.DERIVADO.value
            assert connection.scalar(select(func.count()).select_from(central.CaseDocument)
                                     .where(central.CaseDocument.case_number == number)) == 1
            assert connection.scalar(select(func.count()).select_from(central.Blob).where(
                central.Blob.complete)) == 1
        with writer(owner).begin() as connection:
            move(connection, number, _S.EN_ANALISIS)
        owner.dispose()

        assert SyncService(runtime).run().online
        with runtime.db.read() as session:
            assert session.scalar(select(cache.Case.state).where(
                cache.Case.case_number == number)) == _S.EN_ANALISIS.value
        report = verify(runtime.central(), runtime.db, "UIO01")
        assert report.clean, report.differences
    finally:
        runtime.close()


# --- central init again, and the command --------------------------------------------------


def test_central_init_runs_again_and_add_login_reads_the_password_from_the_environment(
        pg_central, monkeypatch, capsys):
    init_central(pg_central.url, demo=True, pensioners=50)  # idempotent
    login = f"t{uuid.uuid4().hex[:8]}_gye2"
    secret = "otra-clave-larga-que-no-se-imprime"
    monkeypatch.setenv(PASSWORD_ENV, secret)
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["add-login", "--url", pg_central.url, "--centre", "gye01",
                              "--login", login])
    try:
        assert args.handler(args, None) == 0
        assert secret not in capsys.readouterr().out
        with pg_central.connect("GYE01") as gye:  # the first login still works as before
            assert {r[0] for r in gye.execute("SELECT centre_code FROM staff")} == {"GYE01"}
        url = make_url(pg_central.url)
        with psycopg.connect(host=url.host, port=url.port, dbname=url.database, user=login,
                             password=secret, autocommit=True) as gye2:
            assert gye2.execute("SELECT ventanilla_current_centre()").fetchone()[0] == "GYE01"
            assert gye2.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')",
                                (COUNTER_GROUP,)).fetchone()[0]
    finally:
        drop_roles([login])
    engine = create_app_engine(pg_central.url)
    try:  # an existing role of another kind is never taken over
        for taken in ("postgres", pg_central.logins["UIO01"]):
            with pytest.raises(ValidationError):
                create_login(engine, "GYE01", taken, secret)
    finally:
        engine.dispose()
    station = create_app_engine(pg_central.url_as("UIO01"))
    try:  # and a centre's login cannot make itself another one
        with refused(StorageError, "no puede crear roles"):
            create_login(station, "GYE01", f"t{uuid.uuid4().hex[:8]}_x", secret)
    finally:
        station.dispose()


class _Terminal:
    def __init__(self, attached: bool):
        self.attached = attached

    def isatty(self) -> bool:
        return self.attached


def test_the_new_password_comes_from_the_environment_or_is_typed_twice():
    assert read_new_password({PASSWORD_ENV: "desde-el-entorno"}, _Terminal(False)) \
        == "desde-el-entorno"
    with pytest.raises(ValidationError):  # a script without the variable: no silent prompt
        read_new_password({}, _Terminal(False))
    typed = iter(["tecleada-dos-veces", "tecleada-dos-veces"])
    assert read_new_password({}, _Terminal(True), lambda _prompt: next(typed)) \
        == "tecleada-dos-veces"
    typed = iter(["una-clave-cualquiera", "otra-clave-distinta"])
    with pytest.raises(ValidationError):
        read_new_password({}, _Terminal(True), lambda _prompt: next(typed))
