"""How this workstation's data is protected at rest, settled once when it opens.

Production (`settings.demo` is False): the installation id (assigned at the first start if
the settings file has none), both keys from the OS keyring (created while nothing encrypted
with them exists), and anything an unencrypted build or the demo left in the data folder (a
plain cache, plain backups, plain blobs) encrypted before anything reads it. Without a
usable keyring this raises SecretsUnavailable (what to set up on each system) and the
station does not open: there is no plaintext fallback.

Demo: no keyring, plain files; the log says so here and the window title says so too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from desktop.capture.blobstore import BlobStore
from desktop.config import Paths, Settings, load_settings
from desktop.db import cipher
from desktop.errors import UnreadableData
from desktop.i18n import _
from desktop.security.keys import StationKeys, ensure_keys, new_installation_id

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AtRest:
    settings: Settings  # with its installation id, in production
    keys: StationKeys | None  # None: the demo, nothing encrypted

    @property
    def cache_key(self) -> bytes | None:
        return self.keys.cache if self.keys else None

    @property
    def blob_key(self) -> bytes | None:
        return self.keys.blobs if self.keys else None


def at_rest(settings: Settings) -> AtRest:
    """The keys this workstation's files are opened with (none in the demo)."""
    paths = settings.paths
    if settings.demo:
        if cipher.is_encrypted(paths.cache_db):
            raise UnreadableData(
                _("La base local de esta estación está cifrada, pero la configuración es de "
                  "demostración. Vuelva a configurar la estación con «ventanilla init»."),
                "demo settings over an encrypted cache",
            )
        log.info("demo mode: the local cache and scanned documents are NOT encrypted")
        return AtRest(settings, None)
    settings = _with_installation_id(settings)
    keys = ensure_keys(
        settings.installation_id,
        cache_in_use=cipher.is_encrypted(paths.cache_db),
        blobs_in_use=BlobStore(paths.blob_dir).holds_sealed(),
    )
    _encrypt_leftovers(paths, keys)
    return AtRest(settings, keys)


def _with_installation_id(settings: Settings) -> Settings:
    """The settings' id; else the one an earlier start saved (a caller may hold settings
    read before it); else a new one, saved at once so the next start finds the same keys."""
    if settings.installation_id:
        return settings
    saved = load_settings(settings.paths).installation_id if settings.is_configured else ""
    updated = settings.with_changes(installation_id=saved or new_installation_id())
    if settings.is_configured and not saved:
        updated.save()
        log.info("installation id assigned")
    return updated


def _encrypt_leftovers(paths: Paths, keys: StationKeys) -> None:
    """Plain files in a production data folder get encrypted (each check reads a header)."""
    if cipher.is_plain_sqlite(paths.cache_db):
        cipher.encrypt_in_place(paths.cache_db, keys.cache)
    if paths.backup_dir.is_dir():
        for backup in paths.backup_dir.glob("*.sqlite3"):
            if cipher.is_plain_sqlite(backup):
                cipher.encrypt_in_place(backup, keys.cache)
    BlobStore(paths.blob_dir, keys.blobs).seal_plain_files()
