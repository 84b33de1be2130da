"""Pull: central changes into the cache, one scope (central table) at a time.

Each scope pages through `change_id >= cursor` (see desktop.central.feed); every page is
stored in its own short cache transaction together with the position reached, so clerks
keep registering during a long initial load, and a cancelled or interrupted pull resumes
where it stopped. When a scope is done its cursor moves to the horizon taken at its start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, delete, func, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from desktop.central import feed
from desktop.central import models as central
from desktop.clock import now
from desktop.db.engines import SessionFactories
from desktop.domain.text import fold
from desktop.i18n import N_, translate
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store import models as cache

PAGE_SIZE = 5_000


@dataclass(frozen=True)
class PullContext:
    source: Connection
    centre: str  # cases of other centres arrive without contact data (minimisation)


Store = Callable[[Session, PullContext, list[dict[str, Any]]], None]


@dataclass(frozen=True)
class Scope:
    name: str
    label: str
    table: type[central.Marked]
    query: Callable[[], Select[Any]]
    store: Store

    @property
    def key(self) -> Any:
        return getattr(self.table, self.table.pull_key)


@dataclass(frozen=True)
class PullResult:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


# --- storing -----------------------------------------------------------------------------


def upsert(session: Session, table: type[cache.Base], rows: list[dict[str, Any]]) -> None:
    """Insert or replace rows by primary key, with only the columns the cache has.

    One statement executed for many rows (SQLAlchemy compiles it once and caches it), not a
    multi-row VALUES built anew for every page.
    """
    if not rows:
        return
    columns = [column.name for column in table.__table__.columns if column.name in rows[0]]
    keys = [c.name for c in table.__table__.primary_key.columns]
    statement = sqlite_insert(table)
    updates = {name: statement.excluded[name] for name in columns if name not in keys}
    statement = (statement.on_conflict_do_update(index_elements=keys, set_=updates) if updates
                 else statement.on_conflict_do_nothing(index_elements=keys))
    session.execute(statement, [{name: row[name] for name in columns} for row in rows])


def _store_plain(table: type[cache.Base]) -> Store:
    return lambda session, _context, rows: upsert(session, table, rows)


def _store_staff(session: Session, context: PullContext, rows: list[dict[str, Any]]) -> None:
    """Only this centre's staff (and their password hashes) are kept at its stations."""
    upsert(session, cache.Staff, [row for row in rows if row["centre_code"] == context.centre])
    session.execute(delete(cache.Staff).where(cache.Staff.centre_code != context.centre))


def _store_debts(session: Session, _context: PullContext, rows: list[dict[str, Any]]) -> None:
    """The cache keeps only pending debts: a settled one is removed."""
    settled = [row["id"] for row in rows if row["settled_on"] is not None]
    if settled:
        session.execute(delete(cache.ContributionDebt).where(
            cache.ContributionDebt.id.in_(settled)))
    upsert(session, cache.ContributionDebt, [row for row in rows if row["settled_on"] is None])


def _store_cases(session: Session, context: PullContext, rows: list[dict[str, Any]]) -> None:
    """New cases arrive whole (with their documents); known ones take central's state (and,
    for this centre's cases, the contact data a counter corrected), unless this workstation
    has events for them still to push (it is ahead of central), and any document added to
    them since."""
    numbers = [row["case_number"] for row in rows]
    local = {case.case_number: case for case in session.scalars(
        select(cache.Case).options(selectinload(cache.Case.documents))
        .where(cache.Case.case_number.in_(numbers)))}
    waiting = set(session.scalars(select(cache.OutboxEvent.case_number).where(
        cache.OutboxEvent.case_number.in_(numbers), cache.OutboxEvent.status == "pendiente")))
    documents = _documents(context.source, numbers)
    contacts = _contacts(context, [row["case_number"] for row in rows
                                   if row["centre_code"] == context.centre and
                                   row["case_number"] not in waiting])
    for row in rows:
        number = row["case_number"]
        case = local.get(number)
        if case is None:
            values = {k: v for k, v in row.items() if k in cache.Case.__table__.columns}
            values["search_name"] = fold(row["applicant_name"])
            values["email"], values["phone"] = contacts.get(number, ("", ""))
            case = cache.Case(**values)
            session.add(case)
        elif number not in waiting:
            case.state, case.state_changed_at = row["state"], row["state_changed_at"]
            case.registered_at = row["registered_at"]  # central may have stamped its own
            if row["centre_code"] == context.centre:  # corrected at another counter
                case.email, case.phone = contacts.get(number, (case.email, case.phone))
                case.employer_ruc, case.periods = row["employer_ruc"], row["periods"]
        known = {(d.document_type, d.sha256) for d in case.documents}
        case.documents.extend(cache.CaseDocument(**d) for d in documents.get(number, [])
                              if (d["document_type"], d["sha256"]) not in known)
    session.flush()


