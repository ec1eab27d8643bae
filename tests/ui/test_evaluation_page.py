"""The evaluation page on the demo province with two months of `demo history`: the ranked table
shows the core's own scorecard, the weights and trend are on screen, the CSV export holds the same
totals, and the page speaks Chinese after a language switch (screenshots in shots/)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from egovops.availability.periods import period_containing, zone
from egovops.demo.history import write_history
from egovops.evaluation.cli_support import previous_month
from egovops.evaluation.scorecard import evaluate
from egovops.evaluation.weights import load_weights
from egovops.procedures.choices import runs_folder
from egovops.storage.database import Database
from egovops_ui import screens
from egovops_ui.evaluation_page.page import EvaluationPage
from egovops_ui.main_window import MainWindow
from tests.fixtures.overview import demo_store  # noqa: F401
from tests.ui.console import open_console

WAIT_MS = 60_000
SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def history_store(demo_store: Database) -> Database:  # noqa: F811
    write_history(demo_store, runs_folder(demo_store), previous_month(zone(None)), 2, zone(None))
    return demo_store


@pytest.fixture
def window(qtbot: QtBot, history_store: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(screens, "SCREEN_MODULES", ("egovops_ui.evaluation_page.screen",))
    console = open_console(qtbot, history_store)
    yield console
    console.session.stop()
    console.switcher.apply("en")


def open_page(qtbot: QtBot, window: MainWindow) -> EvaluationPage:
    (action,) = [a for a in window.menus["tools"].actions() if a.objectName() == "openEvaluation"]
    assert action.text() == "Monthly evaluation…"
    action.trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, EvaluationPage)
    qtbot.waitUntil(lambda: page.ready and page.evaluation is not None, timeout=WAIT_MS)
    return page


def test_the_page_shows_the_cores_scorecard_and_exports_it(
    qtbot: QtBot, window: MainWindow, history_store: Database, tmp_path: Path
) -> None:
    page = open_page(qtbot, window)
    tz = zone(None)
    core = evaluate(
        history_store,
        period_containing("month", previous_month(tz), tz),
        "unit",
        load_weights(),
        runs_folder(history_store),
        generated_by="t",
    )
    assert page.month.currentText() == previous_month(tz).strftime("%Y-%m")
    assert page.table.rowCount() == len(core.units)
    shown = [
        (page.table.item(r, 0).text(), page.table.item(r, 1).text(), page.table.item(r, 3).text())
        for r in range(page.table.rowCount())
    ]
    assert shown == [(str(u.rank or "-"), u.key, f"{u.total:.1f}") for u in core.units]
    totals = [u.total for u in core.units if u.total is not None]
    assert max(totals) - min(totals) > 20  # the demo's units differ: the ranking means something
    assert "service availability 30" in page.weights.text() and page.chart.figure is not None
    SHOTS.mkdir(exist_ok=True)
    page.window().resize(1400, 900)
    qtbot.wait(200)
    page.window().grab().save(str(SHOTS / "evaluation-page-en.png"))
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS):
        page.export_to(tmp_path / "pack.csv")
    rows = list(csv.DictReader((tmp_path / "pack.csv").read_text("utf-8-sig").splitlines()))
    assert [(r["group"], round(float(r["total"]), 4)) for r in rows] == [
        (u.key, round(u.total or 0, 4)) for u in core.units
    ]
    page.group.setCurrentIndex(1)  # by city
    qtbot.waitUntil(
        lambda: page.ready and page.evaluation is not None and page.evaluation.by == "city", timeout=WAIT_MS
    )
    assert page.table.rowCount() == 17


def test_the_page_speaks_chinese(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    window.switcher.apply("zh_CN")
    qtbot.waitUntil(lambda: page.buttons[".pdf"].text() == "导出 PDF…", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.ready and "权重" in page.weights.text(), timeout=WAIT_MS)
    assert page.table.horizontalHeaderItem(0).text() == "排名" and page.group.currentText() == "责任单位"
    assert page.table.horizontalHeaderItem(4).text() == "可用率"
    page.window().resize(1400, 900)
    qtbot.wait(200)
    page.window().grab().save(str(SHOTS / "evaluation-page-zh_CN.png"))
