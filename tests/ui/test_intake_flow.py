"""The whole walk-in flow from the keyboard: sign in, register, print the receipt."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.clock import format_date, now
from desktop.domain.identity import mask_cedula
from tests.support.accounts import CLERK
from tests.ui.keyboard import (
    assert_accessible,
    focused,
    press,
    tab,
    type_text,
    wait_for_focus,
    wait_for_window,
)


def _find(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_keyboard_flow_registers_case_and_prints_receipt(qtbot, home, samples, signed_form,
                                                         tmp_path: Path, main_window):
    window = main_window()

    assert focused().objectName() == "login.username"
    assert assert_accessible(window) == 3  # user, password, submit
    type_text(CLERK[0])
    press(Qt.Key.Key_Return)
    assert focused().objectName() == "login.password"
    type_text(CLERK[1])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "intake.pensionerName") is not None)
    qtbot.waitUntil(lambda: focused().objectName() == "intake.cedula")

    # the privacy notice comes first: above the data, before it in the tab order
    press(Qt.Key.Key_Backtab)
    assert focused().objectName() == "intake.idType"
    press(Qt.Key.Key_Backtab)
    assert focused().objectName() == "intake.privacyGiven"
    press(Qt.Key.Key_Space)
    tab(2)
    assert focused().objectName() == "intake.cedula"
    cedula = samples["eligible"]
    type_text(cedula)
    name = _find(window, QLabel, "intake.pensionerName")
    qtbot.waitUntil(lambda: bool(name.text()))
    assert "Cumple los requisitos" in _find(window, QLabel, "intake.eligibility").text()

    tab()
    assert focused().objectName() == "intake.byRepresentative"  # in person: skipped
    tab()
    assert focused().objectName() == "intake.email"
    type_text("maría.peñafiel@correo.ec")
    tab()
    type_text("0991234567")
    tab(3)  # RUC and periods are optional
    assert focused().objectName() == "intake.cedulaVerified"
    press(Qt.Key.Key_Space)
    tab()
    assert focused().objectName() == "intake.checklist"
    tab()
    assert focused().objectName() == "intake.attach"
    press(Qt.Key.Key_Space)
    wait_for_window(qtbot, "intake.fileDialog")
    type_text(str(signed_form))
    press(Qt.Key.Key_Return)

    wait_for_focus(qtbot, "intake.register")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case_label = _find(window, QLabel, "intake.caseNumber")
    qtbot.waitUntil(lambda: case_label.text().startswith("REL-"), timeout=10_000)
    case_number = case_label.text()
    dialog = wait_for_window(qtbot, "receipt.dialog")  # the receipt opens by itself
    save = dialog.findChild(QPushButton, "receipt.save")
    qtbot.waitUntil(save.isEnabled, timeout=10_000)
    assert assert_accessible(dialog) >= 5
    assert assert_accessible(window) >= 14
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_window(qtbot, "receipt.saveDialog")
    target = tmp_path / "comprobante.pdf"
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(str(target))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists, timeout=10_000)
    message = dialog.findChild(QLabel, "receipt.message")
    qtbot.waitUntil(lambda: "PDF guardado" in message.text(), timeout=10_000)
    # a saved file is an export, not a paper copy: the next print is still the original
    assert "Original" in dialog.findChild(QLabel, "receipt.copyInfo").text()

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert case_number in text
    assert "IESS-034-01-07" in text
    assert mask_cedula(cedula) in text
    assert cedula not in text
    assert "gratuito" in text.lower()
    assert format_date(now()) in text
    wait_for_window(qtbot, "receipt.dialog")
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_for_focus(qtbot, "intake.printReceipt")  # another copy is one key away
    press(Qt.Key.Key_Space)
    wait_for_window(qtbot, "receipt.dialog")
    press(Qt.Key.Key_Escape)
