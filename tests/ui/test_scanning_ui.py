"""Scanning into the intake checklist, against the real SANE test backend (offscreen Qt).

The test device comes from a private SANE_CONFIG_DIR (tests/integration/sane_fixtures.py):
a flatbed, a feeder that holds 10 pages, pictures "Grid" and "Solid white", injected jams
and slow reads. Scans run on the page's workers, as at the counter.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.domain.checklist import DocumentType
from desktop.services.intake import IntakeForm, IntakeService
from tests.integration.sane_fixtures import (  # noqa: F401 - sane_config is a fixture
    configured_device,
    jam_after,
    sane_config,
    white_page,
)
from tests.page_images import encoded, form_page
from tests.ui.keyboard import assert_accessible, press, type_text
from ui.intake_page import IntakePage
from ui.status_page import StatusPage
from ui.tasks import TaskRunner

pytestmark = pytest.mark.usefixtures("sane_config")

WAIT = 20_000
A4_POINTS = (595.3, 841.9)


@pytest.fixture
def make_page(qtbot, runtime, clerk):
    runners: list[TaskRunner] = []

    def make(**settings: Any) -> IntakePage:
        if settings:
            runtime.settings = runtime.settings.with_changes(**settings)
        tasks = TaskRunner()
        runners.append(tasks)
        page = IntakePage(runtime, clerk, tasks)
        qtbot.addWidget(page)
        page.resize(1100, 1000)
        page.show()
        page.activateWindow()
        return page

    yield make
    for tasks in runners:
        tasks.shutdown()


@pytest.fixture
def page(make_page) -> IntakePage:
    return make_page()


def attach_message(page: IntakePage) -> str:
    """What the last scan, import or save said, under the documents (by its objectName)."""
    label = page.findChild(QLabel, "intake.attachMessage")
    assert label is not None
    return label.text()


def attach_button(page: IntakePage) -> QPushButton:
    button = page.findChild(QPushButton, "intake.attach")
    assert button is not None
    return button


def select(page: IntakePage, document_type: DocumentType) -> None:
    checklist = page.checklist
    row = next(i for i, item in enumerate(checklist.items)
               if item.document_type is document_type)
    checklist.setCurrentItem(checklist.topLevelItem(row))
    assert page.scan.current is document_type


def use_feeder(page: IntakePage) -> None:
    page.scan.source.setCurrentIndex(page.scan.source.findData("adf"))


def scan(qtbot, page: IntakePage) -> None:
    """Press Escanear and wait for the batch to end (whatever its outcome)."""
    assert page.scan.scan_button.isEnabled()
    page.scan.scan_button.click()
    qtbot.waitUntil(lambda: not page.scan.busy, timeout=WAIT)


def save(qtbot, page: IntakePage, document_type: DocumentType) -> bytes:
    """Press Guardar documento; the stored PDF's bytes."""
    before = page.attached.get(document_type)
    assert page.scan.save.isEnabled()
    page.scan.save.click()
    qtbot.waitUntil(lambda: not page.scan.busy
                    and page.attached.get(document_type) not in (None, before), timeout=WAIT)
    return page.scan.service.runtime.blobs.get(page.attached[document_type].sha256)


def pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def image_data(reader: PdfReader) -> list[bytes]:
    """The JPEG stream of each page (our scanned pages have one image each)."""
    return [page["/Resources"]["/XObject"]["/Im0"].get_object()._data for page in reader.pages]


