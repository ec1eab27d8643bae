"""Tools menu entries: credential profiles, settings, accounts and roles (the last for admins only).

The operator is known only shortly after the console starts, so whether "Accounts and roles" is
enabled is decided each time the Tools menu opens, and again when the action fires; the core
refuses non-admins in any case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from egovops.accounts.roles import ACTION_ROLE
from egovops_ui.settings_dialogs.accounts_dialog import AccountsDialog
from egovops_ui.settings_dialogs.common import may
from egovops_ui.settings_dialogs.credentials_dialog import CredentialProfilesDialog
from egovops_ui.settings_dialogs.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

ADMIN_ROLE = ACTION_ROLE["accounts.manage"]


class SettingsScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: dict[str, QDialog] = {}
        self.refusal: QMessageBox | None = None
        menu = window.menus["tools"]
        if not menu.isEmpty():
            menu.addSeparator()
        self.credentials_action = QAction(window, objectName="credentialProfilesAction", triggered=self.open_credentials)
        self.settings_action = QAction(window, objectName="settingsAction", triggered=self.open_settings)
        self.accounts_action = QAction(window, objectName="accountsAction", triggered=self.open_accounts)
        menu.addActions([self.credentials_action, self.settings_action, self.accounts_action])
        menu.aboutToShow.connect(self.update_permissions)
        self.update_permissions()

    def update_permissions(self) -> None:
        self.accounts_action.setEnabled(may(self.window, ADMIN_ROLE))

    def _open(self, key: str, create: Callable[[], QDialog]) -> QDialog:
        """One dialog of each kind, brought forward when open again; never modal over the console."""
        dialog = self.dialogs.get(key)
        if dialog is None or not dialog.isVisible():
            if dialog is not None:
                dialog.deleteLater()
            dialog = create()
            self.dialogs[key] = dialog
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_credentials(self) -> QDialog:
        return self._open("credentials", lambda: CredentialProfilesDialog(self.window, self.window))

    def open_settings(self) -> QDialog:
        return self._open("settings", lambda: SettingsDialog(self.window, self.window))

    def open_accounts(self) -> QDialog | None:
        self.update_permissions()
        if not may(self.window, ADMIN_ROLE):
            # Not exec(): a nested event loop would stall the console's refreshes behind the box.
            self.refusal = QMessageBox(QMessageBox.Icon.Warning, self.tr("Accounts and roles"),
                                       self.tr("Managing accounts needs the admin role."), parent=self.window)
            self.refusal.open()
            return None
        return self._open("accounts", lambda: AccountsDialog(self.window, self.window))

    def retranslate(self) -> None:
        self.credentials_action.setText(self.tr("Credential profiles…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.accounts_action.setText(self.tr("Accounts and roles…"))
        self.accounts_action.setToolTip(self.tr("Admins only"))


def install(window: "MainWindow") -> SettingsScreen:
    return SettingsScreen(window)
