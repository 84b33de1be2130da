"""Child script: every page and every dialog reached from it, for each role, on a real X
display; after each step the geometry check of driver.py. Writes its results as JSON."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QTreeWidget

from tests.xdisplay import driver as d
from tests.xdisplay.prepare import ADMIN, CLERK, SUPERVISOR, Prepared, prepare

INTAKE_MESSAGES = ("intake.missing", "intake.attachMessage", "intake.registerMessage")


def status_open(case_number: str) -> None:
    query = d.enabled("status.query", QLineEdit)
    query.setFocus()
    query.selectAll()
    query.insert(case_number)
    QTest.keyClick(query, Qt.Key.Key_Return)
    d.wait(lambda: d.find("status.detail.title") is not None
           and d.find("status.detail.title").text() == case_number, 30, case_number)


def open_and_check(button: str, window: str, where: str) -> None:
    d.click(button)
    dialog = d.modal(window)
    d.check(where)
    d.close_window(dialog)
    d.settle(300)


def clerk(prepared: Prepared, window) -> None:
    d.sign_in(*CLERK, start="intake.cedula")
    d.check("clerk: intake (empty)", INTAKE_MESSAGES)
    page = window.intake
    # a registration through the window: missing list, import message, result, receipt
    # the most the form ever shows: a foreigner's passport, an unknown person's name, a
    # representative with a passport, and the warning (issue 11)
    page.notice.given.setChecked(True)
    page.applicant_id.set_passport("CO", "AB123456")
    d.wait(lambda: page.lookup is not None, 30, "passport lookup")
    page.representative.enabled.setChecked(True)
    page.representative.identity.set_passport("PE", "XY765432")
    d.check("clerk: intake (passport, representative, warning)", INTAKE_MESSAGES)
    page.representative.enabled.setChecked(False)
    page.applicant_id.clear()
    page.cedula.setText(prepared.free_cedula)
    d.wait(lambda: page.lookup is not None, 30, "lookup")
    page.contact_fields.email.setText("rosa.pazmino@correo.ec")
    page.contact_fields.phone.setText("0991234567")
    d.check("clerk: intake (half filled)", INTAKE_MESSAGES)
    page.checklist.setCurrentItem(page.checklist.topLevelItem(0))
    d.click("intake.attach")
    dialog = d.modal("intake.fileDialog")
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    d.RESULTS.notes["file dialog labels"] = labels
    d.check("clerk: intake, file dialog")
    d.close_window(dialog)
    page.scan.attach_path(prepared.form, page.checklist.selected_type())
    d.wait(lambda: page.attached, 30, "attached")
    page.cedula_verified.setChecked(True)
    d.wait(page.register.isEnabled, 30, "Registrar enabled")
    d.check("clerk: intake (ready)", INTAKE_MESSAGES)
    started = time.perf_counter()
    d.click("intake.register")
    receipt = d.modal("receipt.dialog")
    d.wait(lambda: d.find("receipt.save") is not None and d.find("receipt.save").isEnabled(),
           30, "receipt rendered")
    d.RESULTS.time("Registrar → comprobante en pantalla (s)", time.perf_counter() - started)
    d.check("clerk: receipt dialog")
    d.click("receipt.print")
    printing = d.modal("receipt.printDialogWindow")
    d.check("clerk: print dialog")
    printing.reject()
    d.close_window(receipt)
    d.check("clerk: intake (registered)", INTAKE_MESSAGES)

    d.click("nav.status")
    d.widget("status.query")
    d.check("clerk: status")
    status_open(prepared.returned)
    d.check("clerk: status, returned case")
    d.click("status.correct")
    correction = d.modal("correction.dialog")
    d.wait(lambda: correction.case is not None, 30, "correction loaded")
    d.check("clerk: correction dialog")
    d.close_window(correction)
    status_open(prepared.decided)
    open_and_check("status.printSlip", "slip.dialog", "clerk: status slip dialog")
    open_and_check("status.printAgreement", "agreement.dialog", "clerk: acuerdo dialog")
    open_and_check("status.deliver", "delivery.dialog", "clerk: delivery dialog")
    open_and_check("status.addDocument", "addDocument.dialog", "clerk: add document dialog")
    open_and_check("status.withdraw", "withdrawal.dialog", "clerk: withdrawal dialog")
    documents = d.widget("status.detail.documents", QTreeWidget)
    documents.setCurrentItem(documents.topLevelItem(0))
    documents.itemActivated.emit(documents.topLevelItem(0), 0)
    viewer = d.modal("status.viewer")
    d.check("clerk: document viewer")
    d.close_window(viewer)
    window.status_page.lists.setCurrentIndex(1)
    d.check("clerk: status, mis trámites")

    d.click("nav.sync")
    d.check("clerk: sync page")
    complaints(window)
    d.click("nav.password")
    password = d.modal("password.dialog")
    d.check("clerk: password dialog")
    d.close_window(password)
    d.click("nav.intake")
    d.click("intake.newCase")
    window.intake.cedula.setText(prepared.free_cedula[:5])  # a form in progress
    d.click("nav.lock")
    d.widget("lock.password")
    d.check("clerk: lock page")
    d.widget("lock.password", QLineEdit).setText(CLERK[1])
    d.click("lock.unlock")
    d.widget("intake.cedula")
    d.click("nav.signOut")
    d.widget("main.confirmSignOut")
    d.check("clerk: sign-out question")
    d.answer("main.confirmSignOut", "yes")
    d.widget("login.username")


def complaints(window) -> None:
    """Issue 13: the complaints page, the constancia, the attention dialog both ways."""
    d.click("nav.complaints")
    d.widget("complaints.channel")
    d.check("clerk: complaints page")
    page = window.workspace.complaints_page
    page.text.setPlainText("Esperé dos horas aunque tenía turno en línea para las 09:30.")
    page.email.setText("quien.reclama@correo.ec")
    d.click("complaints.register")
    constancia = d.modal("complaintAck.dialog")
    d.wait(lambda: d.find("complaintAck.save") is not None
           and d.find("complaintAck.save").isEnabled(), 30, "constancia rendered")
    d.check("clerk: complaint constancia dialog")
    d.close_window(constancia)
    d.wait(lambda: page.table.rowCount() > 0, 30, "complaints listed")
    d.check("clerk: complaints page, one registered")
    window.workspace.open_attention()  # the complaint opened one: the dialog closes it
    d.modal("attention.dialog")
    d.check("clerk: attention dialog (close)")
    d.click("attention.closeSubmit")
    d.wait(lambda: window.workspace.attention_status.current is None, 30, "attention closed")
    opening = window.workspace.open_attention()
    d.widget("attention.turno")
    d.check("clerk: attention dialog (open)")
    d.close_window(opening)
    d.settle(300)


def supervisor(prepared: Prepared, window) -> None:
    d.sign_in(*SUPERVISOR, start="review.queue")
    page = window.review_page
    queue = d.widget("review.queue", QTableView)
    d.wait(lambda: page.model.rowCount() > 0, 30, "queue loaded")
    d.check("supervisor: review queue")
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(prepared.queued), 0))
    queue.setFocus()
    queue.selectRow(row.row())
    d.wait(lambda: page.opened is not None, 30, "case opened")
    d.check("supervisor: review, case open")
    for index, name in ((1, "documents"), (2, "preview")):
        page.tabs.setCurrentIndex(index)
        d.settle(800)
        d.check(f"supervisor: review, {name} tab")
    page.tabs.setCurrentIndex(0)
    d.click("review.approve")
    d.widget("review.confirmApprove")
    d.check("supervisor: approve question")
    d.answer("review.confirmApprove", "no")
    d.click("nav.intake")
    d.check("supervisor: intake", INTAKE_MESSAGES)
    d.click("nav.status")
    d.check("supervisor: status")
    d.click("nav.sync")
    d.check("supervisor: sync page")
    d.click("nav.complaints")
    complaints_page = window.workspace.complaints_page
    d.wait(lambda: complaints_page.table.rowCount() > 0, 30, "complaints listed")
    complaints_page.table.selectRow(0)
    d.check("supervisor: complaints page")
    d.click("nav.reports")
    reports = window.reports_page
    d.wait(lambda: reports.centre.count() > 1, 30, "report centres")
    d.click("reports.generate")
    d.wait(lambda: reports.report is not None, 60, "report shown")
    d.check("supervisor: reports page")
    reports.tabs.setCurrentIndex(reports.tabs.count() - 1)
    d.settle(800)
    d.check("supervisor: reports, charts tab")
    d.click("nav.signOut")
    d.widget("login.username")


def administrator(window) -> None:
    d.sign_in(*ADMIN, start="status.query")
    d.check("administrator: status")
    d.click("nav.sync")
    d.check("administrator: sync page")
    d.click("nav.staff")
    page = window.staff_page
    d.wait(lambda: page.model.rowCount() > 0 and page.centre.count() > 0, 30, "staff")
    d.check("administrator: staff page")
    table = d.widget("staff.table", QTableView)
    table.setFocus()
    table.selectRow(page.proxy.mapFromSource(
        page.model.index(page.model.row_of(CLERK[0]), 0)).row())
    page.centre.setCurrentIndex(max(0, page.centre.findData("GYE01")))
    d.click("staff.moveCentre")
    d.widget("staff.moveConfirm")
    d.check("administrator: move question")
    d.answer("staff.moveConfirm", "no")
    d.click("nav.signOut")
    d.widget("login.username")


def walk(window, prepared: Prepared) -> None:
    d.check("sign-in page")
    d.RESULTS.notes["window maximized"] = window.isMaximized()
    clerk(prepared, window)
    supervisor(prepared, window)
    administrator(window)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        return d.run_app(walk, lambda: prepare(Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
