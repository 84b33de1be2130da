"""What a running workstation holds open: settings, the cache, the blob store.

`open_runtime` is the one start-up path for the GUI and the CLI: first start sets up the
demo; a production station gets its keys from the OS keyring (desktop.services.protection)
or does not open; the cache is migrated (backed up first); a cache that has never received the
registry gets its first pull here (resumable), since nothing can be registered without it.
Afterwards start-up never waits for the network: sync runs in the background.

Opening a cache that is ready imports neither model module nor Alembic nor the sync
engine (the sign-in button waits for this; sync and sign-in import them afterwards).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from desktop.capture.blobstore import BlobStore
from desktop.config import Settings
from desktop.db.engines import SessionFactories
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.cache import first_pull, open_cache, startup_lock
from desktop.services.protection import at_rest
from desktop.store.centre_locale import apply_centre_locale
from desktop.sync.connection import ConnectionWatch, open_central
from desktop.sync.pulled import has_pulled

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: SessionFactories
    blobs: BlobStore
    _central: Engine | None = field(default=None, repr=False)
    #: the central connections a sync round's deadline may cut
    watch: ConnectionWatch = field(default_factory=ConnectionWatch, repr=False)

    def central(self) -> Engine:
        """The central database engine, opened (and checked) on first use."""
        if self._central is None:
            self._central = open_central(self.settings, self.watch)
        return self._central

    def close(self) -> None:
        if self._central is not None:
            self._central.dispose()
        self.db.dispose()


def open_runtime(
    settings: Settings, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Runtime:
    """Open everything the services need; on a machine with nothing configured, the demo.

    Two processes starting at once on an empty home (two windows, a window and a command)
    take turns through a lock file: the second waits for the first one's set-up and then
    finds it done, instead of failing with «database is locked» halfway through it.
    """
    with startup_lock(settings.paths):
        if not settings.is_configured and not settings.demo:
            settings.save()  # IT's machine-wide file named the central: the first start
        if not settings.is_configured:
            from desktop.services.demo import setup_demo

            settings = setup_demo(settings.paths, progress=progress, cancel=cancel).settings
        protection = at_rest(settings)
        settings = protection.settings
        db = open_cache(settings, protection)
        try:
            if not has_pulled(db):
                first_pull(settings, db, progress, cancel)
        except BaseException:
            db.dispose()
            raise
    blobs = BlobStore(settings.paths.blob_dir, protection.blob_key)
    if swept := blobs.sweep_temporaries():
        log.info("removed %d unfinished blob writes", swept)
    collect_orphan_blobs(db, blobs)
    apply_centre_locale(db, settings.centre)
    return Runtime(settings, db, blobs)


#: How long a scanned document no case references is kept (an intake left open overnight
#: still finds its scans the next morning).
ORPHAN_GRACE_SECONDS = 3 * 24 * 3600


def collect_orphan_blobs(db: SessionFactories, blobs: BlobStore,
                         grace_seconds: float = ORPHAN_GRACE_SECONDS) -> int:
    """Remove documents of refused registrations and abandoned intakes, after the grace
    period; never one a case of this cache references, nor a signed acuerdo."""
    with db.read() as session:  # Core, not the ORM: this runs before sign-in is possible
        referenced = set(session.execute(text(
            "SELECT sha256 FROM case_documents UNION "
            "SELECT signed_sha256 FROM agreements WHERE signed_sha256 IS NOT NULL")).scalars())
    removed = blobs.collect(referenced, grace_seconds)
    if removed:
        log.info("removed %d scanned documents no case references", removed)
    return removed


def prepare_orm() -> None:
    """Import the cache's models and configure the ORM's mappers now (a background task
    after start-up), so that the first sign-in does not pay for it."""
    from sqlalchemy.orm import configure_mappers

    import desktop.store.models  # noqa: F401

    configure_mappers()
