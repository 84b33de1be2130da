"""Scanned documents sealed with AES-GCM (production) or plain (the demo), always verified.

No keyring here: the store takes its key as bytes (desktop.services.protection hands it the
keyring's); tests/integration/test_encryption.py covers the keyring end.
"""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from PIL import Image

from desktop.capture import blobcrypt
from desktop.capture.blobstore import SWEPT_MARKER, BlobStore
from desktop.errors import StorageError, UnreadableData
from tests.support.checks import refused
from tests.support.files import make_pdf

SIGNATURES = (b"%PDF", b"\xff\xd8\xff", b"\x89PNG")


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (300, 200), 180).save(buffer, format=kind)
    return buffer.getvalue()


@pytest.fixture
def sealed(tmp_path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", os.urandom(32))


def test_a_sealed_blob_holds_no_document_signature_and_reads_back(sealed):
    for data in (make_pdf(2), image_bytes("JPEG"), image_bytes("PNG")):
        digest = sealed.put(data)
        assert digest == hashlib.sha256(data).hexdigest()  # named by the plaintext
        stored = sealed.path_for(digest).read_bytes()
        assert stored.startswith(blobcrypt.MAGIC)
        assert not any(stored.startswith(s) or s in stored[:64] for s in SIGNATURES)
        assert b"%PDF" not in stored and b"JFIF" not in stored and b"IHDR" not in stored
        assert len(stored) == len(data) + blobcrypt.OVERHEAD
        assert sealed.get(digest) == data
        assert sealed.put(data) == digest  # idempotent


def test_another_key_cannot_read_a_sealed_blob(sealed):
    digest = sealed.put(make_pdf())
    elsewhere = BlobStore(sealed.root, os.urandom(32))
    with refused(UnreadableData, "no se puede descifrar en esta estación"):
        elsewhere.get(digest)


def test_a_tampered_or_renamed_sealed_blob_is_refused(sealed):
    digest = sealed.put(b"contenido original de un documento")
    path = sealed.path_for(digest)
    stored = bytearray(path.read_bytes())
    stored[-1] ^= 0x01
    path.write_bytes(bytes(stored))
    with refused(UnreadableData, "dañado o fue copiado de otro equipo"):
        sealed.get(digest)
    other = sealed.put(b"otro documento")
    sealed.path_for(digest).write_bytes(sealed.path_for(other).read_bytes())  # moved
    with refused(UnreadableData, "no se puede descifrar"):
        sealed.get(digest)


def test_a_plain_file_is_never_served_by_a_sealed_store(sealed):
    data = make_pdf()
    digest = hashlib.sha256(data).hexdigest()
    sealed.path_for(digest).parent.mkdir(parents=True)
    sealed.path_for(digest).write_bytes(data)
    with refused(UnreadableData, "no se puede descifrar"):
        sealed.get(digest)
    assert sealed.put(data) == digest  # a plain leftover is rewritten sealed
    assert sealed.path_for(digest).read_bytes().startswith(blobcrypt.MAGIC)
    assert sealed.get(digest) == data


def test_plain_files_left_by_the_demo_are_sealed_once(tmp_path):
    demo = BlobStore(tmp_path / "blobs")
    files = [make_pdf(1), make_pdf(2)]
    digests = [demo.put(data) for data in files]
    key = os.urandom(32)
    production = BlobStore(demo.root, key)
    assert not production.holds_sealed()
    assert production.seal_plain_files() == 2
    assert (demo.root / SWEPT_MARKER).exists() and production.seal_plain_files() == 0
    assert production.holds_sealed()
    for digest, data in zip(digests, files, strict=True):
        assert production.get(digest) == data
    with refused(StorageError, "modo de demostración"):
        demo.get(digests[0])


def test_the_demo_store_stays_plain_and_verified(tmp_path):
    demo = BlobStore(tmp_path / "blobs")
    data = make_pdf()
    digest = demo.put(data)
    assert demo.path_for(digest).read_bytes() == data and not demo.encrypted
    demo.path_for(digest).write_bytes(data + b"x")
    with refused(StorageError, "dañado"):
        demo.get(digest)


def test_the_store_never_shows_its_key(sealed):
    assert "encrypted=True" in repr(sealed)
    key = sealed._key
    assert key is not None and key.hex() not in repr(sealed)
