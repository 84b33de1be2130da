"""One sync round: push the outbox, then pull what changed, and say how it went."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, select

from desktop.capture.blobstore import BlobStore
from desktop.central.models import AuditAnchor, CentralMeta
from desktop.clock import now
from desktop.config import Settings
from desktop.db.engines import SessionFactories, writer
from desktop.errors import StorageError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.security.audit import Anchor, latest_anchor
from desktop.store.models import CacheMeta, SyncState
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable
from desktop.sync.pull import pull, refresh_cases
from desktop.sync.push import push

log = logging.getLogger(__name__)
ROUND_SCOPE = "round"  # SyncState row holding the time of the last good round


@dataclass(frozen=True)
class SyncReport:
    online: bool
    message: str
    pushed: int = 0
    refused: int = 0
    deferred: int = 0
    pulled: int = 0
    finished_at: datetime | None = None


def sync_once(
    settings: Settings,
    cache_db: SessionFactories,
    blobs: BlobStore,
    central: Engine,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SyncReport:
    """Push then pull. An unreachable central is a normal answer (offline), not an error."""
    try:
        with offline_as_unreachable():
            check_central_identity(central, cache_db)
            pushed = push(central, cache_db, blobs, progress, cancel)
            anchor_audit(central, cache_db, settings.workstation)
            if pushed.refused_cases:
                refresh_cases(central, cache_db, settings.centre, pushed.refused_cases)
            pulled = pull(central, cache_db, settings.centre, progress, cancel)
    except CentralUnreachable as error:
        log.info("sync offline: %s", error.log_message)
        return SyncReport(False, error.user_message)
    finished = mark_good_round(cache_db)
    message = _("Sincronizado: {sent} enviados, {received} cambios recibidos.").format(
        sent=pushed.applied, received=pulled.total)
    if pushed.refused:
        message += " " + _("{n} rechazados por la central.").format(n=pushed.refused)
    return SyncReport(True, message, pushed.applied, pushed.refused, pushed.deferred,
                      pulled.total, finished)


CENTRAL_ID = "central_id"


def check_central_identity(central: Engine, cache_db: SessionFactories) -> None:
    """A cache mirrors one central database; pointing it at another would mix them."""
    with central.connect() as connection:
        central_id = connection.scalar(
            select(CentralMeta.value).where(CentralMeta.key == CENTRAL_ID))
    if central_id is None:
        raise StorageError(_("La base central no está inicializada."), "central_meta empty")
    with cache_db.write() as session, session.begin():
        known = session.get(CacheMeta, CENTRAL_ID)
        if known is None:
            session.add(CacheMeta(key=CENTRAL_ID, value=central_id))
        elif known.value != central_id:
            raise StorageError(
                _("Esta estación guarda datos de otra base central. Use «ventanilla init» "
                  "para conectarla a la nueva (se respalda la base local)."),
                "cache belongs to another central database",
            )


def anchor_audit(central: Engine, cache_db: SessionFactories, workstation: str) -> None:
    """Leave the latest audit hash at central (once per entry)."""
    with cache_db.read() as session:
        anchor = latest_anchor(session)
    if anchor is None:
        return
    with writer(central).begin() as connection:
        known = connection.scalar(select(AuditAnchor.entry_id).where(
            AuditAnchor.workstation == workstation, AuditAnchor.entry_id == anchor.entry_id))
        if known is None:
            connection.execute(insert(AuditAnchor).values(
                workstation=workstation, entry_id=anchor.entry_id,
                entry_hash=anchor.entry_hash, anchored_at=now()))


def central_anchors(central: Engine, workstation: str) -> list[Anchor]:
    with central.connect() as connection:
        rows = connection.execute(select(AuditAnchor.entry_id, AuditAnchor.entry_hash).where(
            AuditAnchor.workstation == workstation))
        return [Anchor(entry_id, entry_hash) for entry_id, entry_hash in rows]


def mark_good_round(cache_db: SessionFactories) -> datetime:
    """Remember when the cache last matched central (status answers quote this time)."""
    finished = now()
    with cache_db.write() as session, session.begin():
        state = session.get(SyncState, ROUND_SCOPE) or SyncState(scope=ROUND_SCOPE, cursor=0)
        state.last_success_at = finished
        session.add(state)
    return finished


def last_good_sync(cache_db: SessionFactories) -> datetime | None:
    """Read with every status answer: a Core statement (a Session costs ten times more)."""
    with cache_db.engine.connect() as connection:
        return connection.scalar(select(SyncState.last_success_at).where(
            SyncState.scope == ROUND_SCOPE))
