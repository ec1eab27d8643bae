"""The interfaces table: a model over the core's InterfaceRow list, and a proxy to sort and filter.

Sorting uses the raw numbers (UserRole), never the formatted text, so 900 Mbit/s sorts below
1 Gbit/s. Interfaces at fault are tinted and marked in their own column.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from egovops.device_detail.formatting import format_bps, format_rate
from egovops.device_detail.interfaces import InterfaceRow
from egovops_ui.qt_compat import filter_change

COLUMNS = ("name", "admin", "oper", "speed", "in", "out", "errors", "discards", "neighbour", "fault")
FAULT_COLOURS = {"down": QColor("#f6c6c6"), "errors": QColor("#fbe3b5"), "neighbour-missing": QColor("#e4dcf0")}
Index = QModelIndex | QPersistentModelIndex


class InterfacesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InterfaceRow] = []
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [self.tr("Interface"), self.tr("Admin"), self.tr("Oper"), self.tr("Speed"), self.tr("In"),
                         self.tr("Out"), self.tr("Errors"), self.tr("Discards"), self.tr("LLDP neighbour"), self.tr("Fault")]
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def fault_label(self, fault: str | None) -> str:
        return {"down": self.tr("down while admin up"), "errors": self.tr("errors"),
                "neighbour-missing": self.tr("neighbour lost"), None: ""}.get(fault, fault or "")

    def status_label(self, value: int | None) -> str:
        """IF-MIB ifAdminStatus/ifOperStatus in words (the codes are shared by both columns)."""
        labels = {1: self.tr("up"), 2: self.tr("down"), 3: self.tr("testing"), 4: self.tr("unknown"), 5: self.tr("dormant"),
                  6: self.tr("not present"), 7: self.tr("lower layer down")}
        return labels.get(value or 0, "—" if value is None else str(value))

    def set_rows(self, rows: list[InterfaceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def row(self, number: int) -> InterfaceRow:
        return self.rows[number]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.fault:
            return FAULT_COLOURS.get(row.fault)
        if role == Qt.ItemDataRole.FontRole and row.fault and column in ("name", "oper", "errors", "fault"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and row.alias:
            return row.alias
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("speed", "in", "out", "errors", "discards"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: InterfaceRow, column: str) -> str:
        if column == "name":
            return row.name + (f" ({row.alias})" if row.alias else "")
        if column in ("admin", "oper"):
            value = row.admin_status if column == "admin" else row.oper_status
            return self.status_label(value)
        if column == "speed":
            return format_bps(row.speed_bps)
        if column in ("in", "out"):
            return format_bps(row.in_bps if column == "in" else row.out_bps)
        if column in ("errors", "discards"):
            return format_rate(row.errors_ps if column == "errors" else row.discards_ps)
        if column == "neighbour":
            return row.neighbour.label() if row.neighbour else ""
        return self.fault_label(row.fault)

    def _sort_key(self, row: InterfaceRow, column: str) -> Any:
        numbers = {"admin": row.admin_status, "oper": row.oper_status, "speed": row.speed_bps, "in": row.in_bps,
                   "out": row.out_bps, "errors": row.errors_ps, "discards": row.discards_ps}
        if column == "name":
            return row.index  # ifIndex order: GE1/0/10 after GE1/0/9
        if column in numbers:
            value = numbers[column]
            return -1.0 if value is None else float(value)
        if column == "fault":
            return {"down": 0, "errors": 1, "neighbour-missing": 2}.get(row.fault or "", 9)
        return self._text(row, column)


class InterfacesProxy(QSortFilterProxyModel):
    """Text filter over name, alias and neighbour; optionally only the interfaces at fault."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.text = ""
        self.faults_only = False

    def set_filter(self, text: str, faults_only: bool) -> None:
        with filter_change(self):  # the calls differ between PySide6 6.9 and 6.10+
            self.text, self.faults_only = text.strip().lower(), faults_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, InterfacesModel)
        row = model.row(source_row)
        if self.faults_only and row.fault is None:
            return False
        if not self.text:
            return True
        haystack = " ".join([row.name, row.alias, row.neighbour.label() if row.neighbour else ""]).lower()
        return self.text in haystack
