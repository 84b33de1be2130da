"""Scanning against the real SANE test backend, through the whole capture path.

The `test` device is enabled by a private SANE_CONFIG_DIR (tests/integration/sane_fixtures.py):
flatbed and a feeder that holds exactly 10 pages, errors injected with `read_return_value`,
slow reads with `read_delay`, and the pictures "Grid" (content) and "Solid white" (blank).
"""

from __future__ import annotations

import argparse
import io
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from desktop.capture.backends import find_device
from desktop.capture.blobstore import BlobStore
from desktop.capture.cli import add_commands
from desktop.capture.draft import DraftDocument
from desktop.capture.sane_backend import SaneBackend
from desktop.capture.scanners import (
    FeederEmpty,
    PaperJam,
    ScannerBusy,
    ScannerError,
    ScannerNotFound,
    ScanOptions,
)
from desktop.config import Paths, Settings
from desktop.domain.checklist import DocumentType
from desktop.errors import Cancelled
from desktop.progress import CancelToken
from desktop.services.documents import DocumentService
from tests.integration.sane_fixtures import (  # noqa: F401 - sane_config is a fixture
    configured_device,
    jam_after,
    sane_config,
    white_page,
)
from tests.support.checks import refused

pytestmark = pytest.mark.usefixtures("sane_config")

DEVICE = "test:0"
GREY_A4 = ScanOptions(dpi=200, mode="gray", source="flatbed")
FEEDER = ScanOptions(dpi=200, mode="gray", source="adf")
A4_POINTS = (595.3, 841.9)
MAX_BYTES_PER_PAGE = 120 * 1024


@pytest.fixture
def backend() -> SaneBackend:
    return SaneBackend()


@pytest.fixture
def documents(tmp_path: Path) -> DocumentService:
    """The document service over a blob store (storing needs no cache database)."""
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    runtime = SimpleNamespace(blobs=BlobStore(paths.blob_dir), settings=Settings(paths=paths))
    return DocumentService(runtime, actor=None)  # type: ignore[arg-type]


def scan_into(draft: DraftDocument, pages) -> list[int]:  # type: ignore[no-untyped-def]
    numbers = []
    for page in pages:
        draft.add_scan(page)
        numbers.append(page.number)
    return numbers


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(data))
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


def test_lists_the_test_devices_and_what_they_can_do(backend):
    names = [device.name for device in backend.devices()]
    assert DEVICE in names
    capabilities = backend.capabilities(DEVICE)
    assert capabilities.sources == ("flatbed", "adf")
    assert capabilities.modes == ("gray", "color")
    assert capabilities.dpi_min <= 150 and capabilities.dpi_max >= 600
    assert not capabilities.duplex
    assert any(option.name == "test_picture" for option in capabilities.options)
    assert find_device("test:1", [backend])[1].name == "test:1"
    with refused(ScannerNotFound, "No se encontró el escáner «test:9»"):
        find_device("test:9", [backend])


def test_single_page_from_the_flatbed_is_stored_as_a_small_a4_pdf(
    backend, documents, monkeypatch
):
    progress: list[tuple[int, int, str]] = []
    draft = DraftDocument(DocumentType.SIGNED_REQUEST)
    with configured_device(monkeypatch, "Grid"):
        pages = list(backend.scan(DEVICE, GREY_A4, lambda *report: progress.append(report)))
    assert [(p.number, p.dpi, p.image.mode, p.image.size) for p in pages] == [
        (1, 200, "L", (1653, 2338))]
    scan_into(draft, pages)
    assert not draft.pages[0].notes
    stored = documents.store(draft)
    assert (stored.pages, stored.media_type, stored.source) == (1, "application/pdf", "escaner")
    assert stored.size_bytes <= MAX_BYTES_PER_PAGE, stored.size_bytes
    data = documents.runtime.blobs.get(stored.sha256)
    assert pdf_pages(data) == [pytest.approx(A4_POINTS, abs=1.5)]
    assert any(total == 2338 and done == 2338 for done, total, _ in progress)


