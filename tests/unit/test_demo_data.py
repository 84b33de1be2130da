"""The demo registry: valid identity numbers, plausible pensions, determinism, atomic cancel."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Row, Select, func, select
from stdnum.ec import ci, ruc

from desktop.central import demo
from desktop.central.models import (
    Base,
    Centre,
    ContributionDebt,
    ContributionHistory,
    Employer,
    Pension,
    Person,
    Staff,
)
from desktop.db.engines import create_app_engine, sqlite_url
from desktop.db.migrate import upgrade
from desktop.errors import Cancelled
from desktop.progress import CancelToken
from desktop.security.passwords import verify_password

PENSIONERS = 2000
TABLES = (Centre, Staff, Person, Pension, Employer, ContributionDebt)


def _central(path: Path) -> Engine:
    engine = create_app_engine(sqlite_url(path))
    upgrade(engine, "desktop.central:migrations")
    return engine


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One populated central for the read-only checks (populating is the slow part)."""
    engine = _central(tmp_path_factory.mktemp("demo") / "central.sqlite3")
    demo.populate(engine, pensioners=PENSIONERS)
    yield engine
    engine.dispose()


@pytest.fixture
def empty_central(tmp_path: Path) -> Iterator[Engine]:
    engine = _central(tmp_path / "central.sqlite3")
    yield engine
    engine.dispose()


def _scalars(engine: Engine, query: Select[Any]) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(query).scalars())


def _count(engine: Engine, model: type[Base]) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


def _people_digest(engine: Engine) -> str:
    with engine.connect() as connection:
        rows = connection.execute(select(Person).order_by(Person.cedula)).all()
    return hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()


def test_counts_include_pensioners_and_other_people(registry: Engine) -> None:
    pensions = _count(registry, Pension)
    people = _count(registry, Person)
    assert pensions == PENSIONERS
    assert people - pensions == round(PENSIONERS * demo.NON_PENSIONER_SHARE)
    assert _count(registry, Employer) == demo.EMPLOYER_COUNT


def test_centres_are_quito_and_guayaquil_with_three_counters(registry: Engine) -> None:
    with registry.connect() as connection:
        centres = connection.execute(select(Centre.code, Centre.city, Centre.counters)).all()
    assert sorted(centres) == [("GYE01", "Guayaquil", 3), ("UIO01", "Quito", 3)]


def test_every_cedula_is_valid_and_many_provinces_appear(registry: Engine) -> None:
    cedulas = _scalars(registry, select(Person.cedula))
    assert all(ci.is_valid(number) for number in cedulas)
    provinces = {number[:2] for number in cedulas}
    assert len(provinces) >= 10
    assert {"17", "09"} <= provinces


def test_every_ruc_is_valid_and_all_three_structures_appear(registry: Engine) -> None:
    rucs = _scalars(registry, select(Employer.ruc))
    assert all(ruc.is_valid(number) for number in rucs)
    third_digits = {number[2] for number in rucs}
    assert {"6", "9"} <= third_digits
    assert third_digits - {"6", "9"}, "no natural-person RUC"


def test_pension_kinds_states_and_ranges(registry: Engine) -> None:
    with registry.connect() as connection:
        rows = connection.execute(
            select(Pension, Person.birth_date).join(Person, Person.cedula == Pension.cedula)
        ).all()
    kinds = {row.pension_type for row in rows}
    assert kinds == {"VEJEZ", "INVALIDEZ", "VIUDEZ", "ORFANDAD"}
    assert {row.state for row in rows} == {"ACTIVA", "SUSPENDIDA"}
    vejez = [row for row in rows if row.pension_type == "VEJEZ"]
    assert len(vejez) > len(rows) / 2
    for row in rows:
        assert date(1995, 1, 1) <= row.granted_on <= date(2026, 10, 31)
        assert row.birth_date < row.granted_on
        assert 241 <= row.monthly_amount <= 2651
        assert row.monthly_amount == round(row.monthly_amount, 2)
    for row in vejez:
        assert 120 <= row.contribution_months <= 520
        assert date(1930, 11, 1) <= row.birth_date <= date(1966, 11, 1)
    orphans = [row for row in rows if row.pension_type == "ORFANDAD"]
    assert all(row.birth_date >= date(2000, 11, 1) for row in orphans)


def test_debts_cover_active_and_suspended_pensioners_within_ten_years(registry: Engine) -> None:
    with registry.connect() as connection:
        debts = connection.execute(
            select(ContributionDebt, Pension.state).join(
                Pension, Pension.cedula == ContributionDebt.cedula
            ).where(ContributionDebt.settled_on.is_(None))
        ).all()
    assert debts
    assert {debt.state for debt in debts} == {"ACTIVA", "SUSPENDIDA"}
    for debt in debts:
        assert "2016-11" <= debt.period_from <= debt.period_to <= "2026-10"
        assert debt.amount > 0
    indebted = {debt.cedula for debt in debts}
    assert 0.03 < len(indebted) / PENSIONERS < 0.09


def test_names_are_in_natural_case_with_accents(registry: Engine) -> None:
    with registry.connect() as connection:
        names = connection.execute(select(Person.given_names, Person.surnames)).all()
    assert any(not (given + surnames).isascii() for given, surnames in names)
    assert any("ñ" in surnames for _given, surnames in names)
    assert all(len(surnames.split()) == 2 for _given, surnames in names)
    assert all(given[0].isupper() and not given.isupper() for given, _surnames in names)


