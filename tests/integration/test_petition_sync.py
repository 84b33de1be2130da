"""A petition registered with a warning, by a foreigner's passport, through a representative,
reaches central with all of it in the registration event and comes back to another counter
of the centre: the supervisor there reads the warning (issue 11). SQLite and PostgreSQL."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import insert, select

from desktop.central import models as central
from desktop.central.backoffice import issue_agreement, move
from desktop.clock import local, now
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.domain.privacy import CURRENT, NoticePart, PrivacyNotice
from desktop.services.applicants import Representative
from desktop.services.auth import sign_in
from desktop.services.case_documents import CaseDocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.receipts import ReceiptService
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from tests.pdf_text import read_pdf
from tests.support.accounts import CLERK, SUPERVISOR
from tests.support.files import make_pdf
from tests.support.stations import free_cedulas


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


def test_a_passport_holder_is_named_by_passport_on_the_slip_and_the_acuerdo(
        stations, tmp_path: Path) -> None:
    """Nothing printed calls a passport a cédula; the registry did not know the person, so
    the acuerdo (a negación: no contribution history) names the Seguro General."""
    runtime = stations.open(1)
    clerk = sign_in(runtime, *CLERK)
    intake = IntakeService(runtime, clerk)
    path = tmp_path / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    number = intake.register(IntakeForm(
        "", "g.garcia@correo.ec", "", True,
        (intake.attach_file(path, DocumentType.SIGNED_REQUEST),), passport_country="CO",
        passport_number="AB123456", applicant_name="García Márquez Gabriela")).case_number
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).approve(number)
    assert SyncService(runtime).run().online
    with stations.backoffice() as connection:
        move(connection, number, CaseState.EN_ANALISIS)
        issue_agreement(connection, number, random.Random(1), concession=True)
        move(connection, number, CaseState.ACUERDO_EMITIDO)
    assert SyncService(runtime).run().online

    documents = CaseDocumentService(runtime, clerk)
    _reader, slip = read_pdf(documents.status_slip(number).pdf)
    assert "Pasaporte Colombia AB****56" in slip and "Cédula" not in slip
    _reader, acuerdo = read_pdf(documents.agreement(number).pdf)
    flat = " ".join(acuerdo.split())
    assert "con pasaporte Colombia AB****56, pensionista de seguro general" in flat
    assert "Negar la reliquidación" in flat and "cédula" not in flat


def test_a_new_privacy_notice_published_at_central_is_read_at_the_counter(
        stations, tmp_path: Path) -> None:
    """The notice is reference data: central publishes a version, stations pull it, the
    case records the version read and the receipt prints that text."""
    runtime = stations.open(1)
    assert SyncService(runtime).run().online
    clerk = sign_in(runtime, *CLERK)
    intake = IntakeService(runtime, clerk)
    assert intake.privacy_notice().version == CURRENT.version  # seeded by the migration
    dpo = NoticePart("Delegado de protección de datos", "dpd.nuevo@iess.gob.ec", "test")
    parts = tuple(dpo if part.title == dpo.title else part for part in CURRENT.parts)
    newer = PrivacyNotice("LOPDP-2026-2", parts, local(now()).date())  # in force from today
    with stations.maintenance() as connection:
        connection.execute(insert(central.PrivacyNotice).values(
            version=newer.version, valid_from=newer.valid_from, parts=newer.parts_json()))
    assert SyncService(runtime).run().online
    notice = intake.privacy_notice()
    assert notice.version == "LOPDP-2026-2"
    assert ("Delegado de protección de datos", "dpd.nuevo@iess.gob.ec") in notice.paragraphs()

    [cedula] = free_cedulas(runtime, 1)
    path = tmp_path / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    number = intake.register(IntakeForm(
        cedula, "p@correo.ec", "", True, (intake.attach_file(path, DocumentType.SIGNED_REQUEST),),
        privacy_notice=notice.version)).case_number
    _reader, text = read_pdf(ReceiptService(runtime, clerk).render(number, "a4").pdf)
    assert "dpd.nuevo@iess.gob.ec" in text and "Versión LOPDP-2026-2" in text
