"""The production set-up under attack (issue 10): what a centre's login may see and change,
staff transfers, another centre's cases, data central cannot store, «Reintentar».

Stations connect as their centre's login made by `ventanilla central add-login` (the
`stations` fixture); where a test talks SQL itself it does so as that login, the way
whoever read a station's keyring could.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url

from desktop.central import models as central
from desktop.central.apply import REFUSED, apply_event
from desktop.central.backoffice import issue_agreement, move
from desktop.config import HOME_ENV
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.roles import Role
from desktop.errors import PermissionDenied, ValidationError
from desktop.security import passwords
from desktop.services.auth import sign_in
from desktop.services.documents import DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.staff import StaffService
from desktop.services.sync import SyncService
from desktop.services.workflow import REPRESENTATIVE, Recipient, WorkflowService
from desktop.store import models as cache
from desktop.sync.push import REFUSED_LOCAL, SENT, _envelope
from desktop.sync.verify import verify
from tests.services import LOGIN_PASSWORD
from tests.support.accounts import ADMIN, CLERK, CLERK_GYE, SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf
from tests.support.stations import free_cedulas

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = pytest.mark.parametrize("central_url", ["postgresql"], indirect=True)
SUPERVISOR_GYE = ("supervisor.gye", "gye-supervisor-2026")
ADMIN_GYE = ("admin.gye", "gye-admin-2026")


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def register(runtime: Any, folder: Path, who: tuple[str, str] = CLERK,
             power: bool = False) -> str:
    """`power`: a power of attorney on file too (delivery to a representative needs it)."""
    intake = IntakeService(runtime, sign_in(runtime, *who))
    path = folder / f"solicitud-{runtime.settings.workstation}.pdf"
    path.write_bytes(make_pdf(1))
    documents = [intake.attach_file(path, DocumentType.SIGNED_REQUEST)]
    if power:
        documents.append(intake.attach_file(path, DocumentType.POWER_OF_ATTORNEY))
    [cedula] = free_cedulas(runtime, 1)
    return intake.register(IntakeForm(cedula=cedula, email="persona@correo.ec",
                                      phone="0991234567", cedula_verified=True,
                                      documents=tuple(documents))).case_number


def as_login(stations: Any, who: str) -> psycopg.Connection[Any]:
    """A plain connection as a centre's login, autocommit: one statement, one try."""
    url = make_url(stations.url)
    return psycopg.connect(host=url.host, port=url.port, dbname=url.database,
                           user=stations.logins[who], password=LOGIN_PASSWORD, autocommit=True)


def ventanilla(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                          env={**os.environ, HOME_ENV: str(home), **env}, capture_output=True,
                          text=True, timeout=300, check=False)


# --- 6. what a centre's login reads and changes --------------------------------------------


@ON_POSTGRESQL
def test_another_centres_contacts_and_histories_never_leave_the_database(stations, tmp_path):
    uio, gye = stations.open(1), stations.open(1, "GYE01")
    mine, theirs = register(uio, tmp_path), register(gye, tmp_path, CLERK_GYE)
    for runtime in (uio, gye):
        assert SyncService(runtime).run().online
    with as_login(stations, "UIO01") as login:
        with pytest.raises(errors.InsufficientPrivilege):
            login.execute("SELECT email, phone FROM cases WHERE centre_code <> 'UIO01'")
        with pytest.raises(errors.InsufficientPrivilege):
            login.execute("SELECT * FROM cases")
        contacts = login.execute("SELECT case_number, email FROM case_contacts").fetchall()
        assert contacts == [(mine, "persona@correo.ec")]
        assert theirs not in {row[0] for row in contacts}
        seen = login.execute("SELECT cedula FROM contribution_histories").fetchall()
        own = login.execute("SELECT cedula FROM cases WHERE case_number = %s",
                            (mine,)).fetchall()
        assert set(seen) <= set(own)  # at most the history of its own applicant
    with stations.maintenance() as owner:  # the others exist: they are only out of reach
        assert owner.scalar(select(func.count()).select_from(central.ContributionHistory)) > 10
    # the station itself still has what it needs: its own contacts, verify clean
    assert SyncService(uio).run().online  # GYE01's case, pushed after UIO01's first round
    report = verify(uio.central(), uio.db, "UIO01")
    assert report.clean, report.differences


