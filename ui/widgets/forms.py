"""A tiny vocabulary for hand-written forms: names, messages, spacing (cf. git-cola's defs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.style import Tone, set_tone

SPACING = 8
MARGIN = 16
W = TypeVar("W", bound=QWidget)



def named(widget: W, object_name: str, accessible_name: str, description: str = "") -> W:
    """Every interactive widget gets a stable objectName and a Spanish accessible name."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def message_label(object_name: str, accessible_name: str) -> QLabel:
    """A label for validation messages; screen readers read it as it changes."""
    label = named(QLabel(), object_name, accessible_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, tone: Tone = Tone.ERROR) -> None:
    """Show `text` in its tone (colour from the stylesheet), or hide the label when empty."""
    set_tone(label, tone if text else Tone.NONE)
    label.setText(text)
    label.setVisible(bool(text))


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """A field with its validation message right under it (no empty form rows)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


def buddy(text: str, field: QWidget) -> QLabel:
    """A label whose mnemonic (the letter after &) moves the focus to `field`."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def labelled_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> QFormLayout:
    """Rows of (label text with a mnemonic, field) added to `form`."""
    for text, field in rows:
        form.addRow(buddy(text, field), field)
    return form


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons aligned to the right, in reading order."""
    row = QHBoxLayout()
    row.addStretch()
    for button in buttons:
        row.addWidget(button)
    return row


def swallow_enter(dialog: QWidget, event: QKeyEvent, busy: bool) -> bool:
    """Enter in a line edit only moves on (the field did it) and does nothing while the
    dialog is busy; elsewhere it reaches the default button. True when it was swallowed."""
    enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    if enter and (busy or isinstance(dialog.focusWidget(), QLineEdit)):
        event.accept()
        return True
    return False