def test_scan_into_the_required_item_then_registrar_is_enabled(qtbot, page, samples,
                                                               monkeypatch):
    page.cedula.setText(samples["eligible"])
    qtbot.waitUntil(lambda: page.lookup is not None, timeout=WAIT)
    page.contact_fields.email.setText("ana@correo.ec")
    page.contact_fields.phone.setText("0991234567")
    page.notice.given.setChecked(True)  # the privacy notice was read
    page.cedula_verified.setChecked(True)
    assert page.scan.current is DocumentType.SIGNED_REQUEST  # the first required item
    assert "primero que se encuentre" in page.scan.scanner.text()

    page.checklist.setFocus()
    with configured_device(monkeypatch, "Grid"):
        press(Qt.Key.Key_F4)  # Escanear
        qtbot.waitUntil(lambda: not page.scan.busy and page.scan.pages.count() == 1,
                        timeout=WAIT)
    thumbnail = page.scan.pages.item(0).icon().pixmap(120, 120)
    assert not thumbnail.isNull() and thumbnail.height() > thumbnail.width()  # A4 upright
    assert "test:0" in page.scan.scanner.text()
    assert "1 página escaneada" in attach_message(page)
    assert not page.register.isEnabled()  # scanned but not saved yet
    assert "cambios sin guardar" in page.missing.text()
    assert "Sin guardar: 1 pág." in page.checklist.topLevelItem(0).text(1)
    assert assert_accessible(page) >= 20

    stored = save(qtbot, page, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(page.register.isEnabled, timeout=WAIT)
    document = page.attached[DocumentType.SIGNED_REQUEST]
    assert (document.pages, document.media_type, document.source) == (
        1, "application/pdf", "escaner")
    box = pdf(stored).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1.5)
    assert "Adjuntado: 1 pág." in page.checklist.topLevelItem(0).text(1)

    page.register.click()
    qtbot.waitUntil(lambda: page.case_number.text().startswith("REL-"), timeout=WAIT)
    assert not page.scan.scan_button.isEnabled()  # registered: the documents are final


def test_a_blank_page_of_a_feeder_batch_is_left_out_until_kept(qtbot, page, monkeypatch):
    select(page, DocumentType.EMPLOYER_PAYMENT_PROOF)
    use_feeder(page)
    with configured_device(monkeypatch, "Grid", after_page=white_page(2)):
        scan(qtbot, page)
    strip, scanned = page.scan.pages, page.scan.drafts[DocumentType.EMPLOYER_PAYMENT_PROOF]
    assert strip.count() == 10
    assert [p.keep for p in scanned.pages[:3]] == [True, False, True]
    assert "Página 2: Página en blanco" in page.scan.notes.text()
    assert "en blanco, omitida" in strip.item(1).text()
    assert page.scan.pending() == {DocumentType.EMPLOYER_PAYMENT_PROOF: "Sin guardar: 9 pág."}
    assert "1 en blanco omitida:" in attach_message(page)
    assert save(qtbot, page, DocumentType.EMPLOYER_PAYMENT_PROOF) and \
        page.attached[DocumentType.EMPLOYER_PAYMENT_PROOF].pages == 9
    assert page.scan.current is DocumentType.SIGNED_REQUEST  # on to the required item
    select(page, DocumentType.EMPLOYER_PAYMENT_PROOF)

    strip.setCurrentRow(0)
    assert not page.scan.keep.isEnabled()  # nothing to keep: the page is in
    strip.setCurrentRow(1)
    assert page.scan.keep.isEnabled() and page.scan.keep.text() == "Conservar página"
    page.scan.keep.click()
    assert "conservada" in page.scan.notes.text()
    assert page.scan.keep.text() == "Omitir página"
    assert len(pdf(save(qtbot, page, DocumentType.EMPLOYER_PAYMENT_PROOF)).pages) == 10


def test_turning_moving_and_removing_pages_change_the_stored_pdf(qtbot, page, monkeypatch):
    pictures = {1: "Color pattern", 2: "Solid black"}

    def three_pages(device: Any, read: int) -> None:
        device.test_picture = pictures.get(read, "Grid")
        if read == 3:
            device.read_return_value = "SANE_STATUS_NO_DOCS"  # the feeder ran out

    select(page, DocumentType.OTHER_ANNEX)
    use_feeder(page)
    with configured_device(monkeypatch, "Grid", after_page=three_pages):
        scan(qtbot, page)
    draft = page.scan.drafts[DocumentType.OTHER_ANNEX]
    first, second, third = (p.part.jpeg for p in draft.pages)
    assert len({first, second, third}) == 3
    assert "Página 3: Página muy oscura" in page.scan.notes.text()  # "Solid black"
    assert image_data(pdf(save(qtbot, page, DocumentType.OTHER_ANNEX))) == [first, second, third]
    select(page, DocumentType.OTHER_ANNEX)  # saving moved on to the required item

    strip = page.scan.pages
    strip.setCurrentRow(2)
    page.scan.move_up.click()
    page.scan.move_up.click()  # the third page first
    assert strip.currentRow() == 0 and not page.scan.move_up.isEnabled()
    assert not page.register.isEnabled()  # changed: Guardar again
    page.scan.rotate.click()  # and turned
    strip.setCurrentRow(1)
    page.scan.delete.click()  # the first page removed
    reader = pdf(save(qtbot, page, DocumentType.OTHER_ANNEX))
    assert image_data(reader) == [third, second]
    assert [p.get("/Rotate", 0) for p in reader.pages] == [90, 0]
    assert page.attached[DocumentType.OTHER_ANNEX].pages == 2

    select(page, DocumentType.OTHER_ANNEX)
    page.scan.view.click()  # the built PDF in the viewer
    qtbot.waitUntil(lambda: page.scan.viewer is not None
                    and page.scan.viewer.viewer.document is not None, timeout=WAIT)
    viewer = page.scan.viewer.viewer
    assert viewer.page_count() == 2 and viewer.page_label.text() == "Página 1 de 2"
    viewer.next.click()
    qtbot.waitUntil(lambda: viewer.current_page() == 1, timeout=WAIT)
    viewer.zoom_in.click()
    assert viewer.zoom > 1
    assert assert_accessible(page.scan.viewer) >= 6
    page.scan.viewer.close()


