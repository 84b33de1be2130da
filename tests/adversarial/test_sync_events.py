"""Damaged sync events: an outbox row edited by hand, left by an old bug, or cut short on the
disk reaches central through a real round. Central refuses it for good with a reason that
names the field, the sync panel shows it in Spanish, and the other events still go."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from desktop.central import models as central
from desktop.domain.outbox import OutboxStatus
from desktop.services.auth import sign_in
from desktop.services.complaints import ComplaintForm, ComplaintService
from desktop.services.sync import SyncService
from desktop.store import models as cache
from tests.support.accounts import CLERK

FORM = ComplaintForm("ventanilla", "espera", "Esperé dos horas para ser atendida.")

DAMAGE = [
    pytest.param(lambda p: {k: v for k, v in p.items() if k != "text"}, "«text»",
                 id="a-field-missing"),
    pytest.param(lambda p: p | {"channel": "paloma mensajera"}, "«channel»",
                 id="a-value-out-of-its-list"),
    pytest.param(lambda p: p | {"registered_at": 20261204}, "«registered_at»",
                 id="a-time-as-a-number"),
    pytest.param(lambda p: ["no", "es", "un", "objeto"], "«payload»", id="not-an-object"),
]


@pytest.mark.parametrize(("damage", "named"), DAMAGE)
def test_a_damaged_event_is_refused_by_name_and_the_others_still_go(runtime, damage, named):
    complaints = ComplaintService(runtime, sign_in(runtime, *CLERK))
    damaged, fine = complaints.register(FORM), complaints.register(FORM)
    with runtime.db.write() as session, session.begin():
        row = session.scalar(select(cache.OutboxEvent).where(
            cache.OutboxEvent.case_number == damaged.number))
        session.execute(update(cache.OutboxEvent).where(
            cache.OutboxEvent.seq == row.seq).values(payload=damage(dict(row.payload))))

    report = SyncService(runtime).run()

    assert report.online, report.message
    [problem] = SyncService(runtime).problems()
    assert problem.status is OutboxStatus.REFUSED
    assert problem.what == "Registro de queja"
    assert "La central no pudo leer el evento «Registro de queja»" in problem.reason
    assert named in problem.reason
    with runtime.central().connect() as connection:
        numbers = set(connection.scalars(select(central.Complaint.number)))
    assert fine.number in numbers and damaged.number not in numbers
