"""Sync as the counter sees it: run a round, how fresh the cache is, what needs attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select

from desktop.domain.event_wire import label_of
from desktop.domain.outbox import OutboxStatus
from desktop.domain.roles import Action, Actor
from desktop.errors import Cancelled
from desktop.progress import CancelToken, Progress, no_progress
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.store.models import OutboxEvent
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable
from desktop.sync.deadline import RoundDeadline
from desktop.sync.engine import SyncReport, last_good_sync, sync_once
from desktop.sync.push import PENDING, REFUSED_LOCAL, STUCK_AFTER, backoff, retry_refused
from desktop.sync.verify import Verification, verify
from desktop.sync.versions import StationVersions, station_versions

# StationVersions and SyncReport: what station_versions and a round return, for the GUI
__all__ = ["StationVersions", "SyncReport", "SyncService"]

@dataclass(frozen=True)
class SyncOverview:
    pending: int
    refused: int
    stuck: int
    last_success_at: datetime | None


@dataclass(frozen=True)
class OutboxProblem:
    seq: int
    what: str
    case_number: str
    created_at: datetime
    status: OutboxStatus  # REFUSED or STUCK
    attempts: int
    reason: str


class SyncService:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def run(self, progress: Progress = no_progress,
            cancel: CancelToken | None = None) -> SyncReport:
        """One round within the settings' deadline (desktop.sync.deadline): past it, the
        round ends as offline and the next one retries."""
        runtime = self.runtime
        with RoundDeadline(runtime.settings.sync_deadline_seconds, runtime.watch,
                           cancel) as deadline:
            try:
                report = self._round(progress, deadline.token)
            except Cancelled:
                if not deadline.expired:
                    raise
                report = SyncReport(False, deadline.message)
        if deadline.expired and not report.online:
            return SyncReport(False, deadline.message, report.pushed, report.refused,
                              report.deferred)
        return report

    def verify(self) -> Verification:
        """This cache compared with central, row by row (`ventanilla verify`)."""
        runtime = self.runtime
        return verify(runtime.central(), runtime.db, runtime.settings.centre)

    def _round(self, progress: Progress, cancel: CancelToken) -> SyncReport:
        runtime = self.runtime
        try:
            central = runtime.central()
        except CentralUnreachable as error:
            return SyncReport(False, error.user_message)
        try:
            return sync_once(runtime.settings, runtime.db, runtime.blobs, central, progress,
                             cancel)
        finally:
            # hundreds of stations must not each hold a server connection between rounds
            central.pool.dispose()

    def overview(self) -> SyncOverview:
        with self.runtime.db.read() as session:
            counts = {status: n for status, n in session.execute(
                select(OutboxEvent.status, func.count()).group_by(OutboxEvent.status))}
            stuck = session.scalar(select(func.count()).select_from(OutboxEvent).where(
                OutboxEvent.status == PENDING, OutboxEvent.attempts >= STUCK_AFTER)) or 0
        return SyncOverview(counts.get(PENDING, 0), counts.get(REFUSED_LOCAL, 0), stuck,
                            last_good_sync(self.runtime.db))

    def problems(self) -> list[OutboxProblem]:
        """Refused events and events that keep failing, oldest first."""
        with self.runtime.db.read() as session:
            rows = session.scalars(select(OutboxEvent).where(or_(
                OutboxEvent.status == REFUSED_LOCAL,
                (OutboxEvent.status == PENDING) & (OutboxEvent.attempts >= STUCK_AFTER),
            )).order_by(OutboxEvent.seq)).all()
        return [
            OutboxProblem(
                row.seq, label_of(row.event_type),
                row.case_number or "",
                row.created_at,
                OutboxStatus.REFUSED if row.status == REFUSED_LOCAL else OutboxStatus.STUCK,
                row.attempts, row.last_error)
            for row in rows
        ]

    def station_versions(self, actor: Actor) -> StationVersions:
        """This centre's stations and their versions, from central (administrators)."""
        require(actor, Action.VIEW_STATION_VERSIONS)
        central = self.runtime.central()
        try:
            with offline_as_unreachable():
                return station_versions(central, self.runtime.settings.centre)
        finally:
            central.pool.dispose()

    def retry(self, actor: Actor, seq: int) -> None:
        """An administrator sends a refused or stuck event again."""
        require(actor, Action.RETRY_SYNC)
        retry_refused(self.runtime.db, seq)


def retry_delay_ms(failures: int, interval_ms: int) -> int:
    """The wait before the next round after `failures` offline rounds: the outbox's back-off,
    never longer than the normal interval."""
    return backoff(failures, timedelta(milliseconds=interval_ms)) // timedelta(milliseconds=1)
