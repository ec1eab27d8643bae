"""Maintenance windows: the list, and planning or removing one through the core (role-checked, audited)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from egovops.availability.maintenance import RECURRENCES, SCOPES, MaintenanceWindow
from egovops.availability.planning import WINDOW_ROLE, AvailabilityPlanner, new_window
from egovops.errors import EgovopsError
from egovops.reports.formatting import duration as show_duration
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.states import network_label
from egovops_ui.settings_dialogs.common import StatusLine, error_text, may, operator_of

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


@dataclass
class Scopes:
    """What a window may apply to, read in the background."""

    device: list[str] = field(default_factory=list)
    site: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)


def read_scopes(inventory: InventoryRepository) -> Scopes:
    return Scopes(sorted(d.name for d in inventory.devices()), sorted(s.path for s in inventory.sites()),
                  sorted(inventory.network_names()))


def _datetime(value: QDateTime) -> datetime:
    return datetime.fromisoformat(value.toString("yyyy-MM-ddTHH:mm:00"))


class MaintenanceTab(QWidget):
    def __init__(self, window: "MainWindow", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.planner = AvailabilityPlanner(window.session.database)
        self.inventory = InventoryRepository(window.session.database)
        self.windows: list[MaintenanceWindow] = []
        self.scopes = Scopes()
        self.table = QTableWidget(0, 6, self, objectName="maintenanceTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_button = QPushButton(self, objectName="removeWindow", clicked=self.remove_selected)
        self.add_box = QGroupBox(self)
        self.scope_kind = QComboBox(self, objectName="windowScopeKind")
        for kind in SCOPES:
            self.scope_kind.addItem("", kind)
        self.scope_kind.currentIndexChanged.connect(self._fill_scope)
        self.scope = QComboBox(self, objectName="windowScope")
        self.scope.setEditable(True)
        self.scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        tomorrow = QDateTime(QDate.currentDate().addDays(1), QTime(22, 0))
        self.starts = QDateTimeEdit(tomorrow, self, objectName="windowStarts")
        self.ends = QDateTimeEdit(tomorrow.addSecs(4 * 3600), self, objectName="windowEnds")
        for edit in (self.starts, self.ends):
            edit.setMaximumWidth(220)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.repeat = QComboBox(self, objectName="windowRepeat")
        for recurrence in RECURRENCES:
            self.repeat.addItem("", recurrence)
        self.has_until = QCheckBox(self, objectName="windowHasUntil")
        self.until = QDateEdit(QDate.currentDate().addMonths(3), self, objectName="windowUntil")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.reason = QLineEdit(self, objectName="windowReason")
        self.add_button = QPushButton(self, objectName="addWindow", clicked=self.add_window)
        self.status = StatusLine(self)
        self.labels: dict[str, QLabel] = {}
        self._layout()

    def _layout(self) -> None:
        until_row = QHBoxLayout()
        until_row.addWidget(self.has_until)
        until_row.addWidget(self.until, 1)
        form = QFormLayout(self.add_box)
        for key, widget in (("scope_kind", self.scope_kind), ("scope", self.scope), ("starts", self.starts),
                            ("ends", self.ends), ("repeat", self.repeat), ("until", until_row), ("reason", self.reason)):
            self.labels[key] = QLabel(self.add_box)
            form.addRow(self.labels[key], widget)
        form.addRow(self.add_button)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.remove_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(top)
        outer.addWidget(self.add_box)
        outer.addWidget(self.status)

    def reload(self) -> None:
        tasks = self.window_.session.tasks
        tasks.run(self.planner.windows, owner=self, on_done=self._show, on_error=self._failed)
        tasks.run(read_scopes, self.inventory, owner=self, on_done=self._scopes_read, on_error=self._failed)

    def _scopes_read(self, scopes: Scopes) -> None:
        self.scopes = scopes
        self._fill_scope()

    def _fill_scope(self) -> None:
        current = self.scope.currentText()
        self.scope.clear()
        self.scope.addItems(getattr(self.scopes, self.scope_kind.currentData()))
        self.scope.setCurrentText(current if current else "")

    def _show(self, windows: list[MaintenanceWindow]) -> None:
        self.windows = windows
        self.table.setRowCount(len(windows))
        kinds = self._kind_names()
        for row, w in enumerate(windows):
            scope = network_label(w.scope) if w.scope_kind == "network" else w.scope
            cells = (str(w.id), f"{kinds[w.scope_kind]} {scope}", f"{w.starts:%Y-%m-%d %H:%M} {w.tz}",
                     show_duration(w.duration), self._repeat_text(w), w.reason)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.update_permissions()

    def update_permissions(self) -> None:
        allowed = may(self.window_, WINDOW_ROLE)
        self.add_button.setEnabled(allowed)
        self.remove_button.setEnabled(allowed and bool(self.windows))
        self.add_box.setToolTip("" if allowed else self.tr("Planning maintenance needs the engineer role."))

    def _failed(self, exc: BaseException) -> None:
        self.status.show_error(error_text(exc))

    def window_from_form(self) -> MaintenanceWindow:
        return new_window(self.scope_kind.currentData(), self.scope.currentText(), _datetime(self.starts.dateTime()),
                          _datetime(self.ends.dateTime()), self.reason.text(), self.repeat.currentData(),
                          self.until.date().toPython() if self.has_until.isChecked() else None)

    def add_window(self) -> None:
        operator = operator_of(self.window_)
        if operator is None:
            return
        try:
            window = self.window_from_form()
        except EgovopsError as exc:
            self.status.show_error(error_text(exc))
            return
        self.window_.session.tasks.run(self.planner.add_window, operator, window, owner=self, on_done=self._added, on_error=self._failed)

    def _added(self, window_id: int) -> None:
        self.status.show_ok(self.tr("Maintenance window {id} planned.").format(id=window_id))
        self.reason.clear()
        self.reload()

    def remove_selected(self) -> None:
        operator = operator_of(self.window_)
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if operator is None or not rows:
            self.status.show_error(self.tr("Select the window to remove."))
            return
        window_id = self.windows[rows[0]].id
        self.window_.session.tasks.run(self.planner.remove_window, operator, window_id,
                                       owner=self, on_done=lambda _: self._removed(window_id), on_error=self._failed)

    def _removed(self, window_id: int) -> None:
        self.status.show_ok(self.tr("Maintenance window {id} removed.").format(id=window_id))
        self.reload()

    def _kind_names(self) -> dict[str, str]:
        return {"device": self.tr("device"), "site": self.tr("site"), "network": self.tr("network")}

    def _repeat_text(self, w: MaintenanceWindow) -> str:
        names = {"once": self.tr("once"), "weekly": self.tr("weekly"), "monthly": self.tr("monthly")}
        text = names[w.recurrence]
        return text + (self.tr(" until {day}").format(day=w.until.isoformat()) if w.until else "")

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Applies to"), self.tr("Starts"), self.tr("Duration"),
                                              self.tr("Repeat"), self.tr("Reason")])
        self.remove_button.setText(self.tr("Remove selected window"))
        self.add_box.setTitle(self.tr("Plan a window"))
        for index, name in enumerate(self._kind_names().values()):
            self.scope_kind.setItemText(index, name)
        for index, text in enumerate((self.tr("once"), self.tr("weekly"), self.tr("monthly"))):
            self.repeat.setItemText(index, text)
        texts = {"scope_kind": self.tr("Applies to"), "scope": self.tr("Device, site or network"), "starts": self.tr("Starts"),
                 "ends": self.tr("Ends"), "repeat": self.tr("Repeat"), "until": self.tr("Last day"), "reason": self.tr("Reason")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.has_until.setText(self.tr("until"))
        self.add_button.setText(self.tr("Plan window"))
        self.update_permissions()
        self._show(self.windows)
