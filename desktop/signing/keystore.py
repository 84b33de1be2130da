"""The production signer's PKCS#12 at the back office: the file in its data folder (only its
owner may read it), the password in the OS keyring, never in a file or on a command line."""

from __future__ import annotations

from pathlib import Path

from desktop.atomic import write_atomically
from desktop.config import Paths
from desktop.security.secrets import load_secret, require_keyring, store_secret
from desktop.signing import pki
from desktop.signing.pki import Identity

SECRET = "firma-acuerdos-p12"
FILE = Path("firma") / "firmante.p12"


def signer_file(paths: Paths) -> Path:
    return paths.data_dir / FILE


def save_signer(paths: Paths, pkcs12: bytes, password: str) -> Identity:
    """Check that the file opens with the password, then keep both (nothing is written
    without a usable keyring)."""
    identity = pki.from_pkcs12(pkcs12, password.encode() or None)
    require_keyring()
    target = signer_file(paths)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(target, pkcs12, mode=0o600)
    store_secret(SECRET, password)
    return identity


def load_signer(paths: Paths) -> Identity | None:
    """The configured signer, or None when this back office has none."""
    target = signer_file(paths)
    if not target.exists():
        return None
    password = load_secret(SECRET) or ""
    return pki.from_pkcs12(target.read_bytes(), password.encode() or None)
