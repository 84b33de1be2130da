"""Issue 11, states and calendar, through central and a station (SQLite and PostgreSQL
centrals): a case notified by email closes; abandono (lapsed term, back office) is not
desistimiento (needs the signed withdrawal); the due date of requested information reaches
the status slip; the holiday table and the centre's time zone come from central.
"""

from __future__ import annotations

import io
import random
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.capture.draft import DraftDocument
from desktop.capture.scanners import ScannedPage
from desktop.central.backoffice import (
    declare_abandonment,
    issue_agreement,
    move,
    record_notification,
    request_information,
)
from desktop.central.holidays import calendar_for, set_time_zone
from desktop.clock import MAINLAND, use_time_zone
from desktop.domain.calendar import (
    NATIONAL_CALENDAR,
    add_working_days,
    is_working_day,
    use_calendar,
    working_days_between,
)
from desktop.domain.cases import CaseState, TransitionRefused
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.case_views import load_detail
from desktop.services.documents import DocumentService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store import models as cache
from desktop.store.centre_locale import centre_calendar
from tests.page_images import form_page
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.checks import refused
from tests.support.stations import free_cedulas

PAPERS = ("a4", "80mm")


@pytest.fixture(autouse=True)
def mainland_afterwards():
    """A station installs its centre's zone and calendar process-wide: put them back."""
    yield
    use_time_zone(MAINLAND)
    use_calendar(NATIONAL_CALENDAR)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(pdf)).pages)


def scanned(document_type: DocumentType) -> DraftDocument:
    made = DraftDocument(document_type)
    made.add_scan(ScannedPage(form_page(dpi=100), 100, 1))
    return made


def derived_case(runtime) -> str:
    """Registered with its signed request, approved by the supervisor, synced to central."""
    clerk = sign_in(runtime, *CLERK)
    documents = DocumentService(runtime, clerk)
    form = documents.store(scanned(DocumentType.SIGNED_REQUEST))
    [cedula] = free_cedulas(runtime, 1)
    from desktop.services.intake import IntakeForm, IntakeService

    number = IntakeService(runtime, clerk).register(
        IntakeForm(cedula, "persona@correo.ec", "0991234567", True, (form,))).case_number
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    return number


def state_of(runtime, number: str) -> CaseState:
    with runtime.db.read() as session:
        return CaseState(session.scalar(select(cache.Case.state).where(
            cache.Case.case_number == number)))


def test_a_case_notified_by_email_closes(stations):
    runtime = stations.open(1)
    number = derived_case(runtime)
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(5), concession=True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
        assert record_notification(connection, number, "CORREO", date(2026, 12, 3))
        assert move(connection, number, CaseState.CERRADO)
    assert SyncService(runtime).run().online

    assert state_of(runtime, number) is CaseState.CERRADO
    with runtime.db.read() as session:
        detail = load_detail(session, number)
    assert detail.deadlines is not None
    assert (detail.deadlines.notified_on, detail.deadlines.notified_via) == (
        date(2026, 12, 3), "CORREO")
    assert detail.deadlines.answered
    assert detail.responsible_unit == "Dirección de Pensiones"
    for paper in PAPERS:
        text = text_of(CaseDocumentService(runtime, sign_in(runtime, *CLERK))
                       .status_slip(number, paper, online=True).pdf)
        for expected in ("Archivado", "Fecha de notificación", "03/12/2026",
                         "Notificado por", "correo electrónico", "— respondido"):
            assert expected.lower() in text.lower(), (paper, expected)


