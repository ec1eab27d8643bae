"""The report's pickers: period (last month, this month, last week, custom), grouping, view, chart."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateEdit, QHBoxLayout, QLabel, QRadioButton, QWidget,
)

from egovops.reports import CHARTS
from egovops.reports.choices import GROUP_CHOICES, PERIOD_CHOICES


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportPickers(QWidget):
    """Emits ``changed`` whenever the operator picks something that changes the report."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_label, self.group_label, self.chart_label = QLabel(self), QLabel(self), QLabel(self)
        self.period = QComboBox(self)
        self.period.setObjectName("reportPeriod")
        for choice in PERIOD_CHOICES:
            self.period.addItem("", choice)
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        self.first.setObjectName("reportFirstDay")
        self.last.setObjectName("reportLastDay")
        month_ago = today.replace(day=1) - timedelta(days=1)
        for edit, day in ((self.first, month_ago.replace(day=1)), (self.last, month_ago)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(day))
            edit.setMaximumDate(_qdate(today))
            edit.dateChanged.connect(self._custom_changed)
        self.to_label = QLabel(self)
        self.group = QComboBox(self)
        self.group.setObjectName("reportGrouping")
        for choice in GROUP_CHOICES:
            self.group.addItem("", choice)
        self.service_view, self.device_view = QRadioButton(self), QRadioButton(self)
        self.service_view.setChecked(True)
        self.views = QButtonGroup(self)
        self.views.addButton(self.service_view)
        self.views.addButton(self.device_view)
        self.chart = QComboBox(self)
        self.chart.setObjectName("reportChart")
        for name in CHARTS:
            self.chart.addItem("", name)
        self._layout()
        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (self.group, self.chart):
            combo.currentIndexChanged.connect(self.changed)
        self.views.buttonToggled.connect(lambda _button, on: on and self.changed.emit())
        self._period_changed()
        self.retranslate()

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.period_label, self.period, self.first, self.to_label, self.last):
            row.addWidget(widget)
        row.addSpacing(16)
        for widget in (self.group_label, self.group):
            row.addWidget(widget)
        row.addSpacing(16)
        row.addWidget(self.service_view)
        row.addWidget(self.device_view)
        row.addSpacing(16)
        row.addWidget(self.chart_label)
        row.addWidget(self.chart)
        row.addStretch(1)

    def _period_changed(self) -> None:
        custom = self.period_choice() == "custom"
        for widget in (self.first, self.to_label, self.last):
            widget.setEnabled(custom)
        self.changed.emit()

    def _custom_changed(self) -> None:
        if self.period_choice() == "custom":
            self.changed.emit()

    # What the operator chose, in the core's names.
    def period_choice(self) -> str:
        return str(self.period.currentData())

    def custom_days(self) -> tuple[date, date]:
        return _pydate(self.first.date()), _pydate(self.last.date())

    def grouping(self) -> str:
        return str(self.group.currentData())

    def view(self) -> str:
        return "device" if self.device_view.isChecked() else "service"

    def chart_name(self) -> str:
        return str(self.chart.currentData())

    def show_days(self, first: date, last: date) -> None:
        """Show a named period's days in the (disabled) custom fields, without asking for a new report."""
        if self.period_choice() == "custom":
            return
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def select(self, period: str | None = None, by: str | None = None, view: str | None = None, chart: str | None = None) -> None:
        """Choose by the core's names (tests, remembered settings)."""
        if period is not None:
            self.period.setCurrentIndex(self.period.findData(period))
        if by is not None:
            self.group.setCurrentIndex(self.group.findData(by))
        if view is not None:
            (self.device_view if view == "device" else self.service_view).setChecked(True)
        if chart is not None:
            self.chart.setCurrentIndex(self.chart.findData(chart))

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Period:"))
        periods = {"last-month": self.tr("Last month"), "this-month": self.tr("This month"),
                   "last-week": self.tr("Last week"), "custom": self.tr("Custom range")}
        groups = {"city": self.tr("City"), "county": self.tr("County"), "unit": self.tr("Owner unit"),
                  "network": self.tr("Network"), "role": self.tr("Device role"), "level": self.tr("Protection level"),
                  "province": self.tr("Province"), "device": self.tr("Device")}
        charts = {"bar": self.tr("Availability by city"), "heatmap": self.tr("Daily heat map of the worst"),
                  "trend": self.tr("Monthly trend")}
        for combo, names in ((self.period, periods), (self.group, groups), (self.chart, charts)):
            for i in range(combo.count()):
                combo.setItemText(i, names[combo.itemData(i)])
        self.to_label.setText(self.tr("to"))
        self.group_label.setText(self.tr("Group by:"))
        self.service_view.setText(self.tr("Service view"))
        self.device_view.setText(self.tr("Device view"))
        self.service_view.setToolTip(self.tr("Was the device reachable from the operations centre"))
        self.device_view.setToolTip(self.tr("Unreachable time caused by a failed upstream device is charged to that device"))
        self.chart_label.setText(self.tr("Chart:"))