def test_cancel_during_a_slow_scan_keeps_the_window_responsive_and_the_pages(
    qtbot, page, monkeypatch
):
    ticks: list[float] = []
    timer = QTimer(page)
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    select(page, DocumentType.SIGNED_REQUEST)
    use_feeder(page)
    with configured_device(monkeypatch, "Grid", read_delay=True,
                           read_delay_duration=100_000):  # about 1.5 s a page
        page.scan.scan_button.click()
        assert page.scan.busy and page.scan.cancel.isVisible()
        assert not page.register.isEnabled() and not attach_button(page).isEnabled()
        assert assert_accessible(page) >= 20  # «Cancelar» included
        page.contact_fields.email.setFocus()
        type_text("ana@correo.ec")  # the clerk goes on with the form meanwhile
        assert page.contact_fields.email.text() == "ana@correo.ec"
        started = len(ticks)
        qtbot.waitUntil(lambda: page.scan.pages.count() == 1, timeout=WAIT)  # page 1 shown
        assert len(ticks) - started >= 10  # the GUI thread kept running its timers
        assert page.scan.busy  # page 2 is being read
        qtbot.wait(300)
        cancelled_at = time.monotonic()
        press(Qt.Key.Key_Escape)  # from the e-mail field: Esc stops the scan
        qtbot.waitUntil(lambda: not page.scan.busy, timeout=WAIT)
        assert time.monotonic() - cancelled_at < 2  # inside the page, not after it
    assert "Escaneo cancelado; se conserva la página ya escaneada" in attach_message(page)
    assert page.scan.pages.count() == 1 and not page.scan.cancel.isVisible()
    assert page.contact_fields.email.hasFocus()  # the end of the scan did not take the focus away
    assert save(qtbot, page, DocumentType.SIGNED_REQUEST)
    assert page.attached[DocumentType.SIGNED_REQUEST].pages == 1


def test_a_paper_jam_is_explained_and_the_pages_before_it_stay(qtbot, page, monkeypatch):
    select(page, DocumentType.SIGNED_REQUEST)
    use_feeder(page)
    with configured_device(monkeypatch, "Grid", after_page=jam_after(2)):
        scan(qtbot, page)
    message = attach_message(page)
    assert "Se atascó el papel en el alimentador después de 2 páginas" in message
    assert "Continúe desde la página 3" in message
    assert page.scan.pages.count() == 2
    assert page.attached == {} and page.scan.save.isEnabled()
    assert save(qtbot, page, DocumentType.SIGNED_REQUEST)
    assert page.attached[DocumentType.SIGNED_REQUEST].pages == 2


@pytest.mark.parametrize(("status", "source", "message"), [
    ("SANE_STATUS_NO_DOCS", "adf", "No hay papel en el alimentador automático"),
    ("SANE_STATUS_DEVICE_BUSY", "flatbed", "El escáner está ocupado"),
])
def test_scanner_errors_are_shown_on_the_page(qtbot, page, monkeypatch, status, source,
                                              message):
    select(page, DocumentType.SIGNED_REQUEST)
    page.scan.source.setCurrentIndex(page.scan.source.findData(source))
    with configured_device(monkeypatch, "Grid", read_return_value=status):
        scan(qtbot, page)
    assert message in attach_message(page)
    assert page.scan.pages.count() == 0 and page.scan.scan_button.isEnabled()


def test_the_configured_scanner_is_the_one_used(qtbot, make_page, monkeypatch):
    page = make_page(scanner="test:1")
    with configured_device(monkeypatch, "Grid") as opened:
        scan(qtbot, page)
    assert len(opened) == 1 and page.scan.pages.count() == 1
    assert page.scan.scanner.text() == "Escáner: Noname frontend-tester (test:1)."


