"""Inventory menu: add, edit and remove devices, edit the site hierarchy, import a CSV file.

Every read and write runs on the session's worker threads through the core's editors, which check
the role and write the audit trail; the menu only greys out what the operator's role may not do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget
from shiboken6 import isValid

from egovops.accounts.identity import Operator
from egovops.inventory_edit.audited_import import ImportOutcome, import_inventory
from egovops.inventory_edit.devices import EDIT_ROLE, DeviceEditor, DeviceFormError, FormChoices
from egovops.inventory.model import Device
from egovops.inventory.validation import FieldProblem
from egovops_ui.inventory_edit.device_dialog import DeviceDialog
from egovops_ui.inventory_edit.device_picker import DevicePicker
from egovops_ui.inventory_edit.import_dialog import ImportDialog
from egovops_ui.inventory_edit.removal import DeviceRemoval
from egovops_ui.inventory_edit.sites_flow import SitesFlow

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

STATUS_MS = 10_000


def replace(old: QWidget | None) -> None:
    """Dialogs are children of the window: drop the previous one instead of keeping every one."""
    if old is not None and not old.isVisible():
        old.deleteLater()


class InventoryEditScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window, self.session = window, window.session
        self.editor = DeviceEditor(self.session.database)
        self.dialog: DeviceDialog | None = None
        self.picker: DevicePicker | None = None
        self.import_dialog: ImportDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.removal = DeviceRemoval(self)
        self.sites = SitesFlow(self)
        self.last_device = ""
        menu = window.menus["inventory"]
        self.add_action = QAction(self, triggered=self.add_device)
        self.edit_action = QAction(self, triggered=lambda: self.edit_device())
        self.remove_action = QAction(self, triggered=lambda: self.remove_device())
        self.sites_action = QAction(self, triggered=self.sites.open)
        self.import_action = QAction(self, triggered=lambda: self.import_csv())
        menu.addActions([self.add_action, self.edit_action, self.remove_action])
        menu.addSeparator()
        menu.addActions([self.sites_action, self.import_action])
        menu.aboutToShow.connect(self.update_rights)
        # From a device's tab: the Device menu edits the device shown there.
        self.edit_shown_action = QAction(self, triggered=self.edit_shown_device)
        window.menus["device"].addAction(self.edit_shown_action)
        window.menus["device"].aboutToShow.connect(self.update_rights)
        self.session.operatorKnown.connect(lambda _operator: self.update_rights())
        window.alarms.deviceActivated.connect(self._remember)
        window.deviceOpenRequested.connect(self._remember)
        self.retranslate()
        self.update_rights()

    # -- who may edit -----------------------------------------------------------------------------
    def operator(self) -> Operator | None:
        return self.session.operator

    def may_edit(self) -> bool:
        operator = self.operator()
        return operator is not None and operator.role.at_least(EDIT_ROLE)

    def update_rights(self) -> None:
        allowed = self.may_edit()
        tip = "" if allowed else self.tr("Editing the inventory needs the engineer role or higher.")
        for action in self.edit_actions():
            action.setEnabled(allowed)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def edit_actions(self) -> list[QAction]:
        return [self.add_action, self.edit_action, self.remove_action, self.sites_action, self.import_action,
                self.edit_shown_action]

    def _remember(self, name: str) -> None:
        self.last_device = name

    def shown_device(self) -> str:
        """The device whose tab is in front (device tabs are titled with the device's name), or ""."""
        tabs = self.window.tabs
        title = tabs.tabText(tabs.currentIndex()) if tabs.currentIndex() > 0 else ""
        return title if title in set(self.device_names()) else ""

    def edit_shown_device(self) -> None:
        shown = self.shown_device()
        self.edit_device(shown or None)

    def device_names(self) -> list[str]:
        overview = self.session.overview  # already in memory: no store read on the GUI thread
        return sorted(overview.devices) if overview else []

    def say(self, text: str) -> None:
        self.window.status.showMessage(text, STATUS_MS)

    def failed(self, exc: BaseException) -> None:
        self.say(self.tr("Inventory: {error}").replace("{error}", str(exc)))

    # -- devices ----------------------------------------------------------------------------------
    def add_device(self) -> None:
        self.session.tasks.run(self.editor.choices, None, owner=self, on_done=self._open_dialog, on_error=self.failed)

    def edit_device(self, name: str | None = None) -> None:
        """Edit ``name``; without it, ask which device first. The device view may call this too."""
        if name is None:
            self.pick(self.tr("Edit device"), self.tr("Device to edit:"), self.edit_device)
            return
        self.session.tasks.run(self.editor.choices, name, owner=self, on_done=self._open_dialog, on_error=self.failed)

    def remove_device(self, name: str | None = None) -> None:
        if name is None:
            self.pick(self.tr("Remove device"), self.tr("Device to remove:"), self.remove_device)
            return
        self.removal.start(name)

    def pick(self, title: str, prompt: str, then: object) -> None:
        replace(self.picker)
        self.picker = DevicePicker(self.device_names(), self.shown_device() or self.last_device, self.window)
        self.picker.set_texts(title, prompt)
        self.picker.chosen.connect(then)  # type: ignore[arg-type]
        self.picker.open()

    def _open_dialog(self, choices: FormChoices) -> None:
        replace(self.dialog)
        self.dialog = DeviceDialog(choices, self.window.current_site(), self.window)
        self.dialog.submitted.connect(lambda fields, dialog=self.dialog: self._save(dialog, fields))
        self.dialog.open()

    def _save(self, dialog: DeviceDialog, fields: dict[str, str]) -> None:
        operator = self.operator()
        if operator is None:
            dialog.set_busy(False)
            dialog.show_problems([FieldProblem("name", self.tr("The operator is not known yet; try again in a moment."))])
            return
        self.session.tasks.run(
            self.editor.save, operator, fields, dialog.editing,
            owner=self, on_done=lambda device, editing=dialog.editing: self._saved(dialog, device, editing), on_error=lambda exc: self._not_saved(dialog, exc),
        )

    def _saved(self, dialog: DeviceDialog, device: Device, editing: str | None) -> None:
        text = self.tr("Device {name} saved.") if editing else self.tr("Device {name} added.")
        self.say(text.replace("{name}", device.name))  # the map hears of it from the store's change notice
        if isValid(dialog):  # cancelled and replaced while the worker saved: nothing left to close
            dialog.set_busy(False)
            dialog.accept()

    def _not_saved(self, dialog: DeviceDialog, exc: BaseException) -> None:
        if not isValid(dialog):
            self.failed(exc)
            return
        dialog.set_busy(False)
        if isinstance(exc, DeviceFormError):
            dialog.show_problems(exc.problems)
        else:  # refused (role) or the store failed: shown in the dialog, which stays open
            dialog.show_problems([FieldProblem("name", str(exc))])

    # -- import -----------------------------------------------------------------------------------
    def import_csv(self, path: Path | None = None) -> None:
        if path is None:
            self.file_dialog = QFileDialog(self.window, self.tr("Import inventory file"))
            self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            self.file_dialog.setNameFilters([self.tr("Inventory CSV (*.csv)"), self.tr("Inventory YAML (*.yaml *.yml)")])
            self.file_dialog.fileSelected.connect(lambda chosen: self.import_csv(Path(chosen)))
            self.file_dialog.open()
            return
        operator = self.operator()
        if operator is None:
            self.say(self.tr("The operator is not known yet; try again in a moment."))
            return
        replace(self.import_dialog)
        dialog = self.import_dialog = ImportDialog(path.name, self.window)
        dialog.startRequested.connect(lambda create_sites: self._run_import(dialog, operator, path, create_sites))
        dialog.open()

    def _run_import(self, dialog: ImportDialog, operator: Operator, path: Path, create_sites: bool) -> None:
        self.session.tasks.run(
            import_inventory, self.session.database, operator, path, create_sites,
            owner=self, on_done=lambda outcome: self._imported(dialog, outcome),
            on_error=lambda exc: dialog.show_error(str(exc)) if isValid(dialog) else self.failed(exc),
        )

    def _imported(self, dialog: ImportDialog, outcome: ImportOutcome) -> None:
        if isValid(dialog):
            dialog.show_outcome(outcome)

    def retranslate(self) -> None:
        self.add_action.setText(self.tr("&Add device…"))
        self.edit_action.setText(self.tr("&Edit device…"))
        self.remove_action.setText(self.tr("&Remove device…"))
        self.sites_action.setText(self.tr("&Sites…"))
        self.import_action.setText(self.tr("&Import CSV…"))
        self.edit_shown_action.setText(self.tr("Edit inventory record…"))
        for dialog in (self.dialog, self.import_dialog, self.sites.dialog):
            if dialog is not None:
                dialog.retranslate()
        self.update_rights()


def install(window: "MainWindow") -> InventoryEditScreen:
    return InventoryEditScreen(window)
