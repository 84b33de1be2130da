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
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from filelock import FileLock, Timeout
from sqlalchemy import Engine, text

from desktop.capture.blobstore import BlobStore
from desktop.config import Paths, Settings
from desktop.db.engines import SessionFactories, create_app_engine, sqlite_url
from desktop.db.migrate import upgrade
from desktop.errors import StorageError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.protection import AtRest, at_rest
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


def open_cache(settings: Settings, protection: AtRest | None = None) -> SessionFactories:
    """The migrated cache: encrypted with the keyring's key in production, plain in the
    demo (`protection` when the caller has already settled it)."""
    settings.paths.ensure()
    protection = protection or at_rest(settings)
    engine = create_app_engine(sqlite_url(settings.paths.cache_db), key=protection.cache_key)
    try:
        upgrade(
            engine,
            "desktop.store:migrations",
            backup_dir=settings.paths.backup_dir,
            what=_("La base local de esta estación"),
        )
    except BaseException:
        engine.dispose()
        raise
    return SessionFactories(engine)


def first_pull(
    settings: Settings,
    db: SessionFactories,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Everything central has, into a cache that has nothing yet (resumes if interrupted)."""
    from desktop.sync.connection import offline_as_unreachable
    from desktop.sync.engine import (
        anchor_audit,
        check_central_identity,
        mark_good_round,
        report_station_version,
    )
    from desktop.sync.pull import pull

    central = open_central(settings)
    try:
        with offline_as_unreachable():
            check_central_identity(central, db)
            pull(central, db, settings.centre, progress, cancel)
            anchor_audit(central, db, settings.workstation)  # central learns this chain
        mark_good_round(db)
        report_station_version(central, settings)
    finally:
        central.dispose()


STARTUP_LOCK = ".startup.lock"
STARTUP_WAIT_S = 900  # another process doing a first pull of a large registry


@contextmanager
def startup_lock(paths: Paths) -> Iterator[None]:
    """One process at a time sets a station up (reentrant within a thread); a data folder
    that cannot be written is refused here, in words, before anything tries to."""
    paths.ensure()
    if not os.access(paths.data_dir, os.W_OK):
        raise StorageError(
            _("La carpeta de datos {path} es de solo lectura o no se puede escribir: esta "
              "estación no puede guardar nada ahí.").format(path=paths.data_dir),
            "data folder not writable")
    try:
        # one lock object per path: the demo set-up inside open_runtime takes it again
        with FileLock(paths.data_dir / STARTUP_LOCK, timeout=STARTUP_WAIT_S, is_singleton=True):
            yield
    except Timeout:
        raise StorageError(
            _("Otro proceso de Ventanilla lleva demasiado tiempo preparando esta estación; "
              "ciérrelo o espere a que termine."), "start-up lock timeout") from None


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
