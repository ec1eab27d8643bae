"""Signing in at the console on a shared store: the dialog before the window, and the form the lock
screen reuses. The check itself (scrypt, the failure count, the audit row) is the core's
``SignIn``; it runs on a worker thread, so a slow store never freezes the dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from egovops.accounts.identity import Operator
from egovops.accounts.signin import LOCK_SECONDS, MAX_FAILURES, SignIn
from egovops.storage.database import Database
from egovops_ui.tasks import TaskRunner

Check = Callable[[str, str], Operator]
W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)  # what tests and style sheets find it by
    return widget


class SignInForm(QWidget):
    """Account name, password, the last refusal in red, and a button; ``signedIn(Operator)`` on success."""

    signedIn = Signal(object)

    def __init__(self, check: Check, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check, self.tasks = check, tasks
        self.name_edit = _named(QLineEdit(self), "signInName")
        self.password_edit = _named(QLineEdit(self, echoMode=QLineEdit.EchoMode.Password), "signInPassword")
        self.message = _named(QLabel(self, wordWrap=True), "signInMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.button = _named(QPushButton(self, default=True, autoDefault=True), "signInButton")
        self.button.clicked.connect(self.submit)
        self.name_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        self.name_label, self.password_label = QLabel(self), QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.password_label.setBuddy(self.password_edit)
        self.form = QFormLayout()
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.retranslate()

    def focus(self) -> None:
        (self.password_edit if self.name_edit.text() else self.name_edit).setFocus()

    def submit(self) -> None:
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if not name or not password:
            self.message.setText(self.tr("Enter the account name and its password."))
            self.focus()
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self.tasks.run(self.check, name, password, owner=self, on_done=self._done, on_error=self._failed)

    def _done(self, operator: Operator) -> None:
        self.password_edit.clear()
        self.message.clear()
        self.button.setEnabled(True)
        self.signedIn.emit(operator)

    def _failed(self, exc: BaseException) -> None:
        self.password_edit.clear()
        self.message.setText(str(exc))  # the core's message, in the console's language
        self.button.setEnabled(True)
        self.password_edit.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("&Account:"))
        self.password_label.setText(self.tr("&Password:"))
        self.button.setText(self.tr("Sign in"))


class SignInDialog(QDialog):
    """Shown before the main window on a shared store; ``operator`` is who signed in, once accepted."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.operator: Operator | None = None
        self.tasks = TaskRunner(self)
        self.heading = _named(QLabel(self, wordWrap=True), "signInHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.explain = QLabel(self, wordWrap=True)
        self.location = _named(QLabel(database.location, self), "signInStore")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = SignInForm(lambda name, password: SignIn(database).sign_in(name, password, "console"),
                               self.tasks, self)
        self.form.signedIn.connect(self._signed_in)
        self.quit_button = QPushButton(self, autoDefault=False)
        self.quit_button.clicked.connect(self.reject)
        self.form.layout().itemAt(2).layout().insertWidget(1, self.quit_button)  # type: ignore[union-attr]
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.explain, self.location, self.form):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        self.retranslate()
        self.form.focus()

    def _signed_in(self, operator: Operator) -> None:
        self.operator = operator
        self.accept()

    def reject(self) -> None:
        self.tasks.wait()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("egovops — sign in"))
        self.heading.setText(self.tr("Sign in to the shared store"))
        self.explain.setText(self.tr("Several desks work on this store, so the console acts as a local account, "
                                     "not as the computer's user. {n} wrong passwords in a row lock the account "
                                     "for {minutes} minutes; every attempt is in the audit trail.")
                             .format(n=MAX_FAILURES, minutes=LOCK_SECONDS // 60))
        self.quit_button.setText(self.tr("&Quit"))