@ON_POSTGRESQL
def test_a_centre_login_cannot_change_staff_by_itself(stations):
    stations.open(1)
    with as_login(stations, "UIO01") as login:
        for statement in ("UPDATE staff SET role = 'supervisor' WHERE username = "
                          "'oficinista.uio'",
                          "UPDATE staff SET centre_code = 'GYE01'",
                          "INSERT INTO staff VALUES ('intruso', 'Intruso', 'administrador', "
                          "'UIO01', 'x', true)",
                          "DELETE FROM staff"):
            with pytest.raises(errors.InsufficientPrivilege):
                login.execute(statement)
                pytest.fail(f"allowed: {statement}")
        hash_ = login.execute("SELECT password_hash FROM staff WHERE username = %s",
                              (CLERK[0],)).fetchone()[0]
        call = "SELECT ventanilla_apply_staff_change(%s, %s, %s, %s, %s, %s, %s)"
        refused_calls = [
            # a clerk promoting themselves: only an administrator changes roles
            (CLERK[0], CLERK[0], "Oficinista UIO", "supervisor", "UIO01", True, hash_),
            # another centre's administrator, named by a UIO01 login
            (ADMIN_GYE[0], CLERK[0], "Oficinista UIO", "supervisor", "UIO01", True, hash_),
            # taking another centre's person
            (ADMIN[0], CLERK_GYE[0], "Oficinista GYE", "oficinista", "UIO01", True, hash_),
            # a role no centre has
            (ADMIN[0], CLERK[0], "Oficinista UIO", "central", "UIO01", True, hash_),
        ]
        for arguments in refused_calls:
            with pytest.raises(psycopg.Error) as raised:
                login.execute(call, arguments)
            assert raised.value.sqlstate == "VT002", raised.value
    with stations.maintenance() as owner:
        roles = dict(owner.execute(select(central.Staff.username, central.Staff.role)).all())
    assert (roles[CLERK[0]], roles[CLERK_GYE[0]]) == ("oficinista", "oficinista")
    with as_login(stations, "central") as backoffice, pytest.raises(psycopg.Error):
        backoffice.execute(call, refused_calls[0])  # nor the back office: only a centre


# --- 1. a transfer between centres, on the page and at the command line --------------------


@pytest.mark.parametrize("how", ["service", "cli"])
def test_a_clerk_moved_to_another_centre_signs_in_there_after_its_next_sync(stations, how):
    uio, guayaquil = stations.open(1), stations.open(1, "GYE01")
    if how == "service":
        StaffService(uio, sign_in(uio, *ADMIN)).move_to_centre(CLERK[0], "GYE01")
    else:
        uio.close()
        moved = ventanilla(stations.home(1), "staff", "move", CLERK[0], "--centre", "gye01",
                           "--user", ADMIN[0], VENTANILLA_PASSWORD=ADMIN[1])
        assert moved.returncode == 0, moved.stderr
        assert ADMIN[1] not in moved.stdout + moved.stderr
        assert "GYE01" in moved.stdout
        uio = stations.open(1)
    first = SyncService(uio).run()
    assert first.online and first.refused == 0, first.message
    assert SyncService(guayaquil).run().online
    assert sign_in(guayaquil, *CLERK).centre_code == "GYE01"
    with refused(PermissionDenied, "incorrectos"):
        sign_in(uio, *CLERK)
    for runtime, centre in ((uio, "UIO01"), (guayaquil, "GYE01")):
        report = verify(runtime.central(), runtime.db, centre)
        assert report.clean, report.differences


def test_the_staff_command_needs_an_administrator_and_says_so(stations):
    stations.open(1).close()
    home = stations.home(1)
    listed = ventanilla(home, "staff", "list", "--user", ADMIN[0], VENTANILLA_PASSWORD=ADMIN[1])
    assert listed.returncode == 0, listed.stderr
    assert CLERK[0] in listed.stdout and "$argon2" not in listed.stdout
    clerk = ventanilla(home, "staff", "role", SUPERVISOR[0], "--role", "oficinista",
                       "--user", CLERK[0], VENTANILLA_PASSWORD=CLERK[1])
    assert clerk.returncode == 1 and "no permite" in clerk.stderr
    wrong = ventanilla(home, "staff", "disable", CLERK[0], "--user", ADMIN[0],
                       VENTANILLA_PASSWORD="no-es-la-clave")
    assert wrong.returncode == 1 and "incorrectos" in wrong.stderr
    for result in (listed, clerk, wrong):
        assert "Traceback" not in result.stderr
    made = ventanilla(home, "staff", "create", "luis.mora", "--full-name", "Luis Mora Paz",
                      "--role", "supervisor", "--user", ADMIN[0], VENTANILLA_PASSWORD=ADMIN[1],
                      VENTANILLA_NEW_PASSWORD="Clave-Nueva-De-Luis-2026")
    assert made.returncode == 0, made.stderr
    runtime = stations.open(1)
    assert sign_in(runtime, "luis.mora", "Clave-Nueva-De-Luis-2026").role is Role.SUPERVISOR
    report = SyncService(runtime).run()
    assert report.online and report.refused == 0, report.message


