"""File import checks and the content-addressed blob store."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from desktop.capture.blobstore import BlobStore
from desktop.capture.files import (
    CAPTURE_TYPES,
    JPEG,
    MAX_FILE_BYTES,
    PDF,
    PNG,
    TIFF,
    check_bytes,
    read_checked,
)
from desktop.errors import StorageError, ValidationError
from tests.support.checks import refused
from tests.support.files import make_pdf


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (400, 300), 200).save(buffer, format=kind)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "media_type", "pages"), [
    ("solicitud.pdf", make_pdf(3), PDF, 3),
    ("foto.jpg", image_bytes("JPEG"), JPEG, 1),
    ("foto.JPEG", image_bytes("JPEG"), JPEG, 1),
    ("planilla.png", image_bytes("PNG"), PNG, 1),
])
def test_good_files_pass_with_type_by_content(tmp_path, name, data, media_type, pages):
    checked = read_checked(write(tmp_path, name, data))
    assert (checked.media_type, checked.pages, checked.size) == (media_type, pages, len(data))


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secreto")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


BAD_FILES = [
    ("empty", "vacio.pdf", b"", "vacío"),
    ("truncated pdf", "solicitud.pdf", make_pdf(2)[:-300], "incompleto o dañado"),
    ("png named pdf", "solicitud.pdf", image_bytes("PNG"), "contenido es PNG"),
    ("text file", "notas.pdf", b"hola, esto no es un PDF", "no es un PDF, JPEG ni PNG"),
    ("encrypted pdf", "clave.pdf", encrypted_pdf(), "protegido con contraseña"),
    ("truncated jpeg", "foto.jpg", image_bytes("JPEG")[:120], "dañada o incompleta"),
    ("garbage pdf", "roto.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", "dañado"),
]


@pytest.mark.parametrize(("name", "data", "message"), [row[1:] for row in BAD_FILES],
                         ids=[row[0] for row in BAD_FILES])
def test_bad_files_are_refused_with_their_message(tmp_path, name, data, message):
    with refused(ValidationError, message):
        read_checked(write(tmp_path, name, data))


def test_a_file_over_25_mb_is_refused_before_reading(tmp_path):
    path = tmp_path / "grande.pdf"
    with path.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES
    with refused(ValidationError, "el máximo es 25 MB"):
        read_checked(path)


def test_a_missing_file_says_so(tmp_path):
    with refused(ValidationError, "No se pudo leer el archivo"):
        read_checked(tmp_path / "no-existe.pdf")


def test_blobs_are_named_by_hash_and_read_back_verified(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    data = make_pdf()
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.path_for(digest).name == digest[2:]
    assert store.get(digest) == data
    assert store.put(data) == digest  # idempotent
    assert not [p for p in store.root.rglob(".tmp-*")]


def test_a_corrupted_blob_is_detected(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    digest = store.put(b"contenido original")
    store.path_for(digest).write_bytes(b"contenido alterado")
    with refused(StorageError, "dañado"):
        store.get(digest)


# --- TIFF: accepted where the capture path converts it -----------------------------------


def tiff_bytes(frames: int = 1) -> bytes:
    buffer = io.BytesIO()
    pages = [Image.new("L", (400, 300), 200 - 10 * n) for n in range(frames)]
    pages[0].save(buffer, format="TIFF", save_all=True, append_images=pages[1:])
    return buffer.getvalue()


def test_a_multi_page_tiff_counts_its_frames_where_tiff_is_accepted(tmp_path):
    checked = read_checked(write(tmp_path, "escaneo.tiff", tiff_bytes(3)), CAPTURE_TYPES)
    assert (checked.media_type, checked.pages) == (TIFF, 3)
    assert check_bytes(tiff_bytes(1), ".tif", CAPTURE_TYPES).pages == 1


def test_tiff_is_not_stored_as_it_is_by_plain_import(tmp_path):
    with refused(ValidationError, "no es un PDF, JPEG ni PNG"):
        read_checked(write(tmp_path, "escaneo.tif", tiff_bytes()))
    with refused(ValidationError, "no es un PDF, JPEG, PNG ni TIFF"):
        check_bytes(b"GIF89a" + b"\x00" * 50, ".gif", CAPTURE_TYPES)


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_a_damaged_tiff_frame_is_caught(tmp_path):
    data = tiff_bytes(3)
    with refused(ValidationError, "dañada o incompleta"):
        check_bytes(data[: len(data) // 2], ".tif", CAPTURE_TYPES)


def test_a_tiff_named_pdf_is_refused_by_content():
    with refused(ValidationError, "contenido es TIFF"):
        check_bytes(tiff_bytes(), ".pdf", CAPTURE_TYPES)


def test_a_tiff_with_more_than_50_pages_is_refused():
    with refused(ValidationError, "tiene 51 páginas"):
        check_bytes(tiff_bytes(51), ".tif", CAPTURE_TYPES)


def test_an_animated_png_is_one_page():
    buffer = io.BytesIO()
    frames = [Image.new("L", (40, 30), shade) for shade in (10, 120, 240)]
    frames[0].save(buffer, format="PNG", save_all=True, append_images=frames[1:])
    assert check_bytes(buffer.getvalue(), ".png").pages == 1