def _contacts(context: PullContext, numbers: list[str]) -> dict[str, tuple[str, str]]:
    """Email and phone of this centre's cases (the only contact data a station gets): new
    ones, and known ones a counter may have corrected."""
    if not numbers:
        return {}
    view = central.CASE_CONTACTS
    rows = context.source.execute(select(view.c.case_number, view.c.email, view.c.phone).where(
        view.c.case_number.in_(numbers), view.c.centre_code == context.centre))
    return {number: (email, phone) for number, email, phone in rows}


def _documents(source: Connection, numbers: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    document = central.CaseDocument
    columns = [document.document_type, document.sha256, document.media_type, document.pages,
               document.size_bytes, document.source, document.added_by, document.added_at]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in source.execute(select(document.case_number, *columns).where(
            document.case_number.in_(list(numbers))).order_by(document.id)):
        values = dict(row._mapping)
        grouped.setdefault(values.pop("case_number"), []).append(values)
    return grouped


def fetch_cases(session: Session, context: PullContext, numbers: Iterable[str]) -> None:
    """Bring specific cases from central now (an event arrived before its case)."""
    rows = [dict(r._mapping) for r in context.source.execute(
        _cases().where(central.Case.case_number.in_(list(numbers))))]
    _store_cases(session, context, rows)


def refresh_cases(central_engine: Engine, cache_db: SessionFactories, centre: str,
                  numbers: Iterable[str]) -> None:
    """Take central's state for these cases now, even if events of theirs still wait
    (used after central refused one: the local state had moved ahead of a change that
    never happened)."""
    wanted = list(numbers)
    with central_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as source, \
            cache_db.write() as session, session.begin():
        rows = source.execute(select(central.Case.case_number, central.Case.state,
                                     central.Case.state_changed_at).where(
            central.Case.case_number.in_(wanted)))
        for number, state, changed_at in rows:
            session.execute(update(cache.Case).where(cache.Case.case_number == number).values(
                state=state, state_changed_at=changed_at))


def refresh_staff(central_engine: Engine, cache_db: SessionFactories, centre: str,
                  usernames: Iterable[str]) -> None:
    """Take central's version of these accounts now: a change central refused (a transfer,
    a role) must not stay in the cache, where it would lock the person out or let them in."""
    wanted = list(usernames)
    with central_engine.connect() as source:
        rows = [dict(row._mapping) for row in source.execute(
            select(*central.Staff.__table__.columns).where(
                central.Staff.username.in_(wanted), central.Staff.centre_code == centre))]
    with cache_db.write() as session, session.begin():
        session.execute(delete(cache.Staff).where(cache.Staff.username.in_(wanted)))
        upsert(session, cache.Staff, rows)


def _case_ids(session: Session, numbers: set[str]) -> dict[str, int]:
    rows = session.execute(select(cache.Case.case_number, cache.Case.id).where(
        cache.Case.case_number.in_(numbers)))
    return {number: case_id for number, case_id in rows}


def _store_events(session: Session, context: PullContext, rows: list[dict[str, Any]]) -> None:
    numbers = {row["case_number"] for row in rows}
    ids = _case_ids(session, numbers)
    if missing := numbers - ids.keys():
        fetch_cases(session, context, missing)
        ids = _case_ids(session, numbers)
    known = set(session.scalars(select(cache.CaseEvent.event_id).where(
        cache.CaseEvent.event_id.in_([row["event_id"] for row in rows]))))
    for row in rows:
        if row["event_id"] not in known:
            values = {k: v for k, v in row.items() if k in cache.CaseEvent.__table__.columns}
            session.add(cache.CaseEvent(case_id=ids[row["case_number"]], **values))


# --- what each scope reads ---------------------------------------------------------------


def _columns(table: Any, *names: str) -> list[Any]:
    return [getattr(table, name) for name in names]


CONTACT_COLUMNS = ("email", "phone")  # never read from `cases`: see _contacts


def _cases() -> Select[Any]:
    return select(*(column for column in central.Case.__table__.columns
                    if column.name not in CONTACT_COLUMNS))


SCOPES: tuple[Scope, ...] = (
    Scope("centres", N_("Centros"), central.Centre,
          lambda: select(*central.Centre.__table__.columns), _store_plain(cache.Centre)),
    Scope("staff", N_("Personal"), central.Staff,
          lambda: select(*central.Staff.__table__.columns), _store_staff),
    Scope("pensioners", N_("Registro de pensionistas"), central.Pension,
          lambda: select(
              central.Pension.cedula, central.Person.given_names, central.Person.surnames,
              central.Pension.pension_type, central.Pension.state.label("pension_state"),
              central.Pension.granted_on, central.Pension.change_id,
          ).join(central.Person, central.Person.cedula == central.Pension.cedula),
          _store_plain(cache.Pensioner)),
    Scope("debts", N_("Aportes pendientes"), central.ContributionDebt,
          lambda: select(
              *_columns(central.ContributionDebt, "id", "cedula", "employer_ruc", "period_from",
                        "period_to", "settled_on", "change_id"),
              central.Employer.name.label("employer_name"),
          ).join(central.Employer,
                 central.Employer.ruc == central.ContributionDebt.employer_ruc),
          _store_debts),
    Scope("cases", N_("Trámites"), central.Case, _cases, _store_cases),
    Scope("case_events", N_("Historial de trámites"), central.CaseEvent,
          lambda: select(*central.CaseEvent.__table__.columns), _store_events),
    Scope("agreements", N_("Acuerdos"), central.Agreement,
          lambda: select(*central.Agreement.__table__.columns), _store_plain(cache.Agreement)),
)
REFERENCE_SCOPES = ("centres", "staff", "pensioners", "debts")


# --- the pull ----------------------------------------------------------------------------


def pull(
    central_engine: Engine,
    cache_db: SessionFactories,
    centre: str,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    scopes: Iterable[str] | None = None,
) -> PullResult:
    cancel = cancel or CancelToken()
    wanted = set(scopes) if scopes is not None else {scope.name for scope in SCOPES}
    rows: dict[str, int] = {}
    with central_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as source:
        context = PullContext(source, centre)
        for scope in SCOPES:
            if scope.name in wanted:
                rows[scope.name] = _pull_scope(scope, context, cache_db, progress, cancel)
        if "staff" in wanted:
            _forget_staff_gone(context, cache_db)
    return PullResult(rows)


@dataclass(frozen=True)
class _Position:
    """Where a scope's pull stands: a cursor, the horizon it moves to, the last row stored."""

    cursor: int
    horizon: int
    after: tuple[int, Any] | None
    recorded: bool  # the scope has a SyncState row


def _position(scope: Scope, source: Connection, cache_db: SessionFactories) -> _Position:
    """Resume an interrupted pull, or start one: the horizon is taken before any read."""
    with cache_db.read() as session:
        state = session.get(cache.SyncState, scope.name)
    if state is not None and state.horizon is not None:
        after = None
        if state.after_change is not None:  # the key was stored as text
            after = (state.after_change, scope.key.type.python_type(state.after_key))
        return _Position(state.cursor, state.horizon, after, True)
    return _Position(state.cursor if state else 0, feed.horizon(source), None, state is not None)


def _forget_staff_gone(context: PullContext, cache_db: SessionFactories) -> None:
    """Someone moved to another centre is no longer visible here (row-level security on
    PostgreSQL): no change ever arrives for them, so the cached hash must go."""
    visible = list(context.source.scalars(select(central.Staff.username).where(
        central.Staff.centre_code == context.centre)))
    with cache_db.write() as session, session.begin():
        session.execute(delete(cache.Staff).where(cache.Staff.username.not_in(visible)))


def _pull_scope(scope: Scope, context: PullContext, cache_db: SessionFactories,
                progress: Progress, cancel: CancelToken) -> int:
    position = _position(scope, context.source, cache_db)
    change, after = scope.table.change_id, position.after
    total = 0  # unknown; counted only for a first or resumed pull, where progress matters
    if position.cursor == 0 or after is not None:
        remaining = change >= position.cursor if after is None else (
            tuple_(change, scope.key) > tuple_(*after))
        total = context.source.scalar(
            select(func.count()).select_from(scope.table).where(remaining)) or 0
    done = 0
    while True:
        cancel.raise_if_cancelled()
        page = feed.page_query(scope.query(), change, scope.key, position.cursor, after,
                               PAGE_SIZE)
        rows = [dict(row._mapping) for row in context.source.execute(page)]
        if not rows:
            break
        after = feed.last_position(rows, scope.table.pull_key)
        with cache_db.write() as session, session.begin():
            scope.store(session, context, rows)
            _save(session, scope.name, cursor=position.cursor, horizon=position.horizon,
                  after_change=after[0], after_key=str(after[1]))
        done += len(rows)
        progress(done, max(total, done), translate(scope.label))
    if done or not position.recorded or position.after is not None:
        # a pull with nothing new writes nothing: its cursor stays valid (lower is safe)
        with cache_db.write() as session, session.begin():
            _save(session, scope.name, cursor=position.horizon, horizon=None,
                  after_change=None, after_key=None, last_success_at=now())
    return done


def _save(session: Session, scope: str, **values: Any) -> None:
    state = session.get(cache.SyncState, scope)
    if state is None:
        state = cache.SyncState(scope=scope)
        session.add(state)
    for name, value in values.items():
        setattr(state, name, value)


def has_pulled(cache_db: SessionFactories, scopes: Iterable[str] = REFERENCE_SCOPES) -> bool:
    """True once every given scope has completed a pull at least once."""
    names = list(scopes)
    with cache_db.read() as session:
        done = session.scalar(select(func.count()).select_from(cache.SyncState).where(
            cache.SyncState.scope.in_(names), cache.SyncState.last_success_at.is_not(None)))
    return done == len(names)
