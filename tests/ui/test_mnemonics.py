"""Mnemonics that work (issue 9): on every page of every role, each Alt+letter shown belongs
to one visible control of the window (two would make Qt cycle between them instead of
acting), and a button's extra keys never replace its mnemonic — «&Hoja de estado…»
answers Alt+H as well as Ctrl+P."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QTabBar, QWidget

from desktop.services.auth import sign_in as service_sign_in
from desktop.services.intake import IntakeForm, IntakeService
from tests.support.accounts import ADMIN, CLERK, SUPERVISOR
from tests.ui.keyboard import press, wait_for_focus, wait_for_window

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter → the visible controls that show it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, who: str) -> None:
        match = MNEMONIC.search(text)
        if match:
            found[match.group(1).lower()].append(who)

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QDialog):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text(), widget.objectName() or widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), f"label of {widget.buddy().objectName()}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), f"tab {widget.tabText(index)}")
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), widget.objectName())
    return found


@pytest.mark.parametrize("login", [CLERK, SUPERVISOR, ADMIN], ids=["clerk", "supervisor",
                                                                    "admin"])
def test_no_two_visible_controls_share_an_alt_letter(qtbot, home, main_window, sign_in, login):
    window = main_window()
    sign_in(window, *login)
    workspace = window.workspace
    for page in (workspace.intake, workspace.status_page, workspace.review_page,
                 workspace.sync_panel, workspace.staff_page, workspace.complaints_page):
        if page is None:
            continue
        workspace.pages.setCurrentWidget(page)
        tabs = page.findChildren(QTabBar)
        for index in range(max((t.count() for t in tabs), default=1)):
            for tab_bar in tabs:
                if index < tab_bar.count():
                    tab_bar.setCurrentIndex(index)
            clashes = {letter: who for letter, who in mnemonics(window).items()
                       if len(who) > 1}
            assert not clashes, f"{page.objectName()}: {clashes}"
    window.sign_out()
    window.close()


def test_alt_h_opens_the_status_slip_and_ctrl_p_too(qtbot, home, runtime, samples,
                                                   signed_form, main_window, sign_in):
    clerk = service_sign_in(runtime, *CLERK)
    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, intake_type())
    number = intake.register(IntakeForm(samples["eligible"], "ana@correo.ec", "0991234567",
                                        True, (document,))).case_number
    window = main_window()
    sign_in(window, *CLERK)
    press(Qt.Key.Key_F2)
    status = window.status_page
    wait_for_focus(qtbot, "status.query")
    status.query.setText(number)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.opened is not None, timeout=20_000)
    for key, modifier in ((Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)):
        wait_for_focus(qtbot, "status.query")
        press(key, modifier)
        dialog = wait_for_window(qtbot, "slip.dialog")
        assert status.query.text() == number  # the letter was not typed into the query
        dialog.close()
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible())
    window.close()


def intake_type():
    from desktop.domain.checklist import DocumentType

    return DocumentType.SIGNED_REQUEST
