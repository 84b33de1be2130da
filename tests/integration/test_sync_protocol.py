"""The sync protocol end to end (DESIGN.md §5), on the SQLite and the PostgreSQL central.

Push: cases and their documents reach central exactly once, refusals come back and are
kept, a missing file defers one event without blocking the others. Pull: what central
changes arrives at every station (contact data only at the owning centre), a transaction
that commits late is never skipped, and an interrupted first pull resumes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text, update

from desktop.central import blobs as central_blobs
from desktop.central import models as central
from desktop.central.apply import APPLIED, REFUSED, Envelope, RetryLater, apply_event
from desktop.central.backoffice import move
from desktop.clock import now
from desktop.config import load_settings
from desktop.db.engines import create_app_engine, writer
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.pensions import PensionState
from desktop.errors import Cancelled, PermissionDenied
from desktop.progress import CancelToken
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.runtime import open_cache, open_runtime
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store import models as cache
from desktop.sync import pull as pull_module
from desktop.sync.push import PENDING, REFUSED_LOCAL, SENT, upload_blob
from desktop.sync.verify import verify
from tests.services import file_withdrawal_at_central
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf
from tests.support.stations import built_stations, free_cedulas

# --- fixtures and helpers ----------------------------------------------------------------


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at minimum cost: every central built here hashes six demo passwords and every
    sign-in checks one; at the production cost that alone would take most of the run.
    Autouse, so it is in place before `stations` builds its central."""
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@dataclass(frozen=True)
class Registered:
    number: str
    cedula: str
    email: str
    phone: str
    sha256: str
    data: bytes


def register_cases(runtime: Any, folder: Path, count: int) -> list[Registered]:
    """`count` cases registered by the clerk, each with its own signed request PDF."""
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    cedulas = free_cedulas(runtime, count)
    assert len(cedulas) == count
    done = []
    for index, cedula in enumerate(cedulas):
        data = make_pdf(1, text=f"Solicitud de reliquidación de {cedula}")
        path = folder / f"solicitud-{cedula}.pdf"
        path.write_bytes(data)
        document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
        email, phone = f"pensionista{index}@correo.ec", f"09912345{index:02d}"
        case = intake.register(IntakeForm(cedula=cedula, email=email, phone=phone,
                                          cedula_verified=True, documents=(document,)))
        stored = cached_case(runtime, case.case_number)  # contact data as normalised
        assert stored is not None and stored.phone.endswith(phone[1:])
        done.append(Registered(case.case_number, cedula, stored.email, stored.phone,
                               document.sha256, data))
    return done


def sync(runtime: Any) -> Any:
    report = SyncService(runtime).run()
    assert report.online, report.message
    return report


def central_scalar(runtime: Any, query: Any) -> Any:
    with runtime.central().connect() as connection:
        return connection.scalar(query)


def central_count(runtime: Any, table: Any, *where: Any) -> int:
    return central_scalar(runtime, select(func.count()).select_from(table).where(*where))


def outbox_row(runtime: Any, number: str, event_type: str | None = None) -> cache.OutboxEvent:
    query = select(cache.OutboxEvent).where(cache.OutboxEvent.case_number == number)
    if event_type is not None:
        query = query.where(cache.OutboxEvent.event_type == event_type)
    with runtime.db.read() as session:
        return session.scalars(query.order_by(cache.OutboxEvent.seq.desc())).first()


def envelope_of(event: cache.OutboxEvent) -> Envelope:
    return Envelope(event.event_id, event.event_type, event.case_number, event.payload,
                    event.actor, event.workstation, event.created_at)


def cached_case(runtime: Any, number: str) -> cache.Case | None:
    with runtime.db.read() as session:
        case = session.scalar(select(cache.Case).where(cache.Case.case_number == number))
        if case is not None:
            _ = case.events, case.documents  # loaded while the session is open
        return case


def surnames_in_cache(runtime: Any, cedula: str) -> str:
    with runtime.db.read() as session:
        return session.get(cache.Pensioner, cedula).surnames


def sync_state(runtime: Any, scope: str) -> cache.SyncState:
    with runtime.db.read() as session:
        return session.get(cache.SyncState, scope)


