"""«Consulta de estado»: search, barcode, «Mis trámites», slip and acuerdo, delivery."""

from __future__ import annotations

import io
import random
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from shiboken6 import isValid
from sqlalchemy import select

from desktop.central.backoffice import issue_agreement, move
from desktop.clock import now
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in as service_sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store.models import Case, Delivery
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.files import make_pdf
from tests.ui.keyboard import (
    assert_accessible,
    focused,
    press,
    tab,
    type_text,
    wait_for_focus,
    wait_for_window,
)
from ui.status_page import StatusPage
from ui.sync_controller import SyncState

WAIT = 10_000  # the page's work runs at once (immediate_tasks): one event-loop turn


def register(runtime, actor, cedula: str, form) -> str:
    service = IntakeService(runtime, actor)
    document = service.attach_file(form, DocumentType.SIGNED_REQUEST)
    return service.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                       (document,))).case_number


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def online() -> list[bool | None]:
    return [True]


@pytest.fixture
def page(qtbot, runtime, clerk, online, immediate_tasks):
    widget = StatusPage(runtime, clerk, immediate_tasks, online=lambda: online[0])
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    widget.focus_query()
    wait_for_focus(qtbot, "status.query")
    return widget


def search(qtbot, page: StatusPage, text: str) -> None:
    page.focus_query()
    type_text(text)
    press(Qt.Key.Key_Return)


def wait_opened(qtbot, page: StatusPage, number: str) -> None:
    qtbot.waitUntil(lambda: page.opened is not None
                    and page.opened.summary.case_number == number
                    and page.detail.title.text() == number, timeout=WAIT)


