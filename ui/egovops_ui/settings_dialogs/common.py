"""What the settings dialogs share: who is operating, and a line that reports how an action went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


def operator_of(window: "MainWindow") -> Operator | None:
    """None until the session has found out who is at the console (shortly after start)."""
    return window.session.operator


def may(window: "MainWindow", role: Role) -> bool:
    operator = operator_of(window)
    return operator is not None and operator.role.at_least(role)


def error_text(exc: BaseException) -> str:
    """The core's own message (translated, naming what was wrong); never a traceback."""
    return str(exc) or type(exc).__name__


class StatusLine(QLabel):
    """One line under a form: green when an action worked, red with the core's message when not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.ok = True

    def show_ok(self, text: str) -> None:
        self.ok = True
        self.setStyleSheet("color: #1b7a2c;")
        self.setText(text)

    def show_error(self, text: str) -> None:
        self.ok = False
        self.setStyleSheet("color: #b3261e;")
        self.setText(text)

    def show_busy(self, text: str) -> None:
        self.ok = True
        self.setStyleSheet("")
        self.setText(text)
