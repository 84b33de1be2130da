"""Action icons: the SVGs of resources/icons/actions (Lucide, ISC licence), drawn in the
palette's text colour so they read on light and dark themes alike, greyed when disabled.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

from desktop.resources import resource

SIZES = (16, 20, 24, 32)
B = TypeVar("B", bound=QAbstractButton)

# what each command shows; one place, so the same command looks the same everywhere
ACTION_ICONS = {
    "intake": "file-plus", "status": "search", "review": "inbox", "sync": "refresh-cw",
    "staff": "users", "password": "key-round", "lock": "lock", "signOut": "log-out",
    "print": "printer", "save": "file-down", "close": "x", "scan": "scan-line",
    "import": "file-up", "register": "check", "newCase": "plus", "approve": "circle-check",
    "return": "undo-2", "annul": "ban", "search": "search", "slip": "file-text",
    "agreement": "scroll-text", "deliver": "package-check", "send": "send",
    "correct": "file-pen", "refresh": "rotate-cw", "rotate": "rotate-cw",
    "delete": "trash-2", "view": "eye", "about": "info", "attach": "folder-input",
    "user": "user-round", "error": "circle-alert", "checklist": "list-checks",
    "reports": "file-text", "addDocument": "folder-input",
}


def _colour(group: QPalette.ColorGroup) -> str:
    palette = QGuiApplication.palette()
    return palette.color(group, QPalette.ColorRole.ButtonText).name(QColor.NameFormat.HexRgb)


@cache
def _svg(name: str) -> str:
    return resource("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(svg: str, size: int, colour: str) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(command: str) -> QIcon:
    """The icon of a command of ACTION_ICONS, in the current palette's colours."""
    svg = _svg(ACTION_ICONS[command])
    result = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = _colour(group)
        for size in SIZES:
            result.addPixmap(_pixmap(svg, size, colour), mode)
    return result


def with_icon(button: B, command: str) -> B:
    """`button` showing the icon of `command` (same icon for the same command everywhere)."""
    button.setIcon(icon(command))
    return button


def app_icon() -> QIcon:
    """The application's own icon (window, task bar)."""
    return QIcon(str(resource("icons", "ventanilla.svg")))
