"""The working-day calendar from the project's own holiday table (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.db.migrate import alembic_config
from desktop.domain.calendar import NATIONAL_CALENDAR, WorkingCalendar
from desktop.domain.holiday_table import NATIONAL


def test_decree_bridge_day_and_moved_holidays():
    calendar = NATIONAL_CALENDAR
    assert not calendar.is_working_day(date(2026, 1, 2))  # Decreto Ejecutivo 249 (a Friday)
    assert calendar.is_working_day(date(2025, 5, 1))  # Thursday 1 May 2025 was worked...
    assert not calendar.is_working_day(date(2025, 5, 2))  # ...the rest moved to Friday
    assert calendar.is_working_day(date(2025, 5, 24)) is False  # a Saturday anyway
    assert not calendar.is_working_day(date(2025, 5, 23))  # moved from Saturday 24


def test_no_invented_moves_of_christmas_and_new_year_2027():
    """25 Dec and 1 Jan are not moved (R.O. 906, 2016): Fridays 24 and 31 Dec 2027 are
    working days (the `holidays` package made them days off)."""
    assert NATIONAL_CALENDAR.is_working_day(date(2027, 12, 24))
    assert NATIONAL_CALENDAR.is_working_day(date(2027, 12, 31))


def test_every_row_has_a_source_and_falls_on_a_weekday():
    for row in NATIONAL:
        assert row.source.strip() and row.name.strip(), row
        assert row.day.weekday() < 5, row  # a rested day is a weekday by construction
    assert len({row.day for row in NATIONAL}) == len(NATIONAL)


def test_working_days_between_and_add_working_days_agree():
    calendar = NATIONAL_CALENDAR
    start = date(2025, 12, 15)
    for n in range(0, 60):
        end = calendar.add_working_days(start, n)
        assert calendar.working_days_between(start, end) == n
        assert n == 0 or calendar.is_working_day(end)
    # Wed 31 Dec 2025 + 1: Thu 1 Jan (Año Nuevo), Fri 2 Jan (Decreto 249), weekend, Mon 5
    assert calendar.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert calendar.working_days_between(date(2025, 12, 31), date(2026, 1, 5)) == 1
    with pytest.raises(ValueError):
        calendar.add_working_days(start, -1)


def test_a_centre_calendar_adds_its_cantonal_days():
    quito = WorkingCalendar.of([*NATIONAL_CALENDAR.days_off, date(2027, 12, 6)])
    assert not quito.is_working_day(date(2027, 12, 6))
    assert NATIONAL_CALENDAR.is_working_day(date(2027, 12, 6))
    assert quito.working_days_between(date(2027, 12, 3), date(2027, 12, 10)) == (
        NATIONAL_CALENDAR.working_days_between(date(2027, 12, 3), date(2027, 12, 10)) - 1)


def test_weekends_are_never_working_days():
    day = date(2026, 1, 3)
    for offset in range(0, 700, 7):
        assert not NATIONAL_CALENDAR.is_working_day(day + timedelta(days=offset))
        assert not NATIONAL_CALENDAR.is_working_day(day + timedelta(days=offset + 1))


def test_the_migration_seeds_the_same_national_table():
    """The 0011 migration copied the table as data; they must not drift apart."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("desktop.central:migrations"))
    migration = script.get_revision("0011_i11c_states_calendar").module
    seeded = [(date.fromisoformat(day), name, source, assumed)
              for day, name, source, assumed in migration.NATIONAL_ROWS]
    assert seeded == [(row.day, row.name, row.source, row.assumed) for row in NATIONAL]
