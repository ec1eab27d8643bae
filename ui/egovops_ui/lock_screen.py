"""Ctrl+L: lock the console at a shared desk.

The window's content is covered by an opaque screen, and its widgets and every action of the
window are disabled, so neither a click, a Tab nor a shortcut reaches it; the session keeps
refreshing underneath (the alarm sound too: a locked desk still hears a critical alarm). The same
account's password unlocks it; another account's password unlocks it and that account then
operates the console. Lock, unlock and the switch are audited by the core (``SignIn``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget

from egovops.accounts.identity import Operator
from egovops.accounts.signin import SignIn
from egovops_ui.session import ConsoleSession
from egovops_ui.signin_dialog import SignInForm


class LockScreen(QWidget):
    """What a locked window shows: who locked it and when, and the sign-in form."""

    def __init__(self, form: SignInForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)  # opaque: nothing of the window shows through
        self.title = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.who = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.who.setObjectName("lockWho")
        panel = QFrame(self, frameShape=QFrame.Shape.StyledPanel)
        panel.setFixedWidth(440)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 20, 28, 20)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addWidget(form)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.form = form


class ConsoleLock(QObject):
    """The lock action (Ctrl+L, in the File menu) and the lock screen of one main window."""

    def __init__(self, window: QMainWindow, session: ConsoleSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.locked_by: Operator | None = None
        self.locked_at = 0.0
        self._disabled: list[QAction] = []
        self._hidden: list[QWidget] = []
        self._covered: list[QWidget] = []
        self.action = QAction(window, shortcut=QKeySequence("Ctrl+L"))
        self.action.triggered.connect(self.lock)
        self.action.setObjectName("lockAction")
        self.action.setEnabled(False)  # until a local account operates the console
        self.form = SignInForm(self._check, session.tasks)
        self.screen = LockScreen(self.form, window)
        self.screen.hide()
        self.form.signedIn.connect(self._unlocked)
        session.operatorKnown.connect(self._operator_known)
        window.installEventFilter(self)  # the screen follows the window's size
        self.retranslate()

    def _operator_known(self, operator: Operator) -> None:
        # Only a signed-in account can unlock again: the OS user of an embedded store has no password here.
        self.action.setEnabled(operator.source == "local" and not self.is_locked())

    def is_locked(self) -> bool:
        return self.locked_by is not None

    def lock(self) -> None:
        operator = self.session.operator
        if self.is_locked() or operator is None or operator.source != "local":
            return
        self.locked_by, self.locked_at = operator, time.time()
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        # A floating dock is a window of its own, outside the screen: hidden until unlocked.
        self._hidden = [d for d in self.window.findChildren(QDockWidget) if d.isFloating() and d.isVisible()]
        for dock in self._hidden:
            dock.hide()
        # Disabled, not only covered: Tab from the lock screen's form must not reach a widget beneath.
        self._covered = [w for w in (self.window.menuBar(), self.window.centralWidget(), self.window.statusBar(),
                                     *self.window.findChildren(QDockWidget)) if w is not None and w.isEnabled()]
        for widget in self._covered:
            widget.setEnabled(False)
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self.form.name_edit.setText(operator.name)
        self.retranslate()
        self.form.focus()
        self.session.tasks.run(SignIn(self.session.database).lock_screen, operator, on_error=self.session.report)

    def _check(self, name: str, password: str) -> Operator:  # worker thread
        assert self.locked_by is not None
        return SignIn(self.session.database).unlock_screen(self.locked_by, name, password)

    def _unlocked(self, operator: Operator) -> None:
        self.locked_by = None
        self.screen.hide()
        for widget in self._covered:
            widget.setEnabled(True)
        for action in self._disabled:
            action.setEnabled(True)
        for dock in self._hidden:
            dock.show()
        self._disabled, self._hidden, self._covered = [], [], []
        self.session.set_operator(operator)  # the same, or the account that took the desk over

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.screen.setGeometry(self.window.rect())
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Lock console"))
        self.screen.title.setText(self.tr("Console locked"))
        if self.locked_by is not None:
            at = time.strftime("%H:%M", time.localtime(self.locked_at))
            text = self.tr("Locked by {name} at {time}. Enter its password to go on, or sign in with another account "
                           "to take the desk over.")
            self.screen.who.setText(text.format(name=self.locked_by.name, time=at))
        self.form.retranslate()
