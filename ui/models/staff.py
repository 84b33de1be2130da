"""The table model of a centre's staff, for the administrator's «Personal» page.

Column constants, a SORT_ROLE with comparable Python values (a disabled account sorts
before an active one, roles by their Spanish label) and MEMBER_ROLE with the row's
dataclass; disabled accounts are greyed so they stand out in a long list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import _
from desktop.services.staff import StaffMember

Index = QModelIndex | QPersistentModelIndex
MUTED = QBrush(QColor("#777"))


class StaffModel(QAbstractTableModel):
    USERNAME, NAME, ROLE, ACTIVE = range(4)
    SORT_ROLE = Qt.ItemDataRole.UserRole
    MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
    HEADERS = (_("Usuario"), _("Nombre"), _("Rol"), _("Activo"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[StaffMember] = []

    def set_rows(self, rows: Sequence[StaffMember]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, username: str) -> int:
        """The row of a user name, or -1."""
        return next((i for i, row in enumerate(self.rows) if row.username == username), -1)

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == self.SORT_ROLE:
            return row.active if column == self.ACTIVE else self.text(row, column).casefold()
        if role == self.MEMBER_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if row.active else MUTED
        return None

    def text(self, row: StaffMember, column: int) -> str:
        active = _("Sí") if row.active else _("No")
        return (row.username, row.full_name, row.role.label, active)[column]


class StaffProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE in Python (booleans as booleans, not as the words Sí/No)."""

    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(StaffModel.SORT_ROLE) < right.data(StaffModel.SORT_ROLE))

    def member(self, row: int) -> StaffMember | None:
        member = self.index(row, 0).data(StaffModel.MEMBER_ROLE)
        return member if isinstance(member, StaffMember) else None
