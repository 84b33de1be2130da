"""Content-addressed file store: each file is named by its SHA-256, never after a person.

Writes go to a temporary name in the same folder, are fsynced and then renamed, so a
crash leaves either the whole file or nothing under its final name.

With a key (production) every file is sealed with AES-GCM (desktop.capture.blobcrypt) and
a plain file is never served; without one (the demo) files are plain, and a sealed file
found there is refused. Either way a file is returned only when its SHA-256 matches its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Collection, Iterator
from pathlib import Path

from desktop.atomic import write_atomically
from desktop.capture import blobcrypt
from desktop.errors import StorageError
from desktop.i18n import _

log = logging.getLogger(__name__)
SWEPT_MARKER = ".sealed"  # in the root: every plain file left by the demo is sealed


class BlobStore:
    def __init__(self, root: Path, key: bytes | None = None):
        if root.exists() and not root.is_dir():
            # said at start-up, not at the first scan of the morning with a citizen waiting
            raise StorageError(
                _("La carpeta de documentos de esta estación ({path}) no es una carpeta: no se "
                  "podría guardar ningún documento escaneado. Pida al soporte técnico que la "
                  "revise.").format(path=root), "blob root is not a folder")
        self.root = root
        self._key = key

    def __repr__(self) -> str:
        return f"BlobStore({str(self.root)!r}, encrypted={self.encrypted})"

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes) -> str:
        """Store bytes and return their SHA-256 (a no-op when the blob already exists)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if self._in_place(target):
            with contextlib.suppress(OSError):
                os.utime(target)  # in use again: the collector's grace period starts over
            return digest
        if self._key is not None:
            data = blobcrypt.seal(self._key, digest, data)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as error:
            raise StorageError(
                _("No se pudo guardar el documento en el disco: {error}").format(
                    error=error.strerror or error
                ),
                f"blob write failed: {error.__class__.__name__} {error.errno}",
            ) from error
        return digest

    def get(self, sha256: str) -> bytes:
        """The plaintext, verified against its name (and its GCM tag when sealed)."""
        try:
            stored = self.path_for(sha256).read_bytes()
        except FileNotFoundError as error:
            raise StorageError(
                _("Falta el archivo de un documento en esta estación."), f"blob {sha256} missing"
            ) from error
        if self._key is not None:
            data = blobcrypt.unseal(self._key, sha256, stored)
        elif blobcrypt.is_sealed(stored) and hashlib.sha256(stored).hexdigest() != sha256:
            raise StorageError(
                _("El archivo de un documento está cifrado y esta estación está en modo de "
                  "demostración, sin claves: no se puede leer aquí."),
                f"blob {sha256[:12]} is sealed, store has no key",
            )
        else:
            data = stored
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

    def collect(self, referenced: Collection[str], grace_seconds: float) -> int:
        """Delete the files no case references that were last written more than
        `grace_seconds` ago (an intake abandoned, a registration refused). A file attached
        to a form still open is younger than the grace period, so it is kept."""
        cutoff = time.time() - grace_seconds
        removed = 0
        for path in self._files():
            digest = path.parent.name + path.name
            if digest in referenced:
                continue
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # gone already, or not ours to remove
        return removed

    def holds_sealed(self) -> bool:
        """Whether any file here is sealed (then its key must not be replaced)."""
        return any(_head(path) for path in self._files())

    def seal_plain_files(self) -> int:
        """Seal the plain files a demo or an unencrypted build left here (production only).

        Runs once: a marker file records that the folder holds sealed files only. A plain
        file whose content does not match its name is left alone (get() refuses it)."""
        if self._key is None:
            raise ValueError("sealing needs a key")
        marker = self.root / SWEPT_MARKER
        if marker.exists():
            return 0
        sealed = 0
        for path in self._files():
            if _head(path):
                continue
            data = path.read_bytes()
            digest = path.parent.name + path.name
            if hashlib.sha256(data).hexdigest() == digest:
                self.put(data)  # replaces the plain file atomically
                sealed += 1
        self.root.mkdir(parents=True, exist_ok=True)
        marker.touch()
        if sealed:
            log.info("sealed %d plain blob files left by an earlier start", sealed)
        return sealed

    def _in_place(self, target: Path) -> bool:
        """Already stored in this store's form (a plain leftover is rewritten sealed)."""
        if not target.exists():
            return False
        return self._key is None or _head(target)

    def _files(self) -> Iterator[Path]:
        for path in self.root.glob("??/*"):
            if not path.name.startswith(".") and path.is_file():
                yield path


def _head(path: Path) -> bool:
    """True when the file is sealed (reads only its first bytes)."""
    with path.open("rb") as handle:
        return blobcrypt.is_sealed(handle.read(len(blobcrypt.MAGIC)))