def pdf_like(size: int, seed: int) -> bytes:
    header = b"%PDF-1.7\n"
    return header + random.Random(seed).randbytes(size - len(header))


def spy_put_chunk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The chunk indexes sent to central from now on."""
    sent: list[int] = []
    real = central_blobs.put_chunk

    def spy(connection: Connection, sha256: str, index: int, data: bytes) -> None:
        sent.append(index)
        real(connection, sha256, index, data)

    monkeypatch.setattr(central_blobs, "put_chunk", spy)
    return sent


def spy_pensioner_pages(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The cédulas of every page of pensioners the pull stores from now on."""
    pages: list[list[str]] = []

    def spying(scope: pull_module.Scope) -> pull_module.Scope:
        def store(session: Any, context: Any, page: Any) -> None:
            pages.append(page.column("cedula"))
            scope.store(session, context, page)

        return dataclasses.replace(scope, store=store) if scope.name == "pensioners" else scope

    monkeypatch.setattr(pull_module, "SCOPES", tuple(map(spying, pull_module.SCOPES)))
    return pages


def pensioners_label() -> str:
    return next(scope.label for scope in pull_module.SCOPES if scope.name == "pensioners")


# --- 1. round trip -----------------------------------------------------------------------


def test_cases_travel_to_central_and_to_other_stations(stations, tmp_path):
    first = stations.open(1)
    cases = register_cases(first, tmp_path, 3)
    report = sync(first)
    # each registration is two events: the case, then its sending to review
    assert report.pushed == 6 and report.refused == report.deferred == 0

    numbers = [case.number for case in cases]
    with stations.backoffice() as connection:  # a centre's login cannot read contact data
        for case in cases:
            row = connection.execute(select(central.Case).where(
                central.Case.case_number == case.number)).one()
            assert (row.cedula, row.email, row.phone, row.state) == (
                case.cedula, case.email, case.phone, CaseState.EN_REVISION.value)
            document = connection.execute(select(central.CaseDocument).where(
                central.CaseDocument.case_number == case.number)).one()
            assert document.sha256 == case.sha256 == hashlib.sha256(case.data).hexdigest()
            blob = connection.execute(select(central.Blob).where(
                central.Blob.sha256 == case.sha256)).one()
            assert blob.complete and blob.size_bytes == len(case.data)
            assert central_blobs.read(connection, case.sha256) == case.data
        outcomes = connection.scalars(select(central.AppliedEvent.outcome).where(
            central.AppliedEvent.case_number.in_(numbers))).all()
        assert outcomes == [APPLIED] * 6

    second = stations.open(2)
    sync(second)
    for case in cases:
        seen = cached_case(second, case.number)
        assert seen is not None
        assert (seen.email, seen.phone) == (case.email, case.phone)
        assert [event.to_state for event in seen.events] == [CaseState.INGRESADO.value,
                                                             CaseState.EN_REVISION.value]
        assert [document.sha256 for document in seen.documents] == [case.sha256]

    guayaquil = stations.open(1, "GYE01")
    for case in cases:
        seen = cached_case(guayaquil, case.number)
        assert seen is not None and seen.cedula == case.cedula
        assert (seen.email, seen.phone) == ("", "")  # minimisation: another centre's case
        assert [event.to_state for event in seen.events] == [CaseState.INGRESADO.value,
                                                             CaseState.EN_REVISION.value]
    assert verify(guayaquil.central(), guayaquil.db, "GYE01").clean


# --- 2. exactly once ---------------------------------------------------------------------


def test_applying_the_same_event_twice_is_a_no_op(stations, tmp_path):
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    event = outbox_row(runtime, case.number, "case.registered")
    upload_blob(runtime.central(), runtime.blobs, case.sha256)

    first = apply_event(runtime.central(), envelope_of(event))
    again = apply_event(runtime.central(), envelope_of(event))

    assert (first.status, first.repeated) == (APPLIED, False)
    assert (again.status, again.repeated) == (APPLIED, True)
    assert central_count(runtime, central.Case, central.Case.case_number == case.number) == 1
    assert central_count(runtime, central.AppliedEvent,
                         central.AppliedEvent.event_id == event.event_id) == 1


