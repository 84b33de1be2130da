"""The idle lock from the keyboard: the form in progress survives it, only the same person's
password opens it, five wrong ones lock the account, and another person signs out from it.

The station's setting is one minute; the tests shorten the clock on the controller
(`window.idle.clock.set_timeout_ms`) once the form is typed, so typing never races it.
"""

from __future__ import annotations

import re
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from desktop.config import Paths, load_settings
from tests.support.accounts import CLERK, SUPERVISOR
from tests.ui.keyboard import (
    assert_accessible,
    focused,
    press,
    tab,
    type_text,
    wait_for_focus,
    wait_for_window,
)
from ui.main_window import MainWindow

Key, Mod = Qt.Key, Qt.KeyboardModifier
WAIT = 30_000
LONG_MS = 3_600_000
EMAIL = "maría.peñafiel@correo.ec"


@pytest.fixture
def window(main_window, home: Paths) -> MainWindow:
    window = main_window(load_settings(home).with_changes(idle_lock_minutes=1),
                         idle_lock_ms=None)
    assert window.idle.clock.timeout_ms == 60_000  # from runtime.settings
    return window


def _type_part_of_a_form(qtbot, window: MainWindow, cedula: str) -> tuple[QLineEdit, QLineEdit]:
    type_text(cedula)
    name = window.findChild(QLabel, "intake.pensionerName")
    qtbot.waitUntil(lambda: bool(name.text()), timeout=WAIT)
    tab()
    assert focused().objectName() == "intake.byRepresentative"  # in person: passed by
    tab()
    assert focused().objectName() == "intake.email"
    type_text(EMAIL)
    return window.intake.cedula, window.intake.contact_fields.email


def _unlock_with(qtbot, window: MainWindow, password: str) -> QLabel:
    """Type the password on the lock page and wait for the answer."""
    wait_for_focus(qtbot, "lock.password")
    type_text(password)
    press(Key.Key_Return)
    unlock = window.findChild(QPushButton, "lock.unlock")
    qtbot.waitUntil(lambda: unlock.isEnabled() or not window.idle.locked, timeout=WAIT)
    return window.findChild(QLabel, "lock.message")


def test_going_idle_locks_and_the_same_password_gives_the_form_back(qtbot, window, sign_in,
                                                                   samples):
    sign_in(window, *CLERK)
    cedula, email = _type_part_of_a_form(qtbot, window, samples["eligible"])
    workspace = window.workspace
    assert not window.idle.locked

    started = time.monotonic()
    window.idle.clock.set_timeout_ms(300)  # the clerk walks away
    qtbot.waitUntil(lambda: window.idle.locked, timeout=5_000)
    assert time.monotonic() - started >= 0.25
    window.idle.clock.set_timeout_ms(LONG_MS)
    page = window.idle.page
    assert window.stack.currentWidget() is page
    assert CLERK[0] not in page.who.text() and window.actor.full_name in page.who.text()
    wait_for_focus(qtbot, "lock.password")
    assert not cedula.isVisible() and not email.isVisible()  # nothing personal on screen
    assert assert_accessible(window) == 3  # password, unlock, sign out: nothing else
    for _ in range(6):  # Tab never reaches the form
        tab()
        assert page.isAncestorOf(focused()), focused().objectName()
    press(Key.Key_T, Mod.AltModifier)  # a workspace mnemonic does nothing
    press(Key.Key_F2)
    assert window.stack.currentWidget() is page

    message = _unlock_with(qtbot, window, "no-es-mi-clave")
    assert "incorrectos" in message.text() and message.isVisible()
    assert window.idle.locked and page.password.text() == ""

    _unlock_with(qtbot, window, CLERK[1])
    qtbot.waitUntil(lambda: not window.idle.locked, timeout=WAIT)
    assert window.stack.currentWidget() is workspace is window.workspace
    assert window.findChild(QLineEdit, "intake.cedula") is cedula  # the same widgets
    assert cedula.text() == samples["eligible"] and email.text() == EMAIL
    wait_for_focus(qtbot, "intake.email")  # where the clerk left off
    assert window.idle.clock.armed
    type_text(".ec")
    assert email.text() == EMAIL + ".ec"
    window.close()


