"""The reports page: pickers, the chart preview, the grouped table and the export row.

Each change of the pickers recomputes the report on a worker thread (the core reads the store and
builds the Figure there); only showing the Figure and the rows happens on the GUI thread. Results
of a superseded request are dropped, so a quick series of picks shows only the last one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from egovops.availability.periods import zone
from egovops.availability.report import AvailabilityReport
from egovops.reports.choices import choose_period
from egovops.reports.formatting import percent, sla_mark, view_name
from egovops.reports.preview import Preview, build_preview, redraw
from egovops.storage.changes import Changes
from egovops.storage.database import Database
from egovops_ui.reports_page.canvas import ChartPreview
from egovops_ui.reports_page.exporter import ExportPanel
from egovops_ui.reports_page.pickers import ReportPickers
from egovops_ui.reports_page.table_model import SORT_ROLE, GroupTableModel
from egovops_ui.session import ConsoleSession

SETTLE_MS = 250  # picks closer together than this are computed once


def compute(db: Database, choice: str, days: tuple[date | None, date | None], by: str, view: str, chart_name: str,
            generated_by: str | None) -> Preview:
    """Worker thread: the system time zone is read here, as it may mean reading /etc/timezone."""
    period = choose_period(choice, zone(None), first=days[0], last=days[1])
    return build_preview(db, period, by, view, chart_name, generated_by)


class ReportsPage(QWidget):
    shown = Signal()  # a report (and its chart) is on screen
    failed = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.session = session
        self.report: AvailabilityReport | None = None
        self._asked = 0  # number of the latest request; older answers are ignored
        self._answered = -1  # number of the request last shown or failed
        self._key: tuple[object, ...] | None = None
        today = QDate.currentDate()
        self.pickers = ReportPickers(date(today.year(), today.month(), today.day()), self)
        self.period_text, self.total_text = QLabel(self), QLabel(self)
        self.period_text.setObjectName("reportPeriodText")
        self.total_text.setObjectName("reportTotalText")
        self.total_text.setWordWrap(True)
        self.chart = ChartPreview(self)
        self.model = GroupTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.exporter = ExportPanel(session.tasks, self)
        self._layout()
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self.refresh)
        self.pickers.changed.connect(self.timer.start)
        session.changed.connect(self._store_changed)
        self.retranslate()
        self.refresh()

    def _layout(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self.pickers)
        column.addWidget(self.period_text)
        column.addWidget(self.total_text)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])  # the chart first: the table's own size hint would take most
        column.addWidget(split, 1)
        column.addWidget(self.exporter)

    def _request(self) -> tuple[object, ...]:
        p = self.pickers
        # The custom fields count only for a custom period (they show the named one's days otherwise).
        days = p.custom_days() if p.period_choice() == "custom" else (None, None)
        return (p.period_choice(), days, p.grouping(), p.view())

    @property
    def ready(self) -> bool:
        """The pickers' report (or why it failed) is on screen and no pick is waiting."""
        return self._answered == self._asked and not self.timer.isActive()

    def refresh(self) -> None:
        """Recompute for the pickers (only redraw when just the chart changed)."""
        self.timer.stop()
        self._asked += 1
        asked, key, chart_name = self._asked, self._request(), self.pickers.chart_name()
        self.exporter.set_report(None, chart_name)
        self.period_text.setText(self.tr("Computing…"))
        if key == self._key and self.report is not None:
            report = self.report
            self.session.tasks.run(redraw, report, chart_name, owner=self, on_done=lambda fig: self._show(asked, key, Preview(report, fig, chart_name)),
                                   on_error=lambda exc: self._failed(asked, exc))
            return
        operator = self.session.operator
        self.session.tasks.run(compute, self.session.database, *key, chart_name, operator.label() if operator else None,
                               owner=self, on_done=lambda preview: self._show(asked, key, preview), on_error=lambda exc: self._failed(asked, exc))

    def _store_changed(self, changes: Changes) -> None:
        # Devices, sites, maintenance windows and the SLA change what was computed; states do too,
        # but a recomputation per poll cycle would keep a province's report forever "Computing…".
        if changes & (Changes.INVENTORY | Changes.SETTINGS):
            self._key = None
            self.timer.start()

    def _gone(self, asked: int) -> bool:
        """A superseded answer (one arriving after the tab was closed is dropped by the task runner)."""
        return asked != self._asked

    def _show(self, asked: int, key: tuple[object, ...], preview: Preview) -> None:
        if self._gone(asked):
            return
        self._answered = asked
        self.report, self._key = preview.report, key
        req = preview.report.request
        self.chart.show_figure(preview.figure)
        self.pickers.show_days(req.period.first, req.period.last)
        self.model.set_rows(preview.report.rows, req.by, req.view)
        self._describe()
        self.exporter.set_report(preview.report, preview.chart_name)
        self.shown.emit()

    def _describe(self) -> None:
        if self.report is None:
            return
        req, total = self.report.request, self.report.total
        chosen = total.view(req.view)
        self.period_text.setText(self.tr("{period} (time zone {zone}) · SLA target {sla}%").format(
            period=req.period.label, zone=getattr(req.period.tz, "key", str(req.period.tz)), sla=f"{req.sla:g}"))
        self.total_text.setText(self.tr("Whole network, {view}: availability {availability} (SLA {verdict}), {outages} outages, "
                                        "monitored coverage {coverage}, {devices} devices").format(
            view=view_name(req.view), availability=percent(chosen.availability), verdict=sla_mark(chosen.sla_met),
            outages=chosen.outages, coverage=percent(total.coverage, 1), devices=total.devices))

    def _failed(self, asked: int, exc: BaseException) -> None:
        if self._gone(asked):
            return
        self._answered = asked
        text = self.tr("The report could not be computed: {error}").format(error=exc)
        self.period_text.setText(text)
        self.total_text.clear()
        self.failed.emit(text)

    def retranslate(self) -> None:
        self.pickers.retranslate()
        self.exporter.retranslate()
        # Chart titles, table headers and group names come from the core in the new language.
        self._key = None
        self.refresh()