def test_a_missing_scanner_says_what_to_do_instead(qtbot, make_page, tmp_path):
    page = make_page(scanner="test:9", scan_folder=str(tmp_path))
    assert "test:9 (configurado)" in page.scan.scanner.text()
    scan(qtbot, page)
    message = attach_message(page)
    assert "No se encontró el escáner «test:9»" in message
    assert "importar el archivo (F3)" in message and str(tmp_path) in message
    assert page.scan.pages.count() == 0 and attach_button(page).isEnabled()


def test_a_file_dropped_into_the_scan_folder_is_listed_and_attached(qtbot, make_page, tmp_path):
    folder = tmp_path / "escaner"
    folder.mkdir()
    page = make_page(scan_folder=str(folder))
    received = page.received
    assert received.isVisible() and str(folder) in received.message.text()
    received.watcher.settle = 0.2  # the printer is done at once here
    received.timer.setInterval(100)
    select(page, DocumentType.EMPLOYER_PAYMENT_PROOF)
    assert not received.attach.isEnabled()  # nothing received yet

    image = form_page(200, noise=False)
    (folder / "scan_0001.jpg").write_bytes(encoded(image, "JPEG", dpi=(200, 200)))
    qtbot.waitUntil(lambda: received.files.count() == 1, timeout=WAIT)
    assert "scan_0001.jpg · 1 pág." in received.files.item(0).text()
    assert (folder / "procesados" / "scan_0001.jpg").exists()
    assert assert_accessible(page) >= 22

    received.attach.click()
    qtbot.waitUntil(lambda: DocumentType.EMPLOYER_PAYMENT_PROOF in page.attached,
                    timeout=WAIT)
    assert received.files.count() == 0
    select(page, DocumentType.EMPLOYER_PAYMENT_PROOF)
    assert page.scan.pages.count() == 1
    document = page.attached[DocumentType.EMPLOYER_PAYMENT_PROOF]
    assert (document.pages, document.source) == (1, "escaner")

    (folder / "roto.pdf").write_bytes(b"%PDF-1.4 roto")
    qtbot.waitUntil(lambda: "«roto.pdf» no se puede usar" in received.message.text(),
                    timeout=WAIT)
    assert received.files.count() == 0
    assert (folder / "rechazados" / "roto.pdf").exists()


def test_an_imported_file_goes_through_the_draft(qtbot, page, signed_form):
    select(page, DocumentType.SIGNED_REQUEST)
    page.scan.attach_path(signed_form, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(lambda: DocumentType.SIGNED_REQUEST in page.attached, timeout=WAIT)
    assert page.scan.pages.count() == 2  # the PDF's pages, as thumbnails
    assert not page.scan.pages.item(0).icon().isNull()
    assert page.attached[DocumentType.SIGNED_REQUEST].media_type == "application/pdf"
    page.scan.pages.setCurrentRow(1)
    page.scan.pages.setFocus()
    press(Qt.Key.Key_Delete)  # Supr in the strip: the page, not the document
    assert page.scan.pages.count() == 1
    assert DocumentType.SIGNED_REQUEST in page.attached and not page.register.isEnabled()
    assert len(pdf(save(qtbot, page, DocumentType.SIGNED_REQUEST)).pages) == 1


def test_a_received_document_opens_in_the_viewer_from_the_case(qtbot, runtime, clerk, samples,
                                                                signed_form: Path):
    service = IntakeService(runtime, clerk)
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    number = service.register(IntakeForm(samples["eligible"], "ana@correo.ec", "0991234567",
                                         True, (document,))).case_number
    tasks = TaskRunner()
    page = StatusPage(runtime, clerk, tasks, online=lambda: True)
    qtbot.addWidget(page)
    page.show()
    try:
        page.open_case(number, "consulta de estado")
        qtbot.waitUntil(lambda: page.opened is not None, timeout=WAIT)
        tree = page.detail.documents
        tree.setCurrentItem(tree.topLevelItem(0))
        tree.itemActivated.emit(tree.topLevelItem(0), 0)
        qtbot.waitUntil(lambda: page.viewer is not None
                        and page.viewer.viewer.document is not None, timeout=WAIT)
        assert page.viewer.viewer.page_count() == 2
        assert number in page.viewer.windowTitle()
    finally:
        tasks.shutdown()
