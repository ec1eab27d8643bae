"""Asking the operator about an SSH host key the store does not know yet.

The core calls the trust decision on whatever thread runs the SSH session (a procedure worker, the
asyncio loop's executor). The question itself must be a dialog on the GUI thread, so the prompt
relays it there through a queued signal and the asking thread waits for the answer. No answer
within the limit counts as "no": a connection is never trusted by default.

A procedure run asks once for all its devices (``ask_all``): one dialog lists every unknown key
with its fingerprint, each with a box to tick; "Trust all shown" or "Trust the ticked" answers it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # paramiko comes with it: loaded when SSH is first used, not at console start
    from egovops.ssh.known_hosts import OfferedHostKey

ANSWER_TIMEOUT_S = 300.0


class _Question:
    def __init__(self, offered: list[OfferedHostKey]) -> None:  # one key from __call__, several from ask_all
        self.offered = offered
        self.answer: bool | list[OfferedHostKey] = False
        self.expired = False
        self.done = threading.Event()


class HostKeyPrompt(QObject):
    """A TrustDecision for the core (``prompt(offered) -> bool``). Create it on the GUI thread."""

    _asked = Signal(object)  # _Question, delivered queued to the GUI thread
    _asked_all = Signal(object)  # _Question about a whole run's keys

    def __init__(self, parent: QWidget | None = None, timeout_s: float = ANSWER_TIMEOUT_S) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self.timeout_s = timeout_s
        self._asked.connect(self._ask)
        self._asked_all.connect(self._ask_all)
        self.asked: list[OfferedHostKey] = []  # what the operator was shown, for the session's record

    def __call__(self, offered: OfferedHostKey) -> bool:
        question = _Question([offered])
        if QThread.currentThread() is self.thread():
            raise RuntimeError("the host-key prompt waits for the GUI thread: call it from a worker thread")
        self._asked.emit(question)
        if not question.done.wait(self.timeout_s):
            question.expired = True  # a late "yes" must not count
            return False
        return bool(question.answer)

    def ask_all(self, offered: Sequence[OfferedHostKey]) -> list[OfferedHostKey]:
        """The runner's one question for a whole run: the keys the operator trusts (none when unanswered)."""
        if not offered:
            return []
        question = _Question(list(offered))
        if QThread.currentThread() is self.thread():
            raise RuntimeError("the host-key prompt waits for the GUI thread: call it from a worker thread")
        self._asked_all.emit(question)
        if not question.done.wait(self.timeout_s):
            question.expired = True
            return []
        return list(question.answer) if isinstance(question.answer, list) else []

    @Slot(object)
    def _ask_all(self, question: _Question) -> None:
        offered = list(question.offered)
        self.asked.extend(offered)
        dialog = HostKeysDialog(offered, self._parent_widget)

        def answered(_result: int) -> None:
            question.answer = [] if question.expired else dialog.trusted
            question.done.set()
            dialog.deleteLater()

        dialog.finished.connect(answered)
        dialog.open()

    def dialog(self, offered: OfferedHostKey) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unknown SSH host key"), "", parent=self._parent_widget)
        box.setObjectName("hostKeyPrompt")
        box.setText(self.tr("The device {device} ({host}, port {port}) presented a host key this console has never seen.")
                    .format(device=offered.device, host=offered.host, port=offered.port))
        box.setInformativeText(self.tr("Key type: {kind}\nFingerprint: {fingerprint}\n\nCompare the fingerprint with the one "
                                       "shown on the device's console before you trust it. Trust and remember this key?")
                               .format(kind=offered.key_type, fingerprint=offered.fingerprint))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Trust and remember"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Refuse"))
        return box

    @Slot(object)
    def _ask(self, question: _Question) -> None:
        """Shown window-modal without a nested event loop; the answer arrives with ``finished``."""
        [offered] = question.offered
        self.asked.append(offered)
        box = self.dialog(offered)

        def answered(result: int) -> None:
            question.answer = result == QMessageBox.StandardButton.Yes and not question.expired
            question.done.set()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()


class HostKeysDialog(QDialog):
    """Every unknown key of a run in one table; the operator trusts all, the ticked ones, or none."""

    COLUMNS = 4

    def __init__(self, offered: list[OfferedHostKey], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hostKeysPrompt")
        self.offered = offered
        self.trusted: list[OfferedHostKey] = []
        self.setWindowTitle(self.tr("Unknown SSH host keys"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        intro = QLabel(self.tr("{n} devices presented host keys this console has never seen. Compare each fingerprint "
                               "with the one shown on the device's console, then trust the keys. No device is logged "
                               "in to before you answer.").format(n=len(offered)), self, wordWrap=True)
        self.table = QTableWidget(len(offered), self.COLUMNS, self)
        self.table.setObjectName("hostKeysTable")
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Address"), self.tr("Key type"),
                                              self.tr("Fingerprint")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, key in enumerate(offered):
            cells = (key.device, f"{key.host}:{key.port}", key.key_type, key.fingerprint)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)  # nothing is trusted by default
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.trust_all = QPushButton(self.tr("Trust all shown"), self)
        self.trust_all.setObjectName("trustAllButton")
        self.trust_chosen = QPushButton(self.tr("Trust the ticked"), self)
        self.trust_chosen.setObjectName("trustChosenButton")
        self.refuse = QPushButton(self.tr("Refuse all"), self)
        self.refuse.setObjectName("refuseAllButton")
        buttons.addButton(self.trust_all, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.trust_chosen, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.refuse, QDialogButtonBox.ButtonRole.RejectRole)
        self.refuse.setDefault(True)
        self.trust_all.clicked.connect(lambda: self._answer(self.offered))
        self.trust_chosen.clicked.connect(lambda: self._answer(self.ticked()))
        self.refuse.clicked.connect(lambda: self._answer([]))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, min(640, 200 + 30 * len(offered)))

    def ticked(self) -> list[OfferedHostKey]:
        return [key for row, key in enumerate(self.offered)
                if (item := self.table.item(row, 0)) is not None and item.checkState() == Qt.CheckState.Checked]

    def _answer(self, trusted: list[OfferedHostKey]) -> None:
        self.trusted = list(trusted)
        self.done(QDialog.DialogCode.Accepted if trusted else QDialog.DialogCode.Rejected)
