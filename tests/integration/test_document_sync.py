"""A document added to a registered case reaches central (SQLite and PostgreSQL centrals).

Central applies `case.document_added` only when the file is complete there (else the event
comes back later, nothing recorded), only for a case it has, and not for a closed case.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.capture.draft import DraftDocument
from desktop.capture.scanners import ScannedPage
from desktop.central import models as central
from desktop.central.apply import APPLIED, REFUSED, Envelope, RetryLater, apply_event
from desktop.central.backoffice import move
from desktop.domain.cases import CaseState
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.documents import DOCUMENT_ADDED, DocumentService
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from desktop.store import models as cache
from desktop.sync.push import upload_blob
from tests.page_images import form_page
from tests.services import file_withdrawal_at_central
from tests.support.accounts import CLERK
from tests.support.stations import free_cedulas


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def draft(document_type: DocumentType, pages: int = 1) -> DraftDocument:
    made = DraftDocument(document_type)
    for number in range(1, pages + 1):
        made.add_scan(ScannedPage(form_page(dpi=100), 100, number))
    return made


def registered_case(runtime: Any) -> tuple[str, DocumentService]:
    clerk = sign_in(runtime, *CLERK)
    documents = DocumentService(runtime, clerk)
    form = documents.store(draft(DocumentType.SIGNED_REQUEST))
    [cedula] = free_cedulas(runtime, 1)
    case = IntakeService(runtime, clerk).register(
        IntakeForm(cedula, "persona@correo.ec", "0991234567", True, (form,)))
    return case.case_number, documents


def central_documents(runtime: Any, number: str) -> list[Any]:
    with runtime.central().connect() as connection:
        return list(connection.execute(
            select(central.CaseDocument).where(central.CaseDocument.case_number == number)
            .order_by(central.CaseDocument.id)))


def pending_event(runtime: Any) -> Envelope:
    with runtime.db.read() as session:
        event = session.scalars(select(cache.OutboxEvent).where(
            cache.OutboxEvent.event_type == DOCUMENT_ADDED)).one()
        return Envelope(event.event_id, event.event_type, event.case_number, event.payload,
                        event.actor, event.workstation, event.created_at)


def test_an_added_document_reaches_central_with_its_file(stations):
    runtime = stations.open(1)
    number, documents = registered_case(runtime)
    added = documents.add_to_case(number, draft(DocumentType.EMPLOYER_PAYMENT_PROOF, 2))
    report = SyncService(runtime).run()
    assert report.online, report.message
    rows = central_documents(runtime, number)
    assert [(row.document_type, row.pages, row.source) for row in rows] == [
        ("SOLICITUD_FIRMADA", 1, "escaner"), ("COMPROBANTE_PAGO_EMPLEADOR", 2, "escaner")]
    assert rows[1].sha256 == added.document.sha256
    assert rows[1].added_at == added.added_at


def test_central_waits_for_the_file_and_applies_the_event_once(stations):
    runtime = stations.open(1)
    number, documents = registered_case(runtime)
    SyncService(runtime).run()  # the case is at central
    added = documents.add_to_case(number, draft(DocumentType.OTHER_ANNEX))
    envelope = pending_event(runtime)
    with pytest.raises(RetryLater):
        apply_event(runtime.central(), envelope)
    assert len(central_documents(runtime, number)) == 1
    upload_blob(runtime.central(), runtime.blobs, added.document.sha256)
    assert apply_event(runtime.central(), envelope).status == APPLIED
    again = apply_event(runtime.central(), envelope)
    assert again.repeated and len(central_documents(runtime, number)) == 2


def test_central_refuses_a_document_for_a_closed_case(stations):
    runtime = stations.open(1)
    number, documents = registered_case(runtime)
    SyncService(runtime).run()
    added = documents.add_to_case(number, draft(DocumentType.OTHER_ANNEX))
    with stations.maintenance() as connection:  # the citizen's signed withdrawal, on file
        file_withdrawal_at_central(connection, number)
    with stations.backoffice() as connection:  # the citizen withdrew, centrally
        assert move(connection, number, CaseState.DESISTIDO, reason="Desistimiento escrito")
    upload_blob(runtime.central(), runtime.blobs, added.document.sha256)
    outcome = apply_event(runtime.central(), pending_event(runtime))
    assert outcome.status == REFUSED and "ya no admite documentos" in outcome.reason
    assert len(central_documents(runtime, number)) == 2  # the request and the withdrawal


def test_a_document_added_later_reaches_the_other_stations(stations):
    first, second = stations.open(1), stations.open(2)
    number, documents = registered_case(first)
    assert SyncService(first).run().online
    assert SyncService(second).run().online
    with second.db.read() as session:
        before = session.scalar(select(cache.Case).where(cache.Case.case_number == number))
        assert len(before.documents) == 1
    documents.add_to_case(number, draft(DocumentType.EMPLOYER_PAYMENT_PROOF, pages=2))
    assert SyncService(first).run().online
    assert SyncService(second).run().online
    with second.db.read() as session:
        after = session.scalar(select(cache.Case).where(cache.Case.case_number == number))
        assert sorted(d.document_type for d in after.documents) == sorted(
            [DocumentType.SIGNED_REQUEST.value, DocumentType.EMPLOYER_PAYMENT_PROOF.value])
