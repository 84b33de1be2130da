"""The open attention in the status bar: its turno and running time, and the button (F8)
that opens or closes one. The time runs on a one-second timer; what is open is read again
every few seconds (the pages open attentions by themselves) and after each change."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

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

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attention.status")
        self.service = AttentionService(runtime, actor)
        self.current: OpenAttention | None = None
        self.label = named(QLabel(), "attention.statusText", _("Atención en curso"))
        self.button = named(QPushButton(_("Atención (F8)")), "attention.statusButton",
                            _("Abrir o cerrar la atención"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show)
        self._tick.start(1000)
        self._reread = QTimer(self)
        self._reread.timeout.connect(self.refresh)
        self._reread.start(REREAD_MS)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.current = self.service.current()
        except VentanillaError:
            return  # the cache is busy now: the next read shows it
        self._show()

    def _show(self) -> None:
        current = self.current
        if current is None:
            text = _("Sin atención abierta")
        else:
            text = _("Atendiendo: {turno} · {time}").format(
                turno=current.turno_label, time=running(current.started_at, now()))
        self.label.setText(text)
        self.label.setAccessibleDescription(text)


def start_attention(runtime: Runtime, actor: Actor, tasks: TaskRunner, owner: QWidget) -> None:
    """The clerk starts serving someone (a cédula looked up, a case searched): open an
    attention «sin turno» if none is open, without making them think about it."""
    service = AttentionService(runtime, actor)
    tasks.run(lambda _p, _c: service.ensure_open(), writes=True, owner=owner,
              on_failure=lambda _message: None)  # counting must never stop the work
