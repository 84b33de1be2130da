"""Working days (días hábiles) in Ecuador: weekdays that are not days off at the centre.

How old a case is counts in working days, as the COA's terms do (DOMAIN.md §3.2). The days
off come from the project's own holiday table (desktop.domain.holiday_table, managed at
central and pulled by stations): national days as rested, with decree moves and bridge
days, and each centre's cantonal days. A `WorkingCalendar` holds one centre's; the
module-level functions use the process's calendar — the national one, or at a station the
one `use_calendar` installed for its centre (desktop.store.centre_locale).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.holiday_table import NATIONAL


@dataclass(frozen=True)
class WorkingCalendar:
    """The days off of one place (national plus, for a centre, its cantonal days)."""

    days_off: frozenset[date]

    @classmethod
    def of(cls, days: Iterable[date]) -> WorkingCalendar:
        return cls(frozenset(days))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 for the same day)."""
        if end <= start:
            return 0
        return sum(1 for offset in range(1, (end - start).days + 1)
                   if self.is_working_day(start + timedelta(days=offset)))

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (a term of n días that starts on `start`)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day


NATIONAL_CALENDAR = WorkingCalendar.of(row.day for row in NATIONAL)
_current = [NATIONAL_CALENDAR]


def use_calendar(calendar: WorkingCalendar) -> None:
    """Make `calendar` the one the module-level functions use (a station's centre)."""
    _current[0] = calendar


def current_calendar() -> WorkingCalendar:
    return _current[0]


def is_working_day(day: date) -> bool:
    return _current[0].is_working_day(day)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 for the same day)."""
    return _current[0].working_days_between(start, end)


def add_working_days(start: date, n: int) -> date:
    return _current[0].add_working_days(start, n)
