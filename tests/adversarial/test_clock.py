"""Workstation clocks that are wrong: each row sets this station's clock off by some amount
(central, the PostgreSQL server, keeps the true time) and says what must happen. Beyond the
tolerance central allows (5 minutes unless `central init --max-clock-skew` says otherwise)
the round sends nothing and says by how much the clock is off; within it, it syncs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desktop import clock
from desktop.central import models as central
from desktop.domain.checklist import DocumentType
from desktop.services.auth import sign_in
from desktop.services.intake import IntakeForm, IntakeService
from desktop.services.sync import SyncService
from tests.support.accounts import CLERK
from tests.support.files import make_pdf
from tests.support.stations import free_cedulas

ON_POSTGRESQL = pytest.mark.parametrize("central_url", ["postgresql"], indirect=True)


def shift(monkeypatch: pytest.MonkeyPatch, offset: timedelta) -> None:
    class Shifted(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:  # type: ignore[override]
            return datetime.now(tz) + offset

    monkeypatch.setattr(clock, "datetime", Shifted)


def register(runtime: Any, folder: Any) -> str:
    intake = IntakeService(runtime, sign_in(runtime, *CLERK))
    path = folder / "solicitud.pdf"
    path.write_bytes(make_pdf(1))
    document = intake.attach_file(path, DocumentType.SIGNED_REQUEST)
    [cedula] = free_cedulas(runtime, 1)
    return intake.register(IntakeForm(cedula, "p@correo.ec", "0991234567", True,
                                      (document,))).case_number


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from desktop.security import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


ROUND = [
    pytest.param(timedelta(days=36_525), "adelantado", id="a-century-ahead"),
    pytest.param(timedelta(days=365), "adelantado", id="a-year-ahead"),
    pytest.param(-timedelta(days=30), "atrasado", id="a-month-behind"),
    pytest.param(timedelta(minutes=10), "adelantado", id="ten-minutes-ahead"),
    pytest.param(-timedelta(minutes=6), "atrasado", id="six-minutes-behind"),
    pytest.param(timedelta(minutes=2), None, id="two-minutes-ahead-is-fine"),
    pytest.param(-timedelta(minutes=2), None, id="two-minutes-behind-is-fine"),
]


@ON_POSTGRESQL
@pytest.mark.parametrize(("offset", "word"), ROUND)
def test_a_round_with_a_wrong_clock(offset, word, stations, tmp_path, monkeypatch):
    runtime = stations.open(1)
    shift(monkeypatch, offset)
    number = register(runtime, tmp_path)
    report = SyncService(runtime).run()
    with stations.backoffice() as connection:
        at_central = connection.scalar(select(central.Case.case_number).where(
            central.Case.case_number == number))
    if word is None:
        # a registration is two events: the case, then its sending to review
        assert report.online and report.pushed == 2, report.message
        assert at_central == number
    else:
        assert not report.online and word in report.message, report.message
        assert "Corrija la fecha y hora del equipo" in report.message
        assert at_central is None  # nothing was sent


@ON_POSTGRESQL
@pytest.mark.parametrize(("offset", "expected"), [
    pytest.param(timedelta(days=36_525), "refused", id="made-a-century-ahead-then-fixed"),
    pytest.param(timedelta(days=2), "refused", id="made-two-days-ahead-then-fixed"),
    pytest.param(-timedelta(days=30), "central-time", id="made-a-month-behind-then-fixed"),
    pytest.param(-timedelta(hours=3), "central-time", id="made-three-hours-behind-then-fixed"),
])
def test_cases_made_under_a_wrong_clock_after_it_is_fixed(offset, expected, stations, tmp_path,
                                                         monkeypatch):
    runtime = stations.open(1)
    assert SyncService(runtime).run().online  # a good round before the clock went wrong
    shift(monkeypatch, offset)
    number = register(runtime, tmp_path)
    monkeypatch.setattr(clock, "datetime", datetime)  # fixed
    report = SyncService(runtime).run()
    assert report.online, report.message
    with stations.backoffice() as connection:
        registered = connection.scalar(select(central.Case.registered_at).where(
            central.Case.case_number == number))
    if expected == "refused":
        assert report.refused == 1 and registered is None, report.message
    else:
        assert report.pushed == 2 and registered is not None, report.message
        assert abs(registered - datetime.now(UTC)) < timedelta(minutes=5)