def test_desistido_needs_the_signed_withdrawal(stations):
    runtime = stations.open(1)
    number = derived_case(runtime)
    clerk = sign_in(runtime, *CLERK)
    workflow = WorkflowService(runtime, clerk)
    with runtime.db.read() as session:
        outbox_before = session.scalar(select(cache.OutboxEvent.seq).order_by(
            cache.OutboxEvent.seq.desc()).limit(1))
    with refused(TransitionRefused, "desistimiento firmado"):
        workflow.withdraw(number, "El solicitante retira su solicitud")
    assert state_of(runtime, number) is CaseState.DERIVADO  # nothing changed
    with runtime.db.read() as session:
        assert session.scalar(select(cache.OutboxEvent.seq).order_by(
            cache.OutboxEvent.seq.desc()).limit(1)) == outbox_before
    with pytest.raises(TransitionRefused), stations.backoffice() as connection:
        move(connection, number, CaseState.DESISTIDO, "Desiste")  # central refuses it too

    DocumentService(runtime, clerk).add_to_case(number, scanned(DocumentType.WITHDRAWAL))
    workflow.withdraw(number, "El solicitante retira su solicitud")
    assert state_of(runtime, number) is CaseState.DESISTIDO
    report = SyncService(runtime).run()
    assert report.online and report.refused == 0, report.message
    with stations.backoffice() as connection:
        from desktop.central.models import Case

        assert connection.scalar(select(Case.state).where(Case.case_number == number)) == (
            CaseState.DESISTIDO.value)


def test_abandono_only_after_the_term_and_the_due_date_on_the_slip(stations):
    runtime = stations.open(1)
    number = derived_case(runtime)
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        # Monday 21 Dec 2026 + 10 working days: 22, 23, 24, (25 Navidad), 28, 29, 30, 31,
        # (1 Jan 2027 Año Nuevo), 4, 5, 6 January
        due = request_information(connection, number, "Certificado bancario del solicitante",
                                  date(2026, 12, 21))
    assert due == date(2027, 1, 6)
    assert SyncService(runtime).run().online
    clerk = sign_in(runtime, *CLERK)
    for paper in PAPERS:
        text = text_of(CaseDocumentService(runtime, clerk).status_slip(number, paper,
                                                                         online=True).pdf)
        for expected in ("Requiere información", "Certificado bancario del solicitante",
                         "Plazo para presentarla", "06/01/2027", "10 días hábiles",
                         "art. 140", "Tiempo de respuesta", "de 30 días hábiles"):
            assert expected in text, (paper, expected)

    with refused(TransitionRefused, "no ha vencido"), stations.backoffice() as connection:
        declare_abandonment(connection, number, date(2027, 1, 6))  # the last day still counts
    with stations.backoffice() as connection:
        assert declare_abandonment(connection, number, date(2027, 1, 7))
    assert SyncService(runtime).run().online
    assert state_of(runtime, number) is CaseState.ABANDONO
    assert CaseState.ABANDONO.is_terminal and CaseState.ABANDONO is not CaseState.DESISTIDO
    text = text_of(CaseDocumentService(runtime, clerk).status_slip(number, "a4",
                                                                   online=True).pdf)
    assert "Abandono (plazo vencido)" in text and "venció el 06/01/2027" in text
    assert "Desistido" not in text
    assert "— concluido" in text and "respondido" not in text  # no acuerdo answered it


