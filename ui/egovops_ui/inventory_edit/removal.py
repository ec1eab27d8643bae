"""Removing a device: read what goes with it, say so in the confirmation, remove on a worker.

The foreign keys delete the device's links, state history, alarms and polling samples with it;
its configuration versions and the audit trail stay. The confirmation names each with its count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from egovops.storage.inventory_edit_repo import DeviceFootprint

if TYPE_CHECKING:
    from egovops_ui.inventory_edit.screen import InventoryEditScreen


class DeviceRemoval(QObject):
    def __init__(self, screen: "InventoryEditScreen") -> None:
        super().__init__(screen)
        self.screen = screen
        self.confirm: QMessageBox | None = None

    def start(self, name: str) -> None:
        self.screen.session.tasks.run(
            self.screen.editor.footprint, name,
            owner=self, on_done=lambda footprint: self._ask(name, footprint), on_error=self.screen.failed,
        )

    def consequences(self, footprint: DeviceFootprint) -> str:
        deleted = self.tr(
            "Deleted with it: {links} links, {changes} state changes (its availability history), {alarms} alarms, "
            "{samples} polling samples, its current status, discovered neighbours and map position."
        )
        kept = self.tr("Kept: its {configs} stored configuration versions and every audit record.")
        values = {"links": footprint.links, "changes": footprint.state_changes, "alarms": footprint.alarms,
                  "samples": footprint.samples, "configs": footprint.config_versions}
        for key, value in values.items():
            deleted, kept = deleted.replace("{" + key + "}", str(value)), kept.replace("{" + key + "}", str(value))
        return f"{deleted}\n{kept}"

    def _ask(self, name: str, footprint: DeviceFootprint) -> None:
        if self.confirm is not None:
            self.confirm.deleteLater()
        box = self.confirm = QMessageBox(self.screen.window)
        box.setObjectName("inventoryRemoveConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove device"))
        box.setText(self.tr("Remove {name} from the inventory? This cannot be undone.").replace("{name}", name))
        box.setInformativeText(self.consequences(footprint))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._answered(name, button is remove))
        box.open()

    def _answered(self, name: str, confirmed: bool) -> None:
        operator = self.screen.operator()
        if not confirmed or operator is None:
            return
        self.screen.session.tasks.run(
            self.screen.editor.remove, operator, name,
            owner=self, on_done=lambda footprint: self._removed(name, footprint), on_error=self.screen.failed,
        )

    def _removed(self, name: str, footprint: DeviceFootprint) -> None:
        self.screen.say(self.tr("Device {name} removed.").replace("{name}", name))
