"""The intake page reacts as the clerk types: messages, verdicts, what is missing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.checklist import DocumentType
from desktop.services.intake import IntakeForm, IntakeService
from tests.support.files import make_pdf
from ui.intake_page import IntakePage
from ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot, runtime, clerk):
    tasks = TaskRunner()
    widget = IntakePage(runtime, clerk, tasks)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    tasks.shutdown()


def label(page: QWidget, name: str) -> QLabel:
    widget = page.findChild(QLabel, name)
    assert widget is not None, name
    return widget


@pytest.mark.parametrize(("typed", "message"), [
    ("17143", "Faltan 5 dígitos"),
    ("171430710", "Falta 1 dígito."),  # the plural agrees
    ("2512345675", "no corresponden a ninguna provincia"),
    ("1714307104", "dígito verificador no coincide"),
    ("1791234568", "tercer dígito"),
])
def test_cedula_messages_as_typed(page, typed, message):
    page.cedula.setText(typed)
    assert message in label(page, "intake.cedulaMessage").text()
    assert not page.register.isEnabled()
    assert label(page, "intake.pensionerName").text() == ""


def test_a_complete_cedula_shows_the_pensioner_and_the_verdict(qtbot, page, samples):
    page.cedula.setText(samples["eligible"])
    name = label(page, "intake.pensionerName")
    qtbot.waitUntil(lambda: bool(name.text()))
    details = label(page, "intake.pensionerDetails").text()
    assert "pensión activa" in details
    assert "Cumple los requisitos" in label(page, "intake.eligibility").text()


@pytest.mark.parametrize(("kind", "reason"), [
    ("pending", "Aportes pendientes del empleador"),
    ("suspended", "La pensión está suspendida"),
    ("not_pensioner", "No consta como pensionista"),
])
def test_ineligible_people_are_explained_and_cannot_be_registered(qtbot, page, samples, kind,
                                                                  reason):
    page.cedula.setText(samples[kind])
    eligibility = label(page, "intake.eligibility")
    qtbot.waitUntil(lambda: reason in eligibility.text())
    assert "No se puede registrar" in eligibility.text()
    assert "no cumple los requisitos" in label(page, "intake.missing").text()
    assert not page.register.isEnabled()


def test_an_open_case_is_shown_and_blocks_a_second_one(qtbot, page, runtime, clerk, samples,
                                                       tmp_path):
    service = IntakeService(runtime, clerk)
    form_file = tmp_path / "f.pdf"
    form_file.write_bytes(make_pdf())
    document = service.attach_file(form_file, DocumentType.SIGNED_REQUEST)
    case = service.register(IntakeForm(samples["eligible"], "a@correo.ec", "0991234567", True,
                                       (document,)))
    page.cedula.setText(samples["eligible"])
    blocked = label(page, "intake.blocked")
    qtbot.waitUntil(lambda: case.case_number in blocked.text())
    assert blocked.property("tone") == "error"
    assert case.case_number in label(page, "intake.missing").text()
    # the requirements she meets stay a positive fact, never a reason for refusal
    eligibility = label(page, "intake.eligibility")
    assert "Cumple los requisitos" in eligibility.text()
    assert eligibility.property("tone") == "ok"
    assert case.case_number not in eligibility.text()


def test_register_is_enabled_only_when_everything_required_is_there(qtbot, page, samples,
                                                                    signed_form):
    missing = label(page, "intake.missing")
    page.cedula.setText(samples["eligible"])
    qtbot.waitUntil(lambda: page.lookup is not None)
    steps = [
        (lambda: page.email.setText("jose@correo.ec"), "Correo"),
        (lambda: page.phone.setText("0991234567"), "Celular"),
        (lambda: page.cedula_verified.setChecked(True), "Cédula original verificada"),
    ]
    for action, gone in steps:
        assert gone in missing.text()
        assert not page.register.isEnabled()
        action()
        assert gone not in missing.text()
    assert "Falta el documento" in missing.text()
    assert page._selected_type() is DocumentType.SIGNED_REQUEST  # first missing required
    page.attach_path(signed_form, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(page.register.isEnabled, timeout=10_000)
    assert "Todo listo" in missing.text()


def test_email_and_phone_complain_once_left(page):
    page.email.setText("no-es-correo")
    assert label(page, "intake.emailMessage").text() == ""  # not while typing
    page._touch("email")
    assert "no es válido" in label(page, "intake.emailMessage").text()
    page.ruc.setText("1793213150001")  # a real company RUC that fails the checksum
    assert "confirme el número" in label(page, "intake.rucMessage").text()


def test_a_bad_file_is_refused_on_the_page(qtbot, page, tmp_path):
    bad = tmp_path / "solicitud.pdf"
    bad.write_bytes(b"")
    page.attach_path(bad, DocumentType.SIGNED_REQUEST)
    message = label(page, "intake.attachMessage")
    qtbot.waitUntil(lambda: "vacío" in message.text())
    assert DocumentType.SIGNED_REQUEST not in page.attached


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)


def test_every_interactive_widget_has_a_name_and_an_accessible_name(page):
    widgets = [w for w in page.findChildren(QWidget) if isinstance(w, INTERACTIVE)
               and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert len(widgets) >= 12
    for widget in widgets:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    buttons = {b.objectName() for b in page.findChildren(QPushButton)}
    assert {"intake.attach", "intake.register", "intake.printReceipt"} <= buttons


def test_ctrl_enter_on_a_greyed_registrar_says_why_and_goes_to_what_is_missing(qtbot, page,
                                                                             samples):
    page.cedula.setText(samples["eligible"])
    qtbot.waitUntil(lambda: page.lookup is not None)
    page.email.setText("ana@correo.ec")
    page.register.setFocus()
    assert not page.register.isEnabled()
    page.submit()  # what Ctrl+Enter does
    message = label(page, "intake.registerMessage")
    assert "Aún no se puede registrar" in message.text() and message.isVisible()
    assert page.phone.hasFocus()  # the first thing still missing
    assert page.registered is None


def test_the_form_in_progress_is_reported_until_registered(qtbot, page, samples):
    assert page.work_in_progress() == ""
    page.cedula.setText(samples["eligible"][:4])
    assert "a medio ingresar" in page.work_in_progress()
    page.reset()
    assert page.work_in_progress() == ""
