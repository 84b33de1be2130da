"""The rules behind the supervision reports (issue 13): months, ages, limits, percentiles.

- A month is a calendar month in Ecuador's mainland time (the centre's day, as printed on
  every document); its bounds are turned into UTC instants for the queries.
- A complaint counts in the transparency table in the month it was **registered**
  (received), whatever month it is answered or closed in: «Volumen de Quejas» is the
  volume of complaints the institution received, and a month already published never
  changes afterwards. An attention counts in the month it **started**.
- A case's age is counted in working days (término) since it was registered, with
  desktop.domain.calendar; a case still waiting for the institution's answer is past its
  deadline beyond RESPONSE_LIMIT_WORKING_DAYS (COA Art. 207: 30 días término;
  DOMAIN.md §3 says whether it binds pension benefits is not confirmed: an assumption).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.clock import MAINLAND
from desktop.domain.calendar import working_days_between
from desktop.domain.cases import CaseState
from desktop.errors import ValidationError
from desktop.i18n import N_, _, translate

#: Months and days of the published tables are mainland Ecuador's, for every centre (the
#: institution publishes one national table).
LOCAL_TZ = ZoneInfo(MAINLAND)

#: The transparency table's columns exactly as gob.ec publishes them (never translated).
TRANSPARENCY_HEADERS = ("Año-Mes", "Volumen de Quejas", "Volumen de Atenciones")

#: COA Art. 207 (assumption: DOMAIN.md §3, «Time limits»).
RESPONSE_LIMIT_WORKING_DAYS = 30

#: The backlog: every case the institution or the counter still has to act on.
BACKLOG_STATES = (
    CaseState.INGRESADO, CaseState.EN_REVISION, CaseState.DEVUELTO, CaseState.DERIVADO,
    CaseState.EN_ANALISIS, CaseState.REQUIERE_INFO, CaseState.ACUERDO_EMITIDO,
)
#: Of those, the ones still waiting for the institution's answer (the acuerdo).
AWAITING_ANSWER = tuple(s for s in BACKLOG_STATES if s is not CaseState.ACUERDO_EMITIDO)

#: Age buckets in working days: (lowest age, label); each runs up to the next one's start.
AGE_BUCKETS: tuple[tuple[int, str], ...] = (
    (0, N_("0–5 días")), (6, N_("6–10 días")), (11, N_("11–20 días")),
    (21, N_("21–30 días")), (31, N_("más de 30 días")),
)

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
MAX_MONTHS = 36  # a report longer than three years is not one a supervisor reads


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = MONTH.match(text or "")
        if not match or not (1 <= int(match[2]) <= 12) or not 2000 <= int(match[1]) <= 2100:
            raise ValidationError(
                _("Escriba el mes como AAAA-MM, por ejemplo 2025-08."),
                "report: month unusable", field="month")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, moment: datetime) -> Month:
        local = moment.astimezone(LOCAL_TZ)
        return cls(local.year, local.month)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def start(self) -> datetime:
        """The first instant of the month in Ecuador, in UTC."""
        return datetime.combine(self.first_day, time(), LOCAL_TZ).astimezone(UTC)

    def __str__(self) -> str:  # as the institution publishes it: 2025-08
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Period:
    """From the first month to the last, both included."""

    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(_("El mes final es anterior al inicial."),
                                  "report: period reversed", field="month")
        if len(self.months) > MAX_MONTHS:
            raise ValidationError(
                _("Un reporte abarca como máximo {n} meses.").format(n=MAX_MONTHS),
                "report: period too long", field="month")

    @property
    def months(self) -> tuple[Month, ...]:
        months: list[Month] = []
        month = self.first
        while month <= self.last and len(months) <= MAX_MONTHS:
            months.append(month)
            month = month.next()
        return tuple(months)

    @property
    def start(self) -> datetime:
        return self.first.start

    @property
    def end(self) -> datetime:
        """The first instant after the period (exclusive bound)."""
        return self.last.next().start

    @property
    def bounds(self) -> tuple[datetime, ...]:
        """Month starts and the end: n + 1 instants for n months."""
        return (*(m.start for m in self.months), self.end)

    @property
    def day_bounds(self) -> tuple[date, ...]:
        return (*(m.first_day for m in self.months), self.last.next().first_day)

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first} a {self.last}"


def age_bucket_label(index: int) -> str:
    return translate(AGE_BUCKETS[index][1])


def age_cutoffs(today: date, ages: Sequence[int]) -> tuple[datetime, ...]:
    """For each age (working days, ascending), the instant before which a case registered
    is at least that old today: the start of the day after the latest day whose age is
    `age`. Ages are then a comparison in SQL, with no date function of either database."""
    cutoffs, day, ages_left = [], today, list(ages)
    while ages_left:
        if working_days_between(day, today) >= ages_left[0]:
            cutoffs.append(datetime.combine(day + timedelta(days=1), time(), LOCAL_TZ)
                           .astimezone(UTC))
            ages_left.pop(0)
            continue
        day -= timedelta(days=1)
    return tuple(cutoffs)


def working_day_ages(days: Sequence[date], today: date) -> dict[date, int]:
    """Each day's age in working days today, walking from the newest to the oldest: the
    calendar counts only the gap between two neighbouring days (a range's working days are
    the sum of its parts), not each day's whole way to today."""
    ages: dict[date, int] = {}
    later, age = today, 0
    for day in sorted(set(days), reverse=True):
        if day < later:
            age += working_days_between(day, later)
            later = day
        ages[day] = age if day <= today else 0
    return ages


def nearest_rank(values: Sequence[float], fraction: float) -> float | None:
    """Nearest-rank percentile (median: 0.5, p90: 0.9); None with no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]
