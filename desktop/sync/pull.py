"""First pull of reference data from the central database into the cache.

A plain full copy (centres, staff, pensioners, eligibility facts) in one cache transaction:
a cancelled or failed pull leaves the cache as it was. Incremental pulls with a change
cursor replace this when the central change feed exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, delete, func, insert, select
from sqlalchemy.orm import Session

from desktop.central import models as central
from desktop.clock import now
from desktop.db.engines import SessionFactories
from desktop.i18n import _
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store import models as cache

PAGE_SIZE = 5_000
REFERENCE_SCOPE = "reference"


@dataclass(frozen=True)
class PullResult:
    centres: int
    staff: int
    pensioners: int
    debts: int


def pull_reference(
    central_engine: Engine,
    cache_db: SessionFactories,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PullResult:
    cancel = cancel or CancelToken()
    with central_engine.connect() as source, cache_db.write() as target, target.begin():
        total = source.scalar(select(func.count()).select_from(central.Pension)) or 0
        for table in (cache.ContributionDebt, cache.Staff, cache.Pensioner, cache.Centre):
            target.execute(delete(table))
        centres = _copy(source, target, _centres(), cache.Centre, central.Centre.code)
        staff = _copy(source, target, _staff(), cache.Staff, central.Staff.username)
        pensioners = 0
        label = _("Copiando registro de pensionistas…")
        for rows in _pages(source, _pensioners(), central.Pension.cedula):
            cancel.raise_if_cancelled()
            target.execute(insert(cache.Pensioner), rows)
            pensioners += len(rows)
            progress(pensioners, total, label)
        debts = _copy(source, target, _debts(), cache.ContributionDebt, central.ContributionDebt.id)
        cancel.raise_if_cancelled()
        _mark_success(target)
    return PullResult(centres, staff, pensioners, debts)


def _centres() -> Select[Any]:
    c = central.Centre
    return select(c.code, c.name, c.city, c.address, c.counters)


def _staff() -> Select[Any]:
    s = central.Staff
    return select(s.username, s.full_name, s.role, s.centre_code, s.password_hash, s.active)


def _pensioners() -> Select[Any]:
    person, pension = central.Person, central.Pension
    return select(
        pension.cedula,
        person.given_names,
        person.surnames,
        pension.pension_type,
        pension.state.label("pension_state"),
        pension.granted_on,
    ).join(person, person.cedula == pension.cedula)


def _debts() -> Select[Any]:
    debt, employer = central.ContributionDebt, central.Employer
    return select(
        debt.id,
        debt.cedula,
        debt.employer_ruc,
        employer.name.label("employer_name"),
        debt.period_from,
        debt.period_to,
    ).join(employer, employer.ruc == debt.employer_ruc)


def _pages(source: Any, query: Select[Any], key: Any) -> Iterator[list[dict[str, Any]]]:
    """Keyset pagination: stable and fast however large the table."""
    last = None
    while True:
        page = query.order_by(key).limit(PAGE_SIZE)
        if last is not None:
            page = page.where(key > last)
        rows = [dict(row._mapping) for row in source.execute(page)]
        if not rows:
            return
        yield rows
        last = rows[-1][key.key]


def _copy(source: Any, target: Session, query: Select[Any], table: type, key: Any) -> int:
    count = 0
    for rows in _pages(source, query, key):
        target.execute(insert(table), rows)
        count += len(rows)
    return count


def _mark_success(target: Session) -> None:
    state = target.get(cache.SyncState, REFERENCE_SCOPE)
    if state is None:
        state = cache.SyncState(scope=REFERENCE_SCOPE, cursor="")
        target.add(state)
    state.last_success_at = now()
