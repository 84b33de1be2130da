"""What a running workstation holds open: settings, the cache, the blob store.

`open_runtime` is the one start-up path for the GUI and the CLI: first start sets up the
demo, then the cache is migrated (backed up first) and filled by a first pull if empty.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, select

from desktop.capture.blobstore import BlobStore
from desktop.config import Settings
from desktop.db.engines import SessionFactories, create_app_engine, sqlite_url
from desktop.db.migrate import upgrade
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store.models import SyncState
from desktop.sync.pull import REFERENCE_SCOPE, pull_reference

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: SessionFactories
    blobs: BlobStore

    def close(self) -> None:
        self.db.dispose()


def central_url(settings: Settings) -> str:
    """The configured central database, or the embedded demo file under the data folder."""
    return settings.central_url or sqlite_url(settings.paths.demo_central_db)


def open_central(settings: Settings) -> Engine:
    engine = create_app_engine(central_url(settings))
    upgrade(engine, "desktop.central:migrations", what=_("La base central"))
    return engine


def open_cache(settings: Settings) -> SessionFactories:
    settings.paths.ensure()
    engine = create_app_engine(sqlite_url(settings.paths.cache_db))
    upgrade(
        engine,
        "desktop.store:migrations",
        backup_dir=settings.paths.backup_dir,
        what=_("La base local de esta estación"),
    )
    return SessionFactories(engine)


def open_runtime(
    settings: Settings, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Runtime:
    """Open everything the services need; on a machine with nothing configured, the demo."""
    if not settings.is_configured:
        from desktop.services.demo import setup_demo

        settings = setup_demo(settings.paths, progress=progress, cancel=cancel).settings
    db = open_cache(settings)
    if not has_reference_data(db):
        central = open_central(settings)
        try:
            pull_reference(central, db, progress, cancel)
        finally:
            central.dispose()
    return Runtime(settings, db, BlobStore(settings.paths.blob_dir))


def has_reference_data(db: SessionFactories) -> bool:
    with db.read() as session:
        state = session.scalar(select(SyncState).where(SyncState.scope == REFERENCE_SCOPE))
        return state is not None and state.last_success_at is not None
