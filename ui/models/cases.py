"""Table models of cases: the supervisor's review queue and the status page's case lists.

Each model (ui.models.rows) has column constants, a SORT_ROLE with comparable Python values
(dates, day counts) and an ITEM_ROLE with the row's dataclass; `CaseFilterProxy` sorts and
filters on the shown text with accents and case ignored, as names are searched elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel
from PySide6.QtGui import QBrush

from desktop.domain.text import fold
from desktop.i18n import N_, _
from desktop.services.case_views import CaseSummary
from desktop.services.review import ReviewItem
from ui.models.rows import MUTED, Index, RowsModel, SortProxy
from ui.widgets.text import moment


class ReviewQueueModel(RowsModel[ReviewItem]):
    """Cases waiting for a supervisor: how long (working days), who registered them, and
    the two marks that change what the supervisor may or must do."""

    CASE, APPLICANT, CEDULA, REGISTERED_BY, SINCE, DAYS, FLAGS = range(7)
    HEADERS = (N_("Trámite"), N_("Solicitante"), N_("Cédula"), N_("Registró"),
               N_("En revisión desde"), N_("Días hábiles"), N_("Observaciones"))

    def text(self, row: ReviewItem, column: int) -> str:
        summary = row.summary
        return (summary.case_number, summary.applicant_name, summary.cedula_masked,
                summary.registered_by, moment(summary.state_changed_at),
                str(row.waiting_days), flags_of(row))[column]

    def key(self, row: ReviewItem, column: int) -> Any:
        if column == self.SINCE:
            return row.summary.state_changed_at
        if column == self.DAYS:
            return row.waiting_days
        return super().key(row, column)

    def tooltip(self, row: ReviewItem) -> str:
        return flags_of(row)

    def foreground(self, row: ReviewItem) -> QBrush | None:
        return MUTED if row.own else None

    def ident(self, row: ReviewItem) -> str:
        return row.summary.case_number


def flags_of(item: ReviewItem) -> str:
    flags = []
    if item.warning:
        flags.append(_("Con advertencia: un requisito no se pudo confirmar"))
    if item.own:
        flags.append(_("Registrado por usted: lo revisa otro supervisor"))
    return "; ".join(flags)


class CaseListModel(RowsModel[CaseSummary]):
    """Search results and the clerk's own pending cases; `notes` holds, by case number,
    what the clerk must read in the list (why a case was returned)."""

    CASE, APPLICANT, CEDULA, STATE, REGISTERED, CHANGED, NOTE = range(7)
    HEADERS = (N_("Trámite"), N_("Solicitante"), N_("Cédula"), N_("Estado"), N_("Ingresado"),
               N_("Último cambio"), N_("Observación"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.notes: dict[str, str] = {}

    def set_cases(self, rows: Sequence[CaseSummary], notes: Mapping[str, str] | None = None
                  ) -> None:
        self.notes = dict(notes or {})
        self.set_rows(rows)

    def replace(self, summary: CaseSummary) -> None:
        """Show a case's new state after an action, without searching again."""
        row = self.row_of(summary.case_number)
        if row >= 0:
            self.rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def text(self, row: CaseSummary, column: int) -> str:
        return (row.case_number, row.applicant_name, row.cedula_masked, row.state_label,
                moment(row.registered_at), moment(row.state_changed_at),
                self.notes.get(row.case_number, ""))[column]

    def key(self, row: CaseSummary, column: int) -> Any:
        if column == self.REGISTERED:
            return row.registered_at
        if column == self.CHANGED:
            return row.state_changed_at
        return super().key(row, column)

    def ident(self, row: CaseSummary) -> str:
        return row.case_number


class CaseFilterProxy(SortProxy):
    """Sorts on SORT_ROLE in Python; keeps rows whose text holds every typed word."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        text = fold(" ".join(str(model.index(source_row, column, source_parent).data() or "")
                             for column in range(model.columnCount())))
        return all(word in text for word in self.words)
