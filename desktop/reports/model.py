"""A report as plain data: what the page shows and every export writes, so the CSV, the
workbook and the PDF carry the same numbers and the same provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.clock import format_local
from desktop.i18n import _

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """Bars per category, one series per entry (stacked when `stacked`)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    stacked: bool = False


@dataclass(frozen=True)
class Report:
    kind: str  # transparency | backlog | staff
    title: str
    period: str  # e.g. 2025-08, or 2025-01 a 2025-06
    centre: str  # «UIO01 — Centro de Atención Quito Norte», or «Nacional»
    generated_at: datetime
    #: where the numbers come from, e.g. «Base central (en línea)» or the cache's sync time
    source: str
    synced_at: datetime | None  # the cache's last good sync; None when read at central
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def provenance(self) -> tuple[tuple[str, str], ...]:
        """The lines every export carries (label, value)."""
        return (
            (_("Reporte"), self.title),
            (_("Periodo"), self.period),
            (_("Centro"), self.centre),
            (_("Generado el"), format_local(self.generated_at, seconds=True)),
            (_("Datos"), self.source),
            (_("Sincronizado el"), format_local(self.synced_at, seconds=True)
             if self.synced_at else _("consulta directa a la central")),
            *((_("Nota"), note) for note in self.notes),
        )
