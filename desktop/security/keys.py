"""The keys that protect a production workstation's data at rest (DESIGN.md §5, §7).

Two random 256-bit keys per installation, kept only in the OS keyring: the cache key
(SQLCipher) and the blob key (AES-GCM for scanned documents). They are random bytes, not
passwords, so nothing has to be stretched and nobody ever types them.

Entries are named after the installation id (a UUID in the settings file, not a secret):
`cache-key:<id>` and `blob-key:<id>`. A copied data folder meets either no entry (another
machine's keyring) or other keys (another installation), and stays unreadable there.

A key is created only while nothing encrypted with it exists. When the keyring loses a key
that data still needs, the data is *not* silently replaced by an empty store: MissingKey
says what to do (restore the keyring, or `ventanilla init`, which sets the unreadable data
aside and pulls again).
"""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass

from desktop.errors import UnreadableData
from desktop.i18n import _
from desktop.security.secrets import load_secret, store_secret

log = logging.getLogger(__name__)
KEY_BYTES = 32
CACHE, BLOBS = "cache-key", "blob-key"


class MissingKey(UnreadableData):
    """The keyring has no key for data that exists on this workstation."""


@dataclass(frozen=True, repr=False)
class StationKeys:
    """The two keys; never printed (the repr hides them, so a traceback cannot show them)."""

    cache: bytes
    blobs: bytes

    def __repr__(self) -> str:
        return "StationKeys(<ocultas>)"


def new_installation_id() -> str:
    return uuid.uuid4().hex


def entry_name(kind: str, installation_id: str) -> str:
    """Keyring entry of one key, e.g. `cache-key:3f2a…` (the id is not secret)."""
    if not installation_id:
        raise ValueError("an installation id is needed to name a key")
    return f"{kind}:{installation_id}"


def ensure_keys(installation_id: str, *, cache_in_use: bool, blobs_in_use: bool) -> StationKeys:
    """Both keys of this installation, creating a missing one only when no data needs it.

    `cache_in_use` / `blobs_in_use`: an encrypted cache file / encrypted blobs exist, so
    their key must already be in the keyring. Raises SecretsUnavailable (no usable
    keyring: what to set up) or MissingKey (what to do about lost data).
    """
    return StationKeys(
        cache=_ensure(CACHE, installation_id, in_use=cache_in_use),
        blobs=_ensure(BLOBS, installation_id, in_use=blobs_in_use),
    )


def stored_key(kind: str, installation_id: str) -> bytes | None:
    """The key as the keyring holds it, or None (a malformed entry counts as missing)."""
    text = load_secret(entry_name(kind, installation_id))
    if text is None:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        log.warning("keyring entry %s is not a %d-byte key; ignored", kind, KEY_BYTES)
        return None
    return key


def _ensure(kind: str, installation_id: str, *, in_use: bool) -> bytes:
    key = stored_key(kind, installation_id)
    if key is not None:
        return key
    if in_use:
        raise missing_key(kind)
    key = secrets.token_bytes(KEY_BYTES)
    store_secret(entry_name(kind, installation_id), key.hex())
    log.info("created the %s of this installation", kind)
    return key


def missing_key(kind: str) -> MissingKey:
    what = (_("la clave de la base local") if kind == CACHE
            else _("la clave de los documentos escaneados"))
    return MissingKey(
        _("Falta {what} en el almacén de contraseñas de este equipo: sin ella no se pueden "
          "leer los datos guardados en esta estación. Restaure el almacén de contraseñas del "
          "sistema (por ejemplo, desde la copia de seguridad del perfil del usuario) y vuelva "
          "a abrir Ventanilla; o vuelva a configurar la estación con «ventanilla init», que "
          "aparta los datos ilegibles y descarga de nuevo la información de la base central "
          "(se pierde lo que no se haya sincronizado).").format(what=what),
        f"{kind} missing from the keyring while encrypted data exists",
    )