def test_a_damaged_event_is_refused_with_its_reason_and_changes_nothing(stations, tmp_path):
    """A payload central cannot read (an old bug, a hand-edited outbox) is a refusal that
    names the field, recorded once, never a KeyError that stops the round."""
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    event = outbox_row(runtime, case.number, "case.registered")
    upload_blob(runtime.central(), runtime.blobs, case.sha256)
    damaged = {key: value for key, value in event.payload.items() if key != "registered_at"}
    envelope = dataclasses.replace(envelope_of(event), payload=damaged)

    first = apply_event(runtime.central(), envelope)
    again = apply_event(runtime.central(), envelope)

    assert first.status == REFUSED
    assert "registered_at" in first.reason and "falta el dato" in first.reason
    assert (again.status, again.reason, again.repeated) == (REFUSED, first.reason, True)
    assert central_count(runtime, central.Case, central.Case.case_number == case.number) == 0
    unknown = dataclasses.replace(envelope_of(event), event_id="another", event_type="case.x")
    assert apply_event(runtime.central(), unknown).reason == (
        "La central no conoce el evento «case.x».")


def test_event_central_applied_but_station_never_acknowledged(stations, tmp_path):
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    sync(runtime)
    event = outbox_row(runtime, case.number, "case.registered")
    assert event.status == SENT
    with runtime.db.write() as session, session.begin():  # as if the ack was lost
        session.execute(update(cache.OutboxEvent).where(cache.OutboxEvent.seq == event.seq)
                        .values(status=PENDING, sent_at=None))

    sync(runtime)

    assert outbox_row(runtime, case.number, "case.registered").status == SENT
    of_case = central.Case.case_number == case.number
    assert central_count(runtime, central.Case, of_case) == 1
    assert central_count(runtime, central.CaseEvent,  # registered, sent to review: once each
                         central.CaseEvent.case_number == case.number) == 2
    assert central_count(runtime, central.CaseDocument,
                         central.CaseDocument.case_number == case.number) == 1
    assert central_count(runtime, central.AppliedEvent,
                         central.AppliedEvent.case_number == case.number) == 2
    assert len(cached_case(runtime, case.number).events) == 2


# --- 3. a transaction that commits late is not skipped -----------------------------------


def rename(connection: Connection, cedula: str, surnames: str) -> None:
    connection.execute(update(central.Person).where(central.Person.cedula == cedula)
                       .values(surnames=surnames))


def marker_of(connection: Connection, cedula: str) -> int:
    return connection.scalar(select(central.Pension.change_id).where(
        central.Pension.cedula == cedula))


@pytest.fixture
def small_station(tmp_path) -> Iterator[Any]:
    """Builds one station on a 50-pensioner central at a given URL."""
    with ExitStack() as stack:
        def make(url: str) -> Any:
            stations = stack.enter_context(built_stations(url, tmp_path / "stations", 50))
            return stations.open()

        yield make


def test_postgresql_transaction_committing_late_still_arrives(pg_url, small_station):
    runtime = small_station(pg_url)
    late, early = free_cedulas(runtime, 2)
    engine = create_app_engine(pg_url)
    try:
        with engine.connect() as a:
            transaction_a = a.begin()
            rename(a, late, "Tardío Pazmiño")  # the person trigger marks the pension
            xid_a = a.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
            assert marker_of(a, late) == xid_a
            with engine.begin() as b:
                rename(b, early, "Temprano Yánez")
                xid_b = b.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
            assert xid_b > xid_a  # B started later and committed first

            sync(runtime)
            assert surnames_in_cache(runtime, early) == "Temprano Yánez"
            assert surnames_in_cache(runtime, late) != "Tardío Pazmiño"
            assert sync_state(runtime, "pensioners").cursor <= xid_a

            transaction_a.commit()
    finally:
        engine.dispose()

    sync(runtime)
    assert surnames_in_cache(runtime, late) == "Tardío Pazmiño"
    assert verify(runtime.central(), runtime.db, "UIO01").clean


