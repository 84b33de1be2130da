"""A TaskRunner without threads, for widget tests where threads are not what is tested.

The work runs at once, on the calling (GUI) thread, inside `run()`; its result, error or
progress reaches the page through the same callbacks, error handling and busy signals as
with the real runner (only the pools differ, as with picard's FakeThreadPool). As with the
real runner, the callbacks come on the event loop's next turn, never before `run()` has
returned: pages keep the task `run()` gives them and set their busy state after the call,
so an answer delivered inside the call would be one production never sees. Tests of sync,
scanning, printing progress or cancel keep the real `ui.tasks.TaskRunner`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QTimer

from desktop.progress import CancelToken, Progress
from ui.tasks import TaskRunner


class _ThisThread:
    """The part of QThreadPool that TaskRunner uses: the work now, the hand-back queued."""

    def __init__(self) -> None:
        self.pending = 0

    def start(self, runnable: QRunnable) -> None:
        task = runnable.task  # type: ignore[attr-defined]  # ui.tasks._Runnable
        work = task.work
        progress: list[tuple[int, int, str]] = []
        outcome: tuple[bool, Any]
        try:
            outcome = (True, work(lambda *step: progress.append(step), task.token))
        except Exception as error:  # handed back as the runner would hand it
            outcome = (False, error)

        def replay(report: Progress, _cancel: CancelToken) -> Any:
            for step in progress:
                report(*step)
            done, value = outcome
            if not done:
                raise value
            return value

        def hand_back() -> None:
            self.pending -= 1
            runnable.run()  # the runner's own error mapping and signals

        task.work = replay
        self.pending += 1
        QTimer.singleShot(0, hand_back)

    def waitForDone(self, _timeout_ms: int = -1) -> bool:  # Qt's name
        """Deliver what is still queued (a test's end: nothing leaks into the next one)."""
        while self.pending:
            QCoreApplication.processEvents()
        return True


class ImmediateRunner(TaskRunner):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._readers = self._writer = self._sync = _ThisThread()  # type: ignore[assignment]
