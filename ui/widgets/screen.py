"""Windows sized to the screen they open on: a counter monitor may be 1024×768, so a dialog
asks for its comfortable size and gets at most what the screen has room for."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.92  # leave room for the window frame and a task bar


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width × height, or less where its screen is smaller."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    window.resize(min(width, int(room.width() * SCREEN_SHARE)),
                  min(height, int(room.height() * SCREEN_SHARE)))
