"""Supervision reports (issue 13): the transparency table, the backlog, the staff's work.

Where the numbers come from:
- the station's own centre: its cache (fast, offline too), which holds the country's cases
  and the centre's attentions and complaints; the report carries the last good sync;
- the whole country, or another centre: central, read directly (its connection's row
  security decides what a centre's login sees; the country's monthly volumes come from a
  definer function that returns counts only, desktop.central.volumes). When central cannot
  be reached, a national report falls back to the station's centre from its cache and
  says so; another centre's report cannot be made offline.

Who may ask: supervisors and administrators (VIEW_REPORTS); the per-clerk report only for
their own centre (VIEW_STAFF_REPORT + the centre check here; at central the attentions'
row security keeps other centres' rows away from a centre's login anyway). Reports are
aggregates; exporting one is logged in the audit chain (who, which report, which format).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Connection, select

from desktop.clock import format_local, local, now
from desktop.domain.cases import CaseState
from desktop.domain.reporting import (
    AGE_BUCKETS,
    RESPONSE_LIMIT_WORKING_DAYS,
    TRANSPARENCY_HEADERS,
    Period,
    age_bucket_label,
    nearest_rank,
    working_day_ages,
)
from desktop.domain.roles import Action, Actor
from desktop.errors import PermissionDenied, ValidationError
from desktop.i18n import _
from desktop.reports import export, queries
from desktop.reports.model import Cell, Chart, Report, Table
from desktop.reports.tables import centres
from desktop.security import audit
from desktop.services.permissions import require
from desktop.services.runtime import Runtime
from desktop.sync.connection import CentralUnreachable, offline_as_unreachable
from desktop.sync.engine import last_good_sync

T = TypeVar("T")
KINDS = ("transparency", "backlog", "staff")
OVERDUE_LISTED = 50


@dataclass(frozen=True)
class Source:
    centre: str | None  # the centre the numbers are for; None = the whole country
    label: str
    synced_at: datetime | None
    note: str = ""


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


class ReportService:
    def __init__(self, runtime: Runtime, actor: Actor):
        self.runtime = runtime
        self.actor = actor

    # --- choices for the page -----------------------------------------------------------

    def centres(self) -> list[tuple[str, str]]:
        """(code, name) of every centre the cache knows, for the page's chooser."""
        require(self.actor, Action.VIEW_REPORTS)
        with self.runtime.db.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(
                select(centres.c.code, centres.c.name).order_by(centres.c.code))]

    @property
    def own_centre(self) -> str:
        return self.runtime.settings.centre

    # --- the reports ---------------------------------------------------------------------

    def transparency(self, period: Period, centre: str | None = None) -> Report:
        require(self.actor, Action.VIEW_REPORTS)
        rows, source = self._read(centre, lambda c, code: queries.transparency(c, period, code))
        newest_first = tuple((r.month, r.complaints, r.attentions) for r in reversed(rows))
        table = Table(_("Transparencia"),
                      TRANSPARENCY_HEADERS, newest_first,
                      note=_("Quejas: registradas en el mes, aunque se respondan o cierren "
                             "después. Atenciones: personas atendidas en ventanilla, por el "
                             "mes en que empezó la atención."))
        chart = Chart(_("Quejas y atenciones por mes"), tuple(r.month for r in rows), (
            (_("Atenciones"), tuple(float(r.attentions) for r in rows)),
            (_("Quejas"), tuple(float(r.complaints) for r in rows))))
        return self._report("transparency", _("Transparencia: quejas y atenciones"), period,
                            source, (table,), (chart,))

    def backlog(self, period: Period, centre: str | None = None,
                today: date | None = None) -> Report:
        """Open cases by state and age today; cases past the response limit; acuerdos
        issued in each month of the period."""
        require(self.actor, Action.VIEW_REPORTS)
        day = today or local(now()).date()
        limit = RESPONSE_LIMIT_WORKING_DAYS

        def read(connection: Connection, code: str | None) -> tuple[
                queries.Backlog, list[tuple[str, str, str, datetime]], dict[str, list[int]]]:
            return (queries.backlog(connection, code, day, limit),
                    queries.overdue_cases(connection, code, day, limit, OVERDUE_LISTED),
                    queries.agreements_by_month(connection, period, code))

        (backlog, overdue, issued), source = self._read(centre, read)
        buckets = tuple(age_bucket_label(i) for i in range(len(AGE_BUCKETS)))
        states = [(CaseState(state).label, counts) for state, counts in backlog.by_state.items()]
        state_rows: list[tuple[Cell, ...]] = [
            (label, *counts, sum(counts), backlog.past_deadline.get(state, 0))
            for (label, counts), state in zip(states, backlog.by_state, strict=True)]
        state_rows.append(
            (_("Total"), *(sum(col) for col in zip(*backlog.by_state.values(), strict=True)),
             backlog.total, sum(backlog.past_deadline.values())))
        by_state = Table(
            _("Pendientes por estado y antigüedad (días hábiles desde el registro)"),
            (_("Estado"), *buckets, _("Total"), _("Fuera de plazo")),
            tuple(state_rows),
            note=_("Fuera de plazo: trámites que aún esperan la respuesta de la institución "
                   "con más de {n} días hábiles desde su registro (COA, art. 207; supuesto: "
                   "no confirmado para prestaciones). Edades al {day}.").format(
                n=limit, day=day.strftime("%d/%m/%Y")))
        ages = working_day_ages([local(at).date() for *_rest, at in overdue], day)
        late = Table(
            _("Trámites fuera de plazo (los {n} más antiguos)").format(n=OVERDUE_LISTED),
            (_("Trámite"), _("Centro"), _("Estado"), _("Registrado"), _("Días hábiles")),
            tuple((number, centre_code, CaseState(state).label, format_local(at),
                   ages[local(at).date()])
                  for number, centre_code, state, at in overdue))
        months = [str(m) for m in period.months]
        kinds = {"CONCESION": _("Concesión"), "NEGACION": _("Negación")}
        acuerdos = Table(
            _("Acuerdos emitidos por mes"),
            (_("Año-Mes"), *(kinds.get(k, k) for k in issued), _("Total")),
            tuple((month, *(issued[k][i] for k in issued),
                   sum(issued[k][i] for k in issued)) for i, month in enumerate(months)))
        charts = (
            Chart(_("Antigüedad de los pendientes por estado (días hábiles)"),
                  tuple(label for label, _counts in states),
                  tuple((bucket, tuple(float(counts[i]) for _label, counts in states))
                        for i, bucket in enumerate(buckets)), stacked=True),
            Chart(_("Acuerdos emitidos por mes"), tuple(months),
                  tuple((kinds.get(k, k), tuple(float(n) for n in issued[k])) for k in issued),
                  stacked=True),
        )
        return self._report("backlog", _("Pendientes, plazos y acuerdos"), period, source,
                            (by_state, late, acuerdos), charts)

    def staff(self, period: Period, centre: str | None = None) -> Report:
        """Per clerk and per counter: attentions, registrations, service and waiting times.
        Only for the supervisors and administrators of that centre."""
        require(self.actor, Action.VIEW_STAFF_REPORT)
        code = centre or self.actor.centre_code
        if code != self.actor.centre_code:
            raise PermissionDenied(
                _("El reporte por funcionario es solo para el personal de supervisión de su "
                  "propio centro."), "staff report for another centre")
        work, source = self._read(code, lambda c, chosen: queries.staff_work(
            c, period, chosen or code))
        headers = (_("Atenciones"), _("Registros"), _("Mediana de atención (min)"),
                   _("P90 de atención (min)"), _("Con hora de turno"),
                   _("Mediana de espera (min)"), _("P90 de espera (min)"))

        def figures(item: queries.Work) -> tuple[Cell, ...]:
            service, waiting = item.service_seconds or [], item.waiting_seconds or []
            return (item.attentions, item.registrations,
                    _minutes(nearest_rank(service, 0.5)), _minutes(nearest_rank(service, 0.9)),
                    len(waiting), _minutes(nearest_rank(waiting, 0.5)),
                    _minutes(nearest_rank(waiting, 0.9)))

        clerks = sorted(work.by_clerk.items(), key=lambda item: item[0])
        by_clerk = Table(
            _("Por funcionario"), (_("Funcionario"), *headers),
            tuple((f"{work.names.get(user, user)} ({user})", *figures(item))
                  for user, item in clerks),
            note=_("Tiempo de atención: de la apertura al cierre de la atención. Espera: de "
                   "la hora agendada del turno al inicio de la atención (solo turnos en "
                   "línea). Percentiles por rango más cercano."))
        by_counter = Table(
            _("Por ventanilla"), (_("Ventanilla"), *headers),
            tuple((f"{_('Ventanilla')} {counter:02d}", *figures(item))
                  for counter, item in sorted(work.by_counter.items())))
        chart = Chart(_("Atenciones y registros por funcionario"),
                      tuple(user for user, _item in clerks),
                      ((_("Atenciones"), tuple(float(i.attentions) for _u, i in clerks)),
                       (_("Registros"), tuple(float(i.registrations) for _u, i in clerks))))
        return self._report("staff", _("Trabajo por funcionario y por ventanilla"), period,
                            source, (by_clerk, by_counter), (chart,))

    def make(self, kind: str, period: Period, centre: str | None = None) -> Report:
        if kind not in KINDS:
            raise ValidationError(_("Reporte desconocido."), f"report kind {kind!r}")
        return {"transparency": self.transparency, "backlog": self.backlog,
                "staff": self.staff}[kind](period, centre)

    def export(self, report: Report, kind: str) -> bytes:
        """The file's bytes (`kind`: csv, xlsx, pdf); the export is logged."""
        require(self.actor, Action.VIEW_STAFF_REPORT if report.kind == "staff"
                else Action.VIEW_REPORTS)
        data = export.render(report, kind)
        with self.runtime.db.write() as session, session.begin():
            audit.append(session, actor=self.actor.username,
                         workstation=self.runtime.settings.workstation, action="report.exported",
                         details={"report": report.kind, "period": report.period,
                                  "centre": report.centre, "format": kind})
        return data

    # --- where the numbers come from ------------------------------------------------------

    def _read(self, centre: str | None,
              query: Callable[[Connection, str | None], T]) -> tuple[T, Source]:
        code = centre.strip().upper() if centre else None
        if code is not None and code not in {c for c, _n in self.centres()}:
            raise ValidationError(
                _("El centro {centre} no existe.").format(centre=code),
                "report: unknown centre", field="centre")
        if code == self.own_centre:
            return self._from_cache(code, query)
        try:
            with offline_as_unreachable(), self._central() as connection:
                result = query(connection, code)
        except CentralUnreachable:
            if code is not None:
                raise ValidationError(
                    _("Sin conexión con la central: desde esta estación solo se puede "
                      "preparar el reporte de su propio centro ({centre}).").format(
                        centre=self.own_centre), "report: other centre offline") from None
            result, source = self._from_cache(self.own_centre, query)
            return result, Source(source.centre, source.label, source.synced_at, _(
                "Sin conexión con la central: no es el reporte nacional sino el del centro "
                "{centre}, con la información local de esta estación.").format(
                centre=self.own_centre))
        return result, Source(code, _("Base central, consultada en línea"), None)

    @contextmanager
    def _central(self) -> Iterator[Connection]:
        with self.runtime.central().connect() as connection:
            yield connection

    def _from_cache(self, code: str, query: Callable[[Connection, str | None], T]
                    ) -> tuple[T, Source]:
        with self.runtime.db.engine.connect() as connection:
            result = query(connection, code)
        synced = last_good_sync(self.runtime.db)
        return result, Source(code, _("Base local de la estación {station}").format(
            station=self.runtime.settings.workstation), synced)

    def _report(self, kind: str, title: str, period: Period, source: Source,
                tables: tuple[Table, ...], charts: tuple[Chart, ...]) -> Report:
        names = dict(self.centres())
        centre = (_("Nacional (todos los centros)") if source.centre is None
                  else f"{source.centre} — {names.get(source.centre, '')}".rstrip(" —"))
        return Report(kind, title, str(period), centre, now(), source.label,
                      source.synced_at,
                      tables, charts, (source.note,) if source.note else ())
