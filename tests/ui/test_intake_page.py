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
from sqlalchemy import select

from desktop.domain.checklist import DocumentType
from desktop.services.intake import IntakeForm, IntakeService
from desktop.store.models import Case
from tests.support.files import make_pdf
from ui.intake_page import IntakePage


@pytest.fixture
def page(qtbot, runtime, clerk, immediate_tasks):
    widget = IntakePage(runtime, clerk, immediate_tasks)
    qtbot.addWidget(widget)
    widget.show()
    return widget


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


def fill_and_register(qtbot, page, form_file, name: str = "") -> str:
    """The rest of the form as a clerk fills it, then «Registrar»: the case number."""
    page.notice.given.setChecked(True)
    if name:
        page.applicant_name.setText(name)
    page.contact_fields.email.setText("persona@correo.ec")
    page.cedula_verified.setChecked(True)
    page.scan.attach_path(form_file, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(page.register.isEnabled, timeout=10_000)
    page.register.click()
    qtbot.waitUntil(lambda: page.registered is not None, timeout=10_000)
    return page.case_number.text()


@pytest.mark.parametrize(("kind", "reason"), [
    ("pending", "Aportes pendientes del empleador"),
    ("suspended", "La pensión está suspendida"),
    ("not_pensioner", "No consta como pensionista"),
])
def test_an_unconfirmed_requirement_is_a_warning_and_the_petition_is_registered(
        qtbot, page, runtime, samples, signed_form, kind, reason):
    """Petition first (issue 11): the clerk reads the warning; the case gets its number and
    keeps the warning for the supervisor and the back office."""
    page.cedula.setText(samples[kind])
    eligibility = label(page, "intake.eligibility")
    qtbot.waitUntil(lambda: reason in eligibility.text())
    assert "Advertencia" in eligibility.text() and "el IESS decidirá" in eligibility.text()
    assert eligibility.property("tone") == "warning"
    assert "no cumple" not in label(page, "intake.missing").text()
    unknown = kind == "not_pensioner"
    assert page.applicant_name.isVisible() is unknown  # the registry does not know them
    number = fill_and_register(qtbot, page, signed_form,
                               "Quishpe Tupiza Luis Alberto" if unknown else "")
    assert number.startswith("REL-UIO01-")
    with runtime.db.read() as session:
        case = session.scalar(select(Case).where(Case.case_number == number))
    assert reason in case.eligibility_warning
    assert case.privacy_notice == page.notice.notice.version


def test_a_foreigner_registers_by_passport(qtbot, page, runtime, signed_form):
    page.applicant_id.set_passport("CO", "ab 123-456")
    assert page.applicant_id.number.isVisible() and not page.cedula.isVisible()
    eligibility = label(page, "intake.eligibility")
    qtbot.waitUntil(lambda: "No consta como pensionista" in eligibility.text())
    assert "Pasaporte original" in page.cedula_verified.text()
    assert "«Pasaporte original verificado»" in label(page, "intake.missing").text()
    number = fill_and_register(qtbot, page, signed_form, "García Márquez Gabriela")
    with runtime.db.read() as session:
        case = session.scalar(select(Case).where(Case.case_number == number))
    assert (case.cedula, case.passport_country, case.passport_number) == ("", "CO", "AB123456")
    assert case.applicant_name == "GARCÍA MÁRQUEZ GABRIELA"


def test_a_bad_passport_is_explained_and_blocks_registering(qtbot, page):
    page.applicant_id.set_passport("CO", "12")
    assert "de 5 a 20 caracteres" in page.applicant_id.passport_message.text()
    assert "Pasaporte:" in label(page, "intake.missing").text()
    assert not page.register.isEnabled()


def test_a_representative_needs_an_identity_and_the_power_of_attorney(
        qtbot, page, runtime, samples, signed_form):
    page.cedula.setText(samples["eligible"])
    qtbot.waitUntil(lambda: page.lookup is not None)
    page.representative.enabled.setChecked(True)
    missing = label(page, "intake.missing")
    assert "Representante:" in missing.text()
    page.representative.name.setText("Andrade Vera Carlos")
    page.representative.identity.cedula.setText("1710034065")
    assert "Representante:" not in missing.text()
    assert "Poder del representante" in missing.text()
    page.scan.attach_path(signed_form, DocumentType.POWER_OF_ATTORNEY)
    qtbot.waitUntil(lambda: DocumentType.POWER_OF_ATTORNEY in page.attached, timeout=10_000)
    number = fill_and_register(qtbot, page, signed_form)
    with runtime.db.read() as session:
        case = session.scalar(select(Case).where(Case.case_number == number))
    assert (case.representative_name, case.representative_cedula) == (
        "ANDRADE VERA CARLOS", "1710034065")


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
    assert "Teléfono" not in missing.text()  # optional
    # the notice is in view before any data is typed; once read, it folds away
    assert page.notice.text.isVisible() and "Superintendencia" in page.notice.text.text()
    steps = [
        (lambda: page.notice.given.setChecked(True), "aviso de privacidad"),
        (lambda: page.contact_fields.email.setText("jose@correo.ec"), "Correo"),
        (lambda: page.cedula_verified.setChecked(True), "Cédula original verificada"),
    ]
    for action, gone in steps:
        assert gone in missing.text()
        assert not page.register.isEnabled()
        action()
        assert gone not in missing.text()
    assert not page.notice.text.isVisible()
    assert "Falta el documento" in missing.text()
    assert page._selected_type() is DocumentType.SIGNED_REQUEST  # first missing required
    page.scan.attach_path(signed_form, DocumentType.SIGNED_REQUEST)
    qtbot.waitUntil(page.register.isEnabled, timeout=10_000)
    assert "Todo listo" in missing.text()


def test_email_and_phone_complain_once_left(page):
    page.contact_fields.email.setText("no-es-correo")
    assert label(page, "intake.emailMessage").text() == ""  # not while typing
    page._touch("email")
    assert "no es válido" in label(page, "intake.emailMessage").text()
    page.contact_fields.ruc.setText("1793213150001")  # a real company RUC that fails the checksum
    assert "confirme el número" in label(page, "intake.rucMessage").text()


def test_a_bad_file_is_refused_on_the_page(qtbot, page, tmp_path):
    bad = tmp_path / "solicitud.pdf"
    bad.write_bytes(b"")
    page.scan.attach_path(bad, DocumentType.SIGNED_REQUEST)
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
    page.contact_fields.email.setText("ana@correo.ec")
    page.register.setFocus()
    assert not page.register.isEnabled()
    page.submit()  # what Ctrl+Enter does
    message = label(page, "intake.registerMessage")
    assert "Aún no se puede registrar" in message.text() and message.isVisible()
    assert page.notice.given.hasFocus()  # the first thing still missing: the notice
    page.notice.given.setChecked(True)
    page.contact_fields.phone.setText("0991")  # optional, but a wrong one is not accepted
    page.submit()
    assert page.contact_fields.phone.hasFocus()
    assert page.registered is None


def test_the_form_in_progress_is_reported_until_registered(qtbot, page, samples):
    assert page.work_in_progress() == ""
    page.cedula.setText(samples["eligible"][:4])
    assert "a medio ingresar" in page.work_in_progress()
    page.reset()
    assert page.work_in_progress() == ""
