"""Pull: central changes into the cache, one scope (central table) at a time.

Each scope pages through `change_id >= cursor` (see desktop.central.feed); every page is
stored in its own cache transaction together with the position reached, so a cancelled or
interrupted pull resumes where it stopped, and clerks keep registering between pages of a
long initial load. When a scope is done its cursor moves to the horizon taken at its start.
Pages are large (PAGE_SIZE rows: a few fsyncs for a million rows) and move as tuples
(desktop.sync.pull_rows: COPY from PostgreSQL, executemany into SQLite).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, delete, func, select, tuple_, update
from sqlalchemy.orm import Session, selectinload

from desktop.central import feed
from desktop.central import models as central
from desktop.clock import now
from desktop.db.engines import SessionFactories
from desktop.domain.outbox import OutboxStatus
from desktop.domain.text import fold
from desktop.i18n import N_, translate
from desktop.progress import CancelToken, Progress, no_progress
from desktop.store import models as cache
from desktop.store import name_search
from desktop.store.name_search import indexing_new_cases
from desktop.sync.pull_rows import (
    Page,
    columns_of,
    insert_new,
    read_page,
    stream_rows,
    upsert,
)

#: Rows per page, i.e. per cache transaction (a first pull of a million pensioners: 50
#: commits). Every cache statement of a page stays under SQLite's 32,766 parameters.
PAGE_SIZE = 20_000


@dataclass(frozen=True)
class PullContext:
    source: Connection
    centre: str  # cases of other centres arrive without contact data (minimisation)


Store = Callable[[Session, PullContext, Page], None]


@dataclass(frozen=True)
class Scope:
    """`streams`: the scope is read in one stream (see pull_rows), cut into pages as it
    arrives. Cases and their events are read page by page instead: storing them asks
    central for more (documents, a case an event needs) on the same connection."""

    name: str
    label: str
    table: type[central.Marked]
    query: Callable[[], Select[*tuple[Any, ...]]]
    store: Store
    streams: bool = True

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


def _store_plain(table: type[cache.Base]) -> Store:
    return lambda session, _context, page: upsert(session, table.__table__, page)


def _store_staff(session: Session, context: PullContext, page: Page) -> None:
    """Only this centre's staff (and their password hashes) are kept at its stations."""
    centre = page.columns.index("centre_code")
    upsert(session, cache.Staff.__table__, page.where(lambda row: row[centre] == context.centre))
    session.execute(delete(cache.Staff).where(cache.Staff.centre_code != context.centre))


def _store_debts(session: Session, _context: PullContext, page: Page) -> None:
    """The cache keeps only pending debts: a settled one is removed."""
    settled_on, key = page.columns.index("settled_on"), page.columns.index("id")
    settled = [row[key] for row in page.rows if row[settled_on] is not None]
    if settled:
        session.execute(delete(cache.ContributionDebt).where(
            cache.ContributionDebt.id.in_(settled)))
    upsert(session, cache.ContributionDebt.__table__,
           page.where(lambda row: row[settled_on] is None))


CASE_COLUMNS = frozenset(cache.Case.__table__.columns.keys())


def _new_case(row: dict[str, Any], contacts: dict[str, tuple[str, str]]) -> dict[str, Any]:
    values = {k: v for k, v in row.items() if k in CASE_COLUMNS}
    values["search_name"] = fold(row["applicant_name"])
    # this centre's contact data comes from its view; another centre's stays there
    values["email"], values["phone"] = contacts.get(row["case_number"], ("", ""))
    return values


