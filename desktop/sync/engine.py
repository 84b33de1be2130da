"""One sync round: push the outbox, then pull what changed, and say how it went.

Before sending anything the round compares the station's clock with the central server's:
beyond the skew central allows, nothing is sent and the station says by how much its clock
is off (a clock a century ahead numbered cases for 2126; one a month behind made new cases
look old). The server's time at each good round is kept, so an event created afterwards
under a clock that went back is recognised at central (desktop.central.apply).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import DBAPIError

from desktop.capture.blobstore import BlobStore
from desktop.central.clock import server_now, skew_allowed
from desktop.central.models import AuditAnchor, CentralMeta
from desktop.clock import now
from desktop.config import Settings
from desktop.db.engines import SessionFactories, writer
from desktop.errors import StorageError, VentanillaError
from desktop.i18n import _, ngettext
from desktop.progress import CancelToken, Progress, no_progress
from desktop.security.audit import GENESIS, Anchor, ensure_epoch, latest_anchor
from desktop.store.centre_locale import apply_centre_locale
from desktop.store.models import CacheMeta, OutboxEvent, SyncState
from desktop.sync.acuerdo_files import fetch_acuerdo_files
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable
from desktop.sync.pull import pull, refresh_cases, refresh_staff
from desktop.sync.push import LastRound, push
from desktop.sync.versions import report_version

log = logging.getLogger(__name__)
ROUND_SCOPE = "round"  # SyncState row holding the time of the last good round
CLOCK_SCOPE = "clock"  # the server's time at the last good round; cursor = outbox seq then


class ClockSkew(VentanillaError):
    """The station's clock is too far from central's: the round sends nothing."""


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
            started = check_clock(central, cache_db)
            pushed = push(central, cache_db, blobs, progress, cancel, last_round(cache_db))
            anchor_audit(central, cache_db, settings.workstation)
            if pushed.refused_cases:
                refresh_cases(central, cache_db, settings.centre, pushed.refused_cases)
            if pushed.refused_staff:
                refresh_staff(central, cache_db, settings.centre, pushed.refused_staff)
            pulled = pull(central, cache_db, settings.centre, progress, cancel)
            apply_centre_locale(cache_db, settings.centre)  # holidays or zone may change
            fetch_acuerdo_files(central, cache_db, blobs, settings.centre)
        report_station_version(central, settings)
    except (CentralUnreachable, ClockSkew) as error:
        log.info("sync round not done: %s", error.log_message)
        return SyncReport(False, error.user_message)
    remember_round(cache_db, started)
    finished = mark_good_round(cache_db)
    message = _("Sincronizado: {sent} enviados, {received} cambios recibidos.").format(
        sent=pushed.applied, received=pulled.total)
    if pushed.refused:
        message += " " + ngettext("{n} rechazado por la central.",
                                  "{n} rechazados por la central.", pushed.refused).format(
            n=pushed.refused)
    if pushed.deferred:
        message += " " + _("{n} quedaron pendientes (la central estaba ocupada con ese trámite "
                           "o falta un archivo); se reintentarán.").format(n=pushed.deferred)
    return SyncReport(True, message, pushed.applied, pushed.refused, pushed.deferred,
                      pulled.total, finished)


CENTRAL_ID = "central_id"


def report_station_version(central: Engine, settings: Settings) -> None:
    """Best effort: a round that moved the cases is not failed by its version report."""
    try:
        report_version(central, settings.workstation, settings.centre)
    except DBAPIError as error:
        log.info("version not reported this round: %s", type(error).__name__)


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


def check_clock(central: Engine, cache_db: SessionFactories) -> LastRound:
    """ClockSkew when the station's clock is beyond central's tolerance; else the server's
    time and the outbox's last event now (remembered if the round goes well)."""
    with central.connect() as connection:
        server, allowed = server_now(connection), skew_allowed(connection)
    offset = now() - server
    if abs(offset) > allowed:
        direction = _("adelantado") if offset > timedelta(0) else _("atrasado")
        raise ClockSkew(
            _("El reloj de esta estación está {amount} {direction} respecto de la central "
              "(se admiten {allowed}); no se envió nada. Corrija la fecha y hora del equipo "
              "y vuelva a sincronizar.").format(amount=_duration(abs(offset)),
                                                direction=direction,
                                                allowed=_duration(allowed)),
            f"clock skew {offset.total_seconds():.0f} s beyond {allowed.total_seconds():.0f} s")
    with cache_db.read() as session:
        seq = session.scalar(select(func.max(OutboxEvent.seq))) or 0
    return LastRound(server, seq)


def _duration(span: timedelta) -> str:
    seconds = span.total_seconds()
    if seconds >= 2 * 86_400:
        return _("{n} días").format(n=round(seconds / 86_400))
    if seconds >= 2 * 3_600:
        return _("{n} horas").format(n=round(seconds / 3_600))
    return _("{n} minutos").format(n=max(1, round(seconds / 60)))


def remember_round(cache_db: SessionFactories, started: LastRound) -> None:
    with cache_db.write() as session, session.begin():
        state = session.get(SyncState, CLOCK_SCOPE) or SyncState(scope=CLOCK_SCOPE)
        state.cursor, state.last_success_at = started.seq, started.server_time
        session.add(state)


def last_round(cache_db: SessionFactories) -> LastRound | None:
    with cache_db.read() as session:
        state = session.get(SyncState, CLOCK_SCOPE)
    if state is None or state.last_success_at is None:
        return None
    return LastRound(state.last_success_at, state.cursor)


def anchor_audit(central: Engine, cache_db: SessionFactories, workstation: str) -> None:
    """Leave the latest audit hash at central (once per entry), under this chain's epoch;
    a new epoch is first marked by an anchor at entry 0, even before it has entries."""
    with cache_db.write() as session, session.begin():
        epoch = ensure_epoch(session)
        anchor = latest_anchor(session)
    wanted = [Anchor(0, GENESIS)] + ([anchor] if anchor is not None else [])
    mine = (AuditAnchor.workstation == workstation, AuditAnchor.epoch == epoch)
    with central.connect() as connection:  # read first: a round with nothing new writes nothing
        known = set(connection.scalars(select(AuditAnchor.entry_id).where(
            *mine, AuditAnchor.entry_id.in_([a.entry_id for a in wanted]))))
    missing = [item for item in wanted if item.entry_id not in known]
    if not missing:
        return
    with writer(central).begin() as connection:
        moment = server_now(connection)
        for item in missing:
            connection.execute(insert(AuditAnchor).values(
                workstation=workstation, epoch=epoch, entry_id=item.entry_id,
                entry_hash=item.entry_hash, anchored_at=moment))


def central_anchors(central: Engine, workstation: str,
                    epoch: str | None = None) -> dict[str, list[Anchor]]:
    """The anchors central holds for this workstation, by epoch (one epoch if given)."""
    query = select(AuditAnchor.epoch, AuditAnchor.entry_id, AuditAnchor.entry_hash).where(
        AuditAnchor.workstation == workstation)
    if epoch is not None:
        query = query.where(AuditAnchor.epoch == epoch)
    found: dict[str, list[Anchor]] = {}
    with central.connect() as connection:
        for row_epoch, entry_id, entry_hash in connection.execute(query):
            found.setdefault(row_epoch, []).append(Anchor(entry_id, entry_hash))
    return found


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
