"""The console as a client of its collectors: no poller of its own on a shared store, the Collectors
panel, "not monitored" on the map, the site tree and the legend, and the status bar's warnings.

On both stores where SQL is involved; collector rows and leases are written into the real store as
a collector and the poller's leases write them (tests/test_collector_panel.py has the core's rules).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from egovops.overview.live import LivePolling
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.collectors_panel import CollectorsPanel
from egovops_ui.main_window import MainWindow
from egovops_ui.session import ConsoleSession
from egovops_ui.states import state_colour
from tests.fixtures.outage import ROOT, Outage
from tests.test_collector_panel import INTERVAL, add_collector, lease, set_profile
from tests.ui.console import WAIT_MS, open_console, refreshed

pytestmark = pytest.mark.stores("sqlite", "postgresql")
UNWATCHED = "WH-EXT-AGG-01"  # its collector crashed: nobody polls Wuhu's extranet aggregation switch


def collectors_on(db: Database) -> None:
    """A live collector for the province holding every device but one, which a crashed one held."""
    now = time.time()
    names = [d.name for d in InventoryRepository(db).devices()]
    set_profile(db, names, "snmp-province")
    set_profile(db, [ROOT], "ssh-core")
    add_collector(db, "hf-collector-1", now, zone="安徽省/合肥市", profiles=["snmp-province"], last_cycle_age=3)
    add_collector(db, "wh-collector-1", now, zone="安徽省/芜湖市", profiles=["snmp-province", "ssh-core"],
                  heartbeat_age=2 * INTERVAL + 30, last_cycle_age=2 * INTERVAL + 30)
    add_collector(db, "old-collector", now, stopped=True, profiles=["snmp-province", "ssh-core"])
    lease(db, "hf-collector-1", [n for n in names if n != UNWATCHED], now)
    lease(db, "wh-collector-1", [UNWATCHED], now)


@pytest.fixture
def watched(qtbot: QtBot, outage: Outage) -> Iterator[MainWindow]:
    collectors_on(outage.database)
    window = open_console(qtbot, outage.database)
    yield window
    window.session.stop()
    window.switcher.apply("en")


def open_panel(qtbot: QtBot, window: MainWindow) -> CollectorsPanel:
    window.findChild(type(window.quit_action), "openCollectors").trigger()
    panel = window.tabs.currentWidget()
    assert isinstance(panel, CollectorsPanel)
    qtbot.waitUntil(lambda: panel.picture is not None, timeout=WAIT_MS)
    return panel


def cells(panel: CollectorsPanel) -> dict[str, list[str]]:
    table = panel.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_a_console_on_a_shared_store_starts_no_poller(database: Database, tmp_path: Path) -> None:
    live = LivePolling(database, tmp_path)
    session = ConsoleSession(database, live=live)
    try:
        assert (session.live is None) == database.is_shared
        assert (live in session.sources) == (not database.is_shared)  # the embedded store keeps its child poller
    finally:
        session.sources = [s for s in session.sources if s is not live]  # never started: nothing to stop
        session.stop()


def test_the_panel_shows_each_collector_its_state_and_missing_profiles(qtbot: QtBot, watched: MainWindow) -> None:
    panel = open_panel(qtbot, watched)
    rows = cells(panel)
    assert list(rows) == ["hf-collector-1", "old-collector", "wh-collector-1"]
    hf = rows["hf-collector-1"]
    assert hf[1:5] == ["安徽省/合肥市", "hf-collector-1-host (4242)", "0.9", "live"]
    assert hf[7:10] == ["1", "12.5 %", "80 MiB"]
    assert hf[10] == "ssh-core"  # its zone's root switch needs the SSH profile its keyring lacks
    assert rows["wh-collector-1"][4] == "stale: stopped reporting" and rows["wh-collector-1"][10] == ""
    assert rows["old-collector"][1] == "everything" and rows["old-collector"][4] == "stopped"
    total = len(watched.session.overview.devices)
    if watched.session.database.is_shared:
        assert hf[6] == str(total - 1)
        assert panel.summary.text() == "Collectors live: 1; devices not monitored (no live collector holds them): 1"
    else:
        assert hf[6] == "7"
        assert panel.summary.text() == "Collectors live: 1; this desk's own store: its one poller watches every device"


def test_devices_nobody_polls_are_not_monitored_on_map_tree_and_legend(qtbot: QtBot, watched: MainWindow) -> None:
    shared = watched.session.database.is_shared
    watched.map.show_scope("安徽省/芜湖市")
    qtbot.waitUntil(lambda: UNWATCHED in watched.map.nodes, timeout=WAIT_MS)
    node = watched.map.nodes[UNWATCHED]
    assert node.state == ("unmonitored" if shared else "degraded")  # never its last state while unwatched
    held = {n.state for name, n in watched.map.nodes.items() if name != UNWATCHED}
    assert held == {"up"}  # held by a live collector: the state as polled
    assert ("node:unmonitored", "not monitored") in watched.map.legend.entries
    others = {state_colour(s).name() for s in ("up", "down", "degraded", "unreachable", "unknown")}
    assert state_colour("unmonitored").name() not in others
    wuhu = watched.sites.model.index_of("安徽省/芜湖市")
    tip = watched.sites.model.data(wuhu, 3)  # Qt.ToolTipRole
    assert ("not monitored" in tip) == shared
    devices = watched.status.devices.text()
    assert devices.endswith(", 1 not monitored") == shared


def test_status_bar_names_the_writer_and_warns_of_a_silent_collector(qtbot: QtBot, watched: MainWindow) -> None:
    status = watched.status
    assert status.cycle.text().endswith(" (by hf-collector-1 on hf-collector-1-host)")
    assert status.collectors.isVisibleTo(watched)
    assert status.collectors.text() == "Collectors stopped reporting: wh-collector-1 (wh-collector-1-host)"
    with watched.session.database.write() as conn:  # it comes back
        from egovops.storage.tables.collectors import collectors

        conn.execute(collectors.update().where(collectors.c.name == "wh-collector-1").values(heartbeat_at=time.time()))
    qtbot.waitUntil(lambda: not status.collectors.isVisibleTo(watched), timeout=WAIT_MS)


def test_a_heartbeat_reloads_the_open_panel(qtbot: QtBot, watched: MainWindow) -> None:
    panel = open_panel(qtbot, watched)
    with watched.session.database.write() as conn:
        from egovops.storage.tables.collectors import collectors

        conn.execute(collectors.update().where(collectors.c.name == "hf-collector-1").values(overruns=5))
    qtbot.waitUntil(lambda: cells(panel)["hf-collector-1"][7] == "5", timeout=WAIT_MS)


def test_in_chinese_with_screenshots(qtbot: QtBot, watched: MainWindow, tmp_path: Path) -> None:
    """Both languages, and PNGs for a person to look at (EGOVOPS_SHOTS names a folder to keep them)."""
    out = Path(os.environ.get("EGOVOPS_SHOTS", tmp_path)) / watched.session.database.engine.dialect.name
    out.mkdir(parents=True, exist_ok=True)
    watched.map.show_scope("安徽省/芜湖市")
    panel = open_panel(qtbot, watched)
    for language in ("en", "zh_CN"):
        watched.switcher.apply(language)
        qtbot.waitUntil(lambda lang=language: (panel.headers()[0] == "采集器") == (lang == "zh_CN"), timeout=WAIT_MS)
        refreshed(qtbot, watched)
        qtbot.waitUntil(lambda: panel.picture is not None, timeout=WAIT_MS)
        assert watched.grab().save(str(out / f"collectors-{language}.png"))
        watched.show_map()
        assert watched.grab().save(str(out / f"map-{language}.png"))
        watched.tabs.setCurrentWidget(panel)
    assert cells(panel)["wh-collector-1"][4] == "陈旧：已停止上报"
    assert "采集器" in watched.status.collectors.text()
    assert ("node:unmonitored", "未监控") in watched.map.legend.entries


def test_no_writer_for_two_intervals_is_red_on_both_stores(qtbot: QtBot, watched: MainWindow) -> None:
    from egovops.polling.repo import CycleStats, PollingRepository
    from egovops.storage.tables.collectors import collectors

    db, stale = watched.session.database, time.time() - 20 * 60
    PollingRepository(db).record_stats(CycleStats(stale, "status", 60.0, 120, 0, 2.0, False))
    with db.write() as conn:  # and the Hefei collector fell silent with it
        conn.execute(collectors.update().where(collectors.c.name == "hf-collector-1")
                     .values(heartbeat_at=stale, last_cycle_at=stale))
    refreshed(qtbot, watched)
    assert watched.status.cycle.text().startswith("No poller has written for 19 min")
    assert "#c62828" in watched.status.cycle.styleSheet()
    assert watched.status.collectors.text().count("(") == 2  # both collectors stopped reporting
    assert watched.status.devices.text().endswith(
        f", {len(watched.session.overview.devices)} not monitored") == db.is_shared  # nobody holds anything now
