"""What the child scripts share: waiting for named widgets and windows, clicking them, and
the geometry check — every visible interactive widget lies inside the screen's available
geometry and inside every ancestor up to its window; a widget inside a scroll area counts
when the scroll area does (it can be scrolled to)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

W = TypeVar("W", bound=QWidget)
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
               QTextEdit, QPlainTextEdit, QTabBar, QAbstractSlider)
TRANSIENT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
MIN_SIDE = 6  # pixels: smaller than this, nobody can click or read it


class Results:
    """What the child reports to the test, as JSON."""

    def __init__(self) -> None:
        self.checked: list[str] = []
        self.violations: list[str] = []
        self.timings: dict[str, list[float]] = {}
        self.notes: dict[str, Any] = {}

    def time(self, name: str, seconds: float) -> None:
        self.timings.setdefault(name, []).append(seconds)

    def save(self) -> None:
        Path(os.environ["XDISPLAY_OUT"]).write_text(json.dumps({
            "checked": self.checked, "violations": self.violations, "timings": self.timings,
            "notes": self.notes}, ensure_ascii=False, indent=1), encoding="utf-8")


RESULTS = Results()


def wait(condition: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        QTest.qWait(50)
    raise TimeoutError(f"gave up waiting for {what or condition}")


def find(name: str, kind: type[W] = QWidget, visible: bool = True) -> W | None:  # type: ignore[assignment]
    for widget in QApplication.allWidgets():
        if widget.objectName() == name and isinstance(widget, kind) \
                and (widget.isVisible() or not visible):
            return widget
    return None


def widget(name: str, kind: type[W] = QWidget, timeout: float = 30.0) -> W:  # type: ignore[assignment]
    return wait(lambda: find(name, kind), timeout, f"widget {name}")


def enabled(name: str, kind: type[W] = QWidget, timeout: float = 30.0) -> W:  # type: ignore[assignment]
    found = widget(name, kind, timeout)
    wait(found.isEnabled, timeout, f"{name} enabled")
    return found


def click(name: str, timeout: float = 30.0) -> QAbstractButton:
    button = enabled(name, QAbstractButton, timeout)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def modal(name: str = "", timeout: float = 30.0) -> QWidget:
    """The window (dialog) that opened, by objectName or just the active modal one."""
    def found() -> QWidget | None:
        if name:
            return find(name)
        return QApplication.activeModalWidget()
    return wait(found, timeout, f"window {name or '(modal)'}")


def close_window(window: QWidget) -> None:
    window.close()
    wait(lambda: not window.isVisible(), 10, "window closed")


def settle(ms: int = 600) -> None:
    QTest.qWait(ms)


# --- geometry --------------------------------------------------------------------------


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The outermost scroll area whose viewport holds `widget`, if any."""
    found = None
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            found = area
        parent = parent.parentWidget()
    return found


def _inside(widget: QWidget, screen: QRect) -> str:
    """'' when `widget` is fully visible within its ancestors and the screen, else why."""
    rect = _global_rect(widget)
    if rect.width() < MIN_SIDE or rect.height() < MIN_SIDE:
        return f"{rect.width()}×{rect.height()} px"
    if not screen.contains(rect):
        return f"{_fmt(rect)} outside the screen {_fmt(screen)}"
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        if not _global_rect(parent).contains(rect):
            return f"{_fmt(rect)} cut by {parent.metaObject().className()} " \
                   f"'{parent.objectName()}' {_fmt(_global_rect(parent))}"
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return ""


def _fmt(rect: QRect) -> str:
    return f"[{rect.x()},{rect.y()} {rect.width()}×{rect.height()}]"


def _label(widget: QWidget) -> str:
    return f"{widget.metaObject().className()} '{widget.objectName() or widget.accessibleName()}'"


def check(where: str, must_show: tuple[str, ...] = ()) -> None:
    """Check every visible window now; `must_show` names labels that must be in view
    without scrolling (not inside a scroll area, inside the screen) when they are shown."""
    settle(400)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    RESULTS.checked.append(where)
    if shots := os.environ.get("XDISPLAY_SHOTS"):  # look at it: a PNG per step
        name = "".join(c if c.isalnum() else "-" for c in where)
        QGuiApplication.primaryScreen().grabWindow(0).save(
            str(Path(shots) / f"{len(RESULTS.checked):02d}-{name}.png"))
    for top in QApplication.topLevelWidgets():
        if not top.isVisible() or top.windowType() in TRANSIENT:
            continue
        frame = top.frameGeometry()
        if not screen.contains(frame):
            RESULTS.violations.append(f"{where}: window {_label(top)} {_fmt(frame)} does not "
                                      f"fit the screen {_fmt(screen)}")
        for child in top.findChildren(QWidget):
            if not isinstance(child, INTERACTIVE) or not child.isVisible():
                continue
            if isinstance(child, QScrollBar) and isinstance(
                    child.parentWidget() and child.parentWidget().parentWidget(),
                    QAbstractScrollArea):
                continue  # a scroll area's own bar: it is what makes the rest reachable
            anchor = _scroll_area_of(child) or child
            problem = _inside(anchor, screen)
            if problem:
                RESULTS.violations.append(f"{where}: {_label(child)} {problem}")
    for name in must_show:
        label = find(name)
        if label is None:
            continue
        if _scroll_area_of(label) is not None:
            RESULTS.violations.append(f"{where}: {name} is inside a scroll area")
        elif problem := _inside(label, screen):
            RESULTS.violations.append(f"{where}: {name} not in view: {problem}")


# --- sessions ----------------------------------------------------------------------------


def sign_in(username: str, password: str, start: str) -> None:
    for name, text in (("login.username", username), ("login.password", password)):
        field = enabled(name, QLineEdit, 60)
        field.setFocus()
        field.selectAll()
        field.insert(text)
    click("login.submit", 60)
    widget(start, timeout=60)
    settle(800)


def answer(box_name: str, button: str) -> None:
    widget(box_name)
    click(f"{box_name}.{button}")
    wait(lambda: find(box_name) is None, 10, f"{box_name} closed")


def run_app(steps: Callable[[Any, Any], None], prepare: Callable[[], Any]) -> int:
    """The child's whole life: a QApplication, the data `prepare()` makes, the window from
    ui.app.launch(), the station ready, then `steps(window)`; whatever stops it becomes a
    violation, and the results are written in every case."""
    import sys
    import traceback

    app = QApplication(sys.argv[:1])
    from ui import app as ui_app

    prepared = prepare()
    window = ui_app.launch()
    try:
        wait(lambda: find("login.submit") is not None and find("login.submit").isEnabled(),
             120, "station ready")
        steps(window, prepared)
    except Exception:
        RESULTS.violations.append("stopped: " + traceback.format_exc())
    finally:
        RESULTS.save()
        window.close()
        app.processEvents()
    return 0
