"""The sync line of the status bar: online or not, how fresh the data is, what is pending.

The clerk must always know whether what the screen shows is current, so the text is
built from the controller's state alone and repeats the essentials in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from desktop.clock import format_local
from desktop.i18n import _, ngettext
from ui.commands import command_button, wire
from ui.style import Tone, set_tone
from ui.sync_controller import SyncController, SyncState
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.forms import named


def describe(state: SyncState) -> str:
    """`En línea · última sincronización 26/11/2026 12:40 · 3 pendientes`, and the like."""
    when = format_local(state.last_success_at) if state.last_success_at else ""
    if state.online is None:
        parts = [_("Conectando con la central…") if state.running
                 else _("Conexión sin comprobar")]
    elif state.online:
        parts = [_("En línea"), _("última sincronización {when}").format(when=when)
                 if when else _("aún sin sincronizar")]
    else:
        parts = [_("Sin conexión"), _("trabajando con datos locales del {when}").format(
            when=when) if when else _("trabajando con datos locales")]
    parts.append(ngettext("{n} pendiente", "{n} pendientes", state.pending).format(
        n=state.pending))
    problems = state.refused + state.stuck
    if problems:
        parts.append(ngettext("{n} con problemas", "{n} con problemas", problems).format(
            n=problems))
    return " · ".join(parts)


class SyncStatus(QWidget):
    """Label, busy bar and «Sincronizar ahora» (F5), for the window's status bar."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync.statusArea")
        self.controller = controller
        self.label = named(ElidedLabel(), "sync.status", _("Estado de sincronización"))
        self.busy = named(QProgressBar(), "sync.busy", _("Sincronización en curso"))
        self.busy.setRange(0, 0)  # indeterminate until the round says how much
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(72, 12)
        self.now = command_button("sync.now")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.busy)
        layout.addWidget(self.label)
        layout.addWidget(self.now)
        # F5 anywhere in the window, while the button shows (signed in) and is enabled
        wire(self.now, self, controller.sync_now, context=Qt.ShortcutContext.WindowShortcut)
        controller.state_changed.connect(self.show_state)
        controller.progressed.connect(self.show_progress)
        self.show_state(controller.state)

    def show_state(self, state: SyncState) -> None:
        text = describe(state)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.label.setToolTip(f"{text}\n{state.message}" if state.message else text)
        set_tone(self.label, Tone.ERROR if state.online is False
                 else Tone.WARNING if state.refused + state.stuck else Tone.NONE)
        self.busy.setVisible(state.running)
        if not state.running:
            self.busy.setRange(0, 0)

    def show_progress(self, done: int, total: int, label: str) -> None:
        self.busy.setRange(0, max(total, 0))
        self.busy.setValue(done if total else 0)
        self.busy.setToolTip(label)

    def set_actions_visible(self, visible: bool) -> None:
        """«Sincronizar ahora» is for signed-in staff; the sign-in page shows only the text."""
        self.now.setVisible(visible)
