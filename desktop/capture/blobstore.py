"""Content-addressed file store: each file is named by its SHA-256, never after a person.

Writes go to a temporary name in the same folder, are fsynced and then renamed, so a
crash leaves either the whole file or nothing under its final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop.errors import StorageError
from desktop.i18n import _


class BlobStore:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes) -> str:
        """Store bytes and return their SHA-256 (a no-op when the blob already exists)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            _fsync_dir(target.parent)
        except OSError as error:
            raise StorageError(
                _("No se pudo guardar el documento en el disco: {error}").format(
                    error=error.strerror or error
                ),
                f"blob write failed: {error.__class__.__name__} {error.errno}",
            ) from error
        return digest

    def get(self, sha256: str) -> bytes:
        try:
            data = self.path_for(sha256).read_bytes()
        except FileNotFoundError as error:
            raise StorageError(
                _("Falta el archivo de un documento en esta estación."), f"blob {sha256} missing"
            ) from error
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StorageError(
                _("El archivo de un documento está dañado en esta estación."),
                f"blob {sha256} corrupt",
            )
        return data

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def sweep_temporaries(self) -> int:
        """Remove what a write killed halfway left (never read: lookups use final names)."""
        swept = 0
        for leftover in self.root.glob("*/.tmp-*"):
            leftover.unlink(missing_ok=True)
            swept += 1
        return swept


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
