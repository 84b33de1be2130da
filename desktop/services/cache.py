"""Opening a station's cache and filling it the first time, one process at a time.

Apart from `runtime` so that the demo set-up, which `open_runtime` calls on a machine with
nothing configured, uses the same steps without importing `runtime` back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from desktop.config import Paths, Settings
from desktop.db.engines import SessionFactories, create_app_engine, sqlite_url
from desktop.db.migrate import upgrade
from desktop.errors import StorageError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.protection import AtRest, at_rest
from desktop.sync.connection import open_central


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
