"""The delivery log: who was told, when, over which channel, delivered or not; and a test message.

A thin view over ``egovops.notify.log``: reads and the test send run on the session's task pools,
never in a slot, and the table reloads on a NOTIFICATIONS change notice while it is shown.
"""

from __future__ import annotations

import time
from typing import TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egovops.notify.config import NotifyConfig
from egovops.notify.log import LogLine, channel_names, delivery_log, send_test
from egovops.storage.changes import Changes
from egovops_ui.session import ConsoleSession


def _at(value: float | None) -> str:
    return "" if value is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(value))


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)  # tests and style sheets find it by name
    return widget


class DeliveryLogPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryLogPage")
        self.session = session
        self.lines: list[LogLine] = []
        self.alarm_filter = _named(QLineEdit(self), "deliveryAlarmFilter")
        self.alarm_filter.returnPressed.connect(self.reload)
        self.reload_button = _named(QPushButton(self), "deliveryReload")
        self.reload_button.clicked.connect(self.reload)
        self.table = _named(QTableWidget(0, 10, self), "deliveryTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        # An uncertain message (the sender died after the receiver may have taken it) is never sent
        # again on its own: the operator, who can ask the recipient, decides here.
        self.resend_button = _named(QPushButton(self), "deliveryResend")
        self.resend_button.setEnabled(False)
        self.resend_button.clicked.connect(self.send_again)
        self.channel = _named(QComboBox(self), "testChannel")
        self.address = _named(QLineEdit(self), "testAddress")
        self.send_button = _named(QPushButton(self), "sendTest")
        self.send_button.clicked.connect(self.send_test)
        self.result = _named(QLabel(self), "testResult")
        self.filter_label, self.test_label = QLabel(self), QLabel(self)
        top, test = QHBoxLayout(), QHBoxLayout()
        widgets: tuple[QWidget, ...] = (self.filter_label, self.alarm_filter, self.reload_button, self.resend_button)
        for widget in widgets:
            top.addWidget(widget)
        top.addStretch(1)
        widgets = (self.test_label, self.channel, self.address, self.send_button, self.result)
        for widget in widgets:
            test.addWidget(widget)
        test.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(test)
        session.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def alarm_id(self) -> int | None:
        text = self.alarm_filter.text().strip()
        return int(text) if text.isdigit() else None

    def reload(self) -> None:
        database = self.session.database
        self.session.tasks.run(lambda: (delivery_log(database, self.alarm_id()), channel_names(database)),
                               owner=self, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, found: tuple[list[LogLine], list[str]]) -> None:
        self.lines, channels = found
        current = self.channel.currentText()
        self.channel.clear()
        self.channel.addItems(channels)
        if current in channels:
            self.channel.setCurrentText(current)
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            r = line.row
            cells = (str(r.id), str(r.alarm_id or ""), self._value(r.purpose), r.recipient, r.channel,
                     self._value(r.state), str(r.attempts), _at(r.created_at), _at(r.sent_at), line.last_error)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selected()

    def _chosen(self) -> LogLine | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.lines[rows.pop()] if len(rows) == 1 and max(rows) < len(self.lines) else None

    def _selected(self) -> None:
        line = self._chosen()
        self.resend_button.setEnabled(line is not None and line.row.state in ("uncertain", "failed"))

    def send_again(self) -> None:
        line, operator = self._chosen(), self.session.operator
        if line is None or operator is None:
            return
        self.resend_button.setEnabled(False)
        self.session.tasks.run(NotifyConfig(self.session.database).send_again, operator, line.row.id, owner=self,
                               on_done=self._queued_again, on_error=self._failed)

    def _queued_again(self, _result: object) -> None:
        self.result.setText(self.tr("Queued again: the notifier sends it at its next pass."))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(str(exc))

    def _changed(self, changes: Changes) -> None:
        if changes & Changes.NOTIFICATIONS and self.isVisible():
            self.reload()

    def send_test(self) -> None:
        operator = self.session.operator
        if operator is None or not self.channel.currentText():
            return
        self.send_button.setEnabled(False)
        self.result.setText(self.tr("Sending…"))
        self.session.tasks.run_long(send_test, self.session.database, operator, self.channel.currentText(),
                                    self.address.text().strip(), owner=self, on_done=self._sent,
                                    on_error=self._send_failed)

    def _sent(self, _result: object) -> None:
        self.send_button.setEnabled(True)
        self.result.setText(self.tr("Test message sent."))
        self.reload()

    def _send_failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.result.setText(str(exc))
        self.reload()

    def _value(self, word: str) -> str:
        return {"alarm": self.tr("alarm"), "escalation": self.tr("escalation"), "recovery": self.tr("recovery"),
                "test": self.tr("test"), "pending": self.tr("pending"), "sending": self.tr("sending"),
                "sent": self.tr("sent"), "failed": self.tr("failed"), "committing": self.tr("committing"),
                # Died past the commit point: not sent again, the operator decides (notify resend).
                "uncertain": self.tr("uncertain")}.get(word, word)

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Alarm id:"))
        self.alarm_filter.setPlaceholderText(self.tr("all alarms"))
        self.reload_button.setText(self.tr("Reload"))
        self.resend_button.setText(self.tr("Send again"))
        self.resend_button.setToolTip(self.tr("Queue an uncertain or failed message again, with the same key"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Id"), self.tr("Alarm"), self.tr("Purpose"), self.tr("Recipient"), self.tr("Channel"),
            self.tr("State"), self.tr("Attempts"), self.tr("Queued"), self.tr("Sent"), self.tr("Last error")])
        self.test_label.setText(self.tr("Send a test message over"))
        self.address.setPlaceholderText(self.tr("to address (mail, phone…)"))
        self.send_button.setText(self.tr("Send test message"))
        if self.lines:
            self._loaded((self.lines, [self.channel.itemText(i) for i in range(self.channel.count())]))
