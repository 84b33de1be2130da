"""Attentions and complaints travel like any change (issue 13), on both centrals, stations
connected through their centre logins: central keeps a closed attention and every step of a
complaint; another counter of the centre pulls them (a supervisor there answers and
closes); another centre sees none of it, and on PostgreSQL its login cannot read them at
central either. A station whose clock ran ahead has its attention refused."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desktop.central import models as central
from desktop.db.engines import create_app_engine
from desktop.domain.attentions import Kind
from desktop.domain.complaints import ComplaintState
from desktop.services.attentions import AttentionService
from desktop.services.auth import sign_in
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.sync import SyncService
from desktop.store import models as cache
from desktop.sync.verify import verify
from tests.conftest import CLERK, CLERK_GYE, SUPERVISOR
from tests.integration.test_reinit_and_clock import ShiftedClock


def _count(runtime, table) -> int:
    with runtime.db.read() as session:
        return session.scalar(select(func.count()).select_from(table))


def _complaint(runtime, number: str) -> cache.Complaint:
    with runtime.db.read() as session:
        return session.get(cache.Complaint, number)


def test_attentions_and_complaints_reach_central_and_the_centres_counters(stations):
    first = stations.open(1)
    clerk = sign_in(first, *CLERK)
    attentions = AttentionService(first, clerk)
    attentions.open("T-UIO01-20261205-0930-017")
    complaint = ComplaintService(first, clerk).register(ComplaintForm(
        "ventanilla", "espera", "Tenía turno a las 09:30 y me atendieron a las 11:00.",
        contact_email="quien.reclama@correo.ec"))
    attentions.close()
    attentions.open("")
    attentions.close(Kind.TURNED_AWAY, "Vino por otro trámite (jubilación por invalidez).")
    ComplaintService(first, sign_in(first, *SUPERVISOR)).assign(complaint.number,
                                                               clerk.username)
    report = SyncService(first).run()
    assert report.online and report.refused == 0 and report.pushed == 4, report.message

    with stations.backoffice() as connection:
        rows = connection.execute(select(
            central.Attention.attention_id, central.Attention.turno_code,
            central.Attention.turno_booked_at, central.Attention.started_at,
            central.Attention.ended_at).order_by(central.Attention.started_at)).all()
        actions = connection.execute(select(
            central.AttentionAction.attention_id, central.AttentionAction.kind,
            central.AttentionAction.case_number, central.AttentionAction.note)).all()
        state, assigned = connection.execute(select(
            central.Complaint.state, central.Complaint.assigned_to).where(
            central.Complaint.number == complaint.number)).one()
    assert [row.turno_code for row in rows] == ["T-UIO01-20261205-0930-017", ""]
    assert rows[0].turno_booked_at is not None and rows[1].turno_booked_at is None
    assert all(row.ended_at >= row.started_at for row in rows)
    assert sorted((a.kind, a.note) for a in actions) == [
        ("queja", complaint.number),
        ("rechazo", "Vino por otro trámite (jubilación por invalidez).")]
    assert (state, assigned) == (ComplaintState.ASSIGNED.value, clerk.username)

    second = stations.open(2)  # another counter of the centre: its supervisor answers
    assert _count(second, cache.Attention) == 2 and _count(second, cache.AttentionAction) == 2
    assert _complaint(second, complaint.number).state == ComplaintState.ASSIGNED.value
    handling = ComplaintService(second, sign_in(second, *SUPERVISOR))
    handling.answer(complaint.number, "Se reforzó la atención en horas de mayor demanda.")
    handling.close(complaint.number)
    report = SyncService(second).run()
    assert report.online and report.refused == 0, report.message
    # meanwhile the first counter's supervisor, not synced since, answers it too: central
    # refuses that step and the first counter takes central's complaint back
    ComplaintService(first, sign_in(first, *SUPERVISOR)).answer(
        complaint.number, "Respuesta escrita sin saber que ya se había respondido.")
    report = SyncService(first).run()
    assert report.online and report.refused == 1, report.message
    [problem] = SyncService(first).problems()
    assert "no se puede pasar" in problem.reason
    closed = _complaint(first, complaint.number)
    assert closed.state == ComplaintState.CLOSED.value and closed.closed_at is not None
    assert closed.answer.startswith("Se reforzó")
    result = verify(second.central(), second.db, "UIO01")  # holds what central holds
    assert result.clean, result.differences
    assert {"Queja", "Atención"} <= set(result.compared), result.compared
    result = verify(first.central(), first.db, "UIO01")  # only the refused step stands out
    assert len(result.differences) == 1 and "rechaz" in result.differences[0], \
        result.differences

    guayaquil = stations.open(1, "GYE01")
    sign_in(guayaquil, *CLERK_GYE)
    assert _count(guayaquil, cache.Attention) == 0 and _count(guayaquil, cache.Complaint) == 0
    if stations.logins:  # PostgreSQL: row security, whatever code the station runs
        engine = create_app_engine(stations.station_url("GYE01"))
        try:
            with engine.connect() as connection:
                for table in (central.Attention, central.AttentionAction, central.Complaint):
                    assert connection.scalar(select(func.count()).select_from(table)) == 0
        finally:
            engine.dispose()
        engine = create_app_engine(stations.station_url("UIO01"))
        try:
            with engine.connect() as connection:
                assert connection.scalar(select(func.count()).select_from(
                    central.AttentionAction)) == 2
        finally:
            engine.dispose()


def test_an_attention_dated_in_the_future_is_refused(stations, monkeypatch):
    runtime = stations.open(1)
    assert SyncService(runtime).run().online
    clerk = sign_in(runtime, *CLERK)
    shifted = ShiftedClock(monkeypatch)
    shifted.set(timedelta(days=2))
    attentions = AttentionService(runtime, clerk)
    attentions.open("A-1")
    attentions.close(Kind.INFORMATION)
    shifted.reset()
    report = SyncService(runtime).run()
    assert report.online and report.refused == 1, report.message
    [problem] = SyncService(runtime).problems()
    assert "posterior a la hora de la central" in problem.reason
    with stations.backoffice() as connection:
        assert connection.scalar(select(func.count()).select_from(central.Attention)) == 0
