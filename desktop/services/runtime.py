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

from sqlalchemy import Engine

from desktop.capture.blobstore import BlobStore
from desktop.config import Settings
from desktop.db.engines import SessionFactories, create_app_engine, sqlite_url
from desktop.db.migrate import upgrade
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.protection import AtRest, at_rest
from desktop.sync.connection import open_central
from desktop.sync.pulled import has_pulled

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: SessionFactories
    blobs: BlobStore
    _central: Engine | None = field(default=None, repr=False)

    def central(self) -> Engine:
        """The central database engine, opened (and checked) on first use."""
        if self._central is None:
            self._central = open_central(self.settings)
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
    from desktop.sync.engine import check_central_identity, mark_good_round
    from desktop.sync.pull import pull

    central = open_central(settings)
    try:
        with offline_as_unreachable():
            check_central_identity(central, db)
            pull(central, db, settings.centre, progress, cancel)
        mark_good_round(db)
    finally:
        central.dispose()


def open_runtime(
    settings: Settings, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Runtime:
    """Open everything the services need; on a machine with nothing configured, the demo."""
    if not settings.is_configured:
        from desktop.services.demo import setup_demo

        settings = setup_demo(settings.paths, progress=progress, cancel=cancel).settings
    protection = at_rest(settings)
    settings = protection.settings
    db = open_cache(settings, protection)
    if not has_pulled(db):
        first_pull(settings, db, progress, cancel)
    blobs = BlobStore(settings.paths.blob_dir, protection.blob_key)
    if swept := blobs.sweep_temporaries():
        log.info("removed %d unfinished blob writes", swept)
    return Runtime(settings, db, blobs)


def prepare_orm() -> None:
    """Import the cache's models and configure the ORM's mappers now (a background task
    after start-up), so that the first sign-in does not pay for it."""
    from sqlalchemy.orm import configure_mappers

    import desktop.store.models  # noqa: F401

    configure_mappers()
