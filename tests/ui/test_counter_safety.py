"""Counter safety (issue 9): nothing of the last person stays on screen for the next one, a
form in progress is never dropped without asking, the window comes back where it was, and
a demo station tells its trainees how to sign in (a production one never does)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in as service_sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.workflow import WorkflowService
from tests.support.accounts import CLERK, SUPERVISOR
from tests.ui.keyboard import press, type_text, wait_for_focus, wait_for_window

WAIT = 30_000


def _register(runtime, clerk, cedula: str, form) -> str:
    service = IntakeService(runtime, clerk)
    document = service.attach_file(form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                       (document,))).case_number


def test_a_new_search_clears_the_last_case_before_anything_else(qtbot, home, runtime, clerk,
                                                               samples, signed_form,
                                                               main_window, sign_in):
    number = _register(runtime, clerk, samples["eligible"], signed_form)
    window = main_window()
    sign_in(window, *CLERK)
    press(Qt.Key.Key_F2)
    status = window.status_page
    wait_for_focus(qtbot, "status.query")
    type_text(number)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.opened is not None, timeout=WAIT)
    assert status.print_slip.isEnabled()

    for next_query in ("García Inexistente Zzz", "REL-UIO01-01-2026-000001-0"):
        status.query.selectAll()
        type_text(next_query)
        press(Qt.Key.Key_Return)
        # at once, before the answer: the last person's case is gone, its slip unreachable
        assert status.opened is None and not status.print_slip.isEnabled()
        assert status.detail.title.text() == "Ningún trámite abierto"
        qtbot.waitUntil(lambda: status.message.text() not in ("", "Buscando…"), timeout=WAIT)
        assert status.opened is None and not status.print_slip.isEnabled()
    window.close()


def test_one_click_opens_a_case_in_the_list(qtbot, home, runtime, clerk, samples,
                                           signed_form, main_window, sign_in):
    first = _register(runtime, clerk, samples["eligible"], signed_form)
    WorkflowService(runtime, service_sign_in(runtime, *SUPERVISOR)).annul(first, "Duplicado")
    second = _register(runtime, clerk, samples["eligible"], signed_form)
    window = main_window()
    sign_in(window, *CLERK)
    press(Qt.Key.Key_F2)
    status = window.status_page
    wait_for_focus(qtbot, "status.query")
    type_text(samples["eligible"])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.results.rowCount() == 2, timeout=WAIT)
    assert status.opened is None  # two answers: the clerk chooses
    table = status.results_table
    row = next(r for r in range(2) if status.results_proxy.item(r).case_number == first)
    rect: QRect = table.visualRect(status.results_proxy.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: status.opened is not None
                    and status.opened.summary.case_number == first, timeout=WAIT)
    assert second != first
    window.close()


def test_closing_with_a_form_in_progress_asks_first(qtbot, home, samples, main_window,
                                                    sign_in):
    window = main_window()
    sign_in(window, *CLERK)
    type_text(samples["eligible"][:6])
    window.close()
    box = wait_for_window(qtbot, "main.confirmClose")
    assert isinstance(box, QMessageBox) and "a medio ingresar" in box.text()
    assert QApplication.focusWidget().objectName() == "main.confirmClose.no"  # safe default
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and window.intake.cedula.text() == samples["eligible"][:6]
    window.close()
    box = wait_for_window(qtbot, "main.confirmClose")
    box.findChild(QPushButton, "main.confirmClose.yes").click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)


def test_the_window_comes_back_where_it_was_left(qtbot, home, main_window):
    window = main_window()
    assert window.isMaximized()  # the first time
    window.showNormal()
    window.setGeometry(40, 50, 700, 520)
    qtbot.waitUntil(lambda: window.geometry().width() == 700)
    window.close()
    again = main_window()
    assert not again.isMaximized()
    assert (again.geometry().width(), again.geometry().height()) == (700, 520)
    again.close()


def test_a_demo_station_shows_its_logins_on_the_sign_in_page(qtbot, home, main_window):
    window = main_window()
    shown = window.login.demo
    assert shown.isVisible()
    for text in ("oficinista.uio", "uio-oficinista-2026", "supervisor.uio", "Supervisor"):
        assert text in shown.text()
    assert "oficinista.gye" not in shown.text()  # another centre's cannot sign in here
    window.close()
