"""Child script: «Imprimir…» in the receipt, status-slip and acuerdo dialogs opens Qt's real
print dialog; choosing the CUPS queue given in XDISPLAY_QUEUE and accepting sends the job.
Reports, per document: the copies counted before and after, whether cancelling the print
dialog changed anything, and the time from accepting to the job leaving the application.
The parent test finds the job's PDF written by cups-pdf."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from tests.xdisplay import driver as d
from tests.xdisplay.prepare import CLERK, Prepared, prepare

QUEUE = os.environ.get("XDISPLAY_QUEUE", "PDF")


def print_through_dialog(prefix: str) -> None:
    """In the open document dialog: cancel the print dialog once, then print for real."""
    dialog = d.modal(f"{prefix}.dialog")
    d.enabled(f"{prefix}.print")
    copy_info = d.widget(f"{prefix}.copyInfo", QLabel)
    before = copy_info.text()
    d.click(f"{prefix}.print")
    chooser = d.modal(f"{prefix}.printDialogWindow")
    assert isinstance(chooser, QPrintDialog), type(chooser)
    d.check(f"{prefix}: print dialog")
    chooser.reject()  # cancelled: nothing printed, nothing counted
    d.wait(lambda: not chooser.isVisible(), 10, "print dialog closed")
    d.settle(500)
    cancelled_kept = copy_info.text() == before

    d.click(f"{prefix}.print")
    chooser = d.modal(f"{prefix}.printDialogWindow")
    printers = next(combo for combo in chooser.findChildren(QComboBox)
                    if combo.objectName() == "printers")
    index = printers.findText(QUEUE)
    assert index >= 0, [printers.itemText(i) for i in range(printers.count())]
    printers.setCurrentIndex(index)
    buttons = chooser.findChild(QDialogButtonBox)
    accept = next(b for b in buttons.buttons()
                  if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    d.RESULTS.notes[f"{prefix} accept button"] = accept.text()
    message = d.find(f"{prefix}.message", QLabel, visible=False)
    started = time.perf_counter()
    accept.click()
    d.wait(lambda: "registrada" in message.text(), 120, f"{prefix} printed")
    d.RESULTS.time("Imprimir aceptado → trabajo en la cola de CUPS (s)",
                   time.perf_counter() - started)
    d.wait(lambda: "Reimpresión" in copy_info.text(), 60, f"{prefix} next copy")
    d.RESULTS.notes[prefix] = {"before": before, "after": copy_info.text(),
                               "cancel kept the count": cancelled_kept,
                               "message": message.text(), "printed_at": time.time()}
    d.close_window(dialog)


def print_all(window, prepared: Prepared) -> None:
    d.sign_in(*CLERK, start="intake.cedula")
    window.open_receipt(prepared.queued)
    print_through_dialog("receipt")
    d.click("nav.status")
    query = d.widget("status.query")
    query.setText(prepared.decided)
    window.status_page.search()
    d.wait(lambda: window.status_page.opened is not None, 30, "case opened")
    d.click("status.printSlip")
    print_through_dialog("slip")
    d.click("status.printAgreement")
    print_through_dialog("agreement")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        return d.run_app(print_all, lambda: prepare(Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
