"""The read-only, sortable lists of the app, set up one way (rows, not cells)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def rows_table(table: QTableView, model: QAbstractItemModel, sort_column: int,
               order: Qt.SortOrder, stretch_column: int) -> QTableView:
    """Whole rows selected one at a time, never edited, sorted by `sort_column`; Tab
    leaves the table (arrows move inside it) and `stretch_column` takes the spare width."""
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch_column,
                                                  QHeaderView.ResizeMode.Stretch)
    return table
