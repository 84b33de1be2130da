"""Registering through the service: the happy path writes everything at once; every bad
input has its own Spanish message and leaves the database as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.checklist import DocumentType
from desktop.domain.numbering import parse_case_number
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.store import models
from tests.support.accounts import ADMIN, SUPERVISOR
from tests.support.checks import refused
from tests.support.files import make_pdf

WRITTEN = (models.Case, models.CaseDocument, models.CaseEvent, models.OutboxEvent,
           models.CounterSequence)


def counts(runtime) -> dict[str, int]:
    with runtime.db.read() as session:
        result = {table.__tablename__: session.scalar(select(func.count()).select_from(table))
                  for table in WRITTEN}
        result["case_audit"] = session.scalar(
            select(func.count()).select_from(models.AuditEntry)
            .where(models.AuditEntry.action == "case.registered"))
        return result


@pytest.fixture
def service(runtime, clerk) -> IntakeService:
    return IntakeService(runtime, clerk)


@pytest.fixture
def form(service, samples, signed_form: Path) -> IntakeForm:
    document = service.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    return IntakeForm(cedula=samples["eligible"], email="maria.perez@correo.ec",
                      phone="0991234567", cedula_verified=True, documents=(document,))


def test_register_writes_case_documents_history_audit_and_outbox_together(service, form,
                                                                          runtime):
    before = counts(runtime)
    case = service.register(form)
    after = counts(runtime)
    # registered and sent to review in the same act: two history and two outbox events
    assert {key: after[key] - before[key] for key in after} == {
        "cases": 1, "case_documents": 1, "case_events": 2, "outbox": 2,
        "counter_sequences": 1, "case_audit": 1}
    number = parse_case_number(case.case_number)
    assert (number.centre, number.counter, number.sequence) == ("UIO01", 1, 1)
    with runtime.db.read() as session:
        event, sent = session.scalars(select(models.OutboxEvent)
                                      .order_by(models.OutboxEvent.seq)).all()
        assert event.event_type == "case.registered"
        assert event.payload["state"] == "INGRESADO"
        assert (sent.event_type, sent.payload["to_state"]) == ("case.transition", "EN_REVISION")
        assert event.payload["case_number"] == case.case_number
        assert event.payload["documents"][0]["sha256"] == form.documents[0].sha256
        stored = session.scalar(select(models.Case))
        assert stored.phone == "+593991234567"
        assert stored.state == "EN_REVISION"


def test_numbers_follow_per_counter_and_survive_a_lost_sequence_row(service, form, runtime,
                                                                    samples, home):
    first = service.register(form)
    # a second eligible person: any active pensioner without debts and without a case
    with runtime.db.read() as session:
        other = session.scalar(
            select(models.Pensioner.cedula)
            .where(models.Pensioner.pension_state == "ACTIVA",
                   models.Pensioner.cedula != samples["eligible"],
                   ~models.Pensioner.cedula.in_(select(models.ContributionDebt.cedula)))
            .limit(1))
    with runtime.db.write() as session, session.begin():
        session.execute(models.CounterSequence.__table__.delete())
    second = service.register(dataclasses.replace(form, cedula=other))
    assert parse_case_number(second.case_number).sequence == (
        parse_case_number(first.case_number).sequence + 1)


def test_open_case_blocks_a_duplicate_and_is_shown(service, form, runtime):
    case = service.register(form)
    lookup = service.lookup(form.cedula)
    assert lookup.open_case is not None and lookup.open_case.case_number == case.case_number
    assert not lookup.can_register
    before = counts(runtime)
    with refused(ValidationError, "Ya existe el trámite"):
        service.register(form)
    assert counts(runtime) == before


BAD_INPUTS = [
    ("cedula", "171430710", "10 dígitos"),
    ("cedula", "2512345675", "no corresponden a ninguna provincia"),
    ("cedula", "1714307104", "dígito verificador"),
    ("cedula", "17143071AB", "solo puede contener dígitos"),
    ("email", "maria.perez@", "correo electrónico no es válido"),
    ("email", "", "correo electrónico es obligatorio"),
    ("phone", "12", "no es un número válido"),
    ("phone", "+14155552671", "otro país"),
    ("phone", "09912345ab", "solo puede contener dígitos"),
    ("passport_number", "AB123456", "Elija el país"),
    ("privacy_notice", "", "aviso de privacidad"),
    ("employer_ruc", "1714307104001", "RUC no coincide"),
    ("employer_ruc", "17143071", "13 dígitos"),
    ("periods", "2023-13", "no existe"),
    ("periods", "2024-05 a 2023-01", "termina antes de empezar"),
    ("periods", "desde enero", "No se entiende"),
    ("cedula_verified", False, "cédula original"),
    ("documents", (), "Falta el documento obligatorio"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_INPUTS,
                         ids=[f"{f}={v!r}" for f, v, _ in BAD_INPUTS])
def test_each_bad_input_has_its_message_and_changes_nothing(service, form, runtime, field,
                                                            value, message):
    before = counts(runtime)
    with refused(ValidationError, message):
        service.register(dataclasses.replace(form, **{field: value}))
    assert counts(runtime) == before


@pytest.mark.parametrize(("kind", "message"), [
    ("not_pensioner", "No consta como pensionista"),
    ("suspended", "pensión está suspendida"),
    ("pending", "Aportes pendientes del empleador"),
])
def test_an_unconfirmed_requirement_is_a_warning_that_travels_with_the_case(
        service, form, runtime, samples, kind, message):
    """A public counter takes every petition (issue 11): the verdict becomes a warning,
    kept with the case, audited, and sent to central in the registration event."""
    lookup = service.lookup(samples[kind])
    assert not lookup.verdict.eligible and lookup.can_register
    assert message in lookup.warning
    name = "" if kind != "not_pensioner" else "Pérez Gómez María José"
    case = service.register(dataclasses.replace(form, cedula=samples[kind],
                                                applicant_name=name))
    with runtime.db.read() as session:
        stored = session.scalar(select(models.Case).where(
            models.Case.case_number == case.case_number))
        entry = session.scalar(select(models.AuditEntry).where(
            models.AuditEntry.action == "eligibility.warning"))
        event = session.scalar(select(models.OutboxEvent).where(
            models.OutboxEvent.case_number == case.case_number))
    assert message in stored.eligibility_warning
    assert stored.privacy_notice == form.privacy_notice != ""
    assert any(message in reason for reason in entry.details["reasons"])
    assert message in event.payload["eligibility_warning"]
    if kind == "not_pensioner":  # the registry does not know them: the name as typed
        assert stored.applicant_name == "PÉREZ GÓMEZ MARÍA JOSÉ"
        assert stored.pension_type == ""


def test_a_person_the_registry_does_not_know_needs_a_typed_name(service, form, runtime,
                                                                  samples):
    before = counts(runtime)
    with refused(ValidationError, "nombres y apellidos completos"):
        service.register(dataclasses.replace(form, cedula=samples["not_pensioner"]))
    assert counts(runtime) == before


def test_an_eligible_pensioner_carries_no_warning(service, form, runtime):
    case = service.register(form)
    with runtime.db.read() as session:
        stored = session.scalar(select(models.Case).where(
            models.Case.case_number == case.case_number))
    assert stored.eligibility_warning == ""


def test_phone_is_optional_and_a_landline_is_accepted(service, form, runtime, samples):
    first = service.register(dataclasses.replace(form, phone=""))
    second = service.register(dataclasses.replace(form, cedula=samples["pending"],
                                                  phone="02 234 5678"))
    with runtime.db.read() as session:
        phones = {row[0]: row[1] for row in session.execute(
            select(models.Case.case_number, models.Case.phone))}
    assert phones[first.case_number] == ""
    assert phones[second.case_number] == "+59322345678"


def test_a_blob_lost_before_registering_is_reported(service, form, runtime):
    runtime.blobs.path_for(form.documents[0].sha256).unlink()
    before = counts(runtime)
    with refused(ValidationError, "adjúntelo de nuevo"):
        service.register(form)
    assert counts(runtime) == before


def test_an_administrator_may_not_register(runtime, form):
    admin = sign_in(runtime, *ADMIN)
    with refused(PermissionDenied, "no permite"):
        IntakeService(runtime, admin).register(form)


def test_a_supervisor_may_register(runtime, form):
    supervisor = sign_in(runtime, *SUPERVISOR)
    assert IntakeService(runtime, supervisor).register(form).case_number.startswith("REL-UIO01")


def test_attach_refuses_a_bad_file_and_stores_nothing(service, runtime, tmp_path):
    bad = tmp_path / "solicitud.pdf"
    bad.write_bytes(make_pdf()[:200])
    with refused(ValidationError, "incompleto o dañado"):
        service.attach_file(bad, DocumentType.SIGNED_REQUEST)
    assert not any(path.is_file() for path in runtime.blobs.root.rglob("*"))