def _store_cases(session: Session, context: PullContext, page: Page) -> None:
    """New cases arrive whole (with their documents, inserted in bulk: a first pull brings
    the whole country's); known ones take central's state (and, for this centre's cases,
    the contact data a counter corrected), unless this workstation has events for them
    still to push (it is ahead of central), and any document added to them since."""
    rows = list(page.dicts())
    numbers = [row["case_number"] for row in rows]
    local = {case.case_number: case for case in session.scalars(
        select(cache.Case).options(selectinload(cache.Case.documents))
        .where(cache.Case.case_number.in_(numbers)))}
    waiting = set(session.scalars(select(cache.OutboxEvent.case_number).where(
        cache.OutboxEvent.case_number.in_(numbers),
        cache.OutboxEvent.status == OutboxStatus.PENDING)))
    documents = _documents(context.source, numbers)
    contacts = _contacts(context, [row["case_number"] for row in rows
                                   if row["centre_code"] == context.centre and
                                   row["case_number"] not in waiting])
    new = [_new_case(row, contacts) for row in rows if row["case_number"] not in local]
    if new:
        with indexing_new_cases(session) as indexed:
            insert_new(session, cache.Case.__table__, new)
            ids = _case_ids(session, {values["case_number"] for values in new})
            indexed.extend(ids.values())
        insert_new(session, cache.CaseDocument.__table__,
                   [{**document, "case_id": ids[number]} for number in ids
                    for document in documents.get(number, [])])
    for row in rows:
        number = row["case_number"]
        case = local.get(number)
        if case is None:
            continue
        if number not in waiting:
            case.state, case.state_changed_at = row["state"], row["state_changed_at"]
            case.registered_at = row["registered_at"]  # central may have stamped its own
            if row["centre_code"] == context.centre:  # corrected at another counter
                case.email, case.phone = contacts.get(number, (case.email, case.phone))
                case.employer_ruc, case.periods = row["employer_ruc"], row["periods"]
            case.info_due_on = row["info_due_on"]
            case.notified_on, case.notified_via = row["notified_on"], row["notified_via"]
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
    query = _cases().where(central.Case.case_number.in_(list(numbers)))
    _store_cases(session, context, Page(columns_of(query),
                                        [tuple(r) for r in context.source.execute(query)]))


def refresh_cases(central_engine: Engine, cache_db: SessionFactories, centre: str,
                  numbers: Iterable[str]) -> None:
    """Take central's state for these cases (or complaints) now, even if events of theirs
    still wait (used after central refused one: the local state had moved ahead of a change
    that never happened)."""
    wanted = list(numbers)
    with central_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as source, \
            cache_db.write() as session, session.begin():
        rows = source.execute(select(central.Case.case_number, central.Case.state,
                                     central.Case.state_changed_at).where(
            central.Case.case_number.in_(wanted)))
        for number, state, changed_at in rows:
            session.execute(update(cache.Case).where(cache.Case.case_number == number).values(
                state=state, state_changed_at=changed_at))
        # a complaint's refused step too (its events carry its number as their subject)
        query = select(*central.Complaint.__table__.columns).where(
            central.Complaint.number.in_(wanted), central.Complaint.centre_code == centre)
        upsert(session, cache.Complaint.__table__,
               Page(columns_of(query), [tuple(row) for row in source.execute(query)]))


def refresh_staff(central_engine: Engine, cache_db: SessionFactories, centre: str,
                  usernames: Iterable[str]) -> None:
    """Take central's version of these accounts now: a change central refused (a transfer,
    a role) must not stay in the cache, where it would lock the person out or let them in."""
    wanted = list(usernames)
    query = select(*central.Staff.__table__.columns).where(
        central.Staff.username.in_(wanted), central.Staff.centre_code == centre)
    with central_engine.connect() as source:
        page = Page(columns_of(query), [tuple(row) for row in source.execute(query)])
    with cache_db.write() as session, session.begin():
        session.execute(delete(cache.Staff).where(cache.Staff.username.in_(wanted)))
        upsert(session, cache.Staff.__table__, page)


def _case_ids(session: Session, numbers: set[str]) -> dict[str, int]:
    rows = session.execute(select(cache.Case.case_number, cache.Case.id).where(
        cache.Case.case_number.in_(numbers)))
    return {number: case_id for number, case_id in rows}


EVENT_COLUMNS = frozenset(cache.CaseEvent.__table__.columns.keys())


def _store_events(session: Session, context: PullContext, page: Page) -> None:
    rows = list(page.dicts())
    numbers = {row["case_number"] for row in rows}
    ids = _case_ids(session, numbers)
    if missing := numbers - ids.keys():
        fetch_cases(session, context, missing)
        ids = _case_ids(session, numbers)
    known = set(session.scalars(select(cache.CaseEvent.event_id).where(
        cache.CaseEvent.event_id.in_([row["event_id"] for row in rows]))))
    new = [{**{k: v for k, v in row.items() if k in EVENT_COLUMNS},
            "case_id": ids[row["case_number"]]}
           for row in rows if row["event_id"] not in known]
    insert_new(session, cache.CaseEvent.__table__, new)


def _store_attentions(session: Session, context: PullContext, page: Page) -> None:
    """This centre's attentions (row security gives a centre login only those; the demo's
    SQLite central gives all), with their actions; central never changes one."""
    centre = page.columns.index("centre_code")
    rows = page.where(lambda row: row[centre] == context.centre)
    ids = rows.column("attention_id")
    if not ids:
        return
    known = set(session.scalars(select(cache.Attention.attention_id).where(
        cache.Attention.attention_id.in_(ids))))
    upsert(session, cache.Attention.__table__, rows)
    new = [attention_id for attention_id in ids if attention_id not in known]
    if new:
        action = central.AttentionAction
        insert_new(session, cache.AttentionAction.__table__, [
            dict(row._mapping) for row in context.source.execute(
                select(action.attention_id, action.kind, action.case_number, action.note,
                       action.at).where(action.attention_id.in_(new)).order_by(action.id))])


