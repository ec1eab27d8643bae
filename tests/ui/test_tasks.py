"""The one background-task API: work off the GUI thread, results and errors back on it; results for a
closed owner dropped; long work on devices never holding the threads the 5-second refreshes need."""

from __future__ import annotations

import asyncio
import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from egovops.snmp.loop import SnmpLoop
from egovops_ui.tasks import TaskRunner


def test_blocking_work_runs_on_a_worker_and_reports_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work(x: int) -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return x * 2

    def done(result: int) -> None:
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is QApplication.instance().thread()

    runner.run(work, 21, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"worker": False, "result": 42, "gui": True}


def test_errors_come_back_instead_of_vanishing(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def broken() -> None:
        raise ValueError("the store is locked")

    runner.run(broken, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and "locked" in str(errors[0])


def test_coroutines_run_on_the_core_loop_thread(qtbot: QtBot) -> None:
    loop = SnmpLoop("test-console-loop").start()
    try:
        runner = TaskRunner()
        results: list[object] = []

        async def where() -> str:
            await asyncio.sleep(0.01)
            return threading.current_thread().name

        async def fails() -> None:
            raise TimeoutError("agent 127.0.0.1:1 did not answer")

        runner.run_async(where(), loop.loop, on_done=results.append)
        runner.run_async(fails(), loop.loop, on_error=results.append)
        qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
        names = [r for r in results if isinstance(r, str)]
        assert names and names[0] != threading.main_thread().name
        assert any(isinstance(r, TimeoutError) for r in results)
    finally:
        loop.stop()


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
