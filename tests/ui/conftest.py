"""Fixtures of the widget tests: the main window as the `ventanilla` command opens it, signing
in from the keyboard, and a task runner that runs the work at once where threads are not
what is tested (tests/support/tasks.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.config import Settings
from tests.support.tasks import ImmediateRunner
from tests.support.windows import NEVER_IDLE_MS, open_main_window, sign_in_window
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


@pytest.fixture
def main_window(qtbot) -> Callable[..., MainWindow]:
    """`main_window(settings=None, *, idle_lock_ms=…)`: tests/support/windows.py."""

    def open_window(settings: Settings | None = None, *,
                    idle_lock_ms: int | None = NEVER_IDLE_MS) -> MainWindow:
        return open_main_window(qtbot, settings, idle_lock_ms=idle_lock_ms)

    return open_window


@pytest.fixture
def sign_in(qtbot) -> Callable[[MainWindow, str, str], None]:
    """`sign_in(window, username, password)` from the keyboard, as a clerk does."""
    return lambda window, username, password: sign_in_window(qtbot, window, username,
                                                             password)


@pytest.fixture
def immediate_tasks(qapp) -> Iterator[TaskRunner]:
    """A TaskRunner that runs the work at once on this thread, for pages whose tests are
    not about threads (never for sync, scanning, printing progress or cancel)."""
    runner = ImmediateRunner()
    yield runner
    runner.shutdown()
