"""SQLCipher for the production cache: keyed connections, plain versus encrypted files.

The key is applied by a connection factory (SQLAlchemy's `creator`), never through a URL:
URLs end up in reprs, logs and exception texts. The key is a raw 256-bit key (`x'…'`), so
SQLCipher skips its passphrase stretching (the key is already random) and a new connection
costs no more than a plain one. `sqlcipher3` is imported only when a cache is encrypted:
the demo and the central databases never load it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from types import ModuleType
from typing import Any

from desktop.errors import StorageError, UnreadableData
from desktop.i18n import _

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"


class WrongKey(UnreadableData):
    """The cache file does not open with this installation's key."""


def dbapi() -> ModuleType:
    try:
        from sqlcipher3 import dbapi2
    except ImportError as error:
        raise StorageError(
            _("Falta el componente de cifrado de la base local (sqlcipher3). Reinstale "
              "Ventanilla."),
            f"sqlcipher3 not importable: {error}",
        ) from None
    return dbapi2


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (its header is readable text)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def is_encrypted(path: Path) -> bool:
    """A non-empty database file that is not plain SQLite (SQLCipher has no header)."""
    return path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def wrong_key() -> WrongKey:
    return WrongKey(
        _("La clave de la base local no corresponde a este archivo: fue cifrado en otro "
          "equipo o en otra instalación, o está dañado. Una carpeta de datos copiada de otra "
          "estación no se puede leer aquí; vuelva a configurar la estación con «ventanilla "
          "init» para descargar de nuevo la información de la base central."),
        "cache key does not open the cache file (other installation, or corrupt)",
    )


def connect(path: str, key: bytes, *, timeout: float) -> Any:
    """A DB-API connection to an encrypted file, keyed and checked (WrongKey if not)."""
    sqlcipher = dbapi()
    connection = sqlcipher.connect(path, check_same_thread=False, timeout=timeout)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # no stderr noise: we say it
        connection.execute(_key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        connection.close()
        raise wrong_key() from None
    return connection


def connector(path: str, key: bytes, *, timeout: float) -> Callable[[], Any]:
    """The `creator` of an engine on an encrypted file (the key stays in this closure)."""
    return lambda: connect(path, key, timeout=timeout)


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn a plain SQLite file into an encrypted one with the same content.

    For what an unencrypted build or the demo left behind in a production data folder (a
    cache, a backup). Written beside it, fsynced, then renamed over it.
    """
    with closing(sqlite3.connect(path)) as plain:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
    temporary = path.with_name(f".{path.name}.encrypting")
    temporary.unlink(missing_ok=True)
    source = dbapi().connect(str(path))
    try:
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"",
                       (str(temporary),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.info("encrypted %s, left unencrypted by an earlier start", path.name)
