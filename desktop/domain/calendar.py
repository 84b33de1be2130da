"""Working days (días hábiles) in Ecuador: weekdays that are not national holidays.

How old a case is counts in working days, as the COA's terms do (DOMAIN.md §3.2).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _national_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("EC", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _national_holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 for the same day)."""
    if end <= start:
        return 0
    return sum(1 for offset in range(1, (end - start).days + 1)
               if is_working_day(start + timedelta(days=offset)))
