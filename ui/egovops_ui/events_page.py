"""The Events tab: traps and syslog received, newest first, with filters, search and a live tail.

A thin view over the core's ``EventRepository``: every load runs on the session's worker pool, and
the table reloads when a change notice says events were stored (this process's listener, or
another's through the store watcher) while "Live" is on. "Events" in the Tools menu opens it;
``open_for_device`` opens it filtered to one device; the device view embeds a page fixed to its
device (its own event history) with a button that opens the tab so.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from egovops.events.model import Event
from egovops.events.repo import EventRepository
from egovops.storage.changes import Changes
from egovops.storage.database import Database

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

TAB_KEY = "events"
LIMIT = 1000  # rows shown; the command line's export is for everything
SETTLE_MS = 300  # typing in a filter reloads once it pauses
PERIODS_H = (1, 24, 24 * 7, 24 * 30, 24 * 180)
SEVERITY_COLOURS = {"critical": "#c62828", "major": "#ef6c00", "minor": "#f9a825", "warning": "#1565c0"}
Index = QModelIndex | QPersistentModelIndex


def load(db: Database, device: str, kind: str, grep: str, hours: int) -> list[Event]:
    """Worker thread."""
    return EventRepository(db).list(device or None, time.time() - hours * 3600, kind or None, grep or None, LIMIT)


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Event] = []
        self.headers: list[str] = []

    def set_rows(self, rows: list[Event]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(event, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and event.severity in SEVERITY_COLOURS:
            return QColor(SEVERITY_COLOURS[event.severity])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 7:
            return event.text
        return None

    def cell(self, event: Event, column: int) -> str:
        page = self.parent()
        assert isinstance(page, EventsPage)
        values = (time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(event.received_at)),
                  event.device or page.tr("unknown source {address}").format(address=event.source),
                  page.kind_names().get(event.kind, event.kind),
                  page.severity_names().get(event.severity, event.severity),
                  event.module, event.mnemonic, event.rule, event.text)
        return values[column]


class EventsPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None, device: str | None = None) -> None:
        """``device``: this page is that device's own history (the device view's tab): the device
        filter is fixed to it and not shown."""
        super().__init__(parent)
        self.setObjectName("eventsPage" if device is None else "deviceEventsPage")
        self.session = session
        self.loads = 0  # loads shown, for tests and the status line
        self._asked = 0
        self.device, self.grep = QLineEdit(self), QLineEdit(self)
        self.device.setObjectName("eventsDevice")
        self.grep.setObjectName("eventsGrep")
        self.kind, self.period = QComboBox(self), QComboBox(self)
        self.kind.setObjectName("eventsKind")
        self.period.setObjectName("eventsPeriod")
        self.live = QCheckBox(self)
        self.live.setObjectName("eventsLive")
        self.live.setChecked(True)
        self.count = QLabel(self)
        self.count.setObjectName("eventsCount")
        self.model = EventTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("eventsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._layout()
        if device is not None:
            self.device.setText(device)
            self.device.hide()
            self.labels[0].hide()
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self.reload)
        for edit in (self.device, self.grep):
            edit.textChanged.connect(self.timer.start)
        self.kind.currentIndexChanged.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.live.toggled.connect(lambda on: self.reload() if on else None)
        session.changed.connect(self._store_changed)
        self.retranslate()
        self.period.setCurrentIndex(1)  # the last 24 hours
        self.reload()

    def _layout(self) -> None:
        self.labels = [QLabel(self) for _ in range(4)]
        row = QHBoxLayout()
        for label, widget in zip(self.labels, (self.device, self.kind, self.period, self.grep), strict=True):
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.live)
        row.addStretch(1)
        row.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.table)

    def kind_names(self) -> dict[str, str]:
        return {"trap": self.tr("trap"), "syslog": self.tr("syslog")}

    def severity_names(self) -> dict[str, str]:
        return {"critical": self.tr("critical"), "major": self.tr("major"), "minor": self.tr("minor"),
                "warning": self.tr("warning"), "info": self.tr("info")}

    def open_for_device(self, device: str) -> None:
        self.device.setText(device)
        self.reload()

    def filters(self) -> tuple[str, str, str, int]:
        return (self.device.text().strip(), self.kind.currentData() or "", self.grep.text().strip(),
                PERIODS_H[max(self.period.currentIndex(), 0)])

    def reload(self) -> None:
        self._asked += 1
        asked = self._asked
        self.session.tasks.run(load, self.session.database, *self.filters(), owner=self,
                               on_done=lambda rows: self._show(asked, rows),
                               on_error=lambda exc: self.count.setText(str(exc)))

    def _show(self, asked: int, rows: list[Event]) -> None:
        if asked != self._asked:
            return  # a newer request is on its way
        self.model.set_rows(rows)
        self.loads += 1
        self.count.setText(self.tr("events: {count}").format(count=len(rows)))

    def _store_changed(self, changes: Changes) -> None:
        if changes & Changes.EVENTS and self.live.isChecked():
            self.timer.start()  # a burst of batches reloads once

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("Device:"), self.tr("Kind:"), self.tr("Period:"),
                                             self.tr("Search:")), strict=True):
            label.setText(text)
        self.device.setPlaceholderText(self.tr("name or address"))
        self.live.setText(self.tr("Live"))
        kind, period = self.kind.currentIndex(), self.period.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All"), "")
        for value, name in self.kind_names().items():
            self.kind.addItem(name, value)
        self.kind.setCurrentIndex(max(kind, 0))
        self.kind.blockSignals(False)
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems([self.tr("last hour"), self.tr("last 24 hours"), self.tr("last 7 days"),
                              self.tr("last 30 days"), self.tr("last 180 days")])
        self.period.setCurrentIndex(max(period, 0))
        self.period.blockSignals(False)
        if self.loads:  # the count shown is worded again in the new language
            self.count.setText(self.tr("events: {count}").format(count=len(self.model.rows)))
        self.model.beginResetModel()
        self.model.headers = [self.tr("Received"), self.tr("Device"), self.tr("Kind"), self.tr("Severity"),
                              self.tr("Module"), self.tr("Mnemonic"), self.tr("Rule"), self.tr("Text")]
        self.model.endResetModel()


class EventsScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: EventsPage | None = None
        self.action = QAction(window)
        self.action.setObjectName("openEvents")
        self.action.triggered.connect(self.open)
        window.menus["tools"].addAction(self.action)
        self.retranslate()

    def open(self, device: str | None = None) -> EventsPage:
        page = self.window.open_tab(TAB_KEY, self.title(), lambda: EventsPage(self.window.session, self.window))
        assert isinstance(page, EventsPage)
        if page is not self.page:
            self.page = page
            page.destroyed.connect(self._closed)
        if device:
            page.open_for_device(device)
        return page

    def _closed(self) -> None:
        self.page = None

    def title(self) -> str:
        return self.tr("Events")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Events (traps and syslog)…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: MainWindow) -> EventsScreen:
    return EventsScreen(window)
