"""The one background-task API: work off the GUI thread, results and errors back on it."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
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