def test_sqlite_write_in_progress_during_a_pull_arrives_later(tmp_path, small_station):
    url = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite3'}"
    runtime = small_station(url)
    late, early = free_cedulas(runtime, 2)
    engine = create_app_engine(url)
    try:
        with writer(engine).begin() as b:
            rename(b, early, "Temprano Yánez")
        with writer(engine).connect() as a:
            transaction_a = a.begin()  # BEGIN IMMEDIATE: the one writer, holding the lock
            rename(a, late, "Tardío Pazmiño")
            marker_a = marker_of(a, late)
            assert marker_a > marker_of(a, early)

            sync(runtime)  # reads central from another connection meanwhile
            assert surnames_in_cache(runtime, early) == "Temprano Yánez"
            assert surnames_in_cache(runtime, late) != "Tardío Pazmiño"
            assert sync_state(runtime, "pensioners").cursor <= marker_a

            transaction_a.commit()
    finally:
        engine.dispose()

    sync(runtime)
    assert surnames_in_cache(runtime, late) == "Tardío Pazmiño"
    assert verify(runtime.central(), runtime.db, "UIO01").clean


# --- 4. the first pull resumes after a cancel --------------------------------------------


def test_cancelled_first_pull_resumes_where_it_stopped(stations, monkeypatch):
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 50)
    stored_pages = spy_pensioner_pages(monkeypatch)
    settings = load_settings(stations.configure(1))
    label = pensioners_label()
    token = CancelToken()

    def cancel_after_two_pages(done: int, total: int, what: str) -> None:
        if what == label and done >= 2 * pull_module.PAGE_SIZE:
            token.cancel()

    with pytest.raises(Cancelled):
        open_runtime(settings, cancel_after_two_pages, token)
    assert [len(page) for page in stored_pages] == [50, 50]
    before = {cedula for page in stored_pages for cedula in page}

    db = open_cache(settings)
    try:
        with db.read() as session:
            state = session.get(cache.SyncState, "pensioners")
            cached = set(session.scalars(select(cache.Pensioner.cedula)))
    finally:
        db.dispose()
    assert cached == before
    assert state.horizon is not None and state.last_success_at is None
    assert state.after_change is not None and state.after_key == stored_pages[-1][-1]

    stored_pages.clear()
    progress_calls: list[int] = []
    runtime = open_runtime(
        settings, lambda done, total, what: progress_calls.append(done) if what == label else None)
    stations.opened.append(runtime)

    with runtime.central().connect() as connection:
        at_central_side = set(connection.scalars(select(central.Pension.cedula)))
    with runtime.db.read() as session:
        cached = set(session.scalars(select(cache.Pensioner.cedula)))
    resumed = [cedula for page in stored_pages for cedula in page]
    assert len(at_central_side) == 300
    assert len(resumed) == 200 and len(progress_calls) == 4  # only what was missing
    assert before.isdisjoint(resumed)
    assert cached == at_central_side
    state = sync_state(runtime, "pensioners")
    assert state.horizon is None and state.after_key is None and state.last_success_at


# --- 5. reference data changed at central ------------------------------------------------


def test_settled_debt_leaves_the_cache_and_the_pensioner_becomes_eligible(stations):
    runtime = stations.open()
    with runtime.db.read() as session:
        cedula = session.scalar(
            select(cache.ContributionDebt.cedula)
            .join(cache.Pensioner, cache.Pensioner.cedula == cache.ContributionDebt.cedula)
            .where(cache.Pensioner.pension_state == PensionState.ACTIVA.value)
            .order_by(cache.ContributionDebt.cedula).limit(1))
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    assert not intake.lookup(cedula).verdict.eligible

    with stations.maintenance() as connection:
        connection.execute(update(central.ContributionDebt)
                           .where(central.ContributionDebt.cedula == cedula)
                           .values(settled_on=date(2026, 11, 20)))
    sync(runtime)

    with runtime.db.read() as session:
        assert session.scalar(select(func.count()).select_from(cache.ContributionDebt)
                              .where(cache.ContributionDebt.cedula == cedula)) == 0
    assert intake.lookup(cedula).verdict.eligible
    assert intake.lookup(cedula).can_register