def test_a_feeder_batch_brings_all_ten_pages_then_ends_normally(backend, documents, monkeypatch):
    draft = DraftDocument(DocumentType.EMPLOYER_PAYMENT_PROOF)
    with configured_device(monkeypatch, "Grid"):
        numbers = scan_into(draft, backend.scan(DEVICE, FEEDER))
    assert numbers == list(range(1, 11))
    stored = documents.store(draft)
    assert stored.pages == 10
    assert stored.size_bytes <= 10 * MAX_BYTES_PER_PAGE


def test_a_jam_in_the_middle_keeps_the_pages_already_scanned(backend, documents, monkeypatch):
    draft = DraftDocument(DocumentType.SIGNED_REQUEST)
    jam = "Se atascó el papel en el alimentador después de 3 páginas"
    with configured_device(monkeypatch, "Grid", after_page=jam_after(3)) as opened, \
            refused(PaperJam, jam):
        scan_into(draft, backend.scan(DEVICE, FEEDER))
    assert len(opened) == 1 and len(draft.pages) == 3
    assert documents.store(draft).pages == 3
    with configured_device(monkeypatch, "Grid"):  # the device works again afterwards
        assert len(list(backend.scan(DEVICE, GREY_A4))) == 1


def test_the_jam_error_says_where_to_continue(backend, monkeypatch):
    with configured_device(monkeypatch, "Grid", after_page=jam_after(3)), \
            pytest.raises(PaperJam) as raised:
        list(backend.scan(DEVICE, FEEDER))
    assert raised.value.pages_done == 3
    assert "Continúe desde la página 4" in raised.value.user_message


def test_cancel_between_pages_stops_the_batch_and_keeps_what_was_scanned(backend, monkeypatch):
    cancel = CancelToken()
    draft = DraftDocument(DocumentType.OTHER_ANNEX)
    with configured_device(monkeypatch, "Grid"), \
            refused(Cancelled, "se conservan las 4 páginas"):
        for page in backend.scan(DEVICE, FEEDER, cancel=cancel):
            draft.add_scan(page)
            if page.number == 4:
                cancel.cancel()
    assert len(draft.pages) == 4


def test_cancel_in_the_middle_of_a_page_drops_that_page_without_cancelling_the_read(
        backend, monkeypatch):
    """Cancelled in the middle of page 2: the page is read to its end and dropped, and
    sane_cancel() is never called while a read runs (it can hang the process: see
    desktop/capture/sane_backend.py)."""
    import sane

    cancel = CancelToken()
    lines_seen: list[tuple[int, int]] = []
    reading = threading.Event()
    cancelled_mid_read = []

    def progress(done: int, total: int, label: str) -> None:
        if "página 2" in label and total:
            lines_seen.append((done, total))
            if done >= 500:
                cancel.cancel()

    snap, sane_cancel = sane.SaneDev.snap, sane.SaneDev.cancel

    def watched_snap(self, *args, **kwargs):
        reading.set()
        try:
            return snap(self, *args, **kwargs)
        finally:
            reading.clear()

    def watched_cancel(self):
        cancelled_mid_read.append(reading.is_set())
        return sane_cancel(self)

    monkeypatch.setattr(sane.SaneDev, "snap", watched_snap)
    monkeypatch.setattr(sane.SaneDev, "cancel", watched_cancel)
    pages = []
    with configured_device(monkeypatch, "Grid", read_delay=True, read_delay_duration=2000), \
            refused(Cancelled, "Escaneo cancelado"):
        pages.extend(backend.scan(DEVICE, FEEDER, progress, cancel))
    assert len(pages) == 1
    assert lines_seen and max(done for done, _ in lines_seen) < 2338  # no progress after it
    assert cancelled_mid_read and not any(cancelled_mid_read)  # only once the read ended


def test_cancel_from_another_thread_during_a_slow_page(backend, monkeypatch):
    cancel = CancelToken()
    timer = threading.Timer(0.15, cancel.cancel)
    with configured_device(monkeypatch, "Grid", read_delay=True, read_delay_duration=20000), \
            refused(Cancelled, "Escaneo cancelado"):
        timer.start()
        list(backend.scan(DEVICE, GREY_A4, cancel=cancel))
    timer.join()


