"""The DR readiness tab on a real store: verdict and reasons, centre cards, links, drift with its
diff dialog, the month's history, the last drill, and both languages (with screenshots)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from egovops.accounts import Operator, Role
from egovops.configs.store import ConfigStore
from egovops.demo.inventory import build_demo, store_demo
from egovops.dr.repo import DrRepository
from egovops.dr.service import DrService
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.repo import PollingRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui import screens
from egovops_ui.dr_page.page import DiffDialog, DrPage
from egovops_ui.main_window import MainWindow
from tests.ui.console import open_console

WAIT_MS = 10_000
PROD, SAME_CITY, REMOTE = "AH-DC1-EXT-CORE-01", "AH-DC2-EXT-CORE-01", "AH-DC3-EXT-CORE-01"
CONFIG = "sysname {name}\nvlan batch 10 20 30\ninterface Vlanif10\n ip address 10.0.{n}.1 255.255.255.0\nreturn\n"


def populate(database: Database) -> None:
    """The demo's three centres as a poll left them, the same-city link down, two DR pairs backed
    up (one drifting), an earlier verdict in the history and a finished drill."""
    demo = build_demo(17)
    store_demo(InventoryRepository(database), demo)
    for device, peer in demo.dr_peers:
        DrRepository(database).set_peer(device, peer)
    service = DrService(database)
    service.readiness(now=time.time() - 86400)  # before the first poll: not ready
    now = time.time()
    ports: dict[str, list[InterfaceStatus]] = {}
    for link in demo.links:
        down = {link.a_device, link.b_device} == {PROD, SAME_CITY}
        for end, name in ((link.a_device, link.a_interface), (link.b_device, link.b_interface)):
            index = len(ports.setdefault(end, [])) + 1
            ports[end].append(InterfaceStatus(index, name, speed_bps=10**9, oper_status=2 if down else 1,
                                              sampled_at=now, in_bps=3.5e8, out_bps=1.2e8))
    statuses = [DeviceStatus(d.name, "up", True, "snmp", polled_at=now, interfaces=ports.get(d.name, []),
                             measured_interfaces=True) for d in demo.devices]
    PollingRepository(database).save_cycle(statuses, {})
    configs = ConfigStore(database)
    configs.save(PROD, CONFIG.format(name=PROD, n=1), run_id="t", command="display current-configuration")
    configs.save(SAME_CITY, CONFIG.format(name=SAME_CITY, n=2), run_id="t", command="display current-configuration")
    configs.save(REMOTE, CONFIG.format(name=REMOTE, n=1), run_id="t", command="display current-configuration")
    engineer = Operator("zhao.lei", Role.ENGINEER, "local")
    service.start_drill(engineer, ["安徽省/省同城灾备中心"], "同城切换演练", at=now - 7200)
    service.end_drill(engineer, "passed", at=now - 3600)


@pytest.fixture
def window(qtbot: QtBot, database, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(screens, "SCREEN_MODULES", ("egovops_ui.dr_page.screen",))
    populate(database)
    console = open_console(qtbot, database)
    yield console
    console.session.stop()
    console.switcher.apply("en")


def open_page(qtbot: QtBot, window: MainWindow) -> DrPage:
    (action,) = [a for a in window.menus["tools"].actions() if a.objectName() == "openDrReadiness"]
    assert action.text() == "DR readiness…"
    action.trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, DrPage)
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=WAIT_MS)
    return page


def cells(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_page_shows_verdict_centres_links_drift_history_and_drill(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    assert page.error.text() == ""
    assert page.verdict.text() == "DR readiness: at risk"
    reasons = page.reasons.text()
    assert f"inter-centre link {SAME_CITY}" in reasons and "is down" in reasons
    assert f"the configurations of {PROD} and its DR peer {SAME_CITY} differ (2 lines)" in reasons
    assert REMOTE not in reasons  # same configuration but its name, link up
    cards = page.cards_box.findChildren(type(page.cards_box), "drCentreCard")
    roles = [c.title().split(" · ")[0] for c in cards]
    assert roles == ["production centre", "same-city DR centre", "remote DR centre"]
    assert cells(page.links, 0) == ["down", "up"] and cells(page.links, 3) == ["", "35%"]
    assert cells(page.links, 4)[1] == "650.0 Mbit/s" and cells(page.links, 5) == ["not measured"] * 2
    assert cells(page.drift, 0) == ["2", "0"] and cells(page.drift, 2) == [SAME_CITY, REMOTE]
    assert [v for v in cells(page.history, 1)] == ["at risk", "not ready"]  # newest first
    assert "passed" in page.drill.text() and "同城切换演练" in page.drill.text()

    dialog = page.show_diff(0)
    assert isinstance(dialog, DiffDialog)
    text = dialog.text.toPlainText()
    assert "-vlan" not in text and "- ip address 10.0.1.1 255.255.255.0" in text and "+ ip address 10.0.2.1" in text
    dialog.close()
    page.resize(1280, 760)
    shots = Path(os.environ.get("EGOVOPS_SCREENSHOTS", tmp_path))
    assert page.grab().save(str(shots / "dr_page_en.png"))


def test_the_page_speaks_chinese(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    window.switch_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.currentIndex()) == "灾备就绪度", timeout=WAIT_MS)
    assert page.verdict.text() == "灾备就绪度：有风险"
    assert "中心间链路" in page.reasons.text() and "状态为故障" in page.reasons.text()
    assert page.links_box.title() == "中心间链路" and cells(page.links, 0) == ["故障", "正常"]
    cards = page.cards_box.findChildren(type(page.cards_box), "drCentreCard")
    assert [c.title().split(" · ")[0] for c in cards] == ["主中心", "同城灾备中心", "异地灾备中心"]
    page.resize(1280, 760)
    shots = Path(os.environ.get("EGOVOPS_SCREENSHOTS", tmp_path))
    assert page.grab().save(str(shots / "dr_page_zh_CN.png"))
