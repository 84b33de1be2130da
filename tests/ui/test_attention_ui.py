"""The counter's attentions and complaints through the window, by keyboard: F8 opens an
attention with a scanned turno (a keyboard-wedge reader types the code and Enter), the
status bar shows it running, F9 closes it with its outcome; looking a case up on the
status page opens one by itself; the complaints page registers a complaint and offers
its constancia."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.services.attentions import ATTENTION_RECORDED
from desktop.store import models
from tests.support.accounts import CLERK
from tests.ui.keyboard import press, type_text, wait_for_focus, wait_for_window

WAIT = 30_000


def recorded(runtime_paths) -> list[dict]:
    from desktop.config import load_settings
    from desktop.services.runtime import open_runtime

    runtime = open_runtime(load_settings(runtime_paths))
    try:
        with runtime.db.read() as session:
            return [e.payload for e in session.scalars(select(models.OutboxEvent).where(
                models.OutboxEvent.event_type == ATTENTION_RECORDED).order_by(
                models.OutboxEvent.seq))]
    finally:
        runtime.close()


@pytest.fixture
def window(home, main_window, sign_in):
    window = main_window()
    sign_in(window, *CLERK)
    return window


def test_the_attention_status_is_not_painted_over_by_the_ready_message(window):
    """«Estación lista.» lasts 5 s; a clerk who signs in sooner sees the attention status
    alone, not both texts on top of each other."""
    assert window.statusBar().currentMessage() == ""
    assert window.workspace.attention_status.isVisible()


def test_f8_opens_with_a_scanned_turno_and_f9_closes_it(qtbot, home, window):
    status = window.workspace.attention_status
    assert status.label.text() == "Sin atención (F8)"
    press(Qt.Key.Key_F8)
    wait_for_window(qtbot, "attention.dialog")
    wait_for_focus(qtbot, "attention.turno")
    type_text("t-uio01-20261205-0930-017")
    press(Qt.Key.Key_Return)  # what the reader sends after the code
    qtbot.waitUntil(lambda: "T-UIO01-20261205-0930-017" in status.label.text(), timeout=WAIT)
    assert "En atención:" in status.label.text() and "00:0" in status.label.text()
    wait_for_focus(qtbot, "intake.cedula")  # back where the clerk was

    press(Qt.Key.Key_F9)
    dialog = wait_for_window(qtbot, "attention.dialog")
    assert dialog.windowTitle() == "Cerrar atención"
    dialog.turned_away.setChecked(True)
    wait_for_focus(qtbot, "attention.reason")
    type_text("Vino sin la cédula original")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.label.text() == "Sin atención (F8)", timeout=WAIT)
    window.sign_out()
    window.close()
    [payload] = recorded(home)
    assert payload["turno_code"] == "T-UIO01-20261205-0930-017"
    assert [(a["kind"], a["note"]) for a in payload["actions"]] == [
        ("rechazo", "Vino sin la cédula original")]


def test_a_bad_turno_says_so_and_opens_nothing(qtbot, window):
    press(Qt.Key.Key_F8)
    dialog = wait_for_window(qtbot, "attention.dialog")
    wait_for_focus(qtbot, "attention.turno")
    type_text("%%%-no-es-un-turno")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "no se reconoce" in dialog.message.text(), timeout=WAIT)
    assert window.workspace.attention_status.current is None
    press(Qt.Key.Key_Escape)
    window.sign_out()
    window.close()


def test_a_status_search_opens_an_attention_by_itself(qtbot, window, samples):
    workspace = window.workspace
    workspace.show_status()
    wait_for_focus(qtbot, "status.query")
    type_text(samples["eligible"])
    press(Qt.Key.Key_Return)
    status = workspace.attention_status
    qtbot.waitUntil(lambda: "Sin turno" in status.label.text(), timeout=WAIT)
    window.sign_out()
    window.close()


def test_the_complaints_page_registers_and_offers_the_constancia(qtbot, window):
    workspace = window.workspace
    workspace.nav_button("nav.complaints").click()
    page = workspace.complaints_page
    wait_for_focus(qtbot, "complaints.channel")
    page.category.setCurrentIndex(page.category.findData("espera"))
    page.text.setPlainText("Esperé dos horas aunque tenía turno en línea.")
    page.email.setText("quien.reclama@correo.ec")
    page.register.click()
    preview = wait_for_window(qtbot, "complaintAck.dialog", WAIT)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    number = page.table.item(0, 0).text()
    assert number.startswith("Q-UIO01-01-") and number in preview.windowTitle()
    assert "registrada" in page.form_message.text()
    preview.close()
    QApplication.processEvents()
    status = workspace.attention_status  # the complaint opened an attention by itself
    qtbot.waitUntil(lambda: "Sin turno" in status.label.text(), timeout=WAIT)
    window.sign_out()
    window.close()


def test_the_status_bar_never_widens_the_window_past_1024_px(qtbot, home, main_window,
                                                              sign_in):
    """A supervisor (the widest bar), a sync round running (its busy bar shows) and the
    longest sync text: the window still fits a 1024-px monitor; the text ends in «…»."""
    from tests.support.accounts import SUPERVISOR

    window = main_window()
    sign_in(window, *SUPERVISOR)
    status = window.sync_status
    status.busy.setVisible(True)
    long_text = ("Sin conexión · trabajando con datos locales del 05/12/2026 21:54 · "
                 "1234 pendientes · 12 con problemas")
    status.label.setText(long_text)
    window.status_user.setText("María de los Ángeles Villavicencio Quiñónez · Supervisor")
    assert window.statusBar().minimumSizeHint().width() <= 1024
    assert window.layout().minimumSize().width() <= 1024
    assert status.label.text() == long_text  # whole for screen readers and the tooltip
