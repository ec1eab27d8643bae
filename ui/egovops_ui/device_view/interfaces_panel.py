"""The interfaces tab: a filter box, a "faults only" switch and the sortable table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from egovops.device_detail.interfaces import InterfaceRow, faulty
from egovops_ui.device_view.interfaces_model import COLUMNS, InterfacesModel, InterfacesProxy


class InterfacesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = InterfacesModel(self)
        self.proxy = InterfacesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.faults_only = QCheckBox(self)
        self.counts = QLabel(self)
        self.view = QTableView(self)
        self.view.setObjectName("interfaceTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.faults_only)
        bar.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.filter.textChanged.connect(self._apply)
        self.faults_only.toggled.connect(self._apply)
        self._fitted = False
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter: interface, description, neighbour…"))
        self.faults_only.setText(self.tr("Only interfaces at fault"))
        self.model.retranslate()
        self._count()

    def set_rows(self, rows: list[InterfaceRow]) -> None:
        self.model.set_rows(rows)
        self._count()
        if rows and not self._fitted:  # later reloads keep the operator's column widths and place
            self.view.resizeColumnsToContents()
            self._fitted = True
            self.show_first_fault()

    def show_first_fault(self) -> None:
        """Make the first interface at fault current and scroll to it (on a 48-port switch it may be
        off screen) without selecting it: the selection colour would hide its fault tint."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row(self.proxy.mapToSource(index).row()).fault is not None:
                self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(index)
                return

    def _apply(self) -> None:
        self.proxy.set_filter(self.filter.text(), self.faults_only.isChecked())
        self._count()

    def _count(self) -> None:
        rows = self.model.rows
        self.counts.setText(self.tr("{shown} of {total} interfaces, {faults} at fault").format(
            shown=self.proxy.rowCount(), total=len(rows), faults=len(faulty(rows))))

    def visible_rows(self) -> list[InterfaceRow]:
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(self.proxy.rowCount())]
