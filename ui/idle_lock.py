"""The window locks itself after idle minutes and keeps the work in progress (DESIGN.md §7).

A page, not an overlay: the lock screen is a page of the main window's stack, shown
instead of the workspace. The workspace widget is only hidden, never rebuilt, so the
form, its focus and the scanned pages are there as they were on unlock. Hiding is also
what makes the lock hold: a hidden widget takes no focus, clicks or shortcuts (Tab,
mnemonics, F2 all miss it), and nothing personal stays on an unattended screen. An
overlay on top would have to be opaque, follow the window's size and still keep Tab and
shortcuts away from the widgets under it.

Dialogs of the window that are open at lock time (a receipt preview, a file chooser, the
password dialog) are hidden too: they can show personal data, and a modal one would keep
the keyboard away from the lock page. They come back, unanswered and as they were, on
unlock; signing out from the lock closes them. (No dialog of the app runs its own event
loop with exec(): hiding would end it as if cancelled.)

Long operations: the idle clock pauses while a task started with `keep_awake` runs (a
scan, a print job; see ui/tasks.py), since the clerk is at the scanner, not at the
keyboard, and restarts from zero when it ends. A manual lock during such a task locks at
once; the task finishes under the lock and its result lands in the kept form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from ui.lock_page import LockPage
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.runtime import Runtime

MINUTE_MS = 60_000
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove,
})
TRANSIENT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)  # menus, combo lists: just close


def minutes_ms(minutes: int) -> int:
    """Settings count minutes; at least one, since the lock cannot be switched off."""
    return max(1, minutes) * MINUTE_MS


def is_lock_keys(event: QKeyEvent) -> bool:
    return (event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier)


class IdleClock(QObject):
    """Watches every input event of the application while armed; `expired` after
    `timeout_ms` of none. Ctrl+L is caught here too (`lock_keys`), so it locks from any
    window of the app: a window-modal dialog would shadow a shortcut of the main window.

    Input only restarts an elapsed timer (cheap for each mouse move); a single-shot timer
    wakes at the earliest moment the time could be up and looks again.
    """

    expired = Signal()
    lock_keys = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timeout_ms = max(1, timeout_ms)
        self.armed = False  # someone is signed in and the window is not locked
        self.held = False  # a keep-awake task runs
        self._since_input = QElapsedTimer()
        self._since_input.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        application = QCoreApplication.instance()
        assert application is not None
        application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.armed or event.type() not in INPUT_EVENTS:
            return False
        if isinstance(event, QKeyEvent) and is_lock_keys(event):
            self.lock_keys.emit()
            return True
        self._since_input.restart()
        return False

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self.timeout_ms = max(1, timeout_ms)
        self._arm(self.timeout_ms - self._since_input.elapsed())

    def start(self) -> None:
        """Counting from now (sign-in, unlock)."""
        self.armed = True
        self._since_input.restart()
        self._arm(self.timeout_ms)

    def stop(self) -> None:
        self.armed = False
        self._timer.stop()

    def hold(self, held: bool) -> None:
        """Pause while a long operation runs; its end counts as the person's activity."""
        self.held = held
        if held:
            self._timer.stop()
        else:
            self._since_input.restart()
            self._arm(self.timeout_ms)

    def _arm(self, remaining_ms: int) -> None:
        if self.armed and not self.held:
            self._timer.start(max(0, remaining_ms))

    def _check(self) -> None:
        if not self.armed or self.held:
            return
        remaining = self.timeout_ms - self._since_input.elapsed()
        if remaining > 0:
            self._arm(remaining)
            return
        self.stop()
        self.expired.emit()


class _Session:
    def __init__(self, runtime: Runtime, actor: Actor, workspace: QWidget):
        self.runtime, self.actor, self.workspace = runtime, actor, workspace


class IdleLock(QObject):
    """Shows the lock page instead of the workspace and gives it back to the same person."""

    locked_changed = Signal(bool)
    sign_out_requested = Signal()  # another person: the window drops the workspace

    def __init__(self, stack: QStackedWidget, tasks: TaskRunner, timeout_ms: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.stack = stack
        self.tasks = tasks
        self.clock = IdleClock(timeout_ms, self)
        self.page = LockPage()
        stack.addWidget(self.page)
        self.locked = False
        self._session: _Session | None = None
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self.clock.expired.connect(self.lock)
        self.clock.lock_keys.connect(self.lock)
        tasks.awake_changed.connect(self.clock.hold)
        self.page.unlock_requested.connect(self._unlock)
        self.page.sign_out_requested.connect(self.sign_out_requested)

    def begin(self, runtime: Runtime, actor: Actor, workspace: QWidget) -> None:
        """Someone signed in: the clock runs."""
        self._session = _Session(runtime, actor, workspace)
        self.locked = False
        self.clock.held = self.tasks.keeping_awake
        self.clock.start()

    def end(self) -> None:
        """Sign-out: nothing to lock; the session's hidden dialogs are closed for good."""
        self.clock.stop()
        self._session = None
        for window in self._hidden:
            if shiboken6.isValid(window):
                window.close()
        self._hidden, self._focus = [], None
        if self.locked:
            self.locked = False
            self.locked_changed.emit(False)

    def lock(self) -> None:
        session = self._session
        if session is None or self.locked:
            return
        self.locked = True
        self.clock.stop()
        self._focus = QApplication.focusWidget()
        main = self.stack.window()
        self._hidden = []
        for window in _windows_of(main):
            window.hide()
            if window.windowType() not in TRANSIENT:
                self._hidden.append(window)
        self.stack.setCurrentWidget(self.page)
        main.activateWindow()
        self.page.show_for(session.actor.full_name, session.actor.role.label)
        self.locked_changed.emit(True)

    def _unlock(self, password: str) -> None:
        session = self._session
        if session is None:
            return
        from desktop.services.auth import unlock

        # writes: a failure counts towards the lockout, a success is audited
        self.tasks.run(lambda _p, _c: unlock(session.runtime, session.actor, password),
                       on_success=lambda _none: self._unlocked(session),
                       on_failure=self.page.failed, writes=True, owner=self.page)

    def _unlocked(self, session: _Session) -> None:
        if session is not self._session or not self.locked:
            return  # signed out meanwhile
        self.locked = False
        self.page.password.clear()
        self.stack.setCurrentWidget(session.workspace)
        for window in self._hidden:
            if shiboken6.isValid(window):
                window.show()
        focus, self._hidden, self._focus = self._focus, [], None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.clock.start()
        self.locked_changed.emit(False)


def _windows_of(main: QWidget) -> list[QWidget]:
    """The visible windows owned by `main` (dialogs and their dialogs), parents first so
    that showing them again restores modality in the same order."""
    found: list[tuple[int, QWidget]] = []
    for widget in QApplication.topLevelWidgets():
        if widget is main or not widget.isVisible():
            continue
        depth, owner = 0, widget.parentWidget()
        while owner is not None and owner is not main:
            depth, owner = depth + 1, owner.parentWidget()
        if owner is main:
            found.append((depth, widget))
    return [widget for _depth, widget in sorted(found, key=lambda pair: pair[0])]
