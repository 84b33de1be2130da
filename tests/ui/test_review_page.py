"""The supervisor's «Bandeja de revisión», and the supervisor's override at intake."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from sqlalchemy import select

from desktop.central.models import ContributionHistory
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.review import ReviewService
from desktop.services.status import StatusService
from tests.support.accounts import SUPERVISOR
from tests.ui.keyboard import assert_accessible, press, type_text, wait_for_focus
from ui.review_page import ReviewPage

WAIT = 10_000  # the page's work runs at once (immediate_tasks): one event-loop turn


def register(runtime, actor, cedula: str, form) -> str:
    """Registering a complete request puts it in the review queue in the same act."""
    service = IntakeService(runtime, actor)
    document = service.attach_file(form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                       (document,))).case_number


def settled_applicant(runtime) -> str:
    """A demo pensioner whose employer paid late: central has the contribution history."""
    with runtime.central().connect() as connection:
        return connection.scalar(select(ContributionHistory.cedula).order_by(
            ContributionHistory.cedula).limit(1))


def state_of(runtime, actor, number: str) -> CaseState:
    return StatusService(runtime, actor).search(number).cases[0].state


@pytest.fixture
def supervisor(runtime):
    return sign_in(runtime, *SUPERVISOR)


@pytest.fixture
def page(qtbot, runtime, supervisor, immediate_tasks):
    widget = ReviewPage(runtime, supervisor, immediate_tasks)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    return widget


def load(qtbot, page: ReviewPage, rows: int) -> None:
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=WAIT)


def answer(qtbot, page: ReviewPage, box_name: str, button: str = "yes") -> None:
    """Answer the confirmation the page asks before acting."""
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, box_name) is not None
                    and page.findChild(QMessageBox, box_name).isVisible(), timeout=WAIT)
    box = page.findChild(QMessageBox, box_name)
    box.findChild(QPushButton, f"{box_name}.{button}").click()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, box_name) is None, timeout=WAIT)


def choose(qtbot, page: ReviewPage, number: str) -> None:
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(number), 0)).row()
    page.queue.setFocus()
    page.queue.selectRow(row)
    qtbot.waitUntil(lambda: page.opened is not None
                    and page.opened.summary.case_number == number, timeout=WAIT)


def test_queue_file_preview_documents_and_approve(qtbot, page, runtime, clerk, supervisor,
                                                  samples, signed_form):
    theirs = register(runtime, clerk, settled_applicant(runtime), signed_form)
    mine = register(runtime, supervisor, samples["eligible"], signed_form)
    load(qtbot, page, 2)
    assert "2 trámites por revisar" in page.count.text()
    assert assert_accessible(page) >= 9  # queue, filter, file, actions

    choose(qtbot, page, theirs)
    assert page.detail.title.text() == theirs
    assert "En revisión" in page.detail.state.text()
    assert "Cumple los requisitos" in page.eligibility.text()
    assert page.detail.facts["cedula"].text().count("*") == 6  # masked, never the full one
    assert page.approve.isEnabled() and page.return_case.isEnabled()
    assert not page.blocked.isVisible()

    preview = page.findChild(QLabel, "review.pensionPreview.label")
    qtbot.waitUntil(lambda: page.preview.preview is not None, timeout=WAIT)
    assert "Cálculo referencial, no vinculante" in preview.text()
    assert "no se imprime" in preview.text()
    table = page.preview.table
    assert table.item(0, 0).text() != "" and table.item(9, 1).text().startswith("USD ")
    assert int(table.item(0, 1).text()) > int(table.item(0, 0).text())  # more months after
    assert "diferencia mensual" in page.preview.summary.text()
    assert page.findChild(QPushButton, "review.pensionPreview.print") is None  # never printed

    page.tabs.setCurrentIndex(1)  # Documentos: the scanned request, from this station
    qtbot.waitUntil(lambda: page.viewer.document is not None, timeout=WAIT)
    assert page.viewer.page_count() == 2
    assert page.viewer.page_label.text() == "Página 1 de 2"
    page.viewer.next.click()
    qtbot.waitUntil(lambda: page.viewer.current_page() == 1, timeout=WAIT)

    page.approve.click()
    answer(qtbot, page, "review.confirmApprove", "no")  # asked first; «no» changes nothing
    assert state_of(runtime, clerk, theirs) is CaseState.EN_REVISION
    page.approve.click()
    assert not page.approve.isEnabled()  # while asked, a second press cannot act again
    answer(qtbot, page, "review.confirmApprove")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert "derivado a la Dirección de Pensiones" in page.message.text()
    assert state_of(runtime, clerk, theirs) is CaseState.DERIVADO
    assert page.model.rows[0].summary.case_number == mine


def test_own_case_shows_but_cannot_be_acted_on(qtbot, page, runtime, supervisor, samples,
                                               signed_form):
    mine = register(runtime, supervisor, samples["eligible"], signed_form)
    load(qtbot, page, 1)
    choose(qtbot, page, mine)
    assert page.model.index(0, page.model.FLAGS).data().startswith("Registrado por usted")
    for button in (page.approve, page.return_case, page.annul):
        assert not button.isEnabled()
    assert page.blocked.isVisible() and "otro supervisor" in page.blocked.text()


def test_return_needs_a_reason_and_goes_back_to_the_clerk(qtbot, page, runtime, clerk,
                                                          samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    load(qtbot, page, 1)
    choose(qtbot, page, number)
    press(Qt.Key.Key_Return)  # Enter in the queue moves on to the actions
    assert QApplication.focusWidget() is page.approve
    page.return_case.click()
    assert "Escriba el motivo" in page.message.text()
    wait_for_focus(qtbot, "review.reason")
    type_text("Falta la página de firmas; escanéela de nuevo")
    press(Qt.Key.Key_Return)  # Enter moves on: to «Devolver», not to «Aprobar»
    assert QApplication.focusWidget() is page.return_case
    press(Qt.Key.Key_Space)
    box = page.findChild(QMessageBox, "review.confirmReturn")
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=WAIT)
    assert "Falta la página de firmas" in box.text()  # the reason, as the clerk will read it
    answer(qtbot, page, "review.confirmReturn")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT)
    assert state_of(runtime, clerk, number) is CaseState.DEVUELTO
    assert page.reason.text() == ""
    pending = ReviewService(runtime, clerk).my_open_cases()
    assert [(p.summary.case_number, p.returned_reason) for p in pending] == [
        (number, "Falta la página de firmas; escanéela de nuevo")]


def test_annul_is_confirmed_first(qtbot, page, runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    load(qtbot, page, 1)
    choose(qtbot, page, number)
    page.reason.setText("Registrado con la cédula de otra persona")

    def answer(name: str) -> None:
        page.annul.click()
        qtbot.waitUntil(lambda: page.findChild(QMessageBox, "review.confirmAnnul") is not None
                        and page.findChild(QMessageBox, "review.confirmAnnul").isVisible())
        box = page.findChild(QMessageBox, "review.confirmAnnul")
        box.findChild(QPushButton, name).click()
        qtbot.waitUntil(lambda: page.findChild(QMessageBox, "review.confirmAnnul") is None)

    answer("review.confirmAnnul.no")
    assert state_of(runtime, clerk, number) is CaseState.EN_REVISION
    answer("review.confirmAnnul.yes")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT)
    assert state_of(runtime, clerk, number) is CaseState.ANULADO
    assert "anulado" in page.message.text()


def test_a_document_from_another_station_is_explained(qtbot, page, runtime, clerk, samples,
                                                      signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    sha = StatusService(runtime, clerk).detail(number).documents[0].sha256
    runtime.blobs.path_for(sha).unlink()  # as on a workstation where it was not scanned
    load(qtbot, page, 1)
    choose(qtbot, page, number)
    page.detail.documents.setCurrentItem(page.detail.documents.topLevelItem(0))
    page.detail.documents.itemActivated.emit(page.detail.documents.topLevelItem(0), 0)
    assert page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: "no terminó de enviarlo" in page.viewer.notice.text(),
                    timeout=WAIT)
    assert "UIO01-01" in page.viewer.notice.text()


def test_filter_and_preview_without_history(qtbot, page, runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    load(qtbot, page, 1)
    page.filter.setText("zzz-nadie")
    assert page.proxy.rowCount() == 0
    page.filter.setText(page.model.rows[0].summary.applicant_name.split()[0].lower())
    assert page.proxy.rowCount() == 1
    page.filter.setFocus()
    press(Qt.Key.Key_Return)  # Enter moves on, to the queue
    assert QApplication.focusWidget() is page.queue
    choose(qtbot, page, number)
    qtbot.waitUntil(lambda: "historia laboral" in page.preview.message.text(), timeout=WAIT)
    assert not page.preview.table.isVisibleTo(page.preview)


# --- the eligibility warning, from intake to review --------------------------------------


def test_a_warning_registered_at_the_counter_is_flagged_in_the_queue_and_the_detail(
        qtbot, page, runtime, clerk, supervisor, samples, signed_form):
    """Petition first (issue 11): a suspended pension no longer blocks the counter; the
    supervisor sees what could not be confirmed, in the queue and in the detail."""
    number = register(runtime, clerk, samples["suspended"], signed_form)
    load(qtbot, page, 1)
    choose(qtbot, page, number)
    assert "advertencia" in page.model.index(0, page.model.FLAGS).data()
    assert "La pensión está suspendida" in page.detail.warning.text()
    assert page.detail.warning.isVisible()
    assert [item.warning for item in ReviewService(runtime, supervisor).queue()] == [True]
