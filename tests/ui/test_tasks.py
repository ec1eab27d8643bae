"""The console's background tasks: results for a closed owner are dropped, and long work on
devices never holds the threads the 5-second refreshes need."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from egovops_ui.tasks import TaskRunner


def test_a_result_whose_owner_was_deleted_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner, other = QWidget(), QWidget()
    release = threading.Event()
    got: list[object] = []
    runner.run(release.wait, 10, owner=owner, on_done=got.append, on_error=got.append)
    runner.run(lambda: "kept", owner=other, on_done=got.append)
    owner.deleteLater()  # the tab is closed while its task still runs
    qtbot.waitUntil(lambda: got == ["kept"], timeout=5000)
    qtbot.wait(50)  # let the deferred delete happen
    release.set()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert got == ["kept"]  # the closed tab's slot was never called
    runner.run(lambda: 1 / 0, owner=other, on_error=lambda exc: got.append(type(exc).__name__))
    qtbot.waitUntil(lambda: got[-1] == "ZeroDivisionError", timeout=5000)
    assert runner.wait(5000)


def test_long_work_does_not_hold_the_refresh_threads(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner = QWidget()
    release = threading.Event()
    for _ in range(6):  # more device sessions than either pool has threads
        runner.run_long(release.wait, 30, owner=owner)
    refreshed: list[float] = []
    started = time.monotonic()
    for _ in range(3):
        runner.run(time.monotonic, owner=owner, on_done=refreshed.append)
    try:
        qtbot.waitUntil(lambda: len(refreshed) == 3, timeout=2000)
        assert max(refreshed) - started < 1.0
    finally:
        release.set()
        assert runner.wait(10_000)
