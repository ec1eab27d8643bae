"""The alarm desk's table model: root alarms each followed by their folded symptoms, and its filter/sort proxy."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from egovops.overview.alarm_text import kind_label, localized_message
from egovops.overview.alarms import SEVERITY_RANK, AlarmFilter, AlarmRecord, group_by_root
from egovops_ui.states import SEVERITY_COLOURS, alarm_state_label, severity_label

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("severity", "device", "site", "kind", "message", "first_seen", "last_seen", "count", "state", "acked_by", "owner_unit", "contact")
STATE_RANK = {"open": 0, "acknowledged": 1, "cleared": 2}  # what still needs someone comes first


def _clock(at: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at)) if at else ""


class AlarmTableModel(QAbstractTableModel):
    """Rows are root alarms each followed by the alarms folded under it (root-cause order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AlarmRecord] = []
        self.root_of: dict[int, AlarmRecord] = {}  # alarm id → its group's root
        self.folded_count: dict[int, int] = {}  # root id → alarms under it

    def set_alarms(self, alarms: list[AlarmRecord]) -> None:
        self.beginResetModel()
        self.rows, self.root_of, self.folded_count = [], {}, {}
        for group in group_by_root(alarms):
            self.rows.append(group.root)
            self.root_of[group.root.id] = group.root
            self.folded_count[group.root.id] = len(group.folded)
            for alarm in group.folded:
                self.rows.append(alarm)
                self.root_of[alarm.id] = group.root
        self.endResetModel()

    def alarm(self, row: int) -> AlarmRecord:
        return self.rows[row]

    def is_folded(self, alarm: AlarmRecord) -> bool:
        return self.root_of[alarm.id].id != alarm.id

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Severity"), self.tr("Device"), self.tr("Site"), self.tr("Kind"), self.tr("Message"),
            self.tr("First seen"), self.tr("Last seen"), self.tr("Count"), self.tr("State"), self.tr("Acknowledged by"),
            self.tr("Owner unit"), self.tr("Contact"),
        )[section]

    def _display(self, alarm: AlarmRecord, column: str) -> str:
        if column == "severity":
            return severity_label(alarm.severity)
        if column == "device":
            return ("    └ " if self.is_folded(alarm) else "") + alarm.device
        if column in ("first_seen", "last_seen"):
            return _clock(getattr(alarm, column))
        if column == "kind":
            return kind_label(alarm.kind)
        if column == "message":
            return localized_message(alarm.kind, alarm.message)
        if column == "count":
            return str(alarm.count)
        if column == "state":
            text = alarm_state_label(alarm.state)
            folded = self.folded_count.get(alarm.id, 0)
            return self.tr("{state} (+{n} folded)").format(state=text, n=folded) if folded else text
        if column == "acked_by":
            return alarm.acked_by or ""
        return str(getattr(alarm, column))

    def sort_key(self, alarm: AlarmRecord, column: str) -> Any:
        if column == "severity":
            # The desk's default order: open alarms first, then by severity, then the newest.
            return (STATE_RANK.get(alarm.state, 3), SEVERITY_RANK.get(alarm.severity, 9), -alarm.last_seen)
        if column in ("first_seen", "last_seen", "count"):
            return getattr(alarm, column)
        if column == "state":
            return STATE_RANK.get(alarm.state, 3)
        if column in ("kind", "message"):
            return self._display(alarm, column).casefold()  # sorted as the operator reads them
        return str(getattr(alarm, column)).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        alarm, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, column)
        if role == SortRole:
            return self.sort_key(alarm, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == "severity":
            return SEVERITY_COLOURS.get(alarm.severity)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "severity":
                return QColor("white")
            if not alarm.active or self.is_folded(alarm):
                return QColor("#7a7f87")  # cleared and folded alarms recede
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self.tr("Acknowledged by {who}: {comment}").format(who=alarm.acked_by, comment=alarm.ack_comment or "") if alarm.acked_by else ""
            return "\n".join(filter(None, (localized_message(alarm.kind, alarm.message), note)))
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))


class AlarmFilterProxy(QSortFilterProxyModel):
    """Filters with the core's ``AlarmFilter``; sorts groups by their root so folded rows stay under it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = AlarmFilter()
        self.fold = True  # hide folded alarms, show them as "+N folded" on the root
        self.setSortRole(SortRole)

    def source(self) -> AlarmTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_criteria(self, criteria: AlarmFilter) -> None:
        self.criteria = criteria
        self.invalidate()

    def set_fold(self, fold: bool) -> None:
        self.fold = fold
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.source()
        alarm = model.alarm(row)
        if self.fold and model.is_folded(alarm):
            return False
        # A root stays when any of its group matches, so a filter never orphans a symptom.
        return self.criteria.accepts(alarm) or (model.is_folded(alarm) and self.criteria.accepts(model.root_of[alarm.id]))

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.source()
        a, b = model.alarm(left.row()), model.alarm(right.row())
        column = COLUMNS[left.column()]
        root_a, root_b = model.root_of[a.id], model.root_of[b.id]
        if root_a.id != root_b.id:
            return bool(model.sort_key(root_a, column) < model.sort_key(root_b, column)) if model.sort_key(root_a, column) != model.sort_key(root_b, column) else root_a.id < root_b.id
        # Same group: the root first whichever way the column sorts.
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        rank_a, rank_b = (0 if a.id == root_a.id else 1), (0 if b.id == root_b.id else 1)
        if rank_a == rank_b:
            return a.id < b.id if ascending else a.id > b.id
        return rank_a < rank_b if ascending else rank_a > rank_b
