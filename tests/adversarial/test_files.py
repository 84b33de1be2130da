"""Files chosen for import: each row makes one hostile or broken file and imports it through
the counter's two doors, attaching a file (IntakeService.attach_file) and adding it to a
document being scanned (DraftDocument.import_file). Nothing may hang, fill the memory or be
stored: the answer is a Spanish refusal."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from desktop.capture.draft import DraftDocument
from desktop.domain.checklist import DocumentType
from desktop.errors import ValidationError
from desktop.services.intake import IntakeService
from tests.adversarial.helpers import within
from tests.support.files import make_pdf

Maker = Callable[[Path], Path]
MB = 1024 * 1024


def fifo(folder: Path) -> Path:
    path = folder / "tuberia.pdf"
    os.mkfifo(path)
    return path


def link_to(target: str, name: str = "documento.pdf") -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path
    return make


def folder_named(folder: Path) -> Path:
    path = folder / "carpeta.pdf"
    path.mkdir()
    return path


def image(size: tuple[int, int], kind: str, mode: str = "1") -> Maker:
    """A picture that is small on disk and enormous once decoded."""
    def make(folder: Path) -> Path:
        path = folder / f"foto.{kind.lower()}"
        Image.new(mode, size).save(path, kind)
        return path
    return make


def sized(size: int, head: bytes = b"%PDF-1.7\n") -> Maker:
    def make(folder: Path) -> Path:
        path = folder / "grande.pdf"
        with path.open("wb") as handle:
            handle.write(head)
            handle.truncate(size)  # sparse: big on paper, nothing on disk
        return path
    return make


def content(data: bytes, name: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def tiff_with_a_huge_page(folder: Path) -> Path:
    buffer = io.BytesIO()
    first = Image.new("1", (100, 100))
    first.save(buffer, "TIFF", save_all=True,
               append_images=[Image.new("1", (12_000, 12_000))])
    path = folder / "paginas.tiff"
    path.write_bytes(buffer.getvalue())
    return path


NOT_REGULAR = "no es un archivo común"
PIXELS = "megapíxeles"
CASES = [
    pytest.param(fifo, NOT_REGULAR, id="fifo"),
    pytest.param(link_to("/dev/zero"), NOT_REGULAR, id="link-to-dev-zero"),
    pytest.param(link_to("/dev/urandom"), NOT_REGULAR, id="link-to-dev-urandom"),
    pytest.param(link_to("/dev/null"), NOT_REGULAR, id="link-to-dev-null"),
    pytest.param(link_to("/"), NOT_REGULAR, id="link-to-a-folder"),
    pytest.param(folder_named, NOT_REGULAR, id="a-folder"),
    pytest.param(link_to("/no/existe.pdf"), "No se pudo leer", id="dangling-link"),
    pytest.param(image((13_377, 13_377), "PNG"), PIXELS, id="png-13377-squared"),
    pytest.param(image((9_000, 9_000), "PNG", "L"), PIXELS, id="png-81-megapixels"),
    pytest.param(image((60_000, 1_000), "PNG"), PIXELS, id="png-60-megapixels-strip"),
    pytest.param(image((8_000, 8_000), "JPEG", "L"), PIXELS, id="jpeg-64-megapixels"),
    pytest.param(sized(25 * MB + 1), "25 MB", id="sparse-25mb-plus-one"),
    pytest.param(sized(4 * 1024 * MB), "25 MB", id="sparse-4gb"),
    pytest.param(content(b"", "vacio.pdf"), "vacío", id="empty"),
    pytest.param(content(make_pdf(1)[:-300], "cortado.pdf"), "incompleto", id="pdf-truncated"),
    pytest.param(content(b"%PDF-1.7\n" + b"\x00" * 4000 + b"%%EOF", "basura.pdf"), "dañado",
                 id="pdf-garbage-body"),
    pytest.param(content(b"GIF89a" + b"\x00" * 100, "animado.gif"), "no es un", id="gif"),
    pytest.param(content(make_pdf(1), "solicitud.jpg"), "pero su contenido es PDF",
                 id="pdf-named-jpg"),
    pytest.param(content(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "rota.png"), "dañada",
                 id="png-broken"),
]
CAPTURE_ONLY = [
    pytest.param(tiff_with_a_huge_page, PIXELS, id="tiff-second-page-144-megapixels"),
]


@pytest.fixture
def clerk_intake(runtime, clerk) -> IntakeService:
    return IntakeService(runtime, clerk)


def blob_count(runtime) -> int:
    return sum(1 for path in runtime.blobs.root.rglob("*") if path.is_file())


@pytest.mark.parametrize(("make", "fragment"), CASES)
def test_attaching_a_hostile_file_is_refused(make, fragment, clerk_intake, runtime, tmp_path):
    path = make(tmp_path)
    before = blob_count(runtime)
    try:
        with pytest.raises(ValidationError) as raised:
            within(20, lambda: clerk_intake.attach_file(path, DocumentType.OTHER_ANNEX))
    finally:
        release(path)
    assert fragment in raised.value.user_message, raised.value.user_message
    assert blob_count(runtime) == before


@pytest.mark.parametrize(("make", "fragment"), CASES + CAPTURE_ONLY)
def test_importing_a_hostile_file_into_a_scan_is_refused(make, fragment, tmp_path):
    path = make(tmp_path)
    draft = DraftDocument(DocumentType.OTHER_ANNEX)
    try:
        with pytest.raises(ValidationError) as raised:
            within(20, lambda: draft.import_file(path))
    finally:
        release(path)
    assert fragment in raised.value.user_message, raised.value.user_message
    assert draft.pages == ()


def release(path: Path) -> None:
    """A reader still blocked on a FIFO (the code before the fix) gets its end of file."""
    if path.is_fifo():
        with contextlib.suppress(OSError):  # ENXIO: nobody is reading it
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
