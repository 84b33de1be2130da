"""`ventanilla demo --cases N` also records the attentions behind those cases and a few
complaints (issue 13), at the demo central and pulled into the station; the next complaint
at the counter takes the next number."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from desktop.central import models as central
from desktop.domain.complaints import parse_complaint_number
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.demo_cases import add_bulk_demo_cases
from desktop.store import models as cache


def test_bulk_demo_cases_bring_their_attentions_and_complaints(runtime, clerk):
    made = add_bulk_demo_cases(runtime, 120, seed=5)
    with runtime.central().connect() as connection:
        kinds = Counter(connection.scalars(select(central.AttentionAction.kind)))
        registered = set(connection.scalars(select(central.AttentionAction.case_number).where(
            central.AttentionAction.kind == "registro")))
        attentions = connection.execute(select(central.Attention)).all()
        complaints = connection.execute(select(central.Complaint)).all()
        cases = set(connection.scalars(select(central.Case.case_number)))
    assert kinds["registro"] == made.registered == len(registered) and registered <= cases
    assert kinds["consulta"] > 0 and kinds["informacion"] + kinds["rechazo"] > 0
    assert len(complaints) == kinds["queja"] > 0
    assert all(a.ended_at > a.started_at for a in attentions)
    assert any(a.turno_booked_at is not None for a in attentions)
    assert {c.state for c in complaints} <= {"registrada", "asignada", "cerrada"}
    with runtime.db.read() as session:  # pulled into this station (its centre's)
        assert session.scalar(select(func.count()).select_from(cache.Attention)) == len(
            attentions)
        assert session.scalar(select(func.count()).select_from(cache.AttentionAction)) == sum(
            kinds.values())
        assert session.scalar(select(func.count()).select_from(cache.Complaint)) == len(
            complaints)
    newest = max((c.year, c.sequence) for c in complaints)
    following = ComplaintService(runtime, clerk).register(ComplaintForm(
        "ventanilla", "otra", "Una queja más, después de las de demostración."))
    number = parse_complaint_number(following.number)
    assert (number.year, number.sequence) in {(newest[0], newest[1] + 1), (number.year, 1)}


def test_demo_cases_through_the_services_close_one_attention_each(runtime):
    from desktop.services.attentions import ATTENTION_RECORDED
    from desktop.services.demo_cases import register_demo_cases

    made = register_demo_cases(runtime, 10, seed=4)
    with runtime.db.read() as session:
        events = [e.payload for e in session.scalars(select(cache.OutboxEvent).where(
            cache.OutboxEvent.event_type == ATTENTION_RECORDED))]
        complaints = session.scalar(select(func.count()).select_from(cache.Complaint))
    assert len(events) == made.registered == 10
    assert Counter(a["kind"] for e in events for a in e["actions"]) == {"registro": 10,
                                                                        "queja": 1}
    assert complaints == 1
    with runtime.db.read() as session:  # nothing left open at the counter
        assert session.scalar(select(func.count()).select_from(cache.Attention).where(
            cache.Attention.ended_at.is_(None))) == 0
