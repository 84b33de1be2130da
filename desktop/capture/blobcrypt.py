"""AES-256-GCM for scanned documents at rest on a production workstation.

A sealed file is `MAGIC` (format and version) + a random 12-byte nonce + ciphertext and
its 16-byte tag. The blob's name (the SHA-256 of the plaintext) is the associated data, so
a file moved under another name fails the tag as surely as an edited one. The name stays
the plaintext's hash on purpose: central deduplicates and verifies uploads by it, and push
sends central the plaintext (central storage has its own protection).
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import UnreadableData
from desktop.i18n import _

MAGIC = b"VTB\x01"  # "Ventanilla blob", format 1
NONCE_BYTES = 12
OVERHEAD = len(MAGIC) + NONCE_BYTES + 16


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def seal(key: bytes, sha256: str, data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, sha256.encode("ascii"))


def unseal(key: bytes, sha256: str, sealed: bytes) -> bytes:
    """The plaintext, or UnreadableData for a file not sealed by this key under this name."""
    if not is_sealed(sealed) or len(sealed) < OVERHEAD:
        raise unreadable(sha256, "not a sealed blob")
    nonce = sealed[len(MAGIC):len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES:],
                                   sha256.encode("ascii"))
    except InvalidTag:
        raise unreadable(sha256, "authentication tag does not verify") from None


def unreadable(sha256: str, why: str) -> UnreadableData:
    return UnreadableData(
        _("El archivo de un documento escaneado no se puede descifrar en esta estación: está "
          "dañado o fue copiado de otro equipo."),
        f"blob {sha256[:12]} unreadable: {why}",
    )
