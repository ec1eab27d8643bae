"""The command tab: send one CLI command over SSH and read the answer.

The core decides what the operator's role may send (read-only commands below the engineer role)
and writes every attempt to the audit trail; this panel only says so up front and shows results.
The session runs on a worker; an unknown host key is put to the operator by the HostKeyPrompt.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from egovops.accounts.roles import Role
from egovops.device_detail.actions import CommandResult, DeviceActions, SshLimits
from egovops.device_detail.commands import WRITE_ROLE, verbs_for

Actions = Callable[[], DeviceActions | None]


class CommandPanel(QWidget):
    finished = Signal(bool)  # True: the device answered; False: refused or failed

    def __init__(self, run: Callable[..., None], actions: Actions, device: str, trust: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self._actions, self.device, self.trust = run, actions, device, trust
        self.vendor = ""
        self.profile = QComboBox(self)
        self.profile.setObjectName("sshProfile")
        self.profile.setMinimumContentsLength(14)
        self.command = QLineEdit(self)
        self.command.setObjectName("sshCommand")
        self.send = QPushButton(self)
        self.send.setObjectName("sshSend")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.output = QPlainTextEdit(self)
        self.output.setObjectName("sshOutput")
        self.output.setReadOnly(True)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long refusals stay readable
        bar = QHBoxLayout()
        self.profile_caption = QLabel(self)
        bar.addWidget(self.profile_caption)
        bar.addWidget(self.profile)
        bar.addWidget(self.command, 1)
        bar.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.output, 1)
        self.send.clicked.connect(self.run_command)
        self.command.returnPressed.connect(self.run_command)
        self.busy = False
        self.role: Role | None = None
        self.limits = SshLimits()  # connect, login and command deadlines: a hung device ends in a message
        self.retranslate()

    def retranslate(self) -> None:
        self.profile_caption.setText(self.tr("SSH profile:"))
        self.command.setPlaceholderText(self.tr("A command, e.g. display interface brief or show version"))
        self.send.setText(self.tr("Run"))
        self._hint()

    def role_name(self, role: Role) -> str:
        return {Role.OPERATOR: self.tr("operator"), Role.ENGINEER: self.tr("engineer"),
                Role.SUPERVISOR: self.tr("supervisor"), Role.ADMIN: self.tr("admin")}[role]

    def set_vendor(self, vendor: str) -> None:
        """The inventory's vendor decides which verbs are read-only (as the core's check does)."""
        self.vendor = vendor
        self._hint()

    def set_context(self, profiles: list[str], default: str | None, role: Role | None) -> None:
        self.role = role
        chosen = self.profile.currentText() or default
        self.profile.clear()
        self.profile.addItems(profiles)
        if chosen in profiles:
            self.profile.setCurrentText(chosen)
        self._hint()

    def _hint(self) -> None:
        if self.profile.count() == 0:
            self.hint.setText(self.tr("No SSH credential profile exists yet: add one under credentials first."))
        elif self.role is not None and not self.role.at_least(WRITE_ROLE):
            verbs = ", ".join(sorted(verbs_for(self.vendor)))
            self.hint.setText(self.tr("Your role ({role}) may send read-only commands only: {verbs}.").format(
                role=self.role_name(self.role), verbs=verbs))
        else:
            self.hint.setText(self.tr("Commands are sent as typed and recorded in the audit log."))

    def run_command(self) -> None:
        command = self.command.text().strip()
        actions = self._actions()
        if self.busy or not command:
            return
        if actions is None:
            self._show_error(self.tr("The operator is not known yet; try again in a moment."))
            return
        self.busy = True
        self.send.setEnabled(False)
        self.output.appendPlainText(f"> {command}")
        self._run(actions.run_command, self.device, command, self.profile.currentText() or None, self.trust, self.limits,
                  on_done=self._done, on_error=self._failed, long=True)  # an SSH session: the long pool

    def _done(self, result: CommandResult) -> None:
        self.busy = False
        self.send.setEnabled(True)
        self.output.appendPlainText(result.output.rstrip("\n"))
        self.output.appendPlainText(self.tr("[{seconds:.1f} s, audit record {id}]").format(seconds=result.seconds, id=result.audit_id) + "\n")
        self.finished.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.send.setEnabled(True)
        self._show_error(str(exc))
        self.finished.emit(False)

    def _show_error(self, message: str) -> None:
        self.output.appendHtml(f'<span style="color:#d62f2f">{_escape(message)}</span>')
        self.output.appendPlainText("")

    def text(self) -> str:
        return self.output.toPlainText()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