# --- 5. another centre's case ----------------------------------------------------------------


def test_a_supervisor_cannot_approve_or_add_to_another_centres_case(stations, tmp_path):
    uio, gye = stations.open(1), stations.open(1, "GYE01")
    theirs = register(gye, tmp_path, CLERK_GYE)  # in review: registering sent it there
    assert SyncService(gye).run().online and SyncService(uio).run().online
    supervisor = sign_in(uio, *SUPERVISOR)
    with refused(PermissionDenied, "solo ese centro puede cambiarlo"):
        WorkflowService(uio, supervisor).approve(theirs)
    from desktop.capture.draft import DraftDocument

    draft = DraftDocument(DocumentType.OTHER_ANNEX)
    path = tmp_path / "anexo.pdf"
    path.write_bytes(make_pdf(1))
    draft.import_file(path)
    with refused(PermissionDenied, "solo ese centro puede cambiarlo"):
        DocumentService(uio, sign_in(uio, *CLERK)).add_to_case(theirs, draft)
    with uio.db.read() as session:
        assert session.scalar(select(func.count()).select_from(cache.OutboxEvent).where(
            cache.OutboxEvent.case_number == theirs)) == 0  # UIO01 wrote nothing for it


def test_central_refuses_a_transition_from_another_centres_station(stations, tmp_path):
    """A station that skips the service check: SQLite's central says no as PostgreSQL does."""
    uio, gye = stations.open(1), stations.open(1, "GYE01")
    theirs = register(gye, tmp_path, CLERK_GYE)  # in review: registering sent it there
    assert SyncService(gye).run().online and SyncService(uio).run().online
    forged = cache.OutboxEvent(
        seq=10_000, event_id="00000000-0000-4000-8000-00000000000a",
        event_type="case.transition", case_number=theirs,
        payload={"from_state": "EN_REVISION", "to_state": "DERIVADO", "reason": "",
                 "role": "supervisor", "at": "2026-12-01T15:00:00+00:00"},
        actor=SUPERVISOR[0], workstation="UIO01-01", created_at=None)
    outcome = apply_event(uio.central(), _envelope(forged))
    assert outcome.status == REFUSED and "otro centro" in outcome.reason
    with stations.maintenance() as owner:
        assert owner.scalar(select(central.Case.state).where(
            central.Case.case_number == theirs)) == CaseState.EN_REVISION.value


# --- 7. what central cannot store, and the log ----------------------------------------------


def deliverable(stations: Any, runtime: Any, folder: Path) -> str:
    number = register(runtime, folder, power=True)
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    with stations.backoffice() as connection:
        import random

        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(1), concession=True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online
    return number


def test_a_name_longer_than_central_holds_is_refused_at_the_counter(stations, tmp_path):
    runtime = stations.open(1)
    number = deliverable(stations, runtime, tmp_path)
    clerk = WorkflowService(runtime, sign_in(runtime, *CLERK))
    with refused(ValidationError, "admite hasta 170 caracteres"):
        clerk.deliver(number, Recipient(REPRESENTATIVE, "Nombre Muy Largo " * 18, "1710034065"))
    with refused(ValidationError, "caracteres que no se pueden guardar"):
        clerk.deliver(number, Recipient(REPRESENTATIVE, "Ana \ud800 Paz", "1710034065"))


