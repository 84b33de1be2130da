"""Setting up a central database and pointing a workstation at it (IT staff's commands)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from desktop.capture.blobstore import BlobStore
from desktop.central.clock import set_skew_allowed
from desktop.central.database import check_dedicated
from desktop.central.demo import DemoSamples, find_samples, is_populated
from desktop.central.demo import populate as populate_demo
from desktop.central.models import Centre
from desktop.central.roles import setup_roles
from desktop.central.signer import install_demo_signer
from desktop.clock import now
from desktop.config import Paths, Settings, load_settings
from desktop.db.engines import create_app_engine, writer
from desktop.db.migrate import upgrade
from desktop.errors import UnreadableData, ValidationError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.security.keys import BLOBS, new_installation_id, stored_key
from desktop.security.secrets import require_keyring, store_secret
from desktop.services.cache import first_pull, open_cache
from desktop.services.protection import at_rest
from desktop.store.models import OutboxEvent
from desktop.sync.connection import (
    CENTRAL_MIGRATIONS,
    CentralUnreachable,
    offline_as_unreachable,
    open_central,
    secret_name,
    without_password,
)
from desktop.sync.push import PENDING
from desktop.urls import check_central_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CentralReady:
    migrated: bool
    samples: DemoSamples | None
    centre_roles: tuple[str, ...] = ()  # PostgreSQL: the per-centre database roles


def init_central(url: str, *, demo: bool = False, pensioners: int = 5000, seed: int = 2026,
                 progress: Progress = no_progress,
                 max_clock_skew: int | None = None) -> CentralReady:
    """Create or upgrade the central schema; with `demo`, load the demo reference data.

    On PostgreSQL, then (re)create the database roles and row-level policies of
    desktop.central.roles, after the demo data so every centre gets its role; re-running
    it after centres are added gives them theirs.
    """
    engine = create_app_engine(url)
    samples = None
    try:
        with _reaching(url):
            check_dedicated(engine)
            migrated = upgrade(engine, CENTRAL_MIGRATIONS, what=_("La base central"))
            if max_clock_skew is not None:
                with writer(engine).begin() as connection:
                    set_skew_allowed(connection, max_clock_skew)
            if demo:
                if not is_populated(engine):
                    populate_demo(engine, pensioners=pensioners, seed=seed, progress=progress)
                    analyze(engine)
                with writer(engine).begin() as connection:  # a demo made before acuerdos
                    install_demo_signer(connection)  # were signed gets its signer now
                samples = find_samples(engine)
            centre_roles = setup_roles(engine)
    finally:
        engine.dispose()
    return CentralReady(migrated, samples, centre_roles)


@contextmanager
def _reaching(url: str) -> Iterator[None]:
    """An unreachable central during set-up says what to check (not «se trabaja con la
    información local», which is what a counter hears during a sync)."""
    try:
        with offline_as_unreachable():
            yield
    except CentralUnreachable as error:
        where = make_url(url)
        raise CentralUnreachable(
            _("No se pudo conectar con la base central {db} en {host}: revise la dirección, "
              "el puerto, la red, el usuario y la clave. No se cambió nada en esta "
              "estación.").format(db=where.database or "", host=where.host or "localhost"),
            error.log_message) from None


def analyze(engine: Engine) -> None:
    """Fresh planner statistics after a bulk load, so pulls use their indexes at once
    instead of scanning the registry until autovacuum gets round to it."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")


