"""One table model for rows of one dataclass, and the proxy that sorts them in Python.

Every list in the app (review queue, case lists, staff, sync problems) is a tuple of
dataclasses shown read-only: a subclass says how a cell reads (`text`), how it sorts
(`key`: dates and numbers as themselves), what it greys out and how a row is found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from desktop.i18n import translate

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole  # comparable Python values
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
MUTED = QBrush(QColor("#666"))


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of one dataclass; subclasses say how a cell reads and how it sorts."""

    HEADERS: tuple[str, ...] = ()
    SORT_ROLE = SORT_ROLE
    ITEM_ROLE = ITEM_ROLE

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, ident: str) -> int:
        """The row whose `ident` is this (a case number, a user name), or -1."""
        return next((i for i, row in enumerate(self.rows) if self.ident(row) == ident), -1)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return translate(self.HEADERS[section])
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

    def ident(self, row: Row) -> str:
        raise NotImplementedError


class SortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE in Python (dates, numbers, booleans), not as Qt variants."""

    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))

    def item(self, row: int) -> Any:
        """The dataclass behind a visible row (None past the end)."""
        return self.index(row, 0).data(ITEM_ROLE)
