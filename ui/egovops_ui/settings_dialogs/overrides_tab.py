"""Per-site and per-device polling overrides: a slow county link polled less often, a far device given
a longer timeout. A device's override beats its sites', a deeper site's beats its ancestors'.

Edits change the settings held by the dialog; they are stored (checked and audited) with "Save".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.settings_dialogs.common import StatusLine, error_text
from egovops_ui.settings_dialogs.maintenance_tab import Scopes, read_scopes

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

FIELDS = ("status_s", "interfaces_s", "health_s", "timeout_s", "retries")


class OverridesTab(QWidget):
    def __init__(self, window: "MainWindow", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.overrides: dict[str, dict[str, float]] = {}
        self.scopes = Scopes()
        self.table = QTableWidget(0, 1 + len(FIELDS), self, objectName="overrideTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_button = QPushButton(self, objectName="removeOverride", clicked=self.remove_selected)
        self.set_box = QGroupBox(self)
        self.scope_kind = QComboBox(self, objectName="overrideScopeKind")
        for kind in ("site", "device"):
            self.scope_kind.addItem("", kind)
        self.scope_kind.currentIndexChanged.connect(self._fill_scope)
        self.scope = QComboBox(self, objectName="overrideScope")
        self.scope.setEditable(True)
        self.scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.field = QComboBox(self, objectName="overrideField")
        for name in FIELDS:
            self.field.addItem("", name)
        self.value = QDoubleSpinBox(self, objectName="overrideValue")
        self.value.setRange(-1_000_000.0, 1_000_000.0)  # the core's ranges decide on Save
        self.value.setDecimals(2)
        self.value.setValue(300.0)
        self.value.setMaximumWidth(160)
        self.set_button = QPushButton(self, objectName="setOverride", clicked=self.set_value)
        self.status = StatusLine(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self._layout()

    def _layout(self) -> None:
        row = QHBoxLayout(self.set_box)
        row.addWidget(self.scope_kind)
        row.addWidget(self.scope, 1)
        row.addWidget(self.field)
        row.addWidget(self.value)
        row.addWidget(self.set_button)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.remove_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(top)
        outer.addWidget(self.set_box)
        outer.addWidget(self.status)

    def load_scopes(self) -> None:
        inventory = InventoryRepository(self.window_.session.database)
        self.window_.session.tasks.run(read_scopes, inventory, owner=self, on_done=self._scopes_read,
                                       on_error=lambda exc: self.status.show_error(error_text(exc)))

    def _scopes_read(self, scopes: Scopes) -> None:
        self.scopes = scopes
        self._fill_scope()

    def _fill_scope(self) -> None:
        current = self.scope.currentText()
        self.scope.clear()
        self.scope.addItems(getattr(self.scopes, self.scope_kind.currentData()))
        self.scope.setCurrentText(current)

    def show_overrides(self, overrides: dict[str, dict[str, float]]) -> None:
        self.overrides = {key: dict(values) for key, values in overrides.items()}
        keys = sorted(self.overrides)
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            kind, _, scope = key.partition(":")
            self.table.setItem(row, 0, QTableWidgetItem(f"{self._kind_names()[kind]} {scope}"))
            for column, name in enumerate(FIELDS, start=1):
                value = self.overrides[key].get(name)
                self.table.setItem(row, column, QTableWidgetItem("—" if value is None else f"{value:g}"))
        self.remove_button.setEnabled(bool(keys))

    def set_value(self) -> None:
        scope = self.scope.currentText().strip()
        if not scope:
            self.status.show_error(self.tr("Choose the site or device the override applies to."))
            return
        name = self.field.currentData()
        value = self.value.value()
        key = f"{self.scope_kind.currentData()}:{scope}"
        self.overrides.setdefault(key, {})[name] = int(value) if name == "retries" else value
        self.show_overrides(self.overrides)
        self.status.show_ok(self.tr("Set for {scope}; click Save to store it.").format(scope=scope))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.show_error(self.tr("Select the override to remove."))
            return
        key = sorted(self.overrides)[rows[0].row()]
        del self.overrides[key]
        self.show_overrides(self.overrides)
        self.status.show_ok(self.tr("Removed; click Save to store it."))

    def _kind_names(self) -> dict[str, str]:
        return {"site": self.tr("site"), "device": self.tr("device")}

    def _field_names(self) -> list[str]:
        return [self.tr("Status every (s)"), self.tr("Interfaces every (s)"), self.tr("Health every (s)"),
                self.tr("Timeout (s)"), self.tr("Retries")]

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Applies to"), *self._field_names()])
        for index, name in enumerate(self._kind_names().values()):
            self.scope_kind.setItemText(index, name)
        for index, name in enumerate(self._field_names()):
            self.field.setItemText(index, name)
        self.remove_button.setText(self.tr("Remove selected override"))
        self.set_box.setTitle(self.tr("Set a value for a site (and everything below it) or a device"))
        self.set_button.setText(self.tr("Set"))
        self.note.setText(self.tr("A device's own value beats its sites'; a deeper site's beats its ancestors'."))
        self.show_overrides(self.overrides)