def _store_complaints(session: Session, context: PullContext, page: Page) -> None:
    """This centre's complaints, unless this station has a step of one still to push."""
    centre, number = page.columns.index("centre_code"), page.columns.index("number")
    mine = page.where(lambda row: row[centre] == context.centre)
    waiting = set(session.scalars(select(cache.OutboxEvent.case_number).where(
        cache.OutboxEvent.case_number.in_(mine.column("number")),
        cache.OutboxEvent.status == "pendiente")))
    upsert(session, cache.Complaint.__table__, mine.where(lambda row: row[number] not in waiting))


# --- what each scope reads ---------------------------------------------------------------


def _columns(table: Any, *names: str) -> list[Any]:
    return [getattr(table, name) for name in names]


CONTACT_COLUMNS = ("email", "phone")  # never read from `cases`: see _contacts


def _cases() -> Select[*tuple[Any, ...]]:
    return select(*(column for column in central.Case.__table__.columns
                    if column.name not in CONTACT_COLUMNS))


SCOPES: tuple[Scope, ...] = (
    Scope("centres", N_("Centros"), central.Centre,
          lambda: select(*central.Centre.__table__.columns), _store_plain(cache.Centre)),
    Scope("holidays", N_("Feriados"), central.Holiday,
          lambda: select(*central.Holiday.__table__.columns), _store_plain(cache.Holiday)),
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
    Scope("cases", N_("Trámites"), central.Case, _cases, _store_cases, streams=False),
    Scope("case_events", N_("Historial de trámites"), central.CaseEvent,
          lambda: select(*central.CaseEvent.__table__.columns), _store_events, streams=False),
    Scope("agreements", N_("Acuerdos"), central.Agreement,
          lambda: select(*central.Agreement.__table__.columns), _store_plain(cache.Agreement)),
    Scope("attentions", N_("Atenciones del centro"), central.Attention,
          lambda: select(*central.Attention.__table__.columns), _store_attentions,
          streams=False),
    Scope("complaints", N_("Quejas del centro"), central.Complaint,
          lambda: select(*central.Complaint.__table__.columns), _store_complaints),
    Scope("privacy_notices", N_("Aviso de privacidad"), central.PrivacyNotice,
          lambda: select(*central.PrivacyNotice.__table__.columns),
          _store_plain(cache.PrivacyNotice)),
    Scope("trusted_roots", N_("Certificados raíz de firma"), central.TrustedRoot,
          lambda: select(*central.TrustedRoot.__table__.columns),
          _store_plain(cache.TrustedRoot)),
)


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
        if rows.get("cases", 0) >= name_search.OPTIMIZE_AFTER:
            with cache_db.write() as session, session.begin():
                name_search.optimize(session)
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


def _pages(scope: Scope, source: Connection, position: _Position) -> Generator[Page, None, None]:
    """The scope's rows from where the pull stands, PAGE_SIZE at a time."""
    change, key, after = scope.table.change_id, scope.key, position.after
    bulk = position.cursor == 0 or after is not None  # a first or a resumed pull
    if scope.streams:
        query = feed.page_query(scope.query(), change, key, position.cursor, after, None)
        with stream_rows(source, query, bulk) as rows:
            while batch := list(itertools.islice(rows, PAGE_SIZE)):
                yield Page(columns_of(query), batch)
        return
    while True:
        page = read_page(source, feed.page_query(scope.query(), change, key, position.cursor,
                                                 after, PAGE_SIZE), bulk)
        if not page:
            return
        yield page
        after = _last(scope, page)


def _last(scope: Scope, page: Page) -> tuple[int, Any]:
    last = page.rows[-1]
    return (int(last[page.columns.index("change_id")]),
            last[page.columns.index(scope.table.pull_key)])


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
    cancel.raise_if_cancelled()
    with closing(_pages(scope, context.source, position)) as pages:
        for page in pages:
            after = _last(scope, page)
            with cache_db.write() as session, session.begin():
                scope.store(session, context, page)
                _save(session, scope.name, cursor=position.cursor, horizon=position.horizon,
                      after_change=after[0], after_key=str(after[1]))
            done += len(page)
            progress(done, max(total, done), translate(scope.label))
            cancel.raise_if_cancelled()
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