def test_demo_logins_exist_with_verifiable_hashes(registry: Engine) -> None:
    with registry.connect() as connection:
        staff = {row.username: row for row in connection.execute(select(Staff)).all()}
    assert len(demo.DEMO_LOGINS) == 6
    assert set(staff) == {login.username for login in demo.DEMO_LOGINS}
    for login in demo.DEMO_LOGINS:
        row = staff[login.username]
        assert row.role == login.role.value
        assert row.centre_code == login.centre_code
        assert row.full_name == login.full_name
        assert row.active
        assert verify_password(row.password_hash, login.password)
        assert not verify_password(row.password_hash, login.password + "x")


def test_find_samples_returns_one_cedula_of_each_kind(registry: Engine) -> None:
    samples = demo.find_samples(registry)
    with registry.connect() as connection:

        def pension(cedula: str) -> Row[Any] | None:
            return connection.execute(select(Pension).where(Pension.cedula == cedula)).first()

        def debts(cedula: str) -> int:
            query = select(func.count()).where(ContributionDebt.cedula == cedula,
                                               ContributionDebt.settled_on.is_(None))
            return connection.execute(query).scalar_one()

        assert pension(samples.eligible).state == "ACTIVA"
        assert debts(samples.eligible) == 0
        assert pension(samples.pending_contributions).state == "ACTIVA"
        assert debts(samples.pending_contributions) >= 1
        assert pension(samples.suspended).state == "SUSPENDIDA"
        assert debts(samples.suspended) == 0
        assert pension(samples.not_pensioner) is None
        person = select(Person.cedula).where(Person.cedula == samples.not_pensioner)
        assert connection.execute(person).first() is not None


def test_same_seed_gives_the_same_people(tmp_path: Path) -> None:
    digests = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        engine = _central(tmp_path / f"{name}.sqlite3")
        demo.populate(engine, pensioners=500, seed=seed)
        digests.append(_people_digest(engine))
        engine.dispose()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_populate_refuses_a_populated_database(empty_central: Engine) -> None:
    assert not demo.is_populated(empty_central)
    demo.populate(empty_central, pensioners=50)
    assert demo.is_populated(empty_central)
    with pytest.raises(ValueError, match="already"):
        demo.populate(empty_central, pensioners=50)
    assert _count(empty_central, Pension) == 50


def test_tiny_registry_still_has_every_sample(empty_central: Engine) -> None:
    demo.populate(empty_central, pensioners=3)
    samples = demo.find_samples(empty_central)
    assert len({*vars(samples).values()}) == 4


def test_cancel_after_the_first_batch_leaves_the_schema_empty(
    empty_central: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH_ROWS", 200)
    token = CancelToken()
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, label: str) -> None:
        calls.append((done, total, label))
        if done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        demo.populate(empty_central, pensioners=1000, progress=progress, cancel=token)
    assert [done for done, _total, _label in calls] == [0, 200]
    assert calls[-1][1:] == (1000, "Generando pensionistas…")
    assert {model.__tablename__: _count(empty_central, model) for model in TABLES} == {
        model.__tablename__: 0 for model in TABLES
    }
    assert not demo.is_populated(empty_central)


def test_settled_debts_come_with_a_history_marking_the_late_months(registry: Engine) -> None:
    """The realistic applicants: the employer paid late; the preview needs their history."""
    with registry.connect() as connection:
        rows = connection.execute(
            select(ContributionDebt, Pension.granted_on, Pension.state,
                   ContributionHistory.months, ContributionHistory.late)
            .join(Pension, Pension.cedula == ContributionDebt.cedula)
            .join(ContributionHistory, ContributionHistory.cedula == ContributionDebt.cedula)
            .where(ContributionDebt.settled_on.is_not(None))
        ).all()
    assert 0.05 < len(rows) / PENSIONERS < 0.15
    for row in rows:
        assert row.state == "ACTIVA"
        late = row.late.split(";")
        assert (late[0], late[-1]) == (row.period_from, row.period_to)
        months = [item.split(":")[0] for item in row.months.split(";")]
        assert set(late) <= set(months) and months == sorted(months)
        assert months[-1] < f"{row.granted_on:%Y-%m}"  # contributions end before the pension
        assert row.settled_on >= date(2025, 1, 1)


def test_demo_names_sample_cedulas_that_can_still_file(home, runtime, clerk, samples,
                                                       signed_form):
    """`ventanilla demo` again after the eligible sample filed: it names the next one."""
    from desktop.domain.checklist import DocumentType
    from desktop.services.demo import setup_demo
    from desktop.services.intake import IntakeForm, IntakeService

    intake = IntakeService(runtime, clerk)
    document = intake.attach_file(signed_form, DocumentType.SIGNED_REQUEST)
    intake.register(IntakeForm(samples["eligible"], "ana@correo.ec", "0991234567", True,
                               (document,)))  # not synced yet: only this station knows
    again = setup_demo(home).samples
    assert again.eligible != samples["eligible"]
    assert intake.lookup(again.eligible).open_case is None
    assert intake.lookup(again.eligible).verdict.eligible
