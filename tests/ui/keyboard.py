"""Drive the GUI as a keyboard user would: keys go to whatever has the focus.

Text is sent as key events carrying the text, one character at a time, because
`QTest.keyClicks` aborts on non-ASCII characters (PLATFORM.md, Qt trap).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _emulate_window_manager() -> None:
    """Offscreen Qt has no window manager: when a dialog closes nobody reactivates the
    window below it. Do what a desktop's window manager does."""
    if QApplication.activeWindow() is not None:
        return
    candidate = QApplication.activeModalWidget()
    if candidate is None:
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        candidate = visible[-1] if len(visible) == 1 else None
    if candidate is not None:
        candidate.activateWindow()


def _focus_name() -> str:
    _emulate_window_manager()
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def wait_for_focus(qtbot, name: str, timeout: int = 10_000) -> QWidget:
    """Focus moves asynchronously when windows open and close."""
    qtbot.waitUntil(lambda: _focus_name() == name, timeout=timeout)
    return focused()


def wait_for_window(qtbot, name: str, timeout: int = 10_000) -> QWidget:
    """A window that opened and took the keyboard focus, as a window manager would give it."""

    def active() -> QWidget | None:
        _emulate_window_manager()
        widget = QApplication.focusWidget()
        window = widget.window() if widget is not None else None
        return window if window is not None and window.objectName() == name else None

    qtbot.waitUntil(lambda: active() is not None, timeout=timeout)
    window = active()
    assert window is not None
    return window


def type_text(text: str) -> None:
    for char in text:
        target = focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(focused(), key, modifiers)


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def assert_accessible(root: QWidget) -> int:
    """Every widget a keyboard user can reach has an objectName and an accessible name."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    widgets = [w for w in root.findChildren(QWidget) if isinstance(w, interactive)
               and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(root)]
    for widget in widgets:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    return len(widgets)
