"""When sync rounds run, and what the window knows about the last one (DESIGN.md §5).

One round at a time, on TaskRunner's own sync thread: a long pull never blocks a
registration, and the GUI thread only schedules and reports. The first round starts as
soon as the runtime is ready (before sign-in): events left by the previous session and
staff changes (sign-in checks cached password hashes) should not wait for someone to
sign in. Then a round every `interval_ms`; while the central cannot be reached, sooner,
with back-off. Between rounds a cheap local count keeps «pendientes» true after each
registration, without touching the network.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from desktop.services.runtime import Runtime
from desktop.services.sync import (
    OutboxProblem,
    SyncOverview,
    SyncReport,
    SyncService,
    retry_delay_ms,
)
from ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

LOCAL_REFRESH_MS = 3_000


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows; `online` is None until the first round answers."""

    online: bool | None = None
    last_success_at: datetime | None = None
    pending: int = 0
    refused: int = 0
    stuck: int = 0
    running: bool = False
    message: str = ""


@dataclass(frozen=True)
class _Local:
    overview: SyncOverview
    problems: list[OutboxProblem]


@dataclass(frozen=True)
class _Round:
    report: SyncReport
    local: _Local


class SyncController(QObject):
    state_changed = Signal(object)  # SyncState
    problems_changed = Signal(object)  # list[OutboxProblem]
    progressed = Signal(int, int, str)
    reconnected = Signal()  # the first good round after the central was unreachable

    def __init__(self, runtime: Runtime, tasks: TaskRunner, interval_ms: int = 30_000,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.service = SyncService(runtime)
        self.tasks = tasks
        self.interval_ms = interval_ms
        self.state = SyncState()
        self.problems: list[OutboxProblem] = []
        self._round: Task | None = None
        self._reading: Task | None = None
        self._rounds_done = 0  # a local read started before a round ended is stale
        self._again = False
        self._failures = 0  # consecutive rounds without the central
        self._stopped = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self._local_timer = QTimer(self)
        self._local_timer.setInterval(LOCAL_REFRESH_MS)
        self._local_timer.timeout.connect(self.refresh)

    @property
    def running(self) -> bool:
        return self._round is not None

    def start(self) -> None:
        """The start round now, then the schedule."""
        self._stopped = False
        self._local_timer.start()
        self.refresh()  # counts at once, even if the central takes seconds to answer
        self.sync_now()

    def set_interval(self, interval_ms: int) -> None:
        self.interval_ms = interval_ms
        if self._timer.isActive():
            self._schedule()

    def sync_now(self) -> None:
        """Run a round now, or right after the one that is running («Sincronizar ahora»)."""
        if self._stopped:
            return
        if self._round is not None:
            self._again = True
            return
        self._timer.stop()
        self._set(running=True, message=_("Sincronizando…"))
        self._round = self.tasks.run(
            self._work, on_success=self._round_done, on_failure=self._round_failed,
            on_progress=self.progressed.emit, on_cancel=self._round_cancelled, pool="sync")

    def refresh(self) -> None:
        """Read the local counts and problems again (after a registration or a retry)."""
        if self._reading is not None or self._stopped:
            return
        started = self._rounds_done
        self._reading = self.tasks.run(lambda _p, _c: self._read_local(),
                                       on_success=lambda local: self._local_done(started, local),
                                       on_failure=self._local_failed)

    def stop(self) -> None:
        """Cancel a running round and schedule nothing more (closing the window)."""
        self._stopped = True
        self._again = False
        self._timer.stop()
        self._local_timer.stop()
        if self._round is not None:
            self._round.cancel()

    # --- worker side (no Qt here) ------------------------------------------------------

    def _read_local(self) -> _Local:
        return _Local(self.service.overview(), self.service.problems())

    def _work(self, progress: Progress, cancel: CancelToken) -> _Round:
        report = self.service.run(progress, cancel)
        return _Round(report, self._read_local())

    # --- back on the GUI thread --------------------------------------------------------

    def _round_done(self, result: _Round) -> None:
        report = result.report
        if report.online:
            if self._failures:
                log.info("central reachable again")
                self.reconnected.emit()
            self._failures = 0
        else:
            self._failures += 1
        self._show_local(result.local, online=report.online, message=report.message)
        self._finish()

    def _round_failed(self, message: str) -> None:
        """The central answered but cannot be used (schema, keyring): retry like offline."""
        self._failures += 1
        self._set(online=False, message=message)
        self._finish()
        self.refresh()

    def _round_cancelled(self) -> None:
        self._set(message=_("Sincronización cancelada."))
        self._finish()

    def _finish(self) -> None:
        self._round = None
        self._rounds_done += 1
        self._set(running=False)
        if self._stopped:
            return
        if self._again:
            self._again = False
            self.sync_now()
        else:
            self._schedule()

    def _schedule(self) -> None:
        delay = self.interval_ms
        if self._failures:
            delay = retry_delay_ms(self._failures, self.interval_ms)
        self._timer.start(delay)

    def _local_done(self, started: int, local: _Local) -> None:
        self._reading = None
        if started == self._rounds_done:
            self._show_local(local)

    def _local_failed(self, message: str) -> None:
        self._reading = None
        log.warning("sync counts unavailable")

    def _show_local(self, local: _Local, **changes: object) -> None:
        overview = local.overview
        self._set(pending=overview.pending, refused=overview.refused, stuck=overview.stuck,
                  last_success_at=overview.last_success_at, **changes)
        if local.problems != self.problems:
            self.problems = local.problems
            self.problems_changed.emit(self.problems)

    def _set(self, **changes: object) -> None:
        state = replace(self.state, **changes)  # type: ignore[arg-type]
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
