"""Printing to a real CUPS queue (the cups-pdf `PDF` queue that .ci/run creates).

The printed job is checked the way a person would check paper: one page, and the QR code
on it scans to the case number (text in cups-pdf output is Type 3 and not extractable).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.config import load_settings
from desktop.domain.checklist import DocumentType
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.receipts import ReceiptService
from desktop.services.runtime import open_runtime
from tests.support.files import written_pdf
from tests.support.waiting import wait_until
from tests.ui.keyboard import press, wait_for_window
from ui.commands import COMMANDS

QUEUE = "PDF"
OUTPUT = Path.home() / "PDF"

pytestmark = pytest.mark.cups


@pytest.fixture
def cups_queue(qapp) -> str:
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    if QUEUE not in names:
        pytest.skip(f"no CUPS queue {QUEUE!r} (start cupsd and create it as .ci/run does)")
    for tool in ("pdfinfo", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (poppler-utils, zbar-tools)")
    return QUEUE


@pytest.fixture
def printing_runtime(home, cups_queue):
    load_settings(home).with_changes(receipt_printer=cups_queue, paper_format="80mm").save()
    runtime = open_runtime(load_settings(home))
    yield runtime
    runtime.close()


def new_job(before: set[Path], timeout: float = 60) -> Path:
    def finished() -> Path | None:
        jobs = set(OUTPUT.glob("*.pdf")) - before if OUTPUT.exists() else set()
        return next((job for job in sorted(jobs) if written_pdf(job)), None)

    return wait_until(finished, timeout, 0.2, "a job from the CUPS PDF queue")


def qr_text(pdf: Path, tmp_path: Path) -> str:
    """What the page's QR code says (the file label's Code 128 is read apart)."""
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    page = sorted(tmp_path.glob("page*.png"))[0]
    result = subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", "-Sdisable",
                             "-Sqrcode.enable", str(page)],
                            capture_output=True, text=True, timeout=60, check=False)
    return result.stdout.strip()


def test_receipt_printed_directly_on_the_configured_printer(qtbot, printing_runtime, clerk,
                                                            samples, signed_form, tmp_path):
    from ui.document_dialog import DocumentDialog, receipt
    from ui.tasks import TaskRunner

    service = IntakeService(printing_runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    case = service.register(IntakeForm(samples["eligible"], "rosa@correo.ec", "0998765432",
                                       True, (document,)))
    before = set(OUTPUT.glob("*.pdf")) if OUTPUT.exists() else set()

    tasks = TaskRunner()
    dialog = DocumentDialog(receipt(printing_runtime, clerk, case.case_number), tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_for_window(qtbot, "receipt.dialog")
    direct = dialog.findChild(QPushButton, "receipt.printDirect")
    qtbot.waitUntil(direct.isEnabled, timeout=10_000)
    assert QUEUE in direct.text()
    key = QKeySequence(COMMANDS["document.printDirect"].keys[0])[0]  # Ctrl+P, the registry's
    press(key.key(), key.keyboardModifiers())
    copy_info = dialog.findChild(QLabel, "receipt.copyInfo")
    qtbot.waitUntil(lambda: "Reimpresión 1" in copy_info.text(), timeout=60_000)

    job = new_job(before)
    pages = subprocess.run(["pdfinfo", str(job)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", pages.stdout, re.M), pages.stdout
    width = re.search(r"^Page size:\s+([\d.]+) x", pages.stdout, re.M)
    assert width and abs(float(width.group(1)) - 226.8) < 1.5  # an 80 mm ticket
    assert qr_text(job, tmp_path) == case.case_number
    assert ReceiptService(printing_runtime, clerk).copies_printed(case.case_number) == 1
    tasks.shutdown()


def test_a_missing_printer_is_explained(qtbot, home, runtime, clerk, samples, signed_form):
    from ui.document_dialog import DocumentDialog, receipt
    from ui.tasks import TaskRunner

    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    case = service.register(IntakeForm(samples["eligible"], "rosa@correo.ec", "0998765432",
                                       True, (document,)))
    runtime.settings = runtime.settings.with_changes(receipt_printer="NoExiste")
    tasks = TaskRunner()
    dialog = DocumentDialog(receipt(runtime, clerk, case.case_number), tasks)
    qtbot.addWidget(dialog)
    direct = dialog.findChild(QPushButton, "receipt.printDirect")
    qtbot.waitUntil(direct.isEnabled, timeout=10_000)
    direct.click()
    message = dialog.findChild(QLabel, "receipt.message")
    assert "no está disponible" in message.text()
    assert ReceiptService(runtime, clerk).copies_printed(case.case_number) == 0
    tasks.shutdown()
