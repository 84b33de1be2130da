"""The look of the application: one stylesheet from resources/style, filled with the light or
the dark colour set to match the window palette, and the two properties widgets carry
instead of colours: `tone` for messages, `look` for titles and emphasis.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.resources import resource


class Tone(StrEnum):
    """What a message says: its colour comes from the stylesheet."""

    NONE = ""
    ERROR = "error"
    WARNING = "warning"
    OK = "ok"
    HINT = "hint"


class Look(StrEnum):
    """Titles and emphasis."""

    APP_TITLE = "appTitle"
    PAGE_TITLE = "pageTitle"
    CASE_TITLE = "caseTitle"
    CASE_NUMBER = "caseNumber"
    STRONG = "strong"
    BANNER = "banner"
    ACTION_BAR = "actionBar"


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_tone(widget: QWidget, tone: Tone) -> None:
    if widget.property("tone") != tone.value:
        widget.setProperty("tone", tone.value)
        _repolish(widget)


#: point size (None: the usual one) of each look; set as a font, not in the stylesheet, so a
#: word-wrapped title measures its height with the font it is drawn with
LOOK_FONTS: dict[Look, float | None] = {
    Look.APP_TITLE: 17, Look.PAGE_TITLE: 14, Look.CASE_TITLE: 13, Look.CASE_NUMBER: 14,
    Look.STRONG: None,
}


def set_look(widget: QWidget, look: Look) -> QWidget:
    widget.setProperty("look", look.value)
    if look in LOOK_FONTS:
        font = widget.font()
        size = LOOK_FONTS[look]
        if size is not None:
            font.setPointSizeF(size)
        font.setBold(True)
        widget.setFont(font)
    _repolish(widget)
    return widget


def is_dark(palette: QPalette) -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme is not Qt.ColorScheme.Unknown:
        return scheme is Qt.ColorScheme.Dark
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def stylesheet(dark: bool) -> str:
    tones = tomllib.loads(resource("style", "tones.toml").read_text(encoding="utf-8"))
    template = Template(resource("style", "ventanilla.qss").read_text(encoding="utf-8"))
    return template.substitute(tones["dark" if dark else "light"])


def apply_style(app: QApplication) -> None:
    """Set the stylesheet now and again whenever the system switches light/dark."""
    app.setStyleSheet(stylesheet(is_dark(app.palette())))
    hints = QGuiApplication.styleHints()
    if hints is not None and not app.property("ventanillaStyled"):
        app.setProperty("ventanillaStyled", True)
        hints.colorSchemeChanged.connect(
            lambda _scheme: app.setStyleSheet(stylesheet(is_dark(app.palette()))))
