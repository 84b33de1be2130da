"""A TaskRunner that runs the work at once, on the calling (GUI) thread.

For widget tests where threads are not what is tested: a page asks for its data and has it
when the call returns, through the same callbacks, error handling and busy signals as the
real runner (only the pools differ, as in picard's FakeThreadPool). Tests of sync,
scanning, printing progress or cancel keep the real `ui.tasks.TaskRunner`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable

from ui.tasks import TaskRunner


class _ThisThread:
    """The part of QThreadPool that TaskRunner uses, running each runnable at once."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, _timeout_ms: int = -1) -> bool:  # Qt's name
        return True


class ImmediateRunner(TaskRunner):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._readers = self._writer = self._sync = _ThisThread()  # type: ignore[assignment]
