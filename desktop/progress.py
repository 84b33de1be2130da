"""Progress reporting and cancellation for long synchronous core work.

Core functions stay synchronous; the GUI runs them off its thread and passes these in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.errors import Cancelled
from desktop.i18n import _

#: progress(done, total, label); total 0 means "unknown".
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """Set by the caller, checked by the worker between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled(_("Operación cancelada."), "cancelled by user")
