"""Moving a page of pulled rows: read from central, written into the cache, as tuples.

The first pull moves a million rows, so the per-row cost is what counts (profile of the
earlier dict-and-ORM path: most of the time went to building a dict and SQLAlchemy
parameter handling per row, not to either database):

- Reading from PostgreSQL: the query runs inside `COPY (…) TO STDOUT (FORMAT BINARY)`, a
  stream of binary rows decoded by psycopg. A reference scope is one stream from where
  the pull stands to its end (one sort at central, no page query restarted every 20,000
  rows: paging with LIMIT measured 40-115 k rows/s at central alone, one stream 270 k).
  Elsewhere (the SQLite central of the demo) the query runs as usual. Both give the same
  Python values: SQLAlchemy's result processors of the selected columns are applied here
  (e.g. times come back as aware UTC datetimes).
- Writing into SQLite: one `INSERT … ON CONFLICT DO UPDATE` text run by the driver's
  `executemany` over plain tuples, with the cache columns' own bind processors (the same
  storage format SQLAlchemy writes: dates as text, Decimal as SQLite numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Page:
    """Rows of one page, as tuples in the order of `columns`."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Any]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def dicts(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row, strict=True))

    def where(self, keep: Callable[[tuple[Any, ...]], bool]) -> Page:
        return Page(self.columns, [row for row in self.rows if keep(row)])


# --- reading -----------------------------------------------------------------------------


def columns_of(query: Select[*tuple[Any, ...]]) -> tuple[str, ...]:
    return tuple(str(column.key) for column in query.selected_columns)


def read_page(source: Connection, query: Select[*tuple[Any, ...]], bulk: bool) -> Page:
    """All the rows of `query` (a page query: keyset and LIMIT) from central."""
    with stream_rows(source, query, bulk) as rows:
        return Page(columns_of(query), list(rows))


@contextmanager
def stream_rows(source: Connection, query: Select[*tuple[Any, ...]], bulk: bool
                ) -> Iterator[Iterator[tuple[Any, ...]]]:
    """The rows of `query` as they arrive. Leaving the block early (a cancel) stops the
    query at central (psycopg cancels a COPY left unfinished).

    `bulk` (a first or resumed pull): through COPY on PostgreSQL. A sync round's pull of a
    few changed rows stays a plain SELECT: COPY costs one more round trip (the column types)
    and the server's cost of a round is what a thousand stations multiply."""
    if source.dialect.name != "postgresql" or not bulk:
        result = source.execute(query)
        try:
            yield (tuple(row) for row in result)
        finally:
            result.close()
        return
    dialect = source.dialect
    compiled = query.compile(dialect=dialect)
    sql, params = str(compiled), compiled.params
    cursor = source.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"SELECT * FROM ({sql}) AS page LIMIT 0", params)
        oids = [column.type_code for column in cursor.description or ()]
        processors = [column.type.dialect_impl(dialect).result_processor(dialect, oid)
                      for column, oid in zip(query.selected_columns, oids, strict=True)]
        with cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT BINARY)", params) as copy:
            copy.set_types(oids)
            yield _processed(copy.rows(), processors)
    finally:
        cursor.close()


def _processed(rows: Iterator[tuple[Any, ...]], processors: Sequence[Processor]
               ) -> Iterator[tuple[Any, ...]]:
    if not any(processors):
        return rows
    return (tuple(value if (process := processors[i]) is None or value is None
                  else process(value) for i, value in enumerate(row)) for row in rows)


# --- writing -----------------------------------------------------------------------------


def _quote(dialect: Dialect, name: str) -> str:
    return dialect.identifier_preparer.quote(name)


def upsert(session: Session, table: Table, page: Page) -> None:
    """Insert or replace the page's rows by primary key, with the columns the cache has."""
    _write(session, table, page, replace=True)


def insert_new(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows known to be new (all with the same keys)."""
    if rows:
        columns = tuple(rows[0])
        _write(session, table, Page(columns, [tuple(row[c] for c in columns) for row in rows]),
               replace=False)


def _write(session: Session, table: Table, page: Page, *, replace: bool) -> None:
    if not page.rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    wanted = [(index, table.columns[name]) for index, name in enumerate(page.columns)
              if name in table.columns]
    keys = [column.name for column in table.primary_key.columns]
    names = [column.name for _index, column in wanted]
    updates = [name for name in names if name not in keys]
    sql = (f"INSERT INTO {_quote(dialect, table.name)} "
           f"({', '.join(_quote(dialect, n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    if replace:
        conflict = ", ".join(f"{_quote(dialect, n)} = excluded.{_quote(dialect, n)}"
                             for n in updates)
        sql += (f" ON CONFLICT ({', '.join(_quote(dialect, k) for k in keys)}) "
                + (f"DO UPDATE SET {conflict}" if updates else "DO NOTHING"))
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect)
                  for _index, column in wanted]
    columns = list(zip(*page.rows, strict=True))  # transposed: one tuple per column
    values = [columns[index] if process is None else
              [None if value is None else process(value) for value in columns[index]]
              for (index, _column), process in zip(wanted, processors, strict=True)]
    connection.exec_driver_sql(sql, list(zip(*values, strict=True)))
