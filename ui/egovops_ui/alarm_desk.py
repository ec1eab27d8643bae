"""The alarm desk: alarms table with severity colours, filters, sorting, root-cause folding, acknowledge.

Columns are sized to what they hold at every refresh, except those the operator has resized: their
widths are kept (in QSettings) across refreshes and restarts. Open alarms come first, then by
severity, then the newest.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from egovops.overview.alarms import SEVERITY_RANK, AlarmFilter, AlarmRecord
from egovops_ui.alarm_model import COLUMNS, AlarmFilterProxy, AlarmTableModel
from egovops_ui.app import settings
from egovops_ui.states import network_label, severity_label

WIDTHS_KEY = "alarms/columnWidths"
PADDING = 24  # cell margins and the sort arrow
MAX_WIDTH = {"message": 480}  # longer messages are elided; the tooltip has them whole
DEFAULT_MAX = 360


class AlarmDesk(QWidget):
    deviceActivated = Signal(str)  # show it on the map
    deviceOpened = Signal(str)  # open its device view
    acknowledgeRequested = Signal(list, str)  # alarm ids, comment

    def __init__(self, parent: QWidget | None = None, store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else settings()
        self.operator_widths: dict[str, int] = _load_widths(self.store)
        self._sizing = False
        self.ack_dialog: QInputDialog | None = None
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
        self.mute = QToolButton(self)  # sound for new critical alarms
        self.mute.setObjectName("alarmMute")
        self.mute.setCheckable(True)
        self.view = QTableView(self)
        self.view.setObjectName("alarmTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().sectionResized.connect(self._section_resized)
        # Shown right after the severity: whether anyone has it, and how many alarms it explains, is
        # what the desk reads first; at the far right it scrolled out of sight on a 1600-pixel screen.
        self.view.horizontalHeader().moveSection(COLUMNS.index("state"), 1)
        bar = QHBoxLayout()
        for widget in (self.severity, self.network, self.text, self.fold, self.ack, self.mute):
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
        self.mute.setText(self.tr("Mute"))
        self.mute.setToolTip(self.tr("No sound for new critical alarms"))
        self.model.retranslate()
        self.fit_columns()

    def set_alarms(self, alarms: list[AlarmRecord]) -> None:
        selected = set(self.selected_ids())
        self.model.set_alarms(alarms)
        self._restore_selection(selected)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and its widest cell (folded rows included, so unfolding
        clips nothing), except the columns the operator sized: those keep the operator's width."""
        metrics = self.view.fontMetrics()
        header_metrics = self.view.horizontalHeader().fontMetrics()
        self._sizing = True
        try:
            for column, name in enumerate(COLUMNS[:-1]):  # the last one stretches to the edge
                if name in self.operator_widths:
                    self.view.setColumnWidth(column, self.operator_widths[name])
                    continue
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                widest = max((metrics.horizontalAdvance(self.model._display(a, name)) for a in self.model.rows), default=0)
                width = max(widest, header_metrics.horizontalAdvance(title)) + PADDING
                self.view.setColumnWidth(column, min(width, MAX_WIDTH.get(name, DEFAULT_MAX)))
        finally:
            self._sizing = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._sizing or column >= len(COLUMNS) - 1 or not self.view.horizontalHeader().isVisible():
            return  # our own fitting, the stretched last column, or layout before the desk is shown
        self.operator_widths[COLUMNS[column]] = new
        self.store.setValue(WIDTHS_KEY, json.dumps(self.operator_widths))

    def reset_widths(self) -> None:
        """Forget the operator's widths: every column fits its content again."""
        self.operator_widths.clear()
        self.store.remove(WIDTHS_KEY)
        self.fit_columns()

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
        dialog = QInputDialog(self)
        dialog.setObjectName("ackDialog")
        dialog.setWindowTitle(self.tr("Acknowledge alarms"))
        dialog.setLabelText(self.tr("Comment (recorded with your name):"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.resize(560, 260)  # room to say what is being done, not a one-word line
        dialog.textValueSelected.connect(lambda text: self.acknowledge_selected(text.strip()))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        self.ack_dialog = dialog
        dialog.open()

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


def _load_widths(store: QSettings) -> dict[str, int]:
    try:
        loaded = json.loads(str(store.value(WIDTHS_KEY, "{}")))
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {k: int(v) for k, v in loaded.items() if k in COLUMNS and isinstance(v, int) and 20 <= v <= 2000}
