"""The console fixtures of the UI tests, on egovops_ui.testing (the one way tests, scripts and benchmarks open it)."""

from __future__ import annotations

from typing import Iterator

import pytest
from pytestqt.qtbot import QtBot

from egovops.storage.database import Database
from egovops_ui import testing
from egovops_ui.main_window import MainWindow

WAIT_MS = 10_000


def open_console(qtbot: QtBot, database: Database, language: str = "en") -> MainWindow:
    """The console on ``database``, its first overview shown; pytest-qt closes the window after the test."""
    console = testing.open_console(database, language, refresh_ms=60_000, timeout=WAIT_MS / 1000)
    qtbot.addWidget(console.window)
    return console.window


def refreshed(qtbot: QtBot, window: MainWindow) -> None:
    """Reload the store in the background and wait for the window to show it."""
    with qtbot.waitSignal(window.session.overviewChanged, timeout=WAIT_MS):
        window.session.refresh()


@pytest.fixture
def console(qtbot: QtBot, outage) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, outage.database)
    yield window
    window.session.stop()
    window.switcher.apply("en")
