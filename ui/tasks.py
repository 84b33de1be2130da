"""All background work of the GUI goes through here (DESIGN.md §8).

Core functions stay synchronous and take `(progress, cancel)`; a Task runs one on a
worker thread and hands its result, error and progress back to the GUI thread through
queued signals. Database writes share one single-thread pool (SQLite has one writer);
reads and file work use a small second pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.errors import Cancelled, VentanillaError
from desktop.i18n import _
from desktop.progress import CancelToken, Progress

log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelToken], Any]


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


class TaskRunner(QObject):
    """Owns the worker pools and keeps running tasks alive until they finish."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def run(
        self,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        writes: bool = False,
    ) -> Task:
        task = Task(work)
        if on_success:
            task.succeeded.connect(on_success)
        if on_failure:
            task.failed.connect(on_failure)
        if on_progress:
            task.progressed.connect(on_progress)
        if on_cancel:
            task.cancelled.connect(on_cancel)
        task.finished.connect(lambda: self._done(task))
        self._running.add(task)
        self.busy_changed.emit(True)
        (self._writer if writes else self._readers).start(_Runnable(task))
        return task

    def _done(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel what can be cancelled and wait for the rest (on window close)."""
        for task in list(self._running):
            task.cancel()
        self._readers.waitForDone(timeout_ms)
        self._writer.waitForDone(timeout_ms)
