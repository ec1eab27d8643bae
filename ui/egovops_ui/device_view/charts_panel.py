"""The charts tab: CPU and memory above, one interface's traffic below, for 1 h, 24 h or 7 d.

The series are read (and their times turned into local datetimes) on a worker thread; the GUI
thread only plots the arrays it is handed, so a week of samples never stalls the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.dates import AutoDateFormatter, AutoDateLocator
from matplotlib.figure import Figure
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from egovops.device_detail.series import WINDOWS, DeviceSeries, load_series
from egovops.reports.charts import report_style
from egovops.storage.database import Database


@dataclass(frozen=True)
class ChartData:
    series: DeviceSeries
    times: list[datetime]
    traffic_times: dict[int, list[datetime]]


def load_chart_data(database: Database, device: str, window: str) -> ChartData:
    """Worker side: the series and their times as local datetimes, ready to plot."""
    series = load_series(database, device, window)
    local = datetime.fromtimestamp
    return ChartData(series, [local(t) for t in series.times],
                     {i: [local(t) for t in tr.times] for i, tr in series.traffic.items()})


class ChartCanvas(FigureCanvasQTAgg):
    def draw(self) -> None:
        with report_style():  # the CJK font for Chinese axis labels, as the reports use
            super().draw()


class ChartsPanel(QWidget):
    drawn = Signal(str)  # the window just plotted

    def __init__(self, run: Callable[..., None], database: Database, device: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self.database, self.device = run, database, device
        self.period = QComboBox(self)  # not "window": that name would hide QWidget.window()
        self.interface = QComboBox(self)
        self.interface.setMinimumContentsLength(22)
        self.note = QLabel(self)
        self.figure = Figure(figsize=(8.0, 5.0))
        self.figure.subplots_adjust(left=0.08, right=0.98, top=0.93, bottom=0.1, hspace=0.45)
        self.health_axes = self.figure.add_subplot(2, 1, 1)
        self.traffic_axes = self.figure.add_subplot(2, 1, 2)
        self.canvas = ChartCanvas(self.figure)
        self.canvas.setParent(self)
        self.canvas.setMinimumHeight(320)
        bar = QHBoxLayout()
        self.period_caption, self.interface_caption = QLabel(self), QLabel(self)
        for widget in (self.period_caption, self.period, self.interface_caption, self.interface):
            bar.addWidget(widget)
        bar.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.data: ChartData | None = None
        self.loading = False
        self.preferred = ""  # the interface shown first: the view names its first fault
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.interface.currentIndexChanged.connect(lambda _i: self.plot())
        self.retranslate()

    def retranslate(self) -> None:
        names = {"1h": self.tr("Last hour"), "24h": self.tr("Last 24 hours"), "7d": self.tr("Last 7 days")}
        current = self.period.currentData() or "1h"
        self.period.blockSignals(True)
        self.period.clear()
        for key in WINDOWS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self.period.blockSignals(False)
        self.period_caption.setText(self.tr("Period:"))
        self.interface_caption.setText(self.tr("Interface:"))
        if self.data is not None:
            self.plot()

    def reload(self) -> None:
        """Load the chosen window's series on a worker; plot when they arrive."""
        self.loading = True
        self.note.setText(self.tr("Loading…"))
        self._run(load_chart_data, self.database, self.device, self.period.currentData() or "1h",
                  on_done=self._loaded, on_error=self._failed)

    def _loaded(self, data: ChartData) -> None:
        self.loading = False
        self.data = data
        chosen = self.interface.currentData()
        self.interface.blockSignals(True)
        self.interface.clear()
        for index, traffic in sorted(data.series.traffic.items()):
            self.interface.addItem(traffic.name, index)
        found = self.interface.findData(chosen) if chosen is not None else self.interface.findText(self.preferred)
        self.interface.setCurrentIndex(max(0, found))
        self.interface.blockSignals(False)
        self.plot()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.note.setText(self.tr("Could not load the charts: {error}").format(error=exc))

    def prefer(self, name: str) -> None:
        """Show ``name`` unless the operator already chose an interface."""
        self.preferred = name
        if self.data is not None and self.interface.currentIndex() <= 0:
            self.select_interface(name)

    def select_interface(self, name: str) -> None:
        found = self.interface.findText(name)
        if found >= 0:
            self.interface.setCurrentIndex(found)

    def plot(self) -> None:
        if self.data is None:
            return
        # Titles and legends take their font when created: build them inside the reports' style
        # too (its CJK font), not only the draw, or Chinese labels come out as empty boxes.
        with report_style():
            self._plot(self.data)
        self.canvas.draw_idle()
        self.drawn.emit(self.data.series.window)

    def _plot(self, data: ChartData) -> None:
        series = data.series
        h, t = self.health_axes, self.traffic_axes
        h.clear()
        t.clear()
        h.plot(data.times, series.cpu, label=self.tr("CPU %"), color="#d62f2f", linewidth=1.2)
        h.plot(data.times, series.mem, label=self.tr("Memory %"), color="#1565c0", linewidth=1.2)
        h.set_ylim(0, 100)
        h.set_title(self.tr("CPU and memory (%)"), loc="left", fontsize=10)
        h.legend(loc="upper left", fontsize=8, frameon=False)
        index = self.interface.currentData()
        traffic = series.traffic.get(index) if index is not None else None
        if traffic is not None:
            times = data.traffic_times[index]
            mbit = lambda values: [None if v is None else v / 1e6 for v in values]  # noqa: E731
            t.plot(times, mbit(traffic.in_bps), label=self.tr("in"), color="#2e9d4a", linewidth=1.2)
            t.plot(times, mbit(traffic.out_bps), label=self.tr("out"), color="#f07b1d", linewidth=1.2)
            t.legend(loc="upper left", fontsize=8, frameon=False)
        t.set_title(self.tr("Traffic of {interface} (Mbit/s)").format(interface=traffic.name if traffic else "—"), loc="left", fontsize=10)
        for axes in (h, t):
            locator = AutoDateLocator()
            axes.xaxis.set_major_locator(locator)
            axes.xaxis.set_major_formatter(AutoDateFormatter(locator))
            axes.grid(True, color="#dddddd", linewidth=0.6)
        hourly = self.tr("hourly averages") if series.source == "hourly" else self.tr("every sample")
        self.note.setText(self.tr("{n} points, {kind}").format(n=len(data.times), kind=hourly) if not series.empty
                          else self.tr("No samples stored for this period yet"))