def test_ctrl_l_locks_at_once_and_dialogs_hide_until_unlocked(qtbot, window, sign_in, samples):
    sign_in(window, *CLERK)
    type_text(samples["eligible"][:4])
    press(Key.Key_L, Mod.ControlModifier)
    assert window.idle.locked  # at once, not after a timeout
    assert window.intake.cedula.text() == samples["eligible"][:4]  # Ctrl+L was not typed
    _unlock_with(qtbot, window, CLERK[1])
    qtbot.waitUntil(lambda: not window.idle.locked, timeout=WAIT)
    wait_for_focus(qtbot, "intake.cedula")

    press(Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier)  # «Cambiar clave»
    dialog = wait_for_window(qtbot, "password.dialog")
    type_text("a medias")
    press(Key.Key_L, Mod.ControlModifier)  # from the dialog too
    assert window.idle.locked
    assert not dialog.isVisible()  # hidden, not closed: it may show personal data
    wait_for_focus(qtbot, "lock.password")
    assert window.idle.page.isAncestorOf(focused())

    _unlock_with(qtbot, window, CLERK[1])
    qtbot.waitUntil(lambda: not window.idle.locked, timeout=WAIT)
    assert dialog.isVisible() and dialog.isModal()
    current = dialog.findChild(QLineEdit, "password.current")
    assert current.text() == "a medias"
    wait_for_focus(qtbot, "password.current")
    press(Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.findChildren(QDialog, "password.dialog"))
    window.close()


def test_a_long_task_the_clerk_started_holds_the_idle_clock(qtbot, window, sign_in):
    sign_in(window, *CLERK)
    release = threading.Event()
    task = window.tasks.run(lambda _p, _c: release.wait(WAIT / 1000), keep_awake=True)
    moments: dict[str, float] = {}
    task.finished.connect(lambda: moments.setdefault("finished", time.monotonic()))
    window.idle.locked_changed.connect(lambda _locked: moments.setdefault("locked",
                                                                         time.monotonic()))
    window.idle.clock.set_timeout_ms(300)
    qtbot.wait(900)  # «scanning»: nobody touches the keyboard
    assert not window.idle.locked and window.idle.clock.held
    release.set()
    qtbot.waitUntil(lambda: window.idle.locked, timeout=5_000)
    window.idle.clock.set_timeout_ms(LONG_MS)
    assert moments["locked"] - moments["finished"] >= 0.25  # counted from the task's end


def test_another_person_signs_out_from_the_lock_and_the_form_is_dropped(qtbot, window, sign_in,
                                                                        samples):
    sign_in(window, *CLERK)
    _type_part_of_a_form(qtbot, window, samples["eligible"])
    press(Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier)
    wait_for_window(qtbot, "password.dialog")
    press(Key.Key_L, Mod.ControlModifier)
    wait_for_focus(qtbot, "lock.password")
    tab(2)
    assert focused().objectName() == "lock.signOut"
    press(Key.Key_Space)
    # the form in progress would be dropped: asked first, «no» by default
    wait_for_window(qtbot, "main.confirmSignOut")
    press(Key.Key_Return)
    assert window.actor is not None and window.idle.locked
    wait_for_focus(qtbot, "lock.signOut")
    press(Key.Key_Space)
    wait_for_window(qtbot, "main.confirmSignOut")
    focused().window().findChild(QPushButton, "main.confirmSignOut.yes").click()
    qtbot.waitUntil(lambda: window.actor is None, timeout=WAIT)
    assert window.stack.currentWidget() is window.login and not window.idle.locked
    assert not window.idle.clock.armed  # nobody signed in: nothing to lock
    qtbot.waitUntil(lambda: not window.findChildren(QDialog, "password.dialog"))
    wait_for_focus(qtbot, "login.username")

    sign_in(window, *SUPERVISOR)
    assert window.intake.cedula.text() == "" and window.intake.contact_fields.email.text() == ""
    window.close()


def test_five_wrong_passwords_at_the_lock_lock_the_account(qtbot, window, sign_in):
    sign_in(window, *CLERK)
    press(Key.Key_L, Mod.ControlModifier)
    for _ in range(5):
        message = _unlock_with(qtbot, window, "equivocada")
        assert "incorrectos" in message.text()
    message = _unlock_with(qtbot, window, CLERK[1])  # even the right one, for 15 minutes
    assert window.idle.locked
    assert "bloqueada por 5 intentos" in message.text()
    assert re.search(r"después de las .*\d{2}:\d{2}", message.text()), message.text()

    window.findChild(QPushButton, "lock.signOut").click()
    qtbot.waitUntil(lambda: window.actor is None, timeout=WAIT)
    wait_for_focus(qtbot, "login.username")
    assert window.login.username.text() == CLERK[0]
    press(Key.Key_Tab)
    type_text(CLERK[1])
    press(Key.Key_Return)
    login_message = window.findChild(QLabel, "login.message")
    qtbot.waitUntil(lambda: "bloqueada" in login_message.text(), timeout=WAIT)
    assert window.actor is None
    window.close()
