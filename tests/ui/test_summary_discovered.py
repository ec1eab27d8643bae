"""The device view's summary marks what polling found and lists each board (issue 16, items 3 and 4)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from egovops.device_detail import load_detail
from egovops_ui.device_view.summary_panel import SummaryPanel
from tests.test_polled_identity import polled_store  # noqa: F401  (the fixture: two devices polled from recordings)


def test_discovered_values_are_marked_and_boards_listed(qtbot: QtBot, polled_store, database) -> None:  # noqa: F811
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.show_summary(load_detail(database, "HW-POLLED").summary)
    assert panel.values["vendor"].text() == "huawei (discovered)"
    assert panel.values["serial"].text() == "210235956210F7000410 (discovered)"
    panel.show_summary(load_detail(database, "OP-CISCO").summary)
    assert panel.values["vendor"].text() == "cisco"  # the operator's, though it answers as Huawei
    lines = panel.values["boards"].text().split("<br/>")
    assert len(lines) == 7 and "MPU Board 5: CPU 41 %, memory 14 %, 34 °C" in lines
