"""Importing a file: whether it may create sites, then what was stored and what was rejected row by row."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressBar, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from egovops.inventory_edit.audited_import import ImportOutcome


MAX_NAMED = 20  # the audit record holds them all; the dialog names the first few


class ImportDialog(QDialog):
    startRequested = Signal(bool)  # create sites the file names that are not in the tree

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryImportDialog")
        self.file_name = file_name
        self.started = False
        self.outcome: ImportOutcome | None = None
        self.error: str | None = None
        self.create_sites = QCheckBox()  # off: a typo in a site path is a rejected row, not a new site
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the importer reports no progress: a busy indicator while it runs
        self.progress.hide()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(False)
        self.table.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.create_sites, self.progress, self.details):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addStretch()  # keeps the text at the top while the table is hidden
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()

    def _start(self) -> None:
        self.started = True
        self.start_button.hide()
        self.create_sites.setEnabled(False)
        self.buttons.setEnabled(False)
        self.progress.show()
        self.retranslate()
        self.startRequested.emit(self.create_sites.isChecked())

    def show_outcome(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        report = outcome.report
        self.table.setRowCount(len(report.problems))
        for row, problem in enumerate(report.problems):
            for column, text in enumerate((str(problem.row), problem.column, problem.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._done()

    def show_error(self, message: str) -> None:
        self.error = message
        self._done()

    def _done(self) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.retranslate()

    def problems(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]  # type: ignore[misc]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import {file}").replace("{file}", self.file_name))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.start_button.setText(self.tr("Import"))
        self.create_sites.setText(self.tr("Create the sites the file names that are not in the site tree "
                                          "(otherwise rows naming them are rejected)"))
        if not self.started:
            self.summary.setText(self.tr("Import the devices of {file}. Bad rows are rejected one by one; good rows are "
                                         "stored; devices not named in the file stay as they are.").replace("{file}", self.file_name))
            return
        if self.error is not None:
            self.summary.setText(self.tr("The import did not run: {error}").replace("{error}", self.error))
            return
        if self.outcome is None:
            self.summary.setText(self.tr("Importing {file}…").replace("{file}", self.file_name))
            return
        self.summary.setText(self._summary(self.outcome))
        self.details.setText(self._details(self.outcome))
        self.table.setVisible(bool(self.outcome.report.problems))

    def _summary(self, outcome: ImportOutcome) -> str:
        report = outcome.report
        if report.file_error:
            return self.tr("Nothing was stored: {error}").replace("{error}", report.file_error)
        text = self.tr("{stored} of {rows} rows stored ({added} devices added, {updated} updated); file read as {encoding}.")
        values = {"stored": outcome.stored, "rows": report.rows, "added": report.added, "updated": report.updated,
                  "encoding": report.encoding.upper()}
        for key, value in values.items():
            text = text.replace("{" + key + "}", str(value))
        if report.rejected_rows:
            text += " " + self.tr("{n} rows were rejected and nothing from them was stored; every problem is listed below.").replace(
                "{n}", str(report.rejected_rows))
        return text

    def _details(self, outcome: ImportOutcome) -> str:
        lines = []
        if outcome.new_sites:
            lines.append(self.tr("New sites created: {sites}").replace("{sites}", ", ".join(outcome.new_sites)))
        if outcome.added:
            shown = outcome.added[:MAX_NAMED]
            more = len(outcome.added) - len(shown)
            text = self.tr("Devices added: {devices}").replace("{devices}", ", ".join(shown))
            lines.append(text + (self.tr(" and {n} more").replace("{n}", str(more)) if more > 0 else ""))
        if outcome.changed:
            shown = [f"{name} ({', '.join(fields)})" for name, fields in list(outcome.changed.items())[:MAX_NAMED]]
            more = len(outcome.changed) - len(shown)
            text = self.tr("Stored devices changed by the file (name and fields): {devices}").replace("{devices}", "; ".join(shown))
            lines.append(text + (self.tr(" and {n} more").replace("{n}", str(more)) if more > 0 else ""))
        lines += outcome.report.warnings
        if not outcome.report.file_error:
            lines.append(self.tr("Devices already stored and not named in the file are unchanged."))
        return "\n".join(lines)
