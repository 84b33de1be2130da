"""Sync as the clerk sees it: the status bar, «Sincronizar ahora», the problems panel.

Windows run against a real central (the `stations` fixture: SQLite and PostgreSQL). The
offline case points the station at a listener that never answers, so a round hangs in
its connect timeout and the test can prove the window keeps working meanwhile.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy.engine import make_url

from desktop.central.backoffice import move
from desktop.central.demo import find_samples
from desktop.config import HOME_ENV
from desktop.db.engines import create_app_engine
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.outbox import OutboxStatus
from desktop.security.secrets import store_secret
from desktop.services.auth import sign_in as service_sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import OutboxProblem, SyncService
from desktop.services.workflow import WorkflowService
from desktop.sync.connection import secret_name
from tests.services import LOGIN_PASSWORD, file_withdrawal_at_central
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR
from tests.ui.keyboard import assert_accessible, press, type_text, wait_for_focus
from ui.main_window import MainWindow
from ui.models.rows import SortProxy
from ui.sync_controller import SyncState, retry_delay_ms
from ui.sync_panel import ProblemsModel, SyncPanel
from ui.sync_status import describe

WAIT = 60_000
HOUR_MS = 3_600_000


# --- the table model, without a view ---------------------------------------------------


def _problem(seq: int, case: str, minutes: int, attempts: int, status: str) -> OutboxProblem:
    created = datetime(2026, 11, 26, 17, 0, tzinfo=UTC) + timedelta(minutes=minutes)
    return OutboxProblem(seq, "Cambio de estado", case, created, OutboxStatus(status), attempts,
                         f"motivo {seq}")


def test_problems_model_rows_headers_and_sorting(qapp):
    model = ProblemsModel()
    model.set_rows([
        _problem(1, "REL-B", 30, 9, "rechazado"),
        _problem(2, "REL-A", 10, 10, "atascado"),
        _problem(3, "REL-C", 20, 1, "rechazado"),
    ])
    assert model.rowCount() == 3 and model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Evento", "Trámite", "Fecha", "Estado", "Intentos", "Motivo"]
    first = [model.index(0, c).data() for c in range(6)]
    assert first == ["Cambio de estado", "REL-B", "26/11/2026 12:30", "Rechazado", "9",
                     "motivo 1"]  # Ecuador's time (UTC-5)
    assert model.index(1, ProblemsModel.STATUS).data() == "Atascado"
    assert model.index(1, ProblemsModel.ATTEMPTS).data(ProblemsModel.SORT_ROLE) == 10
    assert model.index(2, 0).data(ProblemsModel.ITEM_ROLE).seq == 3

    proxy = SortProxy()
    proxy.setSourceModel(model)

    def cases() -> list[str]:
        return [proxy.index(r, ProblemsModel.CASE).data() for r in range(proxy.rowCount())]

    proxy.sort(ProblemsModel.DATE, Qt.SortOrder.AscendingOrder)
    assert cases() == ["REL-A", "REL-C", "REL-B"]
    proxy.sort(ProblemsModel.ATTEMPTS, Qt.SortOrder.DescendingOrder)
    assert cases() == ["REL-A", "REL-B", "REL-C"]  # 10 > 9 as numbers, not as text
    proxy.sort(ProblemsModel.CASE, Qt.SortOrder.AscendingOrder)
    assert cases() == ["REL-A", "REL-B", "REL-C"]
    model.set_rows([])
    assert proxy.rowCount() == 0


def test_status_text_and_back_off():
    when = datetime(2026, 11, 26, 17, 40, tzinfo=UTC)
    assert describe(SyncState(True, when, pending=3)) == (
        "En línea · última sincronización 26/11/2026 12:40 · 3 pendientes")
    assert describe(SyncState(False, when, pending=1, refused=1)) == (
        "Sin conexión · trabajando con datos locales del 26/11/2026 12:40 · 1 pendiente · "
        "1 con problemas")
    assert describe(SyncState(running=True)).startswith("Conectando")
    assert [retry_delay_ms(n, 30_000) for n in (1, 2, 3, 4, 5)] == [
        5_000, 10_000, 20_000, 30_000, 30_000]


# --- a window on a real central --------------------------------------------------------


def _status(window: MainWindow) -> str:
    label = window.findChild(QLabel, "sync.status")
    assert label is not None
    return label.text()


def _wait_idle(qtbot, window: MainWindow, text: str) -> None:
    """No round running, and the status says `text`."""
    assert window.sync is not None
    controller = window.sync
    qtbot.waitUntil(lambda: not controller.running and text in _status(window), timeout=WAIT)


def _register(runtime, actor, cedula: str, form_file: Path) -> str:
    service = IntakeService(runtime, actor)
    document = service.attach_file(form_file, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                       (document,))).case_number


@pytest.fixture
def eligible(stations) -> str:
    engine = create_app_engine(stations.backoffice_url())
    try:
        return find_samples(engine).eligible
    finally:
        engine.dispose()


def test_status_bar_follows_registrations_and_sync_now(qtbot, monkeypatch, stations, eligible,
                                                       signed_form, main_window, sign_in):
    stations.configure(1)
    monkeypatch.setenv(HOME_ENV, str(stations.home(1)))
    window = main_window()
    sign_in(window, *CLERK)
    _wait_idle(qtbot, window, "En línea")
    assert "última sincronización" in _status(window) and "0 pendientes" in _status(window)
    assert window.sync is not None and window.sync.state.online is True
    window.sync.set_interval(HOUR_MS)  # only F5 syncs from here on

    _register(window.runtime, window.actor, eligible, signed_form)
    # two events: the registration and its sending to review, in the same act
    qtbot.waitUntil(lambda: "2 pendientes" in _status(window), timeout=WAIT)
    assert "En línea" in _status(window)

    wait_for_focus(qtbot, "intake.cedula")
    press(Qt.Key.Key_F5)
    _wait_idle(qtbot, window, "0 pendientes")
    assert window.sync.state.pending == 0 and window.sync.state.online is True

    # every interactive widget of the status bar and the panel is named
    assert window.sync_status is not None
    assert assert_accessible(window.sync_status) == 1  # «Sincronizar ahora»
    window.findChild(QPushButton, "nav.sync").click()
    assert window.pages.currentWidget() is window.sync_panel
    assert assert_accessible(window.sync_panel) == 2  # the table and «Reintentar»
    assert not window.findChild(QPushButton, "sync.retry").isEnabled()  # a clerk
    assert window.sync_status.label.accessibleName() == "Estado de sincronización"

    # after sign-out the status stays (sync goes on for the next session); no button
    window.sign_out()
    assert "En línea" in _status(window)
    assert not window.sync_status.now.isVisibleTo(window)
    assert assert_accessible(window) == 3  # user, password, submit
    window.close()


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A port that takes connections and never answers: a central that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


@pytest.mark.parametrize("central_url", ["postgresql"], indirect=True)
def test_offline_the_window_keeps_working_and_reconnects(qtbot, monkeypatch, stations, eligible,
                                                         signed_form, blackhole, main_window,
                                                         sign_in):
    runtime = stations.open(1)  # the first pull, while the central is reachable
    assert SyncService(runtime).run().online  # and a good round: «datos locales del …»
    hanging = make_url(stations.station_url()).set(host="127.0.0.1", port=blackhole)
    store_secret(secret_name(hanging), LOGIN_PASSWORD)  # the login's password, as for init
    runtime.settings.with_changes(central_url=hanging.render_as_string(False)).save()
    runtime.close()
    monkeypatch.setenv(HOME_ENV, str(stations.home(1)))
    window = main_window()
    sign_in(window, *CLERK)
    assert window.sync is not None
    controller = window.sync

    _wait_idle(qtbot, window, "Sin conexión")  # the start round

    # a round hangs in its connect timeout (5 s); the window answers meanwhile
    controller.sync_now()
    assert controller.running
    ticks: list[int] = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    wait_for_focus(qtbot, "intake.cedula")
    type_text(eligible)
    qtbot.waitUntil(lambda: bool(ticks) and window.intake.lookup is not None, timeout=WAIT)
    assert controller.running, "the round should still be waiting for the central"
    _wait_idle(qtbot, window, "Sin conexión")
    assert controller.state.online is False
    assert "trabajando con datos locales del" in _status(window)

    # registering works offline, through the page, and counts as pending
    page = window.intake
    page.contact_fields.email.setText("ana@correo.ec")
    page.contact_fields.phone.setText("0991234567")
    page.notice.given.setChecked(True)  # the privacy notice was read
    page.cedula_verified.setChecked(True)
    page.scan.attach_path(signed_form, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(page.register.isEnabled, timeout=WAIT)
    page.submit()
    qtbot.waitUntil(lambda: page.registered is not None, timeout=WAIT)
    # two events: the registration and its sending to review, in the same act
    qtbot.waitUntil(lambda: "2 pendientes" in _status(window), timeout=WAIT)
    assert "Sin conexión" in _status(window)

    # the central is back: the next round is the reconnect round and sends the case
    window.runtime.settings = window.runtime.settings.with_changes(
        central_url=stations.station_url())
    with qtbot.waitSignal(controller.reconnected, timeout=WAIT):
        controller.sync_now()
    _wait_idle(qtbot, window, "0 pendientes")
    assert "En línea" in _status(window)
    window.close()


def test_panel_lists_a_refused_event_and_an_administrator_retries_it(qtbot, monkeypatch,
                                                                     stations, eligible,
                                                                     signed_form, main_window,
                                                                     sign_in):
    stations.configure(1)
    monkeypatch.setenv(HOME_ENV, str(stations.home(1)))
    window = main_window()
    sign_in(window, *ADMIN)
    _wait_idle(qtbot, window, "En línea")
    assert window.sync is not None
    controller = window.sync
    controller.set_interval(HOUR_MS)
    clerk = service_sign_in(window.runtime, *CLERK)
    number = _register(window.runtime, clerk, eligible, signed_form)
    controller.sync_now()
    _wait_idle(qtbot, window, "0 pendientes")

    with stations.maintenance() as connection:
        file_withdrawal_at_central(connection, number)
    with stations.backoffice() as connection:
        move(connection, number, CaseState.DESISTIDO, "desiste")
    supervisor = service_sign_in(window.runtime, *SUPERVISOR)
    WorkflowService(window.runtime, supervisor).approve(number)  # central: already desisted
    controller.sync_now()
    _wait_idle(qtbot, window, "1 con problemas")

    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # «Sincronización»
    panel = window.sync_panel
    table = wait_for_focus(qtbot, "sync.problems")
    assert panel.model.rowCount() == 1
    problem = panel.model.rows[0]
    assert (problem.case_number, problem.status) == (number, "rechazado")
    assert problem.reason
    assert panel.model.index(0, ProblemsModel.REASON).data() == problem.reason
    retry = window.findChild(QPushButton, "sync.retry")
    assert not retry.isEnabled()  # nothing selected yet
    table.selectRow(0)
    assert retry.isEnabled()

    states: list[SyncState] = []
    controller.state_changed.connect(states.append)
    retry.click()
    qtbot.waitUntil(lambda: any(s.running for s in states) and not controller.running
                    and panel.model.rowCount() == 1, timeout=WAIT)
    assert "vuelve a la cola" in window.findChild(QLabel, "sync.message").text()
    assert panel.model.rows[0].status == "rechazado"  # central's answer is final
    assert panel.model.rows[0].reason == problem.reason

    clerk_panel = SyncPanel(window.runtime, clerk, window.tasks, controller)
    qtbot.addWidget(clerk_panel)
    clerk_panel.show()
    clerk_panel.table.selectRow(0)
    assert clerk_panel.selected() is not None
    assert not clerk_panel.retry.isEnabled()
    assert assert_accessible(clerk_panel) == 2
    window.close()