def test_holidays_and_cantonal_days_come_from_central(stations):
    runtime = stations.open(1)  # a Quito (UIO01) station
    with runtime.db.read() as session:
        quito, guayaquil = centre_calendar(session, "UIO01"), centre_calendar(session, "GYE01")
    # national, pulled: the decree's bridge day, the moved 1 May, no invented Dec 2027 moves
    for calendar in (quito, guayaquil):
        assert not calendar.is_working_day(date(2026, 1, 2))
        assert calendar.is_working_day(date(2025, 5, 1))
        assert not calendar.is_working_day(date(2025, 5, 2))
        assert calendar.is_working_day(date(2027, 12, 24))
        assert calendar.is_working_day(date(2027, 12, 31))
    # Quito's foundation, Monday 6 December 2027, only for a Quito centre
    assert not quito.is_working_day(date(2027, 12, 6))
    assert guayaquil.is_working_day(date(2027, 12, 6))
    assert quito.working_days_between(date(2027, 12, 3), date(2027, 12, 7)) == 1
    assert guayaquil.working_days_between(date(2027, 12, 3), date(2027, 12, 7)) == 2
    # the station's module-level calendar is its centre's (other code calls these)
    assert not is_working_day(date(2027, 12, 6))
    assert working_days_between(date(2027, 12, 3), date(2027, 12, 7)) == 1
    assert add_working_days(date(2027, 12, 3), 1) == date(2027, 12, 7)

    # a Quito case's term skips 6 December; the same term in Guayaquil does not
    number = derived_case(runtime)
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        due = request_information(connection, number, "Planillas", date(2027, 11, 29))
        in_guayaquil = calendar_for(connection, "GYE01").add_working_days(date(2027, 11, 29),
                                                                          10)
    assert (due, in_guayaquil) == (date(2027, 12, 14), date(2027, 12, 13))

    # a day the back office adds reaches the station with the next sync
    from desktop.central.holidays import add_holiday

    with stations.backoffice() as connection:
        add_holiday(connection, date(2027, 12, 9), "Día de prueba", "Decreto Ejecutivo 999",
                    centre="UIO01")
    assert is_working_day(date(2027, 12, 9))
    assert SyncService(runtime).run().online
    assert not is_working_day(date(2027, 12, 9))


def test_a_galapagos_centre_prints_its_own_time(stations):
    runtime = stations.open(1)
    number = derived_case(runtime)
    with stations.backoffice() as connection:
        set_time_zone(connection, "UIO01", "America/Galapagos")  # read as Pacific/Galapagos
    assert SyncService(runtime).run().online
    with runtime.db.read() as session:
        registered = session.scalar(select(cache.Case.registered_at).where(
            cache.Case.case_number == number))
    island = registered.astimezone(ZoneInfo("Pacific/Galapagos")).strftime("%d/%m/%Y %H:%M")
    mainland = registered.astimezone(ZoneInfo(MAINLAND)).strftime("%d/%m/%Y %H:%M")
    assert island != mainland
    for paper in PAPERS:
        text = text_of(CaseDocumentService(runtime, sign_in(runtime, *CLERK))
                       .status_slip(number, paper, online=True).pdf)
        assert island in text and mainland not in text, paper
        assert "(hora de Galápagos)" in text


def test_the_simulated_back_office_notifies_by_email_and_files(stations):
    """`central simulate --email`: an issued acuerdo is notified by email and then filed,
    with no counter involved."""
    from desktop.central.backoffice import simulate
    from desktop.central.models import Case
    from desktop.db.engines import create_app_engine

    runtime = stations.open(1)
    number = derived_case(runtime)
    engine = create_app_engine(stations.backoffice_url())
    try:
        report = simulate(engine, workers=1, seconds=4, seed=7, pause=(0.0, 0.01), email=True)
        with engine.connect() as connection:
            state, via = connection.execute(select(Case.state, Case.notified_via).where(
                Case.case_number == number)).one()
    finally:
        engine.dispose()
    assert report.errors == 0
    assert (state, via) == (CaseState.CERRADO.value, "CORREO"), report.transitions


def test_a_delivery_at_the_counter_records_the_notification_at_central(stations):
    from desktop.central.models import Case
    from desktop.services.workflow import Recipient

    runtime = stations.open(1)
    number = derived_case(runtime)
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(5), concession=False)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online
    WorkflowService(runtime, sign_in(runtime, *CLERK)).deliver(number, Recipient("titular"))
    report = SyncService(runtime).run()
    assert report.online and report.refused == 0, report.message
    with stations.backoffice() as connection:
        state, via, on = connection.execute(select(
            Case.state, Case.notified_via, Case.notified_on).where(
            Case.case_number == number)).one()
        assert (state, via) == (CaseState.NOTIFICADO.value, "VENTANILLA") and on is not None
        assert move(connection, number, CaseState.CERRADO)
