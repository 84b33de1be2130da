"""One stylesheet in resources/, readable on light and dark themes: code sets no colours,
messages carry a tone the stylesheet colours from the set that matches the palette."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.resources import resource
from ui.style import Tone, is_dark, stylesheet
from ui.widgets.forms import message_label, show_message

UI = Path(__file__).resolve().parents[2] / "ui"


def _contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_no_module_of_the_gui_sets_a_colour_or_a_stylesheet_of_its_own() -> None:
    offenders = [f"{path.name}:{number}" for path in UI.rglob("*.py") if path.name != "style.py"
                 for number, line in enumerate(path.read_text().splitlines(), start=1)
                 if "setStyleSheet(" in line or re.search(r"color:\s*#", line)]
    assert offenders == []


def test_each_tone_reads_on_its_theme_background() -> None:
    tones = tomllib.loads(resource("style", "tones.toml").read_text(encoding="utf-8"))
    for theme, background in (("light", "#efefef"), ("dark", "#2b2b2b")):
        for tone in ("error", "warning", "ok", "hint"):
            assert _contrast(tones[theme][tone], background) >= 4.5, (theme, tone)
        assert tones[theme]["error"] in stylesheet(dark=theme == "dark")


def test_the_dark_set_is_chosen_for_a_dark_palette(qapp) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    # offscreen Qt reports no system colour scheme: the palette decides
    assert QGuiApplication.styleHints().colorScheme() is Qt.ColorScheme.Unknown
    assert is_dark(palette) and not is_dark(light)


def test_a_message_takes_its_tone_and_an_empty_one_hides(qtbot) -> None:
    label = message_label("x.message", "Mensaje")
    qtbot.addWidget(label)
    show_message(label, "Falta el correo", Tone.WARNING)
    assert label.property("tone") == "warning" and not label.isHidden()
    show_message(label, "")
    assert label.property("tone") == "" and label.isHidden()
