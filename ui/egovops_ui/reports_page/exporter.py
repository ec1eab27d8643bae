"""Exporting the report on screen: a file dialog per format, the core's export on a worker thread,
a progress bar fed by the core's per-page callback, and the written path (or what went wrong)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QProgressBar, QToolButton, QWidget,
)

from egovops.availability.report import AvailabilityReport
from egovops.reports.preview import default_file_name, export
from egovops_ui.app import settings
from egovops_ui.tasks import TaskRunner

SUFFIXES = (".pdf", ".png", ".svg", ".csv", ".json")
FOLDER_KEY = "reports/folder"


class _Progress(QObject):
    """Lives in the GUI thread; the worker's emits reach it queued."""

    advanced = Signal(int, int)  # pages written, pages in all


class ExportPanel(QWidget):
    finished = Signal(str)  # the path written
    failed = Signal(str)  # the message shown

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.report: AvailabilityReport | None = None
        self.chart_name = "bar"
        self.busy = False
        self.button = QToolButton(self)
        self.button.setObjectName("reportExport")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.actions = {s: self.menu.addAction("", lambda _checked=False, s=s: self.ask(s)) for s in SUFFIXES}
        self.button.setMenu(self.menu)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportExportProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("reportExportMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.relay = _Progress(self)
        self.relay.advanced.connect(self._advanced)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.progress)
        row.addWidget(self.message, 1)
        self.dialog: QFileDialog | None = None
        self.set_report(None, "bar")
        self.retranslate()

    def set_report(self, report: AvailabilityReport | None, chart_name: str) -> None:
        """The report exports write; None while a new one is being computed."""
        self.report, self.chart_name = report, chart_name
        self.button.setEnabled(report is not None and not self.busy)

    def _folder(self) -> Path:
        stored = settings().value(FOLDER_KEY)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def ask(self, suffix: str) -> None:
        """Open a save dialog for ``suffix``; choosing a file starts the export."""
        if self.report is None:
            return
        names = {".pdf": self.tr("PDF report (*.pdf)"), ".png": self.tr("PNG chart (*.png)"), ".svg": self.tr("SVG chart (*.svg)"),
                 ".csv": self.tr("CSV table for Excel (*.csv)"), ".json": self.tr("JSON data (*.json)")}
        dialog = QFileDialog(self, self.tr("Export availability report"), str(self._folder() / default_file_name(self.report, suffix)))
        dialog.setObjectName("reportExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same dialog on Kylin, UOS and Windows
        dialog.setNameFilter(names[suffix])
        dialog.setDefaultSuffix(suffix[1:])
        dialog.fileSelected.connect(lambda chosen: self.export_to(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        if self.report is None or self.busy:
            return
        self.busy = True
        self.button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first page is written
        self.progress.show()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing {name}…").format(name=path.name))
        self.tasks.run(export, self.report, path, self.chart_name, self.relay.advanced.emit,
                       owner=self, on_done=self._done, on_error=lambda exc: self._failed(path, exc))

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m pages") if total > 1 else "%p%")

    def _finish(self) -> bool:
        # A page closed while the export ran never gets here: the task runner drops the result
        # (the file is still written).
        self.busy = False
        self.progress.hide()
        self.button.setEnabled(self.report is not None)
        return True

    def _done(self, path: Path) -> None:
        if not self._finish():
            return
        settings().setValue(FOLDER_KEY, str(path.parent))
        self.message.setText(self.tr("Written: {path}").format(path=path))
        self.finished.emit(str(path))

    def _failed(self, path: Path, exc: BaseException) -> None:
        if not self._finish():
            return
        text = self.tr("Export to {path} failed: {error}").format(path=path, error=exc)
        self.message.setStyleSheet("color: #c62828")
        self.message.setText(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("reportExportError")
        box.finished.connect(box.deleteLater)
        box.open()
        self.failed.emit(text)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Export"))
        labels = {".pdf": self.tr("PDF report…"), ".png": self.tr("PNG chart…"), ".svg": self.tr("SVG chart…"),
                  ".csv": self.tr("CSV table (Excel)…"), ".json": self.tr("JSON data…")}
        for suffix, action in self.actions.items():
            action.setText(labels[suffix])
