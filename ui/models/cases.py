"""Table models of cases: the supervisor's review queue and the status page's case lists.

Each model has column constants, a SORT_ROLE with comparable Python values (dates, day
counts) and an ITEM_ROLE with the row's dataclass; `CaseFilterProxy` sorts on SORT_ROLE and
filters on the shown text with accents and case ignored, as names are searched elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain.text import fold
from desktop.i18n import _
from desktop.services.case_views import CaseSummary
from desktop.services.review import ReviewItem
from ui.widgets.text import moment

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = QBrush(QColor("#666"))


class _RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of one dataclass; subclasses say how a cell reads and how it sorts."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        answers: dict[int, Callable[[], Any]] = {
            int(Qt.ItemDataRole.DisplayRole): lambda: self.text(row, column),
            int(Qt.ItemDataRole.ToolTipRole): lambda: self.tooltip(row) or self.text(row, column),
            int(Qt.ItemDataRole.ForegroundRole): lambda: self.foreground(row),
            int(SORT_ROLE): lambda: self.key(row, column),
            int(ITEM_ROLE): lambda: row,
        }
        answer = answers.get(int(role))
        return answer() if answer is not None else None

    def text(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def key(self, row: Row, column: int) -> Any:
        return self.text(row, column).casefold()

    def tooltip(self, row: Row) -> str:
        return ""

    def foreground(self, row: Row) -> QBrush | None:
        return None

    def row_of(self, case_number: str) -> int:
        """The row of a case, or -1."""
        return next((i for i, row in enumerate(self.rows)
                     if self.case_number(row) == case_number), -1)

    def case_number(self, row: Row) -> str:
        raise NotImplementedError


class ReviewQueueModel(_RowsModel[ReviewItem]):
    """Cases waiting for a supervisor: how long (working days), who registered them, and
    the two marks that change what the supervisor may or must do."""

    CASE, APPLICANT, CEDULA, REGISTERED_BY, SINCE, DAYS, FLAGS = range(7)
    HEADERS = (_("Trámite"), _("Solicitante"), _("Cédula"), _("Registró"),
               _("En revisión desde"), _("Días hábiles"), _("Observaciones"))

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

    def case_number(self, row: ReviewItem) -> str:
        return row.summary.case_number


def flags_of(item: ReviewItem) -> str:
    flags = []
    if item.override:
        flags.append(_("Registrado con autorización (no cumplía requisitos)"))
    if item.own:
        flags.append(_("Registrado por usted: lo revisa otro supervisor"))
    return "; ".join(flags)


class CaseListModel(_RowsModel[CaseSummary]):
    """Search results and the clerk's own pending cases; `notes` holds, by case number,
    what the clerk must read in the list (why a case was returned)."""

    CASE, APPLICANT, CEDULA, STATE, REGISTERED, CHANGED, NOTE = range(7)
    HEADERS = (_("Trámite"), _("Solicitante"), _("Cédula"), _("Estado"), _("Ingresado"),
               _("Último cambio"), _("Observación"))

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

    def case_number(self, row: CaseSummary) -> str:
        return row.case_number


class CaseFilterProxy(QSortFilterProxyModel):
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

    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))

    def item(self, row: int) -> Any:
        return self.index(row, 0).data(ITEM_ROLE)
