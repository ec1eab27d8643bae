"""Opening the real console on a store: session, language switcher and main window, torn down after."""

from __future__ import annotations

from typing import Iterator

import pytest
from pytestqt.qtbot import QtBot

from egovops.storage.database import Database
from egovops_ui.app import LanguageSwitcher, create_application
from egovops_ui.main_window import MainWindow
from egovops_ui.session import ConsoleSession

WAIT_MS = 10_000


def open_console(qtbot: QtBot, database: Database, language: str = "en") -> MainWindow:
    app = create_application([])
    switcher = LanguageSwitcher(app)
    switcher.apply(language)
    session = ConsoleSession(database, refresh_ms=60_000)
    window = MainWindow(session, switcher)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(session.overviewChanged, timeout=WAIT_MS):
        session.start()
    return window


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
