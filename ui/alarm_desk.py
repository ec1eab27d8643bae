"""The alarm desk: alarms table with severity colours, filters, sorting, root-cause folding, acknowledge."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPoint, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMenu, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from egovops.overview.alarm_text import kind_label, localized_message
from egovops.overview.alarms import SEVERITY_RANK, AlarmFilter, AlarmRecord, group_by_root
from egovops_ui.states import SEVERITY_COLOURS, alarm_state_label, network_label, severity_label

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("severity", "device", "site", "kind", "message", "first_seen", "last_seen", "count", "state", "owner_unit", "contact")


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
            self.tr("First seen"), self.tr("Last seen"), self.tr("Count"), self.tr("State"),
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
        return str(getattr(alarm, column))

    def sort_key(self, alarm: AlarmRecord, column: str) -> Any:
        if column == "severity":
            return SEVERITY_RANK.get(alarm.severity, 9)
        if column in ("first_seen", "last_seen", "count"):
            return getattr(alarm, column)
        if column == "state":
            return alarm.state
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


class AlarmDesk(QWidget):
    deviceActivated = Signal(str)  # show it on the map
    deviceOpened = Signal(str)  # open its device view
    acknowledgeRequested = Signal(list, str)  # alarm ids, comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AlarmTableModel(self)
        self.proxy = AlarmFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.site_filter = ""
        self.severity = QComboBox(self)
        self.network = QComboBox(self)
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.fold = QCheckBox(self)
        self.fold.setChecked(True)
        self.ack = QPushButton(self)
        self.view = QTableView(self)
        self.view.setObjectName("alarmTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        for widget in (self.severity, self.network, self.text, self.fold, self.ack):
            bar.addWidget(widget)
        bar.setStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.severity.currentIndexChanged.connect(self._apply_filter)
        self.network.currentIndexChanged.connect(self._apply_filter)
        self.text.textChanged.connect(self._apply_filter)
        self.fold.toggled.connect(self.proxy.set_fold)
        self.ack.clicked.connect(self._ask_acknowledge)
        self.view.doubleClicked.connect(self._activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.retranslate()

    def retranslate(self) -> None:
        for combo, values, first in (
            (self.severity, list(SEVERITY_RANK), self.tr("All severities")),
            (self.network, ["intranet", "extranet"], self.tr("All networks")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value in values:
                combo.addItem(severity_label(value) if combo is self.severity else network_label(value), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.text.setPlaceholderText(self.tr("Filter: device, site, message, unit…"))
        self.fold.setText(self.tr("Fold under root cause"))
        self.ack.setText(self.tr("Acknowledge…"))
        self.model.retranslate()

    def set_alarms(self, alarms: list[AlarmRecord]) -> None:
        selected = set(self.selected_ids())
        first = not self.model.rows
        self.model.set_alarms(alarms)
        self._restore_selection(selected)
        if first and alarms:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths from the first alarms; afterwards the operator's own widths stay."""
        self.view.resizeColumnsToContents()
        # Folded rows are hidden while this runs: size kind and site for them too, so unfolding clips nothing.
        metrics = self.view.fontMetrics()
        for name in ("kind", "site"):
            column = COLUMNS.index(name)
            widest = max((metrics.horizontalAdvance(self.model._display(a, name)) for a in self.model.rows), default=0)
            self.view.setColumnWidth(column, max(self.view.columnWidth(column), min(widest + 16, 320)))
        device = COLUMNS.index("device")
        self.view.setColumnWidth(device, max(self.view.columnWidth(device), 170))  # room for folded "└ name"
        message = COLUMNS.index("message")
        self.view.setColumnWidth(message, min(max(self.view.columnWidth(message), 240), 300))

    def set_site_filter(self, site: str) -> None:
        self.site_filter = site
        self._apply_filter()

    def _apply_filter(self) -> None:
        severity = self.severity.currentData() or ""
        self.proxy.set_criteria(AlarmFilter(
            severities=frozenset({severity}) if severity else frozenset(),
            network=self.network.currentData() or "", site=self.site_filter, text=self.text.text().strip(),
        ))

    def visible_alarms(self) -> list[AlarmRecord]:
        return [self.model.alarm(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(self.proxy.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.alarm(r).id for r in sorted(rows)]

    def _restore_selection(self, ids: set[int]) -> None:
        for row in range(self.proxy.rowCount()):
            alarm = self.model.alarm(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if alarm.id in ids:
                self.view.selectRow(row)

    def acknowledge_selected(self, comment: str) -> list[int]:
        """Ask for the selected alarms (with folded ones when their root is chosen folded) to be acknowledged."""
        ids = self.selected_ids()
        if self.proxy.fold:
            ids += [a.id for a in self.model.rows if self.model.is_folded(a) and self.model.root_of[a.id].id in ids]
        if ids:
            self.acknowledgeRequested.emit(ids, comment)
        return ids

    def _ask_acknowledge(self) -> None:
        if not self.selected_ids():
            return
        comment, ok = QInputDialog.getText(self, self.tr("Acknowledge alarms"), self.tr("Comment (recorded with your name):"))
        if ok:
            self.acknowledge_selected(comment.strip())

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        device = self.model.alarm(self.proxy.mapToSource(index).row()).device
        menu = QMenu(self)
        menu.addAction(self.tr("Open device"), lambda: self.deviceOpened.emit(device))
        menu.addAction(self.tr("Show on map"), lambda: self.deviceActivated.emit(device))
        menu.addAction(self.tr("Acknowledge…"), self._ask_acknowledge)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _activated(self, index: QModelIndex) -> None:
        self.deviceActivated.emit(self.model.alarm(self.proxy.mapToSource(index).row()).device)
