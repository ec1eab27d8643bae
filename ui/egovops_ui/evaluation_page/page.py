"""The evaluation page: month and grouping pickers, the weights in force, the trend chart, the
ranked scorecard and PDF/CSV exports.

The core computes the pack and builds the chart on a worker thread; the GUI thread only fills
the table and shows the figure. Answers to a superseded pick are dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egovops.evaluation.console import EvaluationPreview, default_file_name, export, preview
from egovops.evaluation.formatting import points_text, raw_text, short_title, weights_line
from egovops.evaluation.scorecard import Evaluation
from egovops.evaluation.weights import MEASURES
from egovops_ui.reports_page.canvas import ChartPreview
from egovops_ui.session import ConsoleSession

MONTHS_OFFERED = 12
GROUPS = ("unit", "city", "county")


def _months(today: date) -> list[date]:
    """The last complete month first, then the ones before it."""
    index = today.year * 12 + today.month - 2
    return [date((index - k) // 12, (index - k) % 12 + 1, 1) for k in range(MONTHS_OFFERED)]


class EvaluationPage(QWidget):
    shown = Signal()
    failed = Signal(str)
    exported = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPage")
        self.session = session
        self.evaluation: Evaluation | None = None
        self._asked = self._answered = 0
        self.month = QComboBox(self)
        self.month.setObjectName("evaluationMonth")
        for m in _months(today or date.today()):
            self.month.addItem(m.strftime("%Y-%m"), m)
        self.group = QComboBox(self)
        self.group.setObjectName("evaluationGroup")
        self.status, self.weights = QLabel(self), QLabel(self)
        self.status.setObjectName("evaluationStatus")
        self.weights.setObjectName("evaluationWeights")
        self.weights.setWordWrap(True)
        self.buttons = {s: QPushButton(self) for s in (".pdf", ".csv")}
        for suffix, button in self.buttons.items():
            button.setObjectName(f"evaluationExport{suffix[1:].upper()}")
            button.clicked.connect(lambda _c=False, s=suffix: self.ask(s))
        self.chart = ChartPreview(self)
        self.table = QTableWidget(self)
        self.table.setObjectName("evaluationTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._layout()
        self.month.currentIndexChanged.connect(self.refresh)
        self.group.currentIndexChanged.connect(self.refresh)
        self.retranslate()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.month)
        row.addWidget(self.group)
        row.addWidget(self.status, 1)
        for button in self.buttons.values():
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.weights)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([300, 500])
        column.addWidget(split, 1)

    @property
    def ready(self) -> bool:
        return self._answered == self._asked

    def refresh(self) -> None:
        if self.group.currentIndex() < 0:
            return
        self._asked += 1
        asked = self._asked
        self._set_exportable(False)
        self.status.setText(self.tr("Computing…"))
        operator = self.session.operator
        self.session.tasks.run(
            preview,
            self.session.database,
            self.month.currentData(),
            GROUPS[self.group.currentIndex()],
            operator.label() if operator else None,
            owner=self,
            on_done=lambda got: self._show(asked, got),
            on_error=lambda exc: self._failed(asked, exc),
        )

    def _show(self, asked: int, got: EvaluationPreview) -> None:
        if asked != self._asked:
            return
        self._answered = asked
        ev = self.evaluation = got.evaluation
        self.chart.show_figure(got.figure)
        self.weights.setText(
            weights_line(ev.weights) + "  ·  " + self.tr("SLA target {sla}%").format(sla=f"{ev.sla:g}")
        )
        ranked = sum(1 for s in ev.units if s.rank)
        self.status.setText(
            self.tr("{period}: {n} ranked, {majors} major incidents").format(
                period=ev.period.label, n=ranked, majors=len(ev.incidents)
            )
            + "".join(f"  {n}" for n in ev.notes)
        )
        self._fill(ev)
        self._set_exportable(True)
        self.shown.emit()

    def _fill(self, ev: Evaluation) -> None:
        headers = [
            self.tr("Rank"),
            self.tr("Group"),
            self.tr("Devices"),
            self.tr("Total"),
            *[short_title(m) for m in MEASURES],
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(ev.units))
        for r, s in enumerate(ev.units):
            cells = [
                str(s.rank or "-"),
                s.key,
                str(s.devices),
                points_text(s.total),
                *[raw_text(m, s.raw[m]) for m in MEASURES],
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        self._answered = asked
        text = self.tr("The evaluation could not be computed: {error}").format(error=exc)
        self.status.setText(text)
        self.failed.emit(text)

    def _set_exportable(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on and self.evaluation is not None)

    def ask(self, suffix: str) -> None:
        if self.evaluation is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = QFileDialog(
            self, self.tr("Export the evaluation"), str(Path(folder) / default_file_name(self.evaluation, suffix))
        )
        dialog.setObjectName("evaluationExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDefaultSuffix(suffix[1:])
        dialog.fileSelected.connect(lambda chosen: self.export_to(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to(self, path: Path) -> None:
        if self.evaluation is None:
            return
        self._set_exportable(False)
        self.status.setText(self.tr("Writing {name}…").format(name=path.name))
        self.session.tasks.run(
            export,
            self.evaluation,
            path,
            owner=self,
            on_done=self._written,
            on_error=lambda exc: self._export_failed(path, exc),
        )

    def _written(self, path: Path) -> None:
        self._set_exportable(True)
        self.status.setText(self.tr("Written: {path}").format(path=path))
        self.exported.emit(str(path))

    def _export_failed(self, path: Path, exc: BaseException) -> None:
        self._set_exportable(True)
        text = self.tr("Export to {path} failed: {error}").format(path=path, error=exc)
        self.status.setText(text)
        self.failed.emit(text)

    def retranslate(self) -> None:
        names = [self.tr("Owner unit"), self.tr("City"), self.tr("County")]
        current = max(0, self.group.currentIndex())
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItems(names)
        self.group.setCurrentIndex(current)
        self.group.blockSignals(False)
        self.buttons[".pdf"].setText(self.tr("Export PDF…"))
        self.buttons[".csv"].setText(self.tr("Export CSV…"))
        self.refresh()  # weights, headers and measures come from the core in the new language
