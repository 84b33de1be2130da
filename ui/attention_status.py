"""The open attention in the status bar: its turno and running time, and the button (F8)
that opens or closes one. The time runs on a one-second timer; what is open is read again
every few seconds on a worker (the pages open attentions by themselves), and at once after
each change the clerk makes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.clock import now
from desktop.domain.roles import Actor
from desktop.errors import VentanillaError
from desktop.i18n import _
from desktop.services.attentions import AttentionService, OpenAttention
from desktop.services.runtime import Runtime
from ui.tasks import TaskRunner
from ui.widgets.forms import named

REREAD_MS = 3000


def running(since: datetime, at: datetime) -> str:
    seconds = max(int((at - since).total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    return (f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours
            else f"{rest // 60:02d}:{rest % 60:02d}")


class AttentionStatus(QWidget):
    requested = Signal()  # open the dialog

    def __init__(self, runtime: Runtime, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self._rereading = False
        self._reads = 0  # a background read started before the clerk's last change is stale
        self.setObjectName("attention.status")
        self.service = AttentionService(runtime, actor)
        self.current: OpenAttention | None = None
        # one flat button, so the status bar keeps room at 1024 px: it shows the attention
        # and opens the dialog (as F8 does)
        self.label = named(QPushButton(), "attention.statusText",
                           _("Atención en curso; abrir o cerrar la atención (F8)"))
        self.label.setFlat(True)
        self.label.setAutoDefault(False)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F8 is the keyboard's way
        self.label.clicked.connect(self.requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show)
        self._tick.start(1000)
        self._reread = QTimer(self)
        self._reread.timeout.connect(self._reread_in_background)
        self._reread.start(REREAD_MS)
        self.refresh()

    def refresh(self) -> None:
        self._reads += 1
        try:
            self.current = self.service.current()
        except VentanillaError:
            return  # the cache is busy now: the next read shows it
        self._show()

    def _reread_in_background(self) -> None:
        """The periodic read, off the GUI thread (one at a time; a busy cache skips a turn)."""
        if self._rereading:
            return
        self._rereading = True
        started = self._reads
        self.tasks.run(lambda _p, _c: self.service.current(),
                       on_success=lambda current: self._reread_arrived(current, started),
                       on_failure=lambda _message: self._reread_done(), owner=self)

    def _reread_arrived(self, current: OpenAttention | None, started: int) -> None:
        self._reread_done()
        if started == self._reads:
            self.current = current
            self._show()

    def _reread_done(self) -> None:
        self._rereading = False

    def _show(self) -> None:
        current = self.current
        if current is None:
            text = _("Sin atención (F8)")
        else:
            text = _("En atención: {turno} · {time}").format(
                turno=current.turno_label, time=running(current.started_at, now()))
        self.label.setText(text)
        self.label.setAccessibleDescription(text)


def start_attention(runtime: Runtime, actor: Actor, tasks: TaskRunner, owner: QWidget) -> None:
    """The clerk starts serving someone (a cédula looked up, a case searched): open an
    attention «sin turno» if none is open, without making them think about it."""
    service = AttentionService(runtime, actor)
    tasks.run(lambda _p, _c: service.ensure_open(), writes=True, owner=owner,
              on_failure=lambda _message: None)  # counting must never stop the work