def init_workstation(paths: Paths, central_url: str, centre: str, counter: int,
                     progress: Progress = no_progress,
                     cancel: CancelToken | None = None) -> Settings:
    """Point this workstation at a central database and load its data.

    The password (if the URL has one) goes to the OS keyring; the settings file gets the
    URL without it. A cache of another central is backed up and replaced, unless it still
    holds events that never reached their central. The installation keeps its id (and so
    its keys) across re-inits; the keys are created here, before the settings are written,
    so a machine without a usable keyring is refused with nothing configured.
    """
    url = make_url(check_central_url(central_url, field="central"))
    require_keyring()  # production keeps its keys there: refuse before changing anything
    if url.password:
        store_secret(secret_name(url), url.password)
    previous = _previous_settings(paths)
    settings = Settings(paths=paths, centre=centre.upper(), counter=counter,
                        central_url=without_password(url).render_as_string(hide_password=False),
                        central_password_in_keyring=bool(url.password), demo=False,
                        installation_id=previous.installation_id or new_installation_id())
    settings.validate()
    with _reaching(central_url):
        _check_station(settings)
    _set_aside_old_cache(settings, previous)
    _set_aside_unreadable_blobs(settings)
    protection = at_rest(settings)  # the keys exist before the station is configured
    settings.save()
    cache = open_cache(settings, protection)
    try:
        first_pull(settings, cache, progress, cancel)
    finally:
        cache.dispose()
    log.info("workstation %s pointed at a central database", settings.workstation)
    return settings


def _previous_settings(paths: Paths) -> Settings:
    """What this workstation was set to (defaults when nothing, or a damaged file)."""
    try:
        return load_settings(paths)
    except ValidationError as error:
        log.warning("init: replacing an unreadable settings file (%s)", error.log_message)
        return Settings(paths=paths)


def _check_station(settings: Settings) -> None:
    """The centre must exist at central and have this counter."""
    engine = open_central(settings)
    try:
        with offline_as_unreachable(), engine.connect() as connection:
            counters = connection.scalar(select(Centre.counters).where(
                Centre.code == settings.centre))
    finally:
        engine.dispose()
    if counters is None:
        raise ValidationError(
            _("El centro {centre} no existe en la base central.").format(centre=settings.centre),
            "init: unknown centre", field="centre")
    if settings.counter > counters:
        raise ValidationError(
            _("El centro {centre} tiene {n} ventanillas; la {counter} no existe.").format(
                centre=settings.centre, n=counters, counter=settings.counter),
            "init: unknown counter", field="counter")


def _set_aside_old_cache(settings: Settings, previous: Settings) -> None:
    """Move the cache aside (into the backups folder, as it is: encrypted stays encrypted),
    unless it holds events its central never got. A cache this station cannot decrypt any
    more (its key is gone) is moved aside unchecked: that is what re-running init is for."""
    path = settings.paths.cache_db
    if not path.exists():
        return
    try:
        waiting = _unsent_events(previous)
    except UnreadableData as error:
        log.warning("init: setting aside a cache it cannot read (%s)", error.log_message)
        waiting = 0
    if waiting:
        raise ValidationError(
            _("Esta estación tiene {n} eventos sin enviar a su base central actual. "
              "Sincronice antes de cambiarla.").format(n=waiting),
            "init: outbox not empty")
    settings.paths.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%dT%H%M%SZ")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            target = f"cache-before-init-{stamp}.sqlite3{suffix}"
            shutil.move(source, settings.paths.backup_dir / target)


def _unsent_events(previous: Settings) -> int:
    cache = open_cache(previous)
    try:
        with cache.read() as session:
            return session.scalar(select(func.count()).select_from(OutboxEvent).where(
                OutboxEvent.status == PENDING)) or 0
    finally:
        cache.dispose()


def _set_aside_unreadable_blobs(settings: Settings) -> None:
    """Sealed documents whose key the keyring lost are moved aside too (kept, in case the
    keyring is restored): new documents must not be mistaken for them."""
    blobs = BlobStore(settings.paths.blob_dir)
    if not blobs.holds_sealed() or stored_key(BLOBS, settings.installation_id) is not None:
        return
    target = settings.paths.backup_dir / f"blobs-unreadable-{now().strftime('%Y%m%dT%H%M%SZ')}"
    settings.paths.backup_dir.mkdir(parents=True, exist_ok=True)
    shutil.move(settings.paths.blob_dir, target)
    log.warning("init: scanned documents this station cannot decrypt were set aside")
