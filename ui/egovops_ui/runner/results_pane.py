"""The runner's right column: progress, the per-device results as they arrive, one device's full result,
and what to do after the run (export, audit record)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from egovops.procedures import RunReport, TargetOutcome
from egovops.procedures.run_records import outcome_lines
from egovops_ui.qt_compat import filter_change
from egovops_ui.runner.results_model import ResultsModel, SortRole, status_label

STEPS = 1000  # the progress bar's resolution: targets report fractions of their own work


class FailuresFilter(QSortFilterProxyModel):
    """Sorts by the model's own keys (failed first, seconds as numbers) and can hide all but failures."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.failures_only = False
        self.setSortRole(SortRole)

    def set_failures_only(self, on: bool) -> None:
        with filter_change(self):  # the calls differ between PySide6 6.9 and 6.10+
            self.failures_only = on

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        return not self.failures_only or (isinstance(model, ResultsModel) and model.rows[source_row].status == "failed")


class ResultsPane(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.progress = QProgressBar(self, objectName="runProgress", minimum=0, maximum=STEPS, value=0)
        self.summary = QLabel(self, objectName="runSummary", wordWrap=True)
        self.model = ResultsModel(self)
        self.shown = FailuresFilter(self)
        self.shown.setSourceModel(self.model)
        self.table = QTableView(self, objectName="resultsTable")
        self.table.setModel(self.shown)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the runner's order until a header is clicked
        self.failures_only = QCheckBox(self, objectName="failuresOnly", toggled=self.shown.set_failures_only)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_details(self._device_at(current)))
        self.details = QPlainTextEdit(self, objectName="resultDetails", readOnly=True)
        self.outcomes: dict[str, TargetOutcome] = {}
        self.export_button = QPushButton(self, objectName="exportButton", enabled=False)
        self.audit_button = QPushButton(self, objectName="auditButton", enabled=False)
        self.audit_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.table)
        lower.addWidget(self.details)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        layout.addWidget(lower, 1)
        after = QHBoxLayout()
        after.addWidget(self.failures_only)
        after.addStretch(1)
        after.addWidget(self.audit_button)
        after.addWidget(self.export_button)
        layout.addLayout(after)

    def start(self, devices: list[str], name: str) -> None:
        self.model.start(devices)
        self.outcomes = {}
        self.details.clear()
        self.progress.setValue(0)
        self.show_message(self.tr("Running {name}…").format(name=name))
        self.export_button.setEnabled(False)
        self.audit_button.setEnabled(False)

    def on_progress(self, device: str, fraction: float, message: str) -> None:
        self.model.progress(device, fraction, message)
        self.progress.setValue(round(self.model.fraction_done() * STEPS))

    def on_result(self, outcome: TargetOutcome) -> None:
        self.outcomes[outcome.device] = outcome
        self.model.finish(outcome)
        self.progress.setValue(round(self.model.fraction_done() * STEPS))
        if self._device_at(self.table.currentIndex()) == outcome.device:
            self._show_details(outcome.device)

    def _device_at(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        source = self.shown.mapToSource(index)
        return self.model.rows[source.row()].device if source.isValid() else None

    def _show_details(self, device: str | None) -> None:
        """The selected device's full result: a baseline's items one per line, the files written."""
        row = self.model.row_of(device) if device else None
        if row is None:
            self.details.clear()
            return
        outcome = self.outcomes.get(row.device)
        if outcome is None:
            self.details.setPlainText(f"{device}: {status_label(row.status)}")
        else:
            self.details.setPlainText("\n".join([f"{device}: {status_label(outcome.status.value)}", *outcome_lines(outcome)]))

    def finish(self, report: RunReport, name: str) -> None:
        for outcome in report.outcomes:  # the final word, should a queued result still be on its way
            self.on_result(outcome)
        self.progress.setValue(STEPS)
        text = self.tr("{name} finished: {ok} ok, {failed} failed, {skipped} skipped.").format(name=name, **report.counts())
        if report.dry_run:
            text += " " + self.tr("Dry run: no device was contacted.")
        if report.cancelled:
            text += " " + self.tr("Cancelled by the operator.")
        self.show_message(text)
        self.export_button.setEnabled(True)
        self.audit_id = report.audit_id
        self.audit_button.setEnabled(report.audit_id is not None)
        self._audit_text()

    def show_message(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #d62f2f;" if error else "")

    def _audit_text(self) -> None:
        if self.audit_id is None:
            self.audit_button.setText(self.tr("Audit record"))
        else:
            self.audit_button.setText(self.tr("Audit record {id}").format(id=self.audit_id))

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export CSV…"))
        self.details.setPlaceholderText(self.tr("Select a device to see its whole result."))
        self.failures_only.setText(self.tr("Failures only"))
        self._audit_text()
        self.model.retranslate()
