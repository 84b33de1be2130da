"""`ventanilla verify`: compare the cache with the central database, row by row.

Both sides are streamed in key order and merged, so a million pensioners need no more
memory than a page. Each difference is one line in Spanish; no difference means the cache
holds exactly what central holds (and nothing waits in the outbox).

A line names the row and the columns that differ, never their values: the output goes to
terminals and tickets, and the values are password hashes, emails and phones. Cédulas that
key a row are masked (`17******03`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Select, String, and_, func, select
from sqlalchemy.sql.functions import coalesce

from desktop.central import models as central
from desktop.db.engines import SessionFactories
from desktop.domain.identity import mask_cedula
from desktop.i18n import _, ngettext
from desktop.store import models as cache
from desktop.sync.push import PENDING, REFUSED_LOCAL

SHOWN_PER_TABLE = 20


@dataclass
class Verification:
    differences: list[str] = field(default_factory=list)
    compared: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class Comparison:
    label: str
    central: Select[*tuple[Any, ...]]  # first column: the key (both sides sorted by it)
    cache: Select[*tuple[Any, ...]]
    columns: tuple[str, ...] = ()  # what the other columns are called, in Spanish
    masked_key: bool = False  # the key is a cédula

    def key(self, value: Any) -> str:
        return mask_cedula(str(value)) if self.masked_key else str(value)

    def differing(self, a: tuple[Any, ...], b: tuple[Any, ...]) -> str:
        names = [self.columns[i] if i < len(self.columns) else str(i + 1)
                 for i, (x, y) in enumerate(zip(a[1:], b[1:], strict=True)) if x != y]
        return ", ".join(names)


def _sorted(connection: Connection, query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    """Order by the first column, byte-wise on both databases (PostgreSQL's default
    collation would sort `REL-…` differently from SQLite and break the merge)."""
    key = next(iter(query.selected_columns))
    if connection.dialect.name == "postgresql" and isinstance(key.type, String):
        return query.order_by(key.collate("C"))
    return query.order_by(key)


def _stream(connection: Connection, query: Select[*tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    options = connection.execution_options(stream_results=True, yield_per=5_000)
    for row in options.execute(_sorted(connection, query)):
        yield tuple(row)


def _merge(comparison: Comparison, central_rows: Iterable[tuple[Any, ...]],
           cache_rows: Iterable[tuple[Any, ...]], report: Verification) -> None:
    """Both inputs sorted by their first column; every mismatch becomes a line."""
    label = comparison.label
    found: list[str] = []
    counted = 0
    left, right = iter(central_rows), iter(cache_rows)
    a, b = next(left, None), next(right, None)
    while a is not None or b is not None:
        counted += 1
        if a is not None and (b is None or a[0] < b[0]):
            found.append(_("{t}: {k} está en la central y falta en esta estación").format(
                t=label, k=comparison.key(a[0])))
            a = next(left, None)
        elif b is not None and (a is None or b[0] < a[0]):
            found.append(_("{t}: {k} está en esta estación y no en la central").format(
                t=label, k=comparison.key(b[0])))
            b = next(right, None)
        else:  # the same key on both sides (neither is None here)
            if a is not None and b is not None and a != b:
                found.append(_("{t}: {k} difiere en: {columns}").format(
                    t=label, k=comparison.key(a[0]), columns=comparison.differing(a, b)))
            a, b = next(left, None), next(right, None)
    report.compared[label] = counted
    report.differences.extend(found[:SHOWN_PER_TABLE])
    if len(found) > SHOWN_PER_TABLE:
        more = len(found) - SHOWN_PER_TABLE
        report.differences.append(ngettext("{t}: … y {n} diferencia más",
                                           "{t}: … y {n} diferencias más", more).format(
            t=label, n=more))


def _comparisons(centre: str) -> list[Comparison]:
    c, l = central, cache  # noqa: E741 - central / local
    contacts = central.CASE_CONTACTS  # this centre's only (the view on PostgreSQL)
    return [
        Comparison(_("Centro"), select(c.Centre.code, c.Centre.name, c.Centre.counters),
                   select(l.Centre.code, l.Centre.name, l.Centre.counters),
                   (_("nombre"), _("ventanillas"))),
        Comparison(_("Personal"),
                   select(c.Staff.username, c.Staff.role, c.Staff.centre_code, c.Staff.active,
                          c.Staff.password_hash).where(c.Staff.centre_code == centre),
                   select(l.Staff.username, l.Staff.role, l.Staff.centre_code, l.Staff.active,
                          l.Staff.password_hash),
                   (_("rol"), _("centro"), _("activo"), _("clave"))),
        Comparison(_("Pensionista"),
                   select(c.Pension.cedula, c.Person.surnames, c.Person.given_names,
                          c.Pension.pension_type, c.Pension.state)
                   .join(c.Person, c.Person.cedula == c.Pension.cedula),
                   select(l.Pensioner.cedula, l.Pensioner.surnames, l.Pensioner.given_names,
                          l.Pensioner.pension_type, l.Pensioner.pension_state),
                   (_("apellidos"), _("nombres"), _("tipo de pensión"), _("estado")),
                   masked_key=True),
        Comparison(_("Aporte pendiente"),
                   select(c.ContributionDebt.id, c.ContributionDebt.cedula,
                          c.ContributionDebt.employer_ruc, c.ContributionDebt.period_from,
                          c.ContributionDebt.period_to)
                   .where(c.ContributionDebt.settled_on.is_(None)),
                   select(l.ContributionDebt.id, l.ContributionDebt.cedula,
                          l.ContributionDebt.employer_ruc, l.ContributionDebt.period_from,
                          l.ContributionDebt.period_to),
                   (_("cédula"), _("RUC"), _("desde"), _("hasta"))),
        Comparison(_("Trámite"),
                   select(c.Case.case_number, c.Case.state, c.Case.cedula, c.Case.registered_by,
                          c.Case.state_changed_at, coalesce(contacts.c.email, ""),
                          coalesce(contacts.c.phone, ""))
                   .outerjoin(contacts, and_(contacts.c.case_number == c.Case.case_number,
                                             contacts.c.centre_code == centre)),
                   select(l.Case.case_number, l.Case.state, l.Case.cedula, l.Case.registered_by,
                          l.Case.state_changed_at, l.Case.email, l.Case.phone),
                   (_("estado"), _("cédula"), _("registrado por"), _("fecha de estado"),
                    _("correo"), _("celular"))),
        Comparison(_("Evento"),
                   select(c.CaseEvent.event_id, c.CaseEvent.case_number, c.CaseEvent.to_state),
                   select(l.CaseEvent.event_id, l.Case.case_number, l.CaseEvent.to_state)
                   .join(l.Case, l.Case.id == l.CaseEvent.case_id),
                   (_("trámite"), _("estado"))),
        Comparison(_("Documento"),
                   select((c.CaseDocument.case_number + "/" + c.CaseDocument.sha256).label("k"),
                          c.CaseDocument.pages),
                   select((l.Case.case_number + "/" + l.CaseDocument.sha256).label("k"),
                          l.CaseDocument.pages)
                   .join(l.Case, l.Case.id == l.CaseDocument.case_id),
                   (_("páginas"),)),
        Comparison(_("Acuerdo"),
                   select(c.Agreement.case_number, c.Agreement.number, c.Agreement.kind,
                          c.Agreement.new_pension, c.Agreement.retroactive_amount,
                          c.Agreement.signed_sha256),
                   select(l.Agreement.case_number, l.Agreement.number, l.Agreement.kind,
                          l.Agreement.new_pension, l.Agreement.retroactive_amount,
                          l.Agreement.signed_sha256),
                   (_("número"), _("tipo"), _("pensión nueva"), _("retroactivo"),
                    _("documento firmado"))),
        # issue 13: this centre's complaints and closed attentions (an open one is not
        # sent until it is closed)
        Comparison(_("Queja"),
                   select(c.Complaint.number, c.Complaint.state, c.Complaint.registered_by)
                   .where(c.Complaint.centre_code == centre),
                   select(l.Complaint.number, l.Complaint.state, l.Complaint.registered_by),
                   (_("estado"), _("registrada por"))),
        Comparison(_("Atención"),
                   select(c.Attention.attention_id, c.Attention.clerk, c.Attention.workstation)
                   .where(c.Attention.centre_code == centre),
                   select(l.Attention.attention_id, l.Attention.clerk, l.Attention.workstation)
                   .where(l.Attention.ended_at.is_not(None)),
                   (_("funcionario"), _("ventanilla"))),
    ]


def verify(central_engine: Engine, cache_db: SessionFactories, centre: str) -> Verification:
    report = Verification()
    with cache_db.read() as session:
        for status in (PENDING, REFUSED_LOCAL):
            count = session.scalar(select(func.count()).select_from(cache.OutboxEvent).where(
                cache.OutboxEvent.status == status)) or 0
            if count:
                report.differences.append((ngettext(
                    "{n} evento espera ser enviado a la central",
                    "{n} eventos esperan ser enviados a la central", count)
                    if status == PENDING else ngettext(
                    "{n} evento fue rechazado por la central",
                    "{n} eventos fueron rechazados por la central", count)).format(n=count))
        local = session.connection()
        with central_engine.connect() as remote:
            for comparison in _comparisons(centre):
                _merge(comparison, _stream(remote, comparison.central),
                       _stream(local, comparison.cache), report)
    return report
