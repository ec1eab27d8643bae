"""The device view's own event history, and the configuration changes the device reported shown
beside its configuration diff, on a real store; screenshots in English and Chinese."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from egovops.configs.store import ConfigStore
from egovops.events.model import Event
from egovops.events.repo import EventRepository
from egovops.inventory.model import Device
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.device_view.view import DeviceView
from egovops_ui.events_page import EventsPage
from egovops_ui.main_window import MainWindow
from tests.fixtures.device_view import History
from tests.fixtures.outage import DEGRADED
from tests.ui.console import WAIT_MS


def _event(at: float, device: Device, mnemonic: str, text: str, rule: str = "") -> Event:
    module = "CFM" if rule.startswith("config") else "IFNET"
    return Event(at, device.address, "syslog", "warning", module, mnemonic, text, device=device.name, rule=rule)


def test_the_device_view_shows_its_events_and_reported_config_changes_beside_the_diff(
        qtbot: QtBot, device_history: History, console: MainWindow, tmp_path: Path) -> None:
    database = console.session.database
    device = InventoryRepository(database).device(DEGRADED)
    events, store = EventRepository(database), ConfigStore(database)
    now = time.time()
    events.store([_event(now - 3600, device, "CFGCHANGE", "before both versions", "config-change"),
                  _event(now - 60, device, "LINK_STATE", "GE1/0/3 DOWN", "link-down"),
                  Event(now - 30, "127.0.9.9", "syslog", "info", "X", "OTHER", "someone else's")])
    store.save(DEGRADED, "hostname WH-EXT-AGG-01\n!\n", run_id="r1", command="show run")
    time.sleep(0.05)
    events.store([_event(time.time(), device, "CFGCHANGE", "配置已改变：ntp server 10.0.0.1 (admin, vty0)",
                         "config-change")])
    time.sleep(0.05)
    store.save(DEGRADED, "hostname WH-EXT-AGG-01\nntp server 10.0.0.1\n!\n", run_id="r2", command="show run")

    view = console.screens[0].open(DEGRADED)
    assert isinstance(view, DeviceView)
    configs = view.configs
    qtbot.waitUntil(lambda: len(configs.versions) == 2 and len(configs.changes) == 2, timeout=WAIT_MS)
    assert [e.text for e in configs.changes][1] == "before both versions"  # newest first, only config rules
    with qtbot.waitSignal(configs.diffShown, timeout=WAIT_MS):
        qtbot.mouseClick(configs.compare, Qt.MouseButton.LeftButton)
    assert [e.mnemonic for e in configs.reported_between()] == ["CFGCHANGE"]
    assert configs.reported.item(0, 2).font().bold() and not configs.reported.item(1, 2).font().bold()
    assert configs.reported.item(0, 1).text() == "CFM/CFGCHANGE"
    view.tabs.setCurrentWidget(configs)
    view.resize(1200, 560)
    shots = Path(os.environ.get("EGOVOPS_SCREENSHOTS", tmp_path))
    assert view.grab().save(str(shots / "device_config_changes_en.png"))

    # The events tab: this device's events only, its device filter fixed and not shown.
    page = view.events.page
    assert isinstance(page, EventsPage) and view.tabs.tabText(view.tabs.indexOf(view.events)) == "Events"
    view.tabs.setCurrentWidget(view.events)
    qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=WAIT_MS)
    assert {e.device for e in page.model.rows} == {DEGRADED} and page.device.isHidden()
    # Live: what the device sends now appears in both places without a click.
    events.store([_event(time.time(), device, "SAVE_SUCCESS", "saved", "config-change")])
    qtbot.waitUntil(lambda: len(page.model.rows) == 4 and len(configs.changes) == 3, timeout=WAIT_MS)
    assert view.grab().save(str(shots / "device_events_en.png"))

    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: view.tabs.tabText(view.tabs.indexOf(view.events)) == "事件", timeout=5000)
    assert configs.reported_box.title() == "设备报告的配置变更"
    assert view.events.open_button.text() == "在事件标签页中打开" and view.events.page.count.text() == "事件：4 条"
    assert view.grab().save(str(shots / "device_events_zh_CN.png"))
    view.tabs.setCurrentWidget(configs)
    assert view.grab().save(str(shots / "device_config_changes_zh_CN.png"))
    console.language_actions["en"].trigger()

    # "Open in the Events tab": the Tools menu's tab, filtered to the device (open_for_device).
    qtbot.mouseClick(view.events.open_button, Qt.MouseButton.LeftButton)
    tab = console.tabs.currentWidget()
    assert isinstance(tab, EventsPage) and tab is not page and tab.device.text() == DEGRADED
    qtbot.waitUntil(lambda: len(tab.model.rows) == 4, timeout=WAIT_MS)
