"""Scan-to-folder: files are taken once they stop growing, once, and checked by content."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from desktop.capture.draft import DraftDocument
from desktop.capture.files import PDF, TIFF
from desktop.capture.folder_watch import PROCESSED, REASON_SUFFIX, REJECTED, FolderWatcher
from desktop.domain.checklist import DocumentType
from desktop.errors import StorageError
from tests.page_images import blank_page, encoded, form_page
from tests.support.checks import refused
from tests.support.files import make_pdf


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def watcher(tmp_path: Path, clock: Clock) -> FolderWatcher:
    folder = tmp_path / "escaneos"
    folder.mkdir()
    return FolderWatcher(folder, settle=2.0, clock=clock)


def settle(watcher: FolderWatcher, clock: Clock) -> list:  # type: ignore[type-arg]
    """Two polls far enough apart for an unchanged file to count as stable."""
    first = watcher.poll()
    clock.now += 2.5
    return first + watcher.poll()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secreto")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_file_still_being_written_is_taken_only_once_it_stops_growing(watcher, clock):
    data = make_pdf(3)
    path = watcher.folder / "scan_0001.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert watcher.poll() == []  # first seen, half written
    clock.now += 1.0
    with path.open("ab") as stream:
        stream.write(data[len(data) // 2:])
    assert watcher.poll() == []  # it grew: the wait starts again
    clock.now += 1.5
    assert watcher.poll() == []  # unchanged, but not for long enough
    clock.now += 1.0
    [picked] = watcher.poll()
    assert picked.accepted and picked.checked.data == data and picked.checked.pages == 3
    assert picked.moved_to == watcher.folder / PROCESSED / "scan_0001.pdf"
    assert not path.exists()
    clock.now += 5
    assert watcher.poll() == []  # never twice


def test_a_slow_writer_with_a_real_clock(tmp_path: Path):
    folder = tmp_path / "escaneos"
    folder.mkdir()
    watcher = FolderWatcher(folder, settle=0.3)
    data = encoded(form_page(dpi=100), "JPEG")
    chunks = [data[i:i + len(data) // 8 + 1] for i in range(0, len(data), len(data) // 8 + 1)]

    def write_slowly() -> None:
        with (folder / "IMG_0042.JPG").open("wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
                stream.flush()
                time.sleep(0.1)

    writer = threading.Thread(target=write_slowly)
    writer.start()
    picked = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not picked:
        picked += watcher.poll()
        time.sleep(0.05)
    writer.join()
    assert len(picked) == 1 and picked[0].checked.data == data
    assert watcher.poll() == []


def test_the_same_name_again_later_is_a_new_file(watcher, clock):
    for pages in (1, 2):
        (watcher.folder / "scan.pdf").write_bytes(make_pdf(pages))
        [picked] = settle(watcher, clock)
        assert picked.checked.pages == pages
    assert sorted(p.name for p in (watcher.folder / PROCESSED).iterdir()) == [
        "scan-2.pdf", "scan.pdf"]


def test_a_multi_page_tiff_is_accepted_and_becomes_pages(watcher, clock):
    tiff = encoded(form_page(dpi=100), "TIFF", save_all=True, dpi=(100, 100),
                   append_images=[form_page(dpi=100), blank_page(dpi=100)])
    (watcher.folder / "escaneo.tif").write_bytes(tiff)
    [picked] = settle(watcher, clock)
    assert (picked.checked.media_type, picked.checked.pages) == (TIFF, 3)
    draft = DraftDocument(DocumentType.OTHER_ANNEX)
    draft.add_file(picked.checked, origin="escaner")
    assert [page.keep for page in draft.pages] == [True, True, False]
    assert draft.source == "escaner"


BAD = [
    ("truncated.pdf", make_pdf(2)[:-300], "incompleto o dañado"),
    ("solicitud.pdf", encoded(form_page(dpi=50), "PNG"), "contenido es PNG"),
    ("clave.pdf", encrypted_pdf(), "protegido con contraseña"),
    ("roto.jpg", encoded(form_page(dpi=50), "JPEG")[:200], "dañada o incompleta"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD, ids=[row[0] for row in BAD])
def test_bad_files_go_to_rejected_with_the_reason_beside_them(watcher, clock, name, data,
                                                              message):
    (watcher.folder / name).write_bytes(data)
    [picked] = settle(watcher, clock)
    assert not picked.accepted and message in picked.reason
    assert picked.moved_to == watcher.folder / REJECTED / name
    reason = (watcher.folder / REJECTED / (name + REASON_SUFFIX)).read_text(encoding="utf-8")
    assert message in reason
    assert list((watcher.folder / PROCESSED).iterdir()) == []


def test_a_zero_byte_file_must_stay_empty_longer_before_it_is_refused(watcher, clock):
    (watcher.folder / "scan_0002.pdf").write_bytes(b"")
    assert settle(watcher, clock) == []  # printers often create the file first
    clock.now += 10
    [picked] = watcher.poll()
    assert "vacío" in picked.reason


def test_a_30_mb_file_is_refused_without_reading_it(watcher, clock):
    path = watcher.folder / "grande.pdf"
    with path.open("wb") as stream:
        stream.truncate(30 * 1024 * 1024)
    [picked] = settle(watcher, clock)
    assert "el máximo es 25 MB" in picked.reason


def test_temporary_hidden_and_other_files_are_left_alone(watcher, clock):
    names = [".escaneo.pdf", "~$nota.pdf", "scan.pdf.part", "scan.tmp", "trabajo.xml",
             "leeme.txt"]
    for name in names:
        (watcher.folder / name).write_bytes(make_pdf(1))
    assert settle(watcher, clock) == []
    assert sorted(p.name for p in watcher.folder.iterdir() if p.is_file()) == sorted(names)


def test_two_watchers_of_one_folder_never_both_take_a_file(watcher, clock):
    other = FolderWatcher(watcher.folder, settle=2.0, clock=clock)
    (watcher.folder / "scan.pdf").write_bytes(make_pdf(1))
    watcher.poll()
    other.poll()
    clock.now += 3
    taken = watcher.poll() + other.poll()
    assert len(taken) == 1 and taken[0].checked.media_type == PDF


def test_a_missing_folder_is_a_clear_message(tmp_path: Path):
    watcher = FolderWatcher(tmp_path / "no" / "existe")
    with refused(StorageError, "No se puede leer la carpeta de escaneo"):
        watcher.poll()
