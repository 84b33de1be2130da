"""A returned case corrected at one counter travels like any change (issue 9), on both
centrals, stations connected through their centre logins: central takes the new contact data
and the added document before the case is back in review; another counter of the centre
pulls the corrected contact data; another centre still gets none of it. On PostgreSQL the
correction goes through the definer function, which takes only a case waiting at the counter."""

from __future__ import annotations

from sqlalchemy import select

from desktop.central import models as central
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.correction import Contact, CorrectionService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from desktop.services.workflow import WorkflowService
from desktop.store import models as cache
from tests.services import file_withdrawal_at_central
from tests.support.accounts import CLERK, CLERK_GYE, SUPERVISOR
from tests.support.files import make_pdf
from tests.support.stations import free_cedulas


def _cached(runtime, number: str) -> cache.Case:
    with runtime.db.read() as session:
        return session.scalar(select(cache.Case).where(cache.Case.case_number == number))


def test_a_correction_reaches_central_and_the_other_counters(stations, tmp_path):
    first = stations.open(1)
    clerk = sign_in(first, *CLERK)
    intake = IntakeService(first, clerk)
    form = tmp_path / "solicitud.pdf"
    form.write_bytes(make_pdf(1))
    document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
    [cedula] = free_cedulas(first, 1)
    number = intake.register(IntakeForm(cedula, "error@correo.ec", "0991234567", True,
                                        (document,))).case_number
    WorkflowService(first, sign_in(first, *SUPERVISOR)).return_case(
        number, "El correo tiene un error; falta el comprobante de pago")
    assert SyncService(first).run().online

    proof = tmp_path / "comprobante.pdf"
    proof.write_bytes(make_pdf(1, "Comprobante de pago del empleador"))
    added = IntakeService(first, clerk).attach_file(proof, DocumentType.EMPLOYER_PAYMENT_PROOF)
    CorrectionService(first, clerk).resubmit(
        number, Contact("correcto@correo.ec", "0987654321", "", "2024-01 a 2024-06"), (added,))
    report = SyncService(first).run()
    assert report.online and report.refused == 0 and report.pushed == 3, report.message

    with stations.backoffice() as connection:
        row = connection.execute(select(central.Case.state, central.Case.email,
                                        central.Case.periods).where(
            central.Case.case_number == number)).one()
        documents = set(connection.scalars(select(central.CaseDocument.document_type).where(
            central.CaseDocument.case_number == number)))
    assert tuple(row) == (CaseState.EN_REVISION.value, "correcto@correo.ec",
                          "2024-01 a 2024-06")
    assert documents == {DocumentType.SIGNED_REQUEST.value,
                         DocumentType.EMPLOYER_PAYMENT_PROOF.value}

    second = stations.open(2)  # another counter of the centre, pulling from scratch
    assert _cached(second, number).email == "correcto@correo.ec"
    guayaquil = stations.open(1, "GYE01")
    sign_in(guayaquil, *CLERK_GYE)
    assert _cached(guayaquil, number).email == ""  # another centre's applicant: nothing


def test_a_correction_for_a_case_no_longer_at_the_counter_is_refused(stations, tmp_path):
    runtime = stations.open(1)
    clerk = sign_in(runtime, *CLERK)
    intake = IntakeService(runtime, clerk)
    form = tmp_path / "solicitud.pdf"
    form.write_bytes(make_pdf(1))
    document = intake.attach_file(form, DocumentType.SIGNED_REQUEST)
    [cedula] = free_cedulas(runtime, 1)
    number = intake.register(IntakeForm(cedula, "ana@correo.ec", "0991234567", True,
                                        (document,))).case_number
    WorkflowService(runtime, sign_in(runtime, *SUPERVISOR)).return_case(number, "Firma")
    assert SyncService(runtime).run().online
    with stations.maintenance() as connection:  # the signed withdrawal, on file at central
        file_withdrawal_at_central(connection, number)
    with stations.backoffice() as connection:  # the back office ends it meanwhile
        from desktop.central.backoffice import move

        move(connection, number, CaseState.DESISTIDO, "Desiste por escrito")
    CorrectionService(runtime, clerk).resubmit(number, Contact("otro@correo.ec", "0991234567"))
    report = SyncService(runtime).run()
    assert report.online and report.refused >= 1, report.message
    with stations.backoffice() as connection:
        email = connection.scalar(select(central.Case.email).where(
            central.Case.case_number == number))
    assert email == "ana@correo.ec"  # unchanged
