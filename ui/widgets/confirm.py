"""A question before an irreversible step, answered without blocking the event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.forms import named


def confirm(parent: QWidget, name: str, title: str, text: str, yes: str, no: str,
            on_yes: Callable[[], None]) -> QMessageBox:
    """A window-modal question named `name`; `name.yes` / `name.no` are its buttons and
    «no» is the default, so an Enter typed ahead never confirms."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    accept = named(box.addButton(yes, QMessageBox.ButtonRole.AcceptRole), f"{name}.yes", yes)
    reject = named(box.addButton(no, QMessageBox.ButtonRole.RejectRole), f"{name}.no", no)
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_yes() if button is accept else None)
    box.open()
    return box