def test_search_by_cedula_opens_the_only_case_and_says_how_fresh(qtbot, page, runtime, clerk,
                                                                 samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    assert "según información sincronizada el" in page.freshness.text()
    search(qtbot, page, samples["eligible"])
    wait_opened(qtbot, page, number)
    assert "según información sincronizada el" in page.freshness.text()
    assert page.results.rowCount() == 1
    assert "En revisión" in page.detail.state.text()  # registering sent it to review
    assert samples["eligible"] not in page.detail.facts["cedula"].text()
    history = page.detail.history
    assert [history.topLevelItem(row).text(1) for row in range(history.topLevelItemCount())
            ] == ["En revisión", "Ingresado"]  # the latest first
    assert page.print_slip.isEnabled() and not page.print_agreement.isEnabled()
    assert not page.deliver.isEnabled() and not page.correct.isEnabled()
    assert not page.send_to_review.isVisible()
    assert assert_accessible(page) >= 9
    shown = page.freshness.text()
    page.show_sync_state(SyncState(True, now() + timedelta(minutes=1)))  # a round lands
    assert shown in page.freshness.text()  # still the time the shown answer comes from
    assert "Hay información más reciente" in page.freshness.text()


def test_a_barcode_reader_opens_the_case_at_once(qtbot, page, runtime, clerk, samples,
                                                 signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    search(qtbot, page, number)  # what the reader types: the QR's case number and Enter
    wait_opened(qtbot, page, number)
    assert focused() is page.query and page.query.selectedText() == number
    type_text(number)  # the next scan replaces the old text
    assert page.query.text() == number


def test_a_mistyped_case_number_says_so(qtbot, page, runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    search(qtbot, page, wrong)
    qtbot.waitUntil(lambda: "error de digitación" in page.message.text(), timeout=WAIT)
    assert page.opened is None and focused() is page.query


def test_by_name_without_accents_and_in_part(qtbot, page, runtime, clerk, samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    name = page.status.search(number).cases[0].applicant_name
    surname = name.split()[0]
    plain = "".join(c for c in unicodedata.normalize("NFKD", surname)
                    if not unicodedata.combining(c)).lower()
    search(qtbot, page, f"{plain[:4]} {name.split()[-1].upper()}")
    wait_opened(qtbot, page, number)


def test_several_results_are_listed_and_enter_opens_one(qtbot, page, runtime, clerk, samples,
                                                        signed_form):
    supervisor = service_sign_in(runtime, *SUPERVISOR)
    first = register(runtime, clerk, samples["eligible"], signed_form)
    WorkflowService(runtime, supervisor).annul(first, "Registro duplicado por error")
    second = register(runtime, clerk, samples["eligible"], signed_form)
    search(qtbot, page, samples["eligible"])
    table = wait_for_focus(qtbot, "status.results")
    assert page.results.rowCount() == 2 and page.opened is None
    assert "2 trámites encontrados" in page.message.text()
    assert page.results_proxy.item(0).case_number == second  # the latest first
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    wait_opened(qtbot, page, first)
    assert table is page.results_table and "Anulado" in page.detail.state.text()
    assert "Registro duplicado por error" in page.detail.history.topLevelItem(0).text(4)


RETURN_REASON = ("Falta el comprobante de pago del empleador; el correo tiene un error de "
                 "digitación. Corrija ambos y reenvíe, por favor.")


def test_a_returned_case_is_corrected_at_the_counter_and_goes_back_to_review(
        qtbot, page, runtime, clerk, samples, signed_form, tmp_path):
    from desktop.services.review import ReviewService

    supervisor = service_sign_in(runtime, *SUPERVISOR)
    number = register(runtime, clerk, samples["eligible"], signed_form)
    page.load_mine()  # «Mis trámites»: every open case of the clerk, in review too
    qtbot.waitUntil(lambda: page.mine.rowCount() == 1, timeout=WAIT)
    assert page.mine.index(0, page.mine.STATE).data() == "En revisión"
    WorkflowService(runtime, supervisor).return_case(number, RETURN_REASON)
    page.load_mine()
    qtbot.waitUntil(lambda: "1 devuelto" in page.lists.tabText(1), timeout=WAIT)
    assert page.mine.index(0, page.mine.NOTE).data() == RETURN_REASON
    page.lists.setCurrentIndex(1)
    page.mine_table.setFocus()
    page.mine_table.selectRow(0)
    press(Qt.Key.Key_Return)
    wait_opened(qtbot, page, number)
    assert "Devuelto con observaciones" in page.detail.state.text()
    assert RETURN_REASON in page.detail.returned.text()  # in full, not a truncated column
    assert page.detail.returned.isVisible()

    assert page.correct.isEnabled()
    page.correct.click()
    dialog = wait_for_window(qtbot, "correction.dialog")
    qtbot.waitUntil(lambda: dialog.case is not None, timeout=WAIT)
    assert RETURN_REASON in dialog.reason.text()
    assert dialog.contact_fields.email.text() == "ana@correo.ec"  # in full: the clerk corrects it
    assert assert_accessible(dialog) >= 10
    dialog.contact_fields.email.selectAll()
    type_text("ana.maria@correo.ec")
    proof = tmp_path / "comprobante.pdf"
    proof.write_bytes(make_pdf(1, "Comprobante de pago del empleador"))
    dialog.checklist.setCurrentItem(dialog.checklist.topLevelItem(1))  # payment proofs
    proofs = DocumentType.EMPLOYER_PAYMENT_PROOF
    dialog.scan.attach_path(proof, proofs)
    qtbot.waitUntil(lambda: proofs in dialog.scan.attached, timeout=WAIT)
    assert "Adjuntado" in dialog.checklist.topLevelItem(1).text(1)
    assert "Recibido" in dialog.checklist.topLevelItem(0).text(1)  # the signed request
    qtbot.waitUntil(dialog.send.isEnabled, timeout=WAIT)
    dialog.send.setFocus()
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "En revisión" in page.detail.state.text(), timeout=WAIT)
    assert "corregido y enviado otra vez a revisión" in page.message.text()

    # the same case, with its history and the new document, is back in the queue
    queue = ReviewService(runtime, supervisor).queue()
    assert [item.summary.case_number for item in queue] == [number]
    detail = page.status.detail(number)
    assert [h.state for h in detail.history] == [
        CaseState.INGRESADO, CaseState.EN_REVISION, CaseState.DEVUELTO, CaseState.EN_REVISION]
    assert {d.document_type for d in detail.documents} == {DocumentType.SIGNED_REQUEST, proofs}
    assert detail.email_masked.startswith("an") and detail.email_masked != "ana.maria@correo.ec"
    page.load_mine()
    qtbot.waitUntil(lambda: "devuelto" not in page.lists.tabText(1), timeout=WAIT)
    assert page.mine.rowCount() == 1  # still the clerk's open case, now in review


def save_through_dialog(qtbot, prefix: str, target: Path) -> None:
    """Ctrl+S in the preview dialog, a path typed in the file dialog, then Escape."""
    dialog = wait_for_window(qtbot, f"{prefix}.dialog")
    save = dialog.findChild(QPushButton, f"{prefix}.save")
    qtbot.waitUntil(save.isEnabled, timeout=WAIT)
    assert assert_accessible(dialog) >= 4
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_window(qtbot, f"{prefix}.saveDialog")
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(str(target))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists, timeout=WAIT)
    message = dialog.findChild(QLabel, f"{prefix}.message")
    qtbot.waitUntil(lambda: "PDF guardado" in message.text(), timeout=WAIT)
    assert "Original" in dialog.findChild(QLabel, f"{prefix}.copyInfo").text()  # an export
    wait_for_window(qtbot, f"{prefix}.dialog")
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)


def test_the_slip_printed_offline_says_so(qtbot, page, runtime, clerk, samples, signed_form,
                                          online, tmp_path):
    online[0] = False
    number = register(runtime, clerk, samples["eligible"], signed_form)
    search(qtbot, page, number)
    wait_opened(qtbot, page, number)
    page.show_freshness()
    assert "Sin conexión" in page.freshness.text()
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "estado.pdf"
    save_through_dialog(qtbot, "slip", target)
    text = text_of(target)
    assert number in text and "desactualizada" in text.lower()
    assert samples["eligible"] not in text


def test_a_third_party_gets_a_slip_without_the_case_s_reasons(qtbot, page, runtime, clerk,
                                                              samples, signed_form, tmp_path):

    from desktop.store.models import AuditEntry

    number = register(runtime, clerk, samples["eligible"], signed_form)
    WorkflowService(runtime, service_sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    with runtime.central().begin() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        move(connection, number, CaseState.REQUIERE_INFO, "Certificado bancario del titular")
    assert SyncService(runtime).run().online
    search(qtbot, page, number)
    wait_opened(qtbot, page, number)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_window(qtbot, "slip.dialog")
    asked = dialog.findChild(QComboBox, "slip.requester")
    assert asked.count() == 3 and asked.currentText() == "El pensionista (titular)"
    qtbot.waitUntil(asked.isEnabled, timeout=WAIT)  # the preview is ready
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # «Quién lo solicita:»
    assert focused() is asked
    for _step in range(2):  # each choice renders the preview again
        press(Qt.Key.Key_Down)
        qtbot.waitUntil(asked.isEnabled, timeout=WAIT)
        asked.setFocus()
    assert asked.currentText() == "Un tercero"
    target = tmp_path / "tercero.pdf"
    save_through_dialog(qtbot, "slip", target)
    text = text_of(target)
    assert number in text and "Requiere información" in text
    assert "Certificado bancario" not in text
    with runtime.db.read() as session:
        details = session.scalars(select(AuditEntry.details).where(
            AuditEntry.case_number == number, AuditEntry.action == "hoja_estado.exported")).all()
    assert details and details[-1]["requester"] == "tercero"


def decided(runtime, clerk, cedula: str, form) -> str:
    """Registered, approved, and issued an acuerdo by the (demo) central, synced back."""
    number = register(runtime, clerk, cedula, form)
    WorkflowService(runtime, service_sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    with runtime.central().begin() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(5), concession=True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online
    return number


def test_acuerdo_copy_and_delivery_to_a_representative(qtbot, page, runtime, clerk, samples,
                                                       signed_form, tmp_path):

    from desktop.store.models import Agreement

    number = decided(runtime, clerk, samples["eligible"], signed_form)
    with runtime.db.read() as session:
        acuerdo, code = session.execute(select(Agreement.number, Agreement.signature_code)
                                        .where(Agreement.case_number == number)).one()
    search(qtbot, page, f"IESS-ACUERDO|{acuerdo}|{code}")  # a reader types the acuerdo's QR
    wait_opened(qtbot, page, number)
    assert "Acuerdo IESS-CPPPCH-" in page.detail.agreement.text()
    assert "Firmado electrónicamente por" in page.detail.agreement.text()
    assert "firma válida" in page.detail.agreement.text()  # verified here, offline
    assert page.print_agreement.isEnabled() and page.deliver.isEnabled()
    page.print_agreement.click()
    asked = wait_for_window(qtbot, "agreement.dialog").findChild(QComboBox, "agreement.requester")
    assert [asked.itemText(i) for i in range(asked.count())] == [
        "El pensionista (titular)", "Su representante"]  # never a third party
    dialog = asked.window()
    save = dialog.findChild(QPushButton, "agreement.save")
    qtbot.waitUntil(save.isEnabled, timeout=WAIT)
    asked.setCurrentIndex(1)  # a representative, and no poder on file: no copy to print
    qtbot.waitUntil(lambda: "no tiene un poder en el expediente" in dialog.findChild(
        QLabel, "agreement.message").text(), timeout=WAIT)
    assert not save.isEnabled() and dialog.rendered is None
    asked.setCurrentIndex(0)
    qtbot.waitUntil(save.isEnabled, timeout=WAIT)
    target = tmp_path / "acuerdo.pdf"
    save_through_dialog(qtbot, "agreement", target)
    assert "ACUERDO Nro. IESS-CPPPCH-" in text_of(target)

    page.deliver.click()
    dialog = wait_for_window(qtbot, "delivery.dialog")
    assert assert_accessible(dialog) >= 4
    assert focused().objectName() == "delivery.titular"
    press(Qt.Key.Key_Down)  # the radio group: to «Un representante»
    assert dialog.representative.isChecked()
    tab()
    assert focused().objectName() == "delivery.name"
    type_text("Ana")
    press(Qt.Key.Key_Return)
    assert focused().objectName() == "delivery.cedula"
    type_text(samples["not_pensioner"])
    press(Qt.Key.Key_Return)
    message = dialog.findChild(QLabel, "delivery.message")
    qtbot.waitUntil(lambda: "nombres y apellidos" in message.text(), timeout=WAIT)
    dialog.name.setText("Ana Lucía Peñafiel Ortiz")
    dialog.cedula.setFocus()
    press(Qt.Key.Key_Return)
    # no power of attorney on file: refused, in words, and the case stays as it was
    qtbot.waitUntil(lambda: "no tiene un poder en el expediente" in message.text(),
                    timeout=WAIT)
    assert dialog.isVisible() and page.deliver.isEnabled()
    dialog.titular.setChecked(True)  # the pensioner came in person after all
    dialog.submit.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "Entregado / notificado" in page.detail.state.text(), timeout=WAIT)
    with runtime.db.read() as session:
        holder = session.scalar(select(Case.applicant_name).where(Case.case_number == number))
    assert holder in page.detail.agreement.text()
    assert not page.deliver.isEnabled()
    assert page.results.index(0, page.results.STATE).data() == "Entregado / notificado"


def test_a_poder_brought_later_is_added_and_the_representative_takes_the_acuerdo(
        qtbot, page, runtime, clerk, samples, signed_form):
    number = decided(runtime, clerk, samples["eligible"], signed_form)
    search(qtbot, page, number)
    wait_opened(qtbot, page, number)
    assert not page.opened.power_of_attorney and page.add_document.isEnabled()
    page.add_document.click()
    dialog = wait_for_window(qtbot, "addDocument.dialog")
    assert assert_accessible(dialog) >= 4
    labels = [row.text(0) for row, _item in dialog.checklist._rows()]
    assert "Poder del representante (si lo presenta un apoderado)" in labels
    assert "Desistimiento firmado por el solicitante" in labels
    assert not any(label.startswith("Solicitud de reliquidación") for label in labels)
    assert not dialog.add.isEnabled()  # nothing scanned or imported yet
    dialog.close_button.click()
    add_document(qtbot, page, DocumentType.POWER_OF_ATTORNEY, signed_form)
    qtbot.waitUntil(lambda: "1 documento agregado al trámite" in page.message.text(),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: page.opened.power_of_attorney, timeout=WAIT)

    page.deliver.click()  # now a representative may take it
    delivery = wait_for_window(qtbot, "delivery.dialog")
    delivery.representative.setChecked(True)
    delivery.name.setText("Ana Lucía Peñafiel Ortiz")
    delivery.cedula.setText(samples["not_pensioner"])
    delivery.submit.click()
    qtbot.waitUntil(lambda: "Entregado / notificado" in page.detail.state.text(), timeout=WAIT)
    with runtime.db.read() as session:
        delivered = session.scalars(select(Delivery).where(
            Delivery.case_number == number)).one()
    assert (delivered.recipient_kind, delivered.recipient_name) == (
        "representante", "Ana Lucía Peñafiel Ortiz")


def add_document(qtbot, page: StatusPage, document_type: DocumentType, path: Path) -> None:
    """Through «Agregar documento…», as the clerk does it."""
    page.add_document.click()
    dialog = wait_for_window(qtbot, "addDocument.dialog")
    row = next(row for row, item in dialog.checklist._rows()
               if item.document_type is document_type)
    dialog.checklist.setCurrentItem(row)
    dialog.scan.attach_path(path, document_type)
    qtbot.waitUntil(dialog.add.isEnabled, timeout=WAIT)
    dialog.add.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)


def test_a_written_withdrawal_ends_the_case_once_it_is_on_file(qtbot, page, runtime, clerk,
                                                               samples, signed_form):
    number = register(runtime, clerk, samples["eligible"], signed_form)
    search(qtbot, page, number)
    wait_opened(qtbot, page, number)
    assert page.withdraw.isVisible() and page.withdraw.isEnabled()
    page.withdraw.click()
    dialog = wait_for_window(qtbot, "withdrawal.dialog")
    assert assert_accessible(dialog) >= 3
    message = dialog.findChild(QLabel, "withdrawal.message")
    assert "no está en el expediente" in message.text()
    dialog.reason.setText("Ya no desea la reliquidación")
    assert not dialog.submit.isEnabled()  # not without the signed withdrawal
    dialog.cancel.click()

    add_document(qtbot, page, DocumentType.WITHDRAWAL, signed_form)
    qtbot.waitUntil(lambda: any(d.document_type is DocumentType.WITHDRAWAL
                                for d in page.opened.documents), timeout=WAIT)
    page.withdraw.click()
    dialog = wait_for_window(qtbot, "withdrawal.dialog")
    assert not dialog.submit.isEnabled()  # a reason first
    dialog.reason.setText("Ya no desea la reliquidación")
    dialog.submit.click()
    qtbot.waitUntil(lambda: "Desistido" in page.detail.state.text(), timeout=WAIT)
    assert "Desistimiento del trámite" in page.message.text()
    assert not page.withdraw.isEnabled() and not page.add_document.isEnabled()


def test_the_workspace_has_status_for_everyone_and_review_for_supervisors(qtbot, home,
                                                                          main_window, sign_in):
    window = main_window()

    def sign_in_as(login: tuple[str, str], start: str) -> None:
        sign_in(window, *login)  # each role on its main page
        assert focused().objectName() == start

    sign_in_as(CLERK, "intake.cedula")
    assert window.nav("nav.status").isVisibleTo(window)
    assert window.nav("nav.review") is None and window.review_page is None
    press(Qt.Key.Key_F2)  # from anywhere in the workspace
    wait_for_focus(qtbot, "status.query")
    assert window.pages.currentWidget() is window.status_page
    assert window.status_page.lists.isTabVisible(1)  # «Mis trámites»
    press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    wait_for_focus(qtbot, "intake.cedula")
    press(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    wait_for_focus(qtbot, "status.query")
    assert assert_accessible(window) >= 12
    window.sign_out()

    sign_in_as(SUPERVISOR, "review.queue")
    assert window.nav("nav.review").isVisibleTo(window)
    assert window.nav("nav.review").isChecked()
    press(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    wait_for_focus(qtbot, "status.query")
    press(Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    wait_for_focus(qtbot, "review.queue")
    assert window.pages.currentWidget() is window.review_page
    assert assert_accessible(window) >= 14
    window.close()


def test_requested_information_shows_its_due_date_and_the_response_age(qtbot, page, runtime,
                                                                      clerk, samples,
                                                                      signed_form):
    """Issue 11: the page says until when the applicant may bring what central asked for,
    and how many of the institution's 30 working days have gone."""
    from datetime import date

    from desktop.central.backoffice import request_information

    number = register(runtime, clerk, samples["eligible"], signed_form)
    WorkflowService(runtime, service_sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    with runtime.central().begin() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        assert request_information(connection, number, "Certificado bancario",
                                   date(2026, 12, 21)) == date(2027, 1, 6)
    assert SyncService(runtime).run().online
    search(qtbot, page, number)
    wait_opened(qtbot, page, number)
    missing = page.detail.missing_info.text()
    assert "Certificado bancario" in missing and "hasta el 06/01/2027" in missing
    response = page.detail.facts["response"].text()
    assert "de 30 días hábiles" in response and "art. 207" in response
    label = page.detail.facts["response"]
    assert label.objectName() == "status.detail.response" and label.accessibleName()


def test_the_page_never_asks_for_more_than_a_1024_px_screen(page):
    """Every action button shown and the freshness line at its longest (newer data and
    offline notes): the page still fits a 1024-px counter monitor."""
    for button in (page.print_slip, page.print_agreement, page.deliver, page.add_document,
                   page.withdraw, page.correct, page.send_to_review):
        button.setVisible(True)
    page.freshness.setText(
        "Trámites y estados según información sincronizada el 05/12/2026 21:54. Hay "
        "información más reciente: consulte de nuevo para verla. Sin conexión con la "
        "central: puede haber cambios más recientes.")
    assert page.minimumSizeHint().width() <= 1024 - 2 * 16
