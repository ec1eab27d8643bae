"""The grouped availability as a sortable table: the core's cells shown, its numbers sorted on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from egovops.availability.measures import GroupRow
from egovops.reports import tables

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MISSED = QColor("#c62828")
SLA_COLUMN = 12

Index = QModelIndex | QPersistentModelIndex


class GroupTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[GroupRow] = []
        self.by, self.view = "city", "service"
        self._cells: list[list[str]] = []
        self._keys: list[list[str | float]] = []
        self._headers: list[str] = tables.group_headers(self.by)

    def set_rows(self, rows: list[GroupRow], by: str, view: str) -> None:
        self.beginResetModel()
        self.rows, self.by, self.view = rows, by, view
        # Formatted once here: the view asks for every visible cell on each repaint.
        self._cells = [tables.group_cells(r, view) for r in rows]
        self._keys = [tables.group_sort_keys(r, view) for r in rows]
        self._headers = tables.group_headers(by)
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and cells come from the core, which follows the console's language."""
        self.set_rows(self.rows, self.by, self.view)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[r][c]
        if role == SORT_ROLE:
            return self._keys[r][c]
        if role == Qt.ItemDataRole.TextAlignmentRole and c > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and c == SLA_COLUMN and self.rows[r].view(self.view).sla_met is False:
            return QBrush(MISSED)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