@ON_POSTGRESQL  # SQLite does not enforce varchar lengths
def test_data_central_cannot_store_is_a_recorded_refusal_without_personal_data_in_the_log(
        stations, tmp_path, caplog):
    """A station that skipped the check (an older version, a tampered outbox): central's
    varchar(170) says no; the event is refused once, not retried for ever, and the log
    holds neither the name nor the cédula."""
    runtime = stations.open(1)
    number = deliverable(stations, runtime, tmp_path)
    name, cedula = "Representante Con Nombre Larguísimo " * 9, "1710034065"
    WorkflowService(runtime, sign_in(runtime, *CLERK)).deliver(
        number, Recipient(REPRESENTATIVE, "Nombre Corto Válido", cedula))
    with runtime.db.write() as session, session.begin():  # tampered before it is sent
        event = session.scalars(select(cache.OutboxEvent).where(
            cache.OutboxEvent.case_number == number,
            cache.OutboxEvent.status == "pendiente")).one()
        event.payload = {**event.payload, "delivery": {**event.payload["delivery"],
                                                       "name": name}}
    caplog.set_level(logging.DEBUG)
    report = SyncService(runtime).run()
    assert report.online and report.refused == 1, report.message
    with runtime.db.read() as session:
        stored = session.get(cache.OutboxEvent, event.seq)
    assert stored.status == REFUSED_LOCAL and "demasiado largo" in stored.last_error
    text = caplog.text + "".join(str(record.args) for record in caplog.records)
    for secret in (name.strip()[:40], cedula):
        assert secret not in text
    assert SyncService(runtime).run().refused == 0  # final: not sent again by itself


# --- 13. «Reintentar» applies the event afresh -------------------------------------------------


def test_a_retried_event_is_applied_once_its_cause_is_fixed(stations):
    runtime = stations.open(1)
    signed_in = sign_in(runtime, *ADMIN)  # signed in before the round brings the change
    admin = StaffService(runtime, signed_in)
    with stations.maintenance() as owner:  # central has the administrator inactive for now
        owner.execute(update(central.Staff).where(central.Staff.username == ADMIN[0])
                      .values(active=False))
    admin.create("marta.leon", "Marta León Ruiz", Role.CLERK, "Clave-De-Marta-2026")
    admin.move_to_centre(CLERK[0], "GYE01")
    with refused(PermissionDenied, "incorrectos"):
        sign_in(runtime, *CLERK)  # moved away here at once
    report = SyncService(runtime).run()
    assert report.refused == 2, report.message
    # what central refused does not stay in the cache: the clerk is back, Marta is not
    assert sign_in(runtime, *CLERK).centre_code == "UIO01"
    with refused(PermissionDenied, "incorrectos"):
        sign_in(runtime, "marta.leon", "Clave-De-Marta-2026")
    service = SyncService(runtime)
    problem = service.problems()[0]
    assert "Solo un administrador" in problem.reason
    with stations.maintenance() as owner:  # the cause is fixed at central
        owner.execute(update(central.Staff).where(central.Staff.username == ADMIN[0])
                      .values(active=True))
    service.retry(signed_in, problem.seq)
    report = SyncService(runtime).run()
    assert report.online and report.pushed == 1 and report.refused == 0, report.message
    assert sign_in(runtime, "marta.leon", "Clave-De-Marta-2026").role is Role.CLERK
    with runtime.db.read() as session:
        assert session.get(cache.OutboxEvent, problem.seq).status == SENT
    with stations.maintenance() as owner:
        assert owner.scalar(select(central.Staff.centre_code).where(
            central.Staff.username == "marta.leon")) == "UIO01"


# --- 4. an integrity error is a refusal, and the round goes on -------------------------------


def test_an_integrity_error_is_refused_once_and_the_other_events_go(stations, tmp_path):
    runtime = stations.open(1)
    number = deliverable(stations, runtime, tmp_path)
    with stations.maintenance() as owner:  # central already holds a delivery for the case
        from datetime import UTC, datetime

        owner.execute(central.Delivery.__table__.insert().values(
            case_number=number, recipient_kind="titular", recipient_name="Otra Persona",
            recipient_cedula="1710034065", delivered_at=datetime.now(UTC),
            delivered_by="otra.estacion", workstation="UIO01-09"))
    WorkflowService(runtime, sign_in(runtime, *CLERK)).deliver(number, Recipient("titular"))
    other = register(runtime, tmp_path)  # another case's events, after the failing one
    report = SyncService(runtime).run()
    # the other case's two events (registered, sent to review) go
    assert report.online and report.refused == 1 and report.pushed == 2, report.message
    [problem] = SyncService(runtime).problems()
    assert problem.case_number == number and "no es coherente" in problem.reason
    with stations.maintenance() as owner:
        assert owner.scalar(select(func.count()).select_from(central.Case).where(
            central.Case.case_number == other)) == 1
    assert SyncService(runtime).run().refused == 0  # not sent again by itself
