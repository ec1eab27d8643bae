"""The history tab: the device's recent state changes beside its alarms, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from egovops.device_detail.formatting import format_time
from egovops.overview.alarm_text import localized_message
from egovops.storage.alarms_repo import Alarm
from egovops.storage.state_repo import Transition
from egovops_ui.states import SEVERITY_COLOURS, alarm_state_label, severity_label, state_colour, state_label


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)  # one line per event; the full text is in the tooltip
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _alarm_state(alarm: Alarm) -> str:
    if not alarm.active:
        return "cleared"
    return "acknowledged" if alarm.acked_by else "open"


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transitions_box, self.alarms_box = QGroupBox(self), QGroupBox(self)
        self.transitions = _table(self.transitions_box, "transitionTable", 4)
        self.alarms = _table(self.alarms_box, "deviceAlarmTable", 5)
        for box, table in ((self.transitions_box, self.transitions), (self.alarms_box, self.alarms)):
            QVBoxLayout(box).addWidget(table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.transitions_box)
        splitter.addWidget(self.alarms_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)  # alarm messages are the longer text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self._data: tuple[list[Transition], list[Alarm]] = ([], [])
        self.retranslate()

    def retranslate(self) -> None:
        self.transitions_box.setTitle(self.tr("Recent state changes"))
        self.alarms_box.setTitle(self.tr("Alarms"))
        self.transitions.setHorizontalHeaderLabels([self.tr("Time"), self.tr("From"), self.tr("To"), self.tr("Reason")])
        self.alarms.setHorizontalHeaderLabels([self.tr("Last seen"), self.tr("Severity"), self.tr("State"), self.tr("Subject"), self.tr("Message")])
        self.show_history(*self._data)

    def show_history(self, transitions: list[Transition], alarms: list[Alarm]) -> None:
        self._data = (transitions, alarms)
        self.transitions.setRowCount(len(transitions))
        for row, t in enumerate(transitions):
            reason = t.reason or (self.tr("cut off by {device}").format(device=t.root_cause) if t.root_cause else "")
            cells = [format_time(t.at), state_label(t.previous) if t.previous else "—", state_label(t.state), reason]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(state_colour(t.state))
                self.transitions.setItem(row, column, item)
        self.alarms.setRowCount(len(alarms))
        for row, a in enumerate(alarms):
            cells = [format_time(a.last_seen), severity_label(a.severity), alarm_state_label(_alarm_state(a)), a.subject,
                     localized_message(a.kind, a.message)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1 and a.active:
                    item.setBackground(SEVERITY_COLOURS.get(a.severity, SEVERITY_COLOURS["info"]))
                self.alarms.setItem(row, column, item)
        self.transitions.resizeColumnsToContents()
        self.alarms.resizeColumnsToContents()
