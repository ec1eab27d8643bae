"""Local accounts and their roles (admins only): add with the password twice, change role, disable, remove.

The dialog is offered to admins only, and every call goes through egovops.accounts.admin, which
refuses anyone else and audits each change.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
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

from egovops.accounts.admin import AccountAdmin
from egovops.accounts.roles import Role
from egovops.accounts.service import AccountInfo
from egovops_ui.settings_dialogs.common import StatusLine, error_text, operator_of

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


class AccountsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.window_ = window
        self.admin = AccountAdmin(window.session.database)
        self.accounts: list[AccountInfo] = []
        self.table = QTableWidget(0, 4, self, objectName="accountTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.role = self._role_box("accountRole")
        self.role_button = QPushButton(self, objectName="applyRole", clicked=self.apply_role)
        self.disable_button = QPushButton(self, objectName="toggleDisabled", clicked=self.toggle_disabled)
        self.remove_button = QPushButton(self, objectName="removeAccount", clicked=self.remove_selected)
        self.add_box = QGroupBox(self)
        self.new_name = QLineEdit(self, objectName="newAccountName")
        self.new_role = self._role_box("newAccountRole")
        self.password, self.repeated = QLineEdit(self, objectName="newPassword"), QLineEdit(self, objectName="repeatPassword")
        for edit in (self.password, self.repeated):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self, objectName="addAccount", clicked=self.add_account)
        self.status = StatusLine(self)
        self.status.setObjectName("accountsStatus")
        self.labels: dict[str, QLabel] = {}
        self._layout()
        self.retranslate()
        self.reload()

    def _role_box(self, name: str) -> QComboBox:
        box = QComboBox(self, objectName=name)
        for role in Role:
            box.addItem("", role.value)
        return box

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.role, 1)
        for button in (self.role_button, self.disable_button, self.remove_button):
            actions.addWidget(button)
        form = QFormLayout(self.add_box)
        for key, widget in (("name", self.new_name), ("role", self.new_role), ("password", self.password),
                            ("repeat", self.repeated)):
            self.labels[key] = QLabel(self.add_box)
            form.addRow(self.labels[key], widget)
        form.addRow(self.add_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(actions)
        outer.addWidget(self.add_box)
        outer.addWidget(self.status)
        self.resize(640, 560)

    def _run(self, fn, *args, done_text: str = "") -> None:  # type: ignore[no-untyped-def]
        operator = operator_of(self.window_)
        if operator is None:
            self.status.show_error(self.tr("The operator is not known yet; try again in a moment."))
            return

        def done(_: object) -> None:
            if done_text:
                self.status.show_ok(done_text)
            self.reload()

        self.window_.session.tasks.run(fn, operator, *args, owner=self, on_done=done, on_error=self._failed)

    def reload(self) -> None:
        operator = operator_of(self.window_)
        if operator is None:
            return
        self.window_.session.tasks.run(self.admin.accounts, operator, owner=self, on_done=self._loaded,
                                       on_error=self._failed)

    def _loaded(self, accounts: list[AccountInfo]) -> None:
        operator = operator_of(self.window_)
        if not accounts and operator is not None and not self.new_name.text():
            # The first account must be the OS user's own, as an admin (the core insists).
            self.new_name.setText(operator.name)
            self.new_role.setCurrentIndex(self.new_role.findData(Role.ADMIN.value))
        self._show(accounts)

    def _show(self, accounts: list[AccountInfo]) -> None:
        selected = self.selected()
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            state = self.tr("disabled") if account.disabled else self.tr("enabled")
            for column, text in enumerate((account.name, self._role_name(account.role), state,
                                           _day(account.created_at))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected and account.name == selected.name:
                self.table.selectRow(row)
        self._selected()

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def _selected(self) -> None:
        account = self.selected()
        for button in (self.role_button, self.disable_button, self.remove_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.role.setCurrentIndex(self.role.findData(account.role.value))
            self.disable_button.setText(self.tr("Enable") if account.disabled else self.tr("Disable"))

    def _failed(self, exc: BaseException) -> None:
        self.status.show_error(error_text(exc))

    def add_account(self) -> None:
        name, password, repeated = self.new_name.text().strip(), self.password.text(), self.repeated.text()
        self.password.clear()
        self.repeated.clear()
        self._run(self.admin.add, name, self.new_role.currentData(), password, repeated,
                  done_text=self.tr("Account {name} added.").format(name=name))

    def apply_role(self) -> None:
        account = self.selected()
        if account is not None:
            self._run(self.admin.set_role, account.name, self.role.currentData(),
                      done_text=self.tr("Role of {name} changed.").format(name=account.name))

    def toggle_disabled(self) -> None:
        account = self.selected()
        if account is not None:
            text = self.tr("Account {name} enabled.") if account.disabled else self.tr("Account {name} disabled.")
            self._run(self.admin.set_disabled, account.name, not account.disabled, done_text=text.format(name=account.name))

    def remove_selected(self) -> None:
        account = self.selected()
        if account is not None:
            self._run(self.admin.remove, account.name, done_text=self.tr("Account {name} removed.").format(name=account.name))

    def _role_name(self, role: Role) -> str:
        return {Role.OPERATOR: self.tr("operator"), Role.ENGINEER: self.tr("engineer"),
                Role.SUPERVISOR: self.tr("supervisor"), Role.ADMIN: self.tr("admin")}[role]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Accounts and roles"))
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Role"), self.tr("State"), self.tr("Created")])
        for box in (self.role, self.new_role):
            for index, role in enumerate(Role):
                box.setItemText(index, self._role_name(role))
        self.role_button.setText(self.tr("Change role"))
        self.remove_button.setText(self.tr("Remove"))
        self.add_box.setTitle(self.tr("Add a local account"))
        texts = {"name": self.tr("Account name"), "role": self.tr("Role"), "password": self.tr("Password"),
                 "repeat": self.tr("Repeat password")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.password.setPlaceholderText(self.tr("at least 8 characters of three kinds"))
        self.add_button.setText(self.tr("Add account"))
        self.disable_button.setText(self.tr("Disable"))
        self._show(self.accounts)


def _day(epoch: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(epoch))
