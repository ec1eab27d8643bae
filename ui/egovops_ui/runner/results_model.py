"""The live per-device results of a run: one row per target, filled in as progress and results arrive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from egovops.procedures import Status, TargetOutcome

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
STATUS_ORDER = {"failed": 0, "running": 1, "waiting": 2, "skipped": 3, "ok": 4}  # what needs work first
COLUMNS = ("device", "status", "progress", "message", "seconds")
STATUS_COLOURS = {"ok": QColor("#2e9d4a"), "failed": QColor("#d62f2f"), "skipped": QColor("#8a9099"), "running": QColor("#4a90d9")}


def status_label(status: str) -> str:
    labels = {
        "waiting": QCoreApplication.translate("RunnerStatus", "waiting"),
        "running": QCoreApplication.translate("RunnerStatus", "running"),
        "ok": QCoreApplication.translate("RunnerStatus", "ok"),
        "failed": QCoreApplication.translate("RunnerStatus", "failed"),
        "skipped": QCoreApplication.translate("RunnerStatus", "skipped"),
    }
    return labels.get(status, status)


@dataclass
class Row:
    device: str
    status: str = "waiting"
    fraction: float = 0.0
    message: str = ""
    seconds: float | None = None


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}

    def start(self, devices: list[str]) -> None:
        self.beginResetModel()
        self.rows = [Row(name) for name in devices]
        self._index = {row.device: i for i, row in enumerate(self.rows)}
        self.endResetModel()

    def _row(self, device: str) -> int:
        if device not in self._index:  # a result for a device the targets list did not name
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(Row(device))
            self._index[device] = len(self.rows) - 1
            self.endInsertRows()
        return self._index[device]

    def progress(self, device: str, fraction: float, message: str) -> None:
        number = self._row(device)
        row = self.rows[number]
        if row.status in ("waiting", "running"):  # a late progress report never reopens a finished target
            row.status, row.fraction, row.message = "running", fraction, message
            self._changed(number)

    def finish(self, outcome: TargetOutcome) -> None:
        number = self._row(outcome.device)
        row = self.rows[number]
        row.status, row.fraction, row.message = outcome.status.value, 1.0, outcome.message
        row.seconds = outcome.finished - outcome.started
        self._changed(number)

    def _changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def finished_count(self) -> int:
        return sum(row.status in {s.value for s in Status} for row in self.rows)

    def fraction_done(self) -> float:
        """The whole run's progress: finished targets count whole, running ones by their own report."""
        if not self.rows:
            return 0.0
        return sum(1.0 if r.status in {s.value for s in Status} else r.fraction for r in self.rows) / len(self.rows)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for row in self.rows:
            if row.status in counts:
                counts[row.status] += 1
        return counts

    def row_of(self, device: str) -> Row | None:
        number = self._index.get(device)
        return None if number is None else self.rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Device"), self.tr("Status"), self.tr("Progress"), self.tr("Message"), self.tr("Seconds"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "device":
                return row.device
            if column == "status":
                return status_label(row.status)
            if column == "progress":
                return f"{row.fraction * 100:.0f} %"
            if column == "message":
                return row.message
            return "" if row.seconds is None else f"{row.seconds:.1f}"
        if role == SortRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return row.message
        return None

    @staticmethod
    def _sort_key(row: Row, column: str) -> Any:
        if column == "status":
            return STATUS_ORDER.get(row.status, 9)
        if column == "progress":
            return row.fraction
        if column == "seconds":
            return -1.0 if row.seconds is None else row.seconds
        return row.device if column == "device" else row.message

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
