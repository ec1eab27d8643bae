"""The Events tab on a real store: filters, search, the live tail, unknown sources, a screenshot."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from egovops.events.model import Event
from egovops.events.repo import EventRepository
from egovops.inventory.model import Device
from egovops_ui import screens
from egovops_ui.events_page import EventsPage
from egovops_ui.main_window import MainWindow
from tests.ui.console import open_console

WAIT_MS = 10_000


@pytest.fixture
def window(qtbot: QtBot, database, inventory, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(screens, "SCREEN_MODULES", ("egovops_ui.events_page",))
    inventory.save_devices([Device(name="hf-core-1", address="127.0.0.2", network="intranet", site="安徽省/合肥市")])
    now = time.time()
    EventRepository(database).store([
        Event(now - 120, "127.0.0.2", "syslog", "major", "IFNET", "LINK_STATE", "GE0/0/1 DOWN", device="hf-core-1"),
        Event(now - 60, "127.0.0.9", "trap", "info", "SNMPv2-MIB", "coldStart", "", rule="reboot"),
        Event(now - 3 * 86400, "127.0.0.2", "syslog", "info", "SHELL", "CMDRECORD", "old", device="hf-core-1"),
    ])
    console = open_console(qtbot, database)
    yield console
    console.session.stop()
    console.switcher.apply("en")


def open_events(qtbot: QtBot, window: MainWindow) -> EventsPage:
    (action,) = [a for a in window.menus["tools"].actions() if a.objectName() == "openEvents"]
    assert action.text() == "Events (traps and syslog)…"
    action.trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, EventsPage) and window.tabs.tabText(window.tabs.currentIndex()) == "Events"
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=WAIT_MS)
    return page


def shown(page: EventsPage, column: int) -> list[str]:
    return [page.model.cell(e, column) for e in page.model.rows]


def test_filters_search_and_the_live_tail(qtbot: QtBot, window: MainWindow, database, tmp_path: Path) -> None:
    page = open_events(qtbot, window)
    assert shown(page, 5) == ["coldStart", "LINK_STATE"]  # the last 24 hours, newest first
    assert shown(page, 1) == ["unknown source 127.0.0.9", "hf-core-1"]
    assert page.count.text() == "events: 2"
    page.period.setCurrentIndex(2)  # last 7 days
    qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=WAIT_MS)
    loads = page.loads
    qtbot.keyClicks(page.grep, "ge0/0")
    qtbot.waitUntil(lambda: page.loads > loads and shown(page, 5) == ["LINK_STATE"], timeout=WAIT_MS)
    page.grep.clear()
    page.kind.setCurrentIndex(page.kind.findData("trap"))
    qtbot.waitUntil(lambda: shown(page, 5) == ["coldStart"], timeout=WAIT_MS)
    page.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=WAIT_MS)
    # Live: an event stored now (as the listener's writer does) appears without a click.
    EventRepository(database).store([Event(time.time(), "127.0.0.2", "syslog", "critical", "DEVM", "FAN_FAIL",
                                           "风扇 1 故障", device="hf-core-1")])
    qtbot.waitUntil(lambda: shown(page, 5)[:1] == ["FAN_FAIL"], timeout=WAIT_MS)
    page.live.setChecked(False)
    loads = page.loads
    EventRepository(database).store([Event(time.time(), "127.0.0.2", "syslog", "info", "X", "QUIET", "")])
    qtbot.wait(800)
    assert page.loads == loads  # not live: no reload
    page.resize(1100, 360)
    shot = Path(os.environ.get("EGOVOPS_SCREENSHOTS", tmp_path)) / "events_page.png"
    assert page.grab().save(str(shot))


def test_open_for_a_device_and_chinese(qtbot: QtBot, window: MainWindow) -> None:
    screen = next(s for s in window.screens if s.__class__.__name__ == "EventsScreen")
    page = screen.open("hf-core-1")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.loads >= 1 and shown(page, 5) == ["LINK_STATE"], timeout=WAIT_MS)
    window.switch_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.currentIndex()) == "事件", timeout=WAIT_MS)
    assert page.model.headers[0] == "接收时间" and page.live.text() == "实时"
