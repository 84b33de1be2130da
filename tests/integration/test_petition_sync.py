"""A petition registered with a warning, by a foreigner's passport, through a representative,
reaches central with all of it in the registration event and comes back to another counter
of the centre: the supervisor there reads the warning (issue 11). SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.central import models as central
from desktop.domain.checklist import DocumentType
from desktop.domain.privacy import CURRENT
from desktop.services.applicants import Representative
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from tests.conftest import CLERK, SUPERVISOR, make_pdf


def test_the_warning_passport_and_representative_travel_to_central_and_back(
        stations, tmp_path: Path) -> None:
    first, second = stations.open(1), stations.open(2)
    intake = IntakeService(first, sign_in(first, *CLERK))
    path = tmp_path / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    documents = (intake.attach_file(path, DocumentType.SIGNED_REQUEST),
                 intake.attach_file(path, DocumentType.POWER_OF_ATTORNEY))
    number = intake.register(IntakeForm(
        "", "g.garcia@correo.ec", "02 234 5678", True, documents, passport_country="CO",
        passport_number="AB123456", applicant_name="García Márquez Gabriela",
        representative=Representative("Tapia Ruiz Ana", "", "PE", "XY765432"))).case_number
    assert SyncService(first).run().online

    with stations.maintenance() as connection:
        row = connection.execute(select(central.Case).where(
            central.Case.case_number == number)).one()
    assert "No consta como pensionista" in row.eligibility_warning
    assert (row.cedula, row.passport_country, row.passport_number) == ("", "CO", "AB123456")
    assert (row.representative_name, row.representative_passport_country,
            row.representative_passport_number) == ("TAPIA RUIZ ANA", "PE", "XY765432")
    assert (row.privacy_notice, row.phone, row.pension_type) == (CURRENT.version,
                                                                 "+59322345678", "")

    assert SyncService(second).run().online  # another counter of the centre pulls it
    detail = StatusService(second, sign_in(second, *SUPERVISOR)).detail(number)
    assert "No consta como pensionista" in detail.eligibility_warning
    assert detail.applicant_id == "Pasaporte Colombia AB****56"
    assert detail.representative == "TAPIA RUIZ ANA (pasaporte Perú XY****32)"
    assert detail.power_of_attorney
