"""The list of credential profiles (never a secret), with new, edit, delete and a test against a device."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egovops.accounts.roles import Role
from egovops.credentials.editing import MANAGE_ROLE, CredentialEditor, ProfileSummary
from egovops.credentials.profiles import CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.settings_dialogs.common import StatusLine, error_text, may, operator_of
from egovops_ui.settings_dialogs.probe_row import ProbeRow
from egovops_ui.settings_dialogs.profile_form import ProfileForm

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


class CredentialProfilesDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialProfilesDialog")
        self.window_ = window
        self.editor = CredentialEditor(window.session.database)
        self.summaries: list[ProfileSummary] = []
        self.form: ProfileForm | None = None
        self.device_names: list[str] = []
        self._select_after: str | None = None
        self.table = QTableWidget(0, 4, self, objectName="profileTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button = QPushButton(self, objectName="newProfile", clicked=self.new_profile)
        self.edit_button = QPushButton(self, objectName="editProfile", clicked=self.edit_selected)
        self.delete_button = QPushButton(self, objectName="deleteProfile", clicked=self.delete_selected)
        self.test_box = QGroupBox(self)
        self.probe = ProbeRow(window, self.test_box)
        self.probe.button.clicked.connect(self.test_selected)
        self.probe.finished.connect(lambda _: self._update_buttons())
        self.status = StatusLine(self)
        self._layout()
        self.retranslate()
        self._update_buttons()
        self.reload()
        self._load_devices()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        QVBoxLayout(self.test_box).addWidget(self.probe)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.status)
        outer.addWidget(self.test_box)
        self.resize(760, 520)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.window_.session.tasks.run(self.editor.summaries, owner=self, on_done=self._show, on_error=self._failed)

    def _show(self, summaries: list[ProfileSummary]) -> None:
        selected, self._select_after = self._select_after or self.selected_name(), None
        self.summaries = summaries
        self.table.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            for column, text in enumerate((s.name, s.kind, s.user, s.protocols or s.key_file)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if s.name == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def _load_devices(self) -> None:
        inventory = InventoryRepository(self.window_.session.database)
        self.window_.session.tasks.run(lambda: [d.name for d in inventory.devices()],
                                       owner=self, on_done=self._show_devices, on_error=self._failed)

    def _show_devices(self, names: list[str]) -> None:
        self.device_names = sorted(names)
        self.probe.set_devices(self.device_names)

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.summaries[rows[0].row()].name if rows and rows[0].row() < len(self.summaries) else None

    def select(self, name: str) -> None:
        for row, summary in enumerate(self.summaries):
            if summary.name == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected_name() is not None
        manage = may(self.window_, MANAGE_ROLE)
        self.new_button.setEnabled(manage)
        self.edit_button.setEnabled(manage and chosen)
        self.delete_button.setEnabled(manage and chosen)
        self.probe.button.setEnabled(chosen and may(self.window_, Role.OPERATOR))

    def _failed(self, exc: BaseException) -> None:
        self.status.show_error(error_text(exc))

    # -- changes ------------------------------------------------------------------------------
    def new_profile(self) -> ProfileForm:
        return self._open_form(None)

    def edit_selected(self) -> None:
        """Opens the form once the profile's settings are read (in the background)."""
        name = self.selected_name()
        if name is None or not may(self.window_, MANAGE_ROLE):
            return
        service = CredentialService(self.window_.session.database)
        self.window_.session.tasks.run(service.profile, name, owner=self, on_done=self._open_form,
                                       on_error=self._failed)

    def _open_form(self, profile: CredentialProfile | None) -> ProfileForm:
        self.form = ProfileForm(self.window_, profile, self.device_names, self)
        self.form.probe.device.setCurrentText(self.probe.device.currentText())
        self.form.saved.connect(self._saved)
        self.form.open()
        return self.form

    def _saved(self, name: str) -> None:
        self.status.show_ok(self.tr("Profile {name} saved; its secrets are in the system keyring.").format(name=name))
        self._select_after = name
        self.reload()

    def delete_selected(self, confirmed: bool = False) -> None:
        name = self.selected_name()
        operator = operator_of(self.window_)
        if name is None or operator is None:
            return
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Delete credential profile"),
                                          self.tr("Delete {name} and its secrets from the keyring? Devices using it "
                                                  "can no longer be polled.").format(name=name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.window_.session.tasks.run(self.editor.remove, operator, name, owner=self,
                                       on_done=lambda _: self._deleted(name), on_error=self._failed)

    def _deleted(self, name: str) -> None:
        self.status.show_ok(self.tr("Profile {name} deleted.").format(name=name))
        self.reload()

    # -- test ---------------------------------------------------------------------------------
    def test_selected(self) -> None:
        """Try the stored profile (its secrets from the keyring) on the chosen device."""
        name = self.selected_name()
        if name is not None:
            self.probe.start(lambda probe: (probe.service.profile(name), {}))

    # -- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Credential profiles"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("User"), self.tr("Protocols / key file")])
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.test_box.setTitle(self.tr("Test the selected profile"))
        self.probe.retranslate()