def test_renamed_employer_updates_the_debts_in_the_cache(stations):
    runtime = stations.open()
    with runtime.db.read() as session:
        ruc = session.scalar(select(cache.ContributionDebt.employer_ruc)
                             .order_by(cache.ContributionDebt.id).limit(1))
    new_name = "Textiles Ñandú del Ecuador S.A."
    with stations.maintenance() as connection:
        connection.execute(update(central.Employer).where(central.Employer.ruc == ruc)
                           .values(name=new_name))
        debts = connection.scalar(select(func.count()).select_from(central.ContributionDebt)
                                  .where(central.ContributionDebt.employer_ruc == ruc))
    sync(runtime)

    with runtime.db.read() as session:
        names = session.scalars(select(cache.ContributionDebt.employer_name)
                                .where(cache.ContributionDebt.employer_ruc == ruc)).all()
    assert debts >= 1 and names == [new_name] * debts


def test_staff_deactivated_at_central_can_no_longer_sign_in(stations):
    runtime = stations.open()
    sign_in(runtime, *CLERK)  # works offline from the cached staff table
    with stations.maintenance() as connection:
        connection.execute(update(central.Staff).where(central.Staff.username == CLERK[0])
                           .values(active=False))
    sync(runtime)
    with refused(PermissionDenied, "no está activa"):
        sign_in(runtime, *CLERK)


# --- 6. chunked blob upload --------------------------------------------------------------


def test_blob_upload_sends_only_the_missing_chunks(stations, monkeypatch):
    runtime = stations.open()
    engine = runtime.central()
    data = pdf_like(700 * 1024, seed=6)
    sha256 = runtime.blobs.put(data)
    size = central_blobs.CHUNK_BYTES
    with writer(engine).begin() as connection:
        assert central_blobs.missing_chunks(connection, sha256, len(data)) == [0, 1, 2]
    with writer(engine).begin() as connection:  # the upload that was interrupted
        central_blobs.put_chunk(connection, sha256, 0, data[:size])
    sent = spy_put_chunk(monkeypatch)

    upload_blob(engine, runtime.blobs, sha256)

    assert sent == [1, 2]
    with stations.backoffice() as connection:  # a finished file of no case: not the centre's
        assert central_blobs.is_complete(connection, sha256)
        assert central_blobs.read(connection, sha256) == data
    upload_blob(engine, runtime.blobs, sha256)  # complete: nothing more is sent
    assert sent == [1, 2]


def test_corrupted_chunk_fails_verification_and_the_next_upload_repairs_it(stations,
                                                                           monkeypatch):
    runtime = stations.open()
    engine = runtime.central()
    data = pdf_like(700 * 1024, seed=7)
    sha256 = runtime.blobs.put(data)
    size = central_blobs.CHUNK_BYTES
    with writer(engine).begin() as connection:
        central_blobs.missing_chunks(connection, sha256, len(data))
        central_blobs.put_chunk(connection, sha256, 1, bytes(size))  # damaged in transit
    sent = spy_put_chunk(monkeypatch)

    with pytest.raises(RetryLater):
        upload_blob(engine, runtime.blobs, sha256)
    with engine.connect() as connection:
        assert not central_blobs.is_complete(connection, sha256)
        assert connection.scalar(select(func.count()).select_from(central.BlobChunk).where(
            central.BlobChunk.sha256 == sha256)) == 0  # dropped to start over

    upload_blob(engine, runtime.blobs, sha256)

    assert sent == [0, 2, 0, 1, 2]
    with stations.backoffice() as connection:  # a finished file of no case: not the centre's
        assert central_blobs.is_complete(connection, sha256)
        assert central_blobs.read(connection, sha256) == data


# --- 7. central refuses a transition -----------------------------------------------------


