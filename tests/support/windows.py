"""The main window as the `ventanilla` command opens it, and signing in from the keyboard
as a clerk does: shared by the widget tests (tests/ui/conftest.py) and the end-to-end test."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.config import Settings
from desktop.domain.roles import Role
from tests.ui.keyboard import press, type_text, wait_for_focus
from ui.main_window import MainWindow

#: generous for a slow CI machine; a passing run waits only as long as the work takes
WAIT_MS = 30_000
#: slow runs never lock mid-test (the idle lock's own tests set their clock)
NEVER_IDLE_MS = 3_600_000
#: each role starts on its main page
START = {Role.ADMINISTRATOR: "status.query", Role.SUPERVISOR: "review.queue"}


def open_main_window(qtbot, settings: Settings | None = None, *,
                     idle_lock_ms: int | None = NEVER_IDLE_MS) -> MainWindow:
    """`ui.app.launch()` (the station of VENTANILLA_HOME by default), the sign-in page
    ready. `idle_lock_ms=None` keeps the station's idle lock."""
    from ui.app import launch

    window = launch(settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.login.submit.isEnabled, timeout=WAIT_MS)
    if idle_lock_ms is not None:
        window.idle.clock.set_timeout_ms(idle_lock_ms)
    return window


def sign_in_window(qtbot, window: MainWindow, username: str,
                   password: str) -> None:
    """Sign in from the keyboard and wait for the role's main page to have the focus."""
    wait_for_focus(qtbot, "login.username", WAIT_MS)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the last name stays there
    type_text(username)
    press(Qt.Key.Key_Return)
    type_text(password)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.actor is not None and window.actor.username == username,
                    timeout=WAIT_MS)
    assert window.actor is not None
    wait_for_focus(qtbot, START.get(window.actor.role, "intake.cedula"), WAIT_MS)
