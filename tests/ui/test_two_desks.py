"""Two desks on one store: what one operator does, the other desk sees within two seconds.

Two consoles, each with its own opening of the store (as two desks in two processes have), on
SQLite and on a real PostgreSQL. Nothing is refreshed by hand and the periodic tick is a minute
away, so what the second desk shows came through the store watcher. Set EGOVOPS_SHOTS to a folder
to keep the two desks' screenshots.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from egovops.storage.database import open_database
from egovops_ui.main_window import MainWindow
from tests.fixtures.outage import ROOT, Outage
from tests.ui.console import WAIT_MS, open_console

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def root_alarm(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(a for a in window.alarms.visible_alarms() if a.device == ROOT)


def test_an_ack_at_one_desk_shows_at_the_other_within_two_seconds(
    qtbot: QtBot, outage: Outage, database_url: str, store_kind: str, tmp_path: Path,
) -> None:
    hefei = open_console(qtbot, outage.database, "zh_CN")
    province_store = open_database(database_url)
    province = open_console(qtbot, province_store, "zh_CN")  # one QApplication: one language for both
    try:
        assert root_alarm(province).acked_by is None
        hefei.alarms.view.selectRow([a.device for a in hefei.alarms.visible_alarms()].index(ROOT))
        with qtbot.waitSignal(hefei.session.acknowledged, timeout=WAIT_MS):
            hefei.alarms.acknowledge_selected("合肥市汇聚交换机断电，已派人")
        acked = time.monotonic()
        qtbot.waitUntil(lambda: root_alarm(province).acked_by == hefei.session.operator.label(), timeout=2000)
        assert time.monotonic() - acked < 2.0
        shots = Path(os.environ.get("EGOVOPS_SHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        assert hefei.grab().save(str(shots / f"two-desks-{store_kind}-hefei-zh_CN.png"))
        assert province.grab().save(str(shots / f"two-desks-{store_kind}-province-zh_CN.png"))
    finally:
        hefei.switcher.apply("en")  # the application's language and font outlive these consoles
        for window in (province, hefei):
            window.session.stop()
        province_store.close()
