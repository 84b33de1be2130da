"""The reports' statements: the same Core SQL on a station's SQLite cache and on central
(PostgreSQL, or SQLite in the demo).

Months and ages are comparisons with instants computed in Python (desktop.domain.reporting),
so the statements need no date function of either database and use the indexes on the
timestamps. Every statement returns counts or durations, never a person's data; the
per-clerk one returns user names, and its service decides who may ask for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, literal, select, text

from desktop.domain.reporting import (
    AGE_BUCKETS,
    AWAITING_ANSWER,
    BACKLOG_STATES,
    Period,
    age_cutoffs,
)
from desktop.reports.tables import agreements, attentions, cases, complaints, staff

#: The definer function that gives a centre's login the country's monthly volumes
#: (desktop.central.volumes); the SQLite demo central has no logins and is read directly.
VOLUMES_FUNCTION = "ventanilla_service_volumes"


def month_index(column: Any, bounds: Sequence[datetime | date]) -> ColumnElement[int]:
    """0 for the first month, 1 for the next …, from the month starts (the caller's WHERE
    keeps rows within the first and last bound)."""
    starts = bounds[1:-1]
    if not starts:
        return literal(0)
    return case(*((column < start, index) for index, start in enumerate(starts)),
                else_=len(starts))


def _within(column: Any, bounds: Sequence[datetime | date]) -> ColumnElement[bool]:
    return and_(column >= bounds[0], column < bounds[-1])


def _counts_by_month(connection: Connection, table: Any, column: Any, period: Period,
                     centre: str | None) -> list[int]:
    """One count per month: each a range of the timestamp's index, which SQLite counts
    several times faster than one pass that buckets and groups every row."""
    bounds = period.bounds
    query = select(func.count()).select_from(table)
    if centre is not None:
        query = query.where(table.c.centre_code == centre)
    return [connection.execute(query.where(column >= start, column < end)).scalar_one()
            for start, end in pairwise(bounds)]


@dataclass(frozen=True)
class Volumes:
    """One row of the transparency table."""

    month: str  # Año-Mes, e.g. 2025-08
    complaints: int
    attentions: int


def transparency(connection: Connection, period: Period, centre: str | None) -> list[Volumes]:
    """Complaints registered and attentions started in each month (desktop.domain.reporting
    says why those instants), for one centre or the whole country (`centre` None)."""
    months = [str(month) for month in period.months]
    if connection.dialect.name == "postgresql":
        rows = connection.execute(text(
            f"SELECT bucket, complaints, attentions FROM {VOLUMES_FUNCTION}("
            "CAST(:bounds AS timestamp[]), :centre)"),
            {"bounds": [b.replace(tzinfo=None) for b in period.bounds], "centre": centre})
        found = {bucket: (quejas, atenciones) for bucket, quejas, atenciones in rows}
        return [Volumes(month, *found.get(index, (0, 0))) for index, month in enumerate(months)]
    quejas = _counts_by_month(connection, complaints, complaints.c.registered_at, period, centre)
    atenciones = _counts_by_month(connection, attentions, attentions.c.started_at, period,
                                  centre)
    return [Volumes(*row) for row in zip(months, quejas, atenciones, strict=True)]


@dataclass(frozen=True)
class Backlog:
    """Open cases by state and age bucket (AGE_BUCKETS order), today."""

    by_state: dict[str, list[int]]
    past_deadline: dict[str, int]  # cases still waiting for an answer, past the limit

    @property
    def total(self) -> int:
        return sum(sum(counts) for counts in self.by_state.values())


def backlog(connection: Connection, centre: str | None, today: date,
            limit_days: int) -> Backlog:
    ages = [low for low, _label in AGE_BUCKETS[1:]]
    cutoffs = age_cutoffs(today, [*ages, limit_days + 1])
    *bucket_cutoffs, deadline = cutoffs
    column = cases.c.registered_at
    bucket = case(*((column < cutoff, len(bucket_cutoffs) - index)
                    for index, cutoff in enumerate(reversed(bucket_cutoffs))),
                  else_=0).label("bucket")
    late = case((column < deadline, 1), else_=0).label("late")
    query = select(cases.c.state, bucket, late, func.count()).where(
        cases.c.state.in_([state.value for state in BACKLOG_STATES]))
    if centre is not None:
        query = query.where(cases.c.centre_code == centre)
    by_state = {state.value: [0] * len(AGE_BUCKETS) for state in BACKLOG_STATES}
    past = dict.fromkeys((state.value for state in AWAITING_ANSWER), 0)
    for state, index, is_late, count in connection.execute(
            query.group_by(cases.c.state, bucket, late)):
        by_state[state][index] += count
        if is_late and state in past:
            past[state] += count
    return Backlog(by_state, past)


def overdue_cases(connection: Connection, centre: str | None, today: date, limit_days: int,
                  limit: int) -> list[tuple[str, str, str, datetime]]:
    """The oldest cases past the limit: number, centre, state, registered (no names)."""
    (deadline,) = age_cutoffs(today, [limit_days + 1])
    query = select(cases.c.case_number, cases.c.centre_code, cases.c.state,
                   cases.c.registered_at).where(
        cases.c.state.in_([state.value for state in AWAITING_ANSWER]),
        cases.c.registered_at < deadline)
    if centre is not None:
        query = query.where(cases.c.centre_code == centre)
    return [tuple(row) for row in connection.execute(
        query.order_by(cases.c.registered_at, cases.c.case_number).limit(limit))]


def agreements_by_month(connection: Connection, period: Period,
                        centre: str | None) -> dict[str, list[int]]:
    """Acuerdos issued per month, by kind (CONCESION, NEGACION)."""
    bounds = period.day_bounds
    bucket = month_index(agreements.c.issued_on, bounds).label("bucket")
    query = select(agreements.c.kind, bucket, func.count()).where(
        _within(agreements.c.issued_on, bounds))
    if centre is not None:  # from the centre's cases (an index) to their acuerdos
        query = query.where(agreements.c.case_number.in_(
            select(cases.c.case_number).where(cases.c.centre_code == centre)))
    found: dict[str, list[int]] = defaultdict(lambda: [0] * len(period.months))
    for kind, index, count in connection.execute(query.group_by(agreements.c.kind, bucket)):
        found[kind][index] = count
    return {kind: found[kind] for kind in ("CONCESION", "NEGACION")} | dict(found)


@dataclass
class Work:
    """What one clerk, or one counter, did in the period."""

    attentions: int = 0
    registrations: int = 0
    service_seconds: list[float] | None = None
    waiting_seconds: list[float] | None = None

    def __post_init__(self) -> None:
        self.service_seconds = self.service_seconds or []
        self.waiting_seconds = self.waiting_seconds or []


@dataclass(frozen=True)
class StaffWork:
    by_clerk: dict[str, Work]
    by_counter: dict[int, Work]
    names: dict[str, str]


def staff_work(connection: Connection, period: Period, centre: str) -> StaffWork:
    """One centre's attentions (service and waiting times) and registrations, per clerk
    and per counter. Durations come back as rows (a centre's month is a few thousand) and
    are summarised by the caller, the same way on both databases."""
    by_clerk: dict[str, Work] = defaultdict(Work)
    by_counter: dict[int, Work] = defaultdict(Work)
    column = attentions.c.started_at
    rows = connection.execute(select(
        attentions.c.clerk, attentions.c.counter, column, attentions.c.ended_at,
        attentions.c.turno_booked_at).where(
        attentions.c.centre_code == centre, column >= period.start, column < period.end))
    for clerk, counter, started, ended, booked in rows:
        for work in (by_clerk[clerk], by_counter[counter]):
            work.attentions += 1
            if ended is not None and ended >= started:
                work.service_seconds.append((ended - started).total_seconds())  # type: ignore[union-attr]
            if booked is not None and started >= booked:
                work.waiting_seconds.append((started - booked).total_seconds())  # type: ignore[union-attr]
    registered = connection.execute(select(
        cases.c.registered_by, cases.c.counter, func.count()).where(
        cases.c.centre_code == centre, cases.c.registered_at >= period.start,
        cases.c.registered_at < period.end).group_by(cases.c.registered_by, cases.c.counter))
    for clerk, counter, count in registered:
        by_clerk[clerk].registrations += count
        by_counter[counter].registrations += count
    names = {user: name for user, name in connection.execute(
        select(staff.c.username, staff.c.full_name).where(staff.c.centre_code == centre))}
    return StaffWork(dict(by_clerk), dict(by_counter), names)
