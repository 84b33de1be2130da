"""Child script of tests/benchmarks/bench_counter.py: a clerk's two waits at the counter,
in a real X display — «Registrar» until the receipt's preview is on screen, and «Imprimir»
accepted in the print dialog until the job is in the printer's queue — XDISPLAY_REPEAT
times each. Writes the times (and when each job left, to match cups-pdf's files)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from tests.support.stations import free_cedulas
from tests.xdisplay import driver as d
from tests.xdisplay.prepare import CLERK, request_pdf

REPEAT = int(os.environ.get("XDISPLAY_REPEAT", "5"))
QUEUE = os.environ.get("XDISPLAY_QUEUE", "")


def register_one(window, cedula: str, form: Path) -> None:
    page = window.intake
    d.click("intake.newCase")
    page.cedula.setText(cedula)
    d.wait(lambda: page.lookup is not None, 30, "lookup")
    page.contact_fields.email.setText("rosa.pazmino@correo.ec")
    page.contact_fields.phone.setText("0991234567")
    page.notice.given.setChecked(True)  # the privacy notice was read
    page.cedula_verified.setChecked(True)
    page.checklist.setCurrentItem(page.checklist.topLevelItem(0))
    page.scan.attach_path(form, page.checklist.selected_type())
    d.wait(page.register.isEnabled, 30, "Registrar enabled")
    started = time.perf_counter()
    d.click("intake.register")
    d.modal("receipt.dialog")
    d.wait(lambda: d.find("receipt.save") is not None and d.find("receipt.save").isEnabled(),
           30, "receipt rendered")
    d.RESULTS.time("registrar_to_receipt", time.perf_counter() - started)


def print_open_receipt() -> None:
    d.click("receipt.print")
    chooser = d.modal("receipt.printDialogWindow")
    printers = next(c for c in chooser.findChildren(QComboBox) if c.objectName() == "printers")
    printers.setCurrentIndex(printers.findText(QUEUE))
    buttons = chooser.findChild(QDialogButtonBox)
    accept = next(b for b in buttons.buttons()
                  if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    message = d.find("receipt.message", QLabel, visible=False)
    started = time.perf_counter()
    accept.click()
    d.wait(lambda: "registrada" in message.text(), 120, "job sent")
    d.RESULTS.time("accept_to_queue", time.perf_counter() - started)
    d.RESULTS.notes.setdefault("accepted_at", []).append(time.time() - (
        time.perf_counter() - started))


def measure(window, prepared: tuple[list[str], Path]) -> None:
    cedulas, form = prepared
    d.sign_in(*CLERK, start="intake.cedula")
    for cedula in cedulas:
        register_one(window, cedula, form)
        if QUEUE:
            print_open_receipt()
        d.close_window(d.modal("receipt.dialog"))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        def prepare() -> tuple[list[str], Path]:
            from desktop.config import load_settings
            from desktop.services.runtime import open_runtime

            runtime = open_runtime(load_settings())
            try:
                return free_cedulas(runtime, REPEAT), request_pdf(Path(folder))
            finally:
                runtime.close()

        return d.run_app(measure, prepare)


if __name__ == "__main__":
    sys.exit(main())
