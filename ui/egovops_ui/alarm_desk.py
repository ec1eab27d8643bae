"""The alarm desk: alarms table with severity colours, filters, sorting, root-cause folding, acknowledge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMenu, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from egovops.overview.alarms import SEVERITY_RANK, AlarmFilter, AlarmRecord
from egovops_ui.alarm_model import COLUMNS, AlarmFilterProxy, AlarmTableModel
from egovops_ui.states import network_label, severity_label


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
