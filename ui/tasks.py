"""All background work of the GUI goes through here (DESIGN.md §8).

Core functions stay synchronous and take `(progress, cancel)`; a Task runs one on a
worker thread and hands its result, error and progress back to the GUI thread through
queued signals. Database writes share one single-thread pool (SQLite has one writer);
reads and file work use a small second pool; sync rounds have their own single thread, so
a long pull never makes a registration wait behind it (the cache's BEGIN IMMEDIATE queues
the two writers for the few milliseconds each page takes).

Python's cyclic garbage collector runs on whichever thread happens to allocate; if that is
a worker and the garbage holds a Qt object, Qt destroys it on the wrong thread and the
process crashes. While work is in flight, automatic collection is off and the GUI thread
collects on a timer instead.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.errors import Cancelled, VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress
from ui.errors import show_error

log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelToken], Any]
Pool = Literal["sync"]
COLLECT_EVERY_MS = 1_000


class _GuiThreadCollector:
    """Automatic GC is off while any task runs; the GUI thread collects on a timer."""

    def __init__(self) -> None:
        self.in_flight = 0  # changed on the GUI thread only (queued `finished` signals)
        self.timer: QTimer | None = None

    def hold(self) -> None:
        if self.timer is None:
            self.timer = QTimer(QCoreApplication.instance())
            self.timer.setInterval(COLLECT_EVERY_MS)
            self.timer.timeout.connect(self.collect)
        self.in_flight += 1
        gc.disable()
        self.timer.start()

    def release(self) -> None:
        self.in_flight -= 1
        if self.in_flight == 0:
            gc.enable()
            if self.timer is not None:
                self.timer.stop()

    @staticmethod
    def collect() -> None:
        """What automatic collection would do, but here, on the GUI thread."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_collector = _GuiThreadCollector()


class Task(QObject):
    """One piece of background work; connect before it starts (TaskRunner.run does)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)  # the Spanish message for the person
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work):
        super().__init__()
        self.work = work
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = task.work(task.progressed.emit, task.token)
        except Cancelled:
            task.cancelled.emit()
        except VentanillaError as error:
            log.info("task refused: %s", error.log_message)
            task.failed.emit(error.user_message)
        except Exception:
            log.exception("background task failed")
            task.failed.emit(
                _("Ocurrió un error inesperado; se registró en el log. Intente de nuevo.")
            )
        else:
            task.succeeded.emit(result)
        finally:
            task.finished.emit()


def _guarded(callback: Callable[..., None], owner: QObject | None) -> Callable[..., None]:
    if owner is None:
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


class TaskRunner(QObject):
    """Owns the worker pools and keeps running tasks alive until they finish."""

    busy_changed = Signal(bool)
    #: a long operation the person started is running (or no longer): the idle lock waits
    awake_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._sync = QThreadPool(self)
        self._sync.setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._awake: set[Task] = set()

    def run(
        self,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        writes: bool = False,
        pool: Pool | None = None,
        owner: QObject | None = None,
        keep_awake: bool = False,
    ) -> Task:
        """Start `work` on the writer (`writes`), the sync thread (`pool="sync"`) or a reader.

        With `owner`, the callbacks are dropped if the owner (a page, a dialog) was deleted
        meanwhile, e.g. after sign-out: a late result never touches a dead widget.
        Without `on_failure`, a failure is shown in an error dialog.
        With `keep_awake` (a scan, a print job: the person waits at the device, not at the
        keyboard) the idle lock's clock pauses until the task ends (ui/idle_lock.py).
        """
        task = Task(work)
        # a failure nobody handles still reaches the person (ui/errors.py), never silence
        on_failure = on_failure or show_error
        for signal, callback in ((task.succeeded, on_success), (task.failed, on_failure),
                                 (task.progressed, on_progress), (task.cancelled, on_cancel)):
            if callback is not None:  # nothing reaches a window (runner) deleted meanwhile
                signal.connect(_guarded(callback, owner or self))
        _collector.hold()
        task.finished.connect(_collector.release)
        # a task can finish after the window (and this runner) is gone: then nobody is told
        task.finished.connect(_guarded(lambda: self._done(task), self))
        self._running.add(task)
        self.busy_changed.emit(True)
        if keep_awake:
            self._awake.add(task)
            if len(self._awake) == 1:
                self.awake_changed.emit(True)
        target = self._sync if pool == "sync" else self._writer if writes else self._readers
        target.start(_Runnable(task))
        return task

    def _done(self, task: Task) -> None:
        self._running.discard(task)
        if task in self._awake:
            self._awake.discard(task)
            if not self._awake:
                self.awake_changed.emit(False)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def keeping_awake(self) -> bool:
        return bool(self._awake)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel what can be cancelled and wait for the rest (on window close)."""
        for task in list(self._running):
            task.cancel()
        for pool in (self._readers, self._writer, self._sync):
            pool.waitForDone(timeout_ms)
