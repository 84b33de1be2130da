"""A whole sync round gets a deadline (60 s unless the settings say otherwise).

Statement, lock and TCP timeouts bound each step (desktop.sync.connection), but a round is
many steps, and a peer that acknowledges and never answers (a frozen proxy, a hung server)
is bounded by none of them. When the deadline passes, the round's central connections are
cut: whatever was waiting wakes with a lost connection, the round ends as offline with a
Spanish message, and the next round starts over. Work the round finished stays done.
"""

from __future__ import annotations

import threading
from types import TracebackType

from desktop.errors import Cancelled
from desktop.i18n import _
from desktop.progress import CancelToken
from desktop.sync.connection import ConnectionWatch


class RoundToken(CancelToken):
    """Cancelled by the person (the outer token) or by the deadline."""

    def __init__(self, outer: CancelToken | None):
        super().__init__()
        self.outer = outer

    @property
    def cancelled(self) -> bool:
        return super().cancelled or bool(self.outer and self.outer.cancelled)

    def raise_if_cancelled(self) -> None:
        if self.outer is not None:
            self.outer.raise_if_cancelled()
        if super().cancelled:
            raise Cancelled(_("La ronda de sincronización superó su tiempo."), "round deadline")


class RoundDeadline:
    """`with RoundDeadline(60, watch) as deadline:` — past 60 s, the token is cancelled and
    the watched connections are cut; `expired` says whether that happened."""

    def __init__(self, seconds: float, watch: ConnectionWatch, outer: CancelToken | None = None):
        self.seconds = seconds
        self.watch = watch
        self.token = RoundToken(outer)
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def message(self) -> str:
        return _("La central no respondió en {s} segundos; la ronda terminó sin conexión y se "
                 "reintentará en la próxima.").format(s=round(self.seconds))

    def _expire(self) -> None:
        self.expired = True
        self.token.cancel()
        self.watch.sever()

    def __enter__(self) -> RoundDeadline:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._timer.cancel()
