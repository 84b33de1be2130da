"""The receipt of a registered petition, from the real cache, read back on both papers:
what issue 11 added (a foreigner by passport, a representative, an unconfirmed
requirement, the clerk, the centre's address, the full email, the privacy notice given)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.domain.checklist import DocumentType
from desktop.services.applicants import Representative
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.receipts import ReceiptService
from desktop.store.models import Centre, Staff
from tests.pdf_text import read_pdf


@pytest.fixture
def case_number(runtime, clerk, signed_form) -> str:
    service = IntakeService(runtime, clerk)
    documents = (service.attach_file(signed_form, DocumentType.SIGNED_REQUEST),
                 service.attach_file(signed_form, DocumentType.POWER_OF_ATTORNEY))
    return service.register(IntakeForm(
        "", "Gabriela.Garcia@Correo.EC", "", True, documents, passport_country="CO",
        passport_number="AB123456", applicant_name="García Márquez Gabriela",
        representative=Representative("Tapia Ruiz Ana María", "1714307103"))).case_number


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_the_receipt_says_what_was_received_from_whom_and_how_to_follow_it(
        runtime, clerk, case_number, paper):
    rendered = ReceiptService(runtime, clerk).render(case_number, paper)
    reader, text = read_pdf(rendered.pdf)
    with runtime.db.read() as session:
        address = session.scalar(select(Centre.address).where(Centre.code == "UIO01"))
        clerk_name = session.scalar(select(Staff.full_name).where(
            Staff.username == clerk.username))
    assert len(reader.pages) == 1
    for expected in (
        "GARCÍA MÁRQUEZ GABRIELA",
        "Pasaporte", "Colombia AB****56", "Pasaporte original verificado",
        "TAPIA RUIZ ANA MARÍA (cédula 17******03), representante con poder",
        "Gabriela.Garcia@correo.ec",  # in full (the domain as email_validator normalises it)
        "Requisito no confirmado", "No consta como pensionista",
        f"{clerk_name} (usuario {clerk.username})",
        address,
        "Solicitud de Mejora de Jubilación", "En caso excepcional",
        "Superintendencia de Protección de Datos Personales",
        "Poder del representante",
    ):
        assert expected and expected in text, expected
    assert "AB123456" not in text and "1714307103" not in text  # identity numbers masked