def test_a_solid_white_page_is_detected_and_left_out_until_kept(backend, documents, monkeypatch):
    draft = DraftDocument(DocumentType.SIGNED_REQUEST)
    scanned = []
    with configured_device(monkeypatch, "Grid", after_page=white_page(2)):
        for page in backend.scan(DEVICE, FEEDER):
            draft.add_scan(page)
            scanned.append(page)
            if page.number == 3:
                break
    assert [page.blank for page in draft.pages] == [False, True, False]
    assert [page.keep for page in draft.pages] == [True, False, True]
    assert "Página en blanco" in draft.pages[1].notes[0]
    assert documents.store(draft).pages == 2
    draft.keep(1)
    assert "conservada" in draft.pages[1].notes[0]
    assert documents.store(draft).pages == 3


def test_an_empty_feeder_is_a_clear_message(backend, monkeypatch):
    with configured_device(monkeypatch, read_return_value="SANE_STATUS_NO_DOCS"), \
            refused(FeederEmpty, "No hay papel en el alimentador"):
        list(backend.scan(DEVICE, FEEDER))


def test_a_busy_scanner_is_a_clear_message(backend, monkeypatch):
    with configured_device(monkeypatch, read_return_value="SANE_STATUS_DEVICE_BUSY"), \
            refused(ScannerBusy, "El escáner está ocupado"):
        list(backend.scan(DEVICE, GREY_A4))


def test_a_cover_left_open_is_a_clear_message(backend, monkeypatch):
    with configured_device(monkeypatch, read_return_value="SANE_STATUS_COVER_OPEN"), \
            refused(ScannerError, "tapa del escáner"):
        list(backend.scan(DEVICE, GREY_A4))


def test_a_missing_device_is_a_clear_message(backend):
    with refused(ScannerNotFound, "No se encontró el escáner «test:9»"):
        list(backend.scan("test:9", GREY_A4))


def test_duplex_on_a_device_without_it_is_refused(backend):
    with refused(ScannerError, "no escanea a doble cara"):
        list(backend.scan(DEVICE, ScanOptions(source="adf", duplex=True)))


def test_colour_pages_come_out_in_colour(backend, monkeypatch):
    with configured_device(monkeypatch, "Color pattern"):
        pages = list(backend.scan(DEVICE, ScanOptions(dpi=150, mode="color")))
    assert pages[0].image.mode == "RGB" and pages[0].dpi == 150
    draft = DraftDocument(DocumentType.EMPLOYER_PAYMENT_PROOF)
    draft.add_scan(pages[0])
    assert draft.pages[0].part.colour


def test_the_cli_lists_scanners_and_writes_a_test_scan(monkeypatch, tmp_path, capsys):
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")

    args = parser.parse_args(["scanners"])
    assert args.handler(args, paths) == 0
    assert "test:0" in capsys.readouterr().out

    out = tmp_path / "prueba.pdf"
    args = parser.parse_args(["scan", "--device", DEVICE, "--source", "adf", "--out", str(out)])
    with configured_device(monkeypatch, "Grid", after_page=white_page(2)):
        assert args.handler(args, paths) == 0
    printed = capsys.readouterr().out
    assert "Página 2" in printed and "Página en blanco" in printed
    assert "Listo: 9 páginas" in printed
    assert len(pdf_pages(out.read_bytes())) == 9
    assert not list(tmp_path.glob(".tmp-*"))


def test_the_cli_saves_the_pages_before_a_jam_and_reports_it(monkeypatch, tmp_path, capsys):
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    out = tmp_path / "prueba.pdf"
    args = parser.parse_args(["scan", "--device", DEVICE, "--source", "adf", "--out", str(out)])
    with configured_device(monkeypatch, "Grid", after_page=jam_after(2)), \
            refused(PaperJam, "después de 2 páginas"):
        args.handler(args, paths)
    assert len(pdf_pages(out.read_bytes())) == 2
