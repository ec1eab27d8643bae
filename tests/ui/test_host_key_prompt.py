"""The host-key question reaches the operator from a worker thread, and only a "yes" trusts."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from egovops.ssh.known_hosts import OfferedHostKey
from egovops_ui.host_key_prompt import HostKeyPrompt

OFFERED = OfferedHostKey("HF-EXT-AGG-01", "127.20.1.1", 40001, "ssh-ed25519", "SHA256:abcdEFGH")


def answer_when_shown(qtbot: QtBot, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
    box = QApplication.activeModalWidget()
    shown = box.text() + "\n" + box.informativeText()
    box.button(button).click()
    return shown


def ask_from_worker(prompt: HostKeyPrompt) -> tuple[threading.Thread, list[bool]]:
    answers: list[bool] = []
    worker = threading.Thread(target=lambda: answers.append(prompt(OFFERED)))
    worker.start()
    return worker, answers


def test_a_worker_thread_gets_the_operators_yes(qtbot: QtBot) -> None:
    prompt = HostKeyPrompt()
    worker, answers = ask_from_worker(prompt)
    shown = answer_when_shown(qtbot, QMessageBox.StandardButton.Yes)
    worker.join(5)
    assert answers == [True]
    assert "SHA256:abcdEFGH" in shown and "HF-EXT-AGG-01" in shown and "ssh-ed25519" in shown


def test_refusing_does_not_trust(qtbot: QtBot) -> None:
    prompt = HostKeyPrompt()
    worker, answers = ask_from_worker(prompt)
    answer_when_shown(qtbot, QMessageBox.StandardButton.No)
    worker.join(5)
    assert answers == [False]


def test_no_answer_in_time_is_no(qtbot: QtBot) -> None:
    prompt = HostKeyPrompt(timeout_s=0.3)
    worker, answers = ask_from_worker(prompt)
    worker.join(5)  # the dialog stays unanswered: the worker gives up alone
    assert answers == [False]
    answer_when_shown(qtbot, QMessageBox.StandardButton.Yes)  # a late yes changes nothing
    assert answers == [False]
