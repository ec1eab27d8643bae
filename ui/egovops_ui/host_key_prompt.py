"""Asking the operator about an SSH host key the store does not know yet.

The core calls the trust decision on whatever thread runs the SSH session (a procedure worker, the
asyncio loop's executor). The question itself must be a dialog on the GUI thread, so the prompt
relays it there through a queued signal and the asking thread waits for the answer. No answer
within the limit counts as "no": a connection is never trusted by default.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # paramiko comes with it: loaded when SSH is first used, not at console start
    from egovops.ssh.known_hosts import OfferedHostKey

ANSWER_TIMEOUT_S = 300.0


class _Question:
    def __init__(self, offered: OfferedHostKey) -> None:
        self.offered = offered
        self.answer = False
        self.expired = False
        self.done = threading.Event()


class HostKeyPrompt(QObject):
    """A TrustDecision for the core (``prompt(offered) -> bool``). Create it on the GUI thread."""

    _asked = Signal(object)  # _Question, delivered queued to the GUI thread

    def __init__(self, parent: QWidget | None = None, timeout_s: float = ANSWER_TIMEOUT_S) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self.timeout_s = timeout_s
        self._asked.connect(self._ask)
        self.asked: list[OfferedHostKey] = []  # what the operator was shown, for the session's record

    def __call__(self, offered: OfferedHostKey) -> bool:
        question = _Question(offered)
        if QThread.currentThread() is self.thread():
            raise RuntimeError("the host-key prompt waits for the GUI thread: call it from a worker thread")
        self._asked.emit(question)
        if not question.done.wait(self.timeout_s):
            question.expired = True  # a late "yes" must not count
            return False
        return question.answer

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
        self.asked.append(question.offered)
        box = self.dialog(question.offered)

        def answered(result: int) -> None:
            question.answer = result == QMessageBox.StandardButton.Yes and not question.expired
            question.done.set()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