def test_transition_refused_by_central_comes_back_and_stays_refused(stations, tmp_path):
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    sync(runtime)
    with stations.maintenance() as connection:
        file_withdrawal_at_central(connection, case.number)
    with stations.backoffice() as connection:
        assert move(connection, case.number, CaseState.DESISTIDO, "El ciudadano desiste")
    clerk = sign_in(runtime, *CLERK)
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(case.number)
    event = outbox_row(runtime, case.number, "case.transition")

    report = sync(runtime)

    assert report.refused == 1
    event = outbox_row(runtime, case.number, "case.transition")
    assert event.status == REFUSED_LOCAL and "Desistido" in event.last_error
    service = SyncService(runtime)
    [problem] = service.problems()
    assert (problem.seq, problem.case_number, problem.status) == (
        event.seq, case.number, "rechazado")
    assert problem.reason == event.last_error
    local = cached_case(runtime, case.number)
    assert local.state == CaseState.DESISTIDO.value
    assert event.event_id not in {e.event_id for e in local.events}
    assert [e.to_state for e in local.events] == [CaseState.INGRESADO.value,
                                                   CaseState.EN_REVISION.value,
                                                   CaseState.DESISTIDO.value]

    sync(runtime)  # not retried by itself
    again = outbox_row(runtime, case.number, "case.transition")
    assert (again.status, again.attempts) == (REFUSED_LOCAL, event.attempts)

    with refused(PermissionDenied, "no permite"):
        service.retry(clerk, event.seq)
    service.retry(sign_in(runtime, *ADMIN), event.seq)
    sync(runtime)
    retried = outbox_row(runtime, case.number, "case.transition")
    assert (retried.status, retried.last_error) == (REFUSED_LOCAL, event.last_error)
    assert central_scalar(runtime, select(central.Case.state).where(
        central.Case.case_number == case.number)) == CaseState.DESISTIDO.value
    assert central_count(runtime, central.AppliedEvent,
                         central.AppliedEvent.event_id == event.event_id,
                         central.AppliedEvent.outcome == REFUSED) == 1


# --- 8. a missing file defers only its own case ------------------------------------------


def test_event_without_its_file_is_deferred_and_does_not_block_others(stations, tmp_path):
    runtime = stations.open()
    a, b = register_cases(runtime, tmp_path, 2)
    event_a = outbox_row(runtime, a.number, "case.registered")
    with pytest.raises(RetryLater):  # central will not take a case whose file it lacks
        apply_event(runtime.central(), envelope_of(event_a))
    assert central_count(runtime, central.AppliedEvent) == 0
    runtime.blobs.path_for(a.sha256).unlink()

    report = sync(runtime)

    # b's two events go; a's registration waits for its file, and a's next event behind it
    assert (report.pushed, report.deferred) == (2, 1)
    deferred = outbox_row(runtime, a.number, "case.registered")
    assert deferred.status == PENDING and deferred.attempts == 1
    assert "Falta el archivo de un documento" in deferred.last_error  # Spanish: the panel shows it
    assert deferred.next_attempt_at > now()
    assert outbox_row(runtime, b.number).status == SENT
    assert central_count(runtime, central.Case, central.Case.case_number == b.number) == 1
    assert central_count(runtime, central.Case, central.Case.case_number == a.number) == 0

    sync(runtime)  # before its retry time it is not attempted again
    assert outbox_row(runtime, a.number, "case.registered").attempts == 1


# --- 9. verify ---------------------------------------------------------------------------


def test_verify_is_clean_after_a_full_sync(stations, tmp_path):
    runtime = stations.open()
    register_cases(runtime, tmp_path, 2)
    sync(runtime)
    report = verify(runtime.central(), runtime.db, "UIO01")
    assert report.clean, report.differences
    assert report.compared["Pensionista"] == 300 and report.compared["Trámite"] == 2


def test_verify_reports_pending_events_before_the_first_sync(stations, tmp_path):
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    report = verify(runtime.central(), runtime.db, "UIO01")
    assert "2 eventos esperan ser enviados a la central" in report.differences
    assert any(case.number in line and "no en la central" in line
               for line in report.differences)


def test_verify_reports_a_case_changed_behind_the_stations_back(stations, tmp_path):
    runtime = stations.open()
    [case] = register_cases(runtime, tmp_path, 1)
    sync(runtime)
    with stations.maintenance() as connection:  # behind every login's back: the owner
        connection.execute(update(central.Case).where(central.Case.case_number == case.number)
                           .values(state=CaseState.DERIVADO.value))
    report = verify(runtime.central(), runtime.db, "UIO01")
    assert [line for line in report.differences if line.startswith("Trámite:")] == [
        line for line in report.differences if case.number in line and "difiere" in line]
    assert len(report.differences) == 1

    sync(runtime)
    assert verify(runtime.central(), runtime.db, "UIO01").clean
    assert cached_case(runtime, case.number).state == CaseState.DERIVADO.value

