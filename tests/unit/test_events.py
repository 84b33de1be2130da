"""Sync events on the wire: each type reads back what it wrote, an older station's payload
still reads, and anything else is refused with a reason that names the field."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.attentions import Kind
from desktop.domain.cases import CaseState
from desktop.domain.complaints import Category, Channel, ComplaintState
from desktop.domain.event_wire import EventType, MalformedEvent, UnknownEvent, label_of
from desktop.domain.events import (
    EVENT_CLASSES,
    AttentionRecorded,
    AttentionStep,
    CaseRegistered,
    CaseTransition,
    ComplaintRegistered,
    ComplaintStep,
    ContactCorrected,
    DeliveryRecipient,
    DocumentAdded,
    DocumentFile,
    StaffChanged,
    read_event,
)
from desktop.domain.roles import Role

AT = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)
FILE = DocumentFile("CEDULA", "a" * 64, "application/pdf", 2, 12345, "escaner")

EXAMPLES = [
    CaseRegistered(
        case_number="UIO01-01-2026-000001-K", request_type="RELIQUIDACION",
        cedula="1710034065", applicant_name="PEREZ LOPEZ JUAN", pension_type="VEJEZ",
        centre_code="UIO01", counter=1, year=2026, sequence=1, state="INGRESADO",
        registered_at=AT, registered_by="oficinista", email="juan@example.ec",
        phone="0991234567", employer_ruc=None, periods="2019-01 a 2019-12",
        cedula_verified=True, legal_basis="obligación legal", documents=(FILE,),
        eligibility_warning="Aportes pendientes", privacy_notice="2026-1"),
    CaseTransition(CaseState.EN_REVISION, CaseState.NOTIFICADO, Role.CLERK, AT, "entregado",
                   DeliveryRecipient("titular", "PEREZ LOPEZ JUAN", "1710034065")),
    CaseTransition(CaseState.INGRESADO, CaseState.EN_REVISION, Role.CLERK, AT),
    DocumentAdded((DocumentFile("PODER", "b" * 64, "image/png", 1, 99, "archivo",
                                added_by="oficinista", added_at=AT),)),
    ContactCorrected("nuevo@example.ec", "022345678", "1790012345001", "", AT),
    StaffChanged("maria", "MARIA ROSA", "oficinista", "UIO01", True, "$argon2id$x", "UIO01"),
    AttentionRecorded(
        attention_id="3f1c", centre_code="UIO01", workstation="UIO01-01", counter=1,
        clerk="oficinista", turno_code="A-023", turno_booked_at=None, started_at=AT,
        ended_at=AT, actions=(AttentionStep(Kind.STATUS, "UIO01-01-2026-000001-K", "", AT),)),
    ComplaintRegistered(
        number="Q-UIO01-01-2026-00001-7", centre_code="UIO01", channel=Channel.COUNTER,
        category=Category.WAITING, text="Demora en la atención.", complainant_name="",
        complainant_cedula="", contact_email="", contact_phone="", case_number=None,
        registered_by="oficinista", registered_at=AT, due_on=date(2026, 12, 24)),
    ComplaintStep("Q-UIO01-01-2026-00001-7", ComplaintState.ASSIGNED, AT, assigned_to="ana"),
    ComplaintStep("Q-UIO01-01-2026-00001-7", ComplaintState.ANSWERED, AT, answer="Resuelto."),
    ComplaintStep("Q-UIO01-01-2026-00001-7", ComplaintState.CLOSED, AT),
]


def test_every_event_type_has_one_dataclass_and_a_label():
    assert set(EVENT_CLASSES) == set(EventType)
    assert {type(example) for example in EXAMPLES} == set(EVENT_CLASSES.values())
    assert all(label_of(kind.value) != kind.value for kind in EventType)
    assert label_of("something.else") == "something.else"


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda event: type(event).__name__)
def test_an_event_reads_back_what_it_wrote_through_json(event):
    stored = json.loads(json.dumps(event.to_payload()))  # as the outbox keeps it
    assert read_event(event.TYPE.value, stored) == event


def test_the_payload_keeps_the_keys_stations_have_always_sent():
    registered = EXAMPLES[0].to_payload()
    assert registered["registered_at"] == AT.isoformat()
    assert registered["documents"] == [{
        "document_type": "CEDULA", "sha256": "a" * 64, "media_type": "application/pdf",
        "pages": 2, "size_bytes": 12345, "source": "escaner"}]
    assert EXAMPLES[1].to_payload() == {
        "from_state": "EN_REVISION", "to_state": "NOTIFICADO", "reason": "entregado",
        "role": "oficinista", "at": AT.isoformat(),
        "delivery": {"kind": "titular", "name": "PEREZ LOPEZ JUAN", "cedula": "1710034065"}}
    assert "answer" not in EXAMPLES[8].to_payload()


def test_a_registration_from_a_station_older_than_issue_11_still_reads():
    payload = EXAMPLES[0].to_payload()
    for name in (*CaseRegistered.EXTRAS, "override_by", "override_reason"):
        payload.pop(name)
    payload["employer_ruc"] = None
    event = read_event("case.registered", payload)
    assert isinstance(event, CaseRegistered)
    assert event.extras() == dict.fromkeys(CaseRegistered.EXTRAS, "")
    assert (event.override_by, event.employer_ruc) == (None, None)


def test_a_time_without_zone_is_read_as_utc():
    payload = EXAMPLES[2].to_payload() | {"at": "2026-12-04T15:30:00"}
    assert read_event("case.transition", payload) == EXAMPLES[2]


BROKEN = [
    ("case.registered", lambda p: p.pop("case_number"), "case_number", "falta el dato"),
    ("case.registered", lambda p: p.update(counter="1"), "counter", "no es válido"),
    ("case.registered", lambda p: p.update(counter=True), "counter", "no es válido"),
    ("case.registered", lambda p: p.update(cedula_verified="sí"), "cedula_verified",
     "no es válido"),
    ("case.registered", lambda p: p.update(registered_at="ayer"), "registered_at",
     "no es válido"),
    ("case.registered", lambda p: p.update(documents={"a": 1}), "documents", "no es válido"),
    ("case.registered", lambda p: p["documents"][0].pop("sha256"), "documents[0].sha256",
     "falta el dato"),
    ("case.transition", lambda p: p.update(to_state="VOLANDO"), "to_state", "no es válido"),
    ("case.transition", lambda p: p.update(role=None), "role", "no es válido"),
    ("case.transition", lambda p: p.update(delivery="titular"), "delivery", "no es válido"),
    ("attention.recorded", lambda p: p["actions"][0].update(kind="x"), "actions[0].kind",
     "no es válido"),
    ("complaint.registered", lambda p: p.update(due_on="31/12/2026"), "due_on",
     "no es válido"),
    ("complaint.step", lambda p: p.pop("assigned_to"), "assigned_to", "falta el dato"),
]


@pytest.mark.parametrize(("event_type", "damage", "field", "problem"), BROKEN)
def test_a_damaged_payload_is_refused_naming_the_field(event_type, damage, field, problem):
    example = next(e for e in EXAMPLES if e.TYPE.value == event_type)
    payload = json.loads(json.dumps(example.to_payload()))
    damage(payload)
    with pytest.raises(MalformedEvent) as refusal:
        read_event(event_type, payload)
    assert refusal.value.field == field
    assert problem in refusal.value.user_message and field in refusal.value.user_message
    assert "La central no pudo leer el evento" in refusal.value.user_message


@pytest.mark.parametrize("payload", [None, [], "texto", 42])
def test_a_payload_that_is_not_an_object_is_refused(payload):
    with pytest.raises(MalformedEvent, match="no es válido"):
        read_event("case.transition", payload)


def test_an_unknown_event_type_is_refused_by_name():
    with pytest.raises(UnknownEvent) as refusal:
        read_event("case.teleported", {})
    assert "«case.teleported»" in refusal.value.user_message


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, len(EXAMPLES) - 1), key=st.text(max_size=20), value=JSON)
def test_any_one_value_replaced_reads_or_is_refused_never_crashes(index, key, value):
    example = EXAMPLES[index]
    payload = example.to_payload()
    names = sorted(payload)
    payload[names[len(key) % len(names)] if key[:1] != "+" else key] = value
    try:
        event = read_event(example.TYPE.value, payload)
    except MalformedEvent as refusal:
        assert refusal.user_message and refusal.field
    else:
        assert type(event) is type(example)
