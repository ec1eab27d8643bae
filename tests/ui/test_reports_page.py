"""The reports page on a month of real state history: pickers, preview, sortable table, exports.

The store is the demo province with last month's history written through the poller's own
repository (tests/fixtures/reports_page.py); the PDF is read back with poppler's pdftotext and
compared with the core's own report for the same store.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from egovops.availability.periods import zone
from egovops.availability.report import ReportRequest, report_from_store
from egovops.reports.choices import choose_period
from egovops.reports import tables
from egovops.reports.fonts import cjk_family
from egovops.reports.formatting import percent
from egovops.reports.preview import stored_sla
from egovops_ui import screens
from egovops_ui.main_window import MainWindow
from egovops_ui.reports_page.page import ReportsPage
from tests.fixtures.reports_page import HEFEI_ROOT, MonthStore, last_month_store  # noqa: F401
from tests.ui.console import open_console

WAIT_MS = 30_000


@pytest.fixture
def window(qtbot: QtBot, last_month_store: MonthStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # noqa: F811
    # Only this screen: the others are built in parallel and judged by their own tests.
    monkeypatch.setattr(screens, "SCREEN_MODULES", ("egovops_ui.reports_page.screen",))
    console = open_console(qtbot, last_month_store.database)
    yield console
    console.session.stop()
    console.switcher.apply("en")


def open_reports(qtbot: QtBot, window: MainWindow) -> ReportsPage:
    (action,) = [a for a in window.menus["tools"].actions() if a.objectName() == "openReports"]
    assert action.text() == "Availability reports…"
    action.trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, ReportsPage)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Availability reports"
    settled(qtbot, page)
    return page


def settled(qtbot: QtBot, page: ReportsPage) -> None:
    """Wait until the report for the pickers as they are now is on screen."""
    qtbot.waitUntil(lambda: page.ready, timeout=WAIT_MS)


def core_report(store: MonthStore, by: str = "city", view: str = "service"):  # type: ignore[no-untyped-def]
    period = choose_period("last-month", zone(None))
    return report_from_store(store.database, ReportRequest(period, by=by, view=view, sla=stored_sla(store.database)))


def test_supervisor_exports_last_months_pdf_by_city(qtbot: QtBot, window: MainWindow, last_month_store: MonthStore,  # noqa: F811
                                                    tmp_path: Path) -> None:
    page = open_reports(qtbot, window)
    assert page.pickers.period_choice() == "last-month"  # the default: the report a supervisor hands in
    page.pickers.select(period="last-month", by="city")
    settled(qtbot, page)
    steps: list[tuple[int, int]] = []
    page.exporter.relay.advanced.connect(lambda done, total: steps.append((done, total)))
    page.exporter.actions[".pdf"].trigger()
    dialog = page.exporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith(".pdf")
    out = tmp_path / "monthly.pdf"
    dialog.selectFile(str(out))
    with qtbot.waitSignal(page.exporter.finished, timeout=WAIT_MS) as written:
        dialog.accept()
    assert written.args == [str(out)]
    assert str(out) in page.exporter.message.text() and page.exporter.progress.isHidden()
    total = steps[-1][1]
    assert total >= 8 and steps == [(n, total) for n in range(1, total + 1)]  # one step per page, in order

    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    core = core_report(last_month_store)
    period = last_month_store.period
    assert f"{period.first.isoformat()} – {period.last.isoformat()}" in text
    pages = text.split("\f")  # pdftotext ends every page with a form feed
    table = next(p for p in pages if p.startswith("Availability by city\n"))
    lines = [line.split() for line in table.splitlines()]
    figures = set()
    for row in core.rows:
        line = next(cells for cells in lines if " ".join(cells).startswith(row.key + " "))
        shown = line[len(row.key.split()):]
        assert shown[:3] == [str(row.devices), percent(row.service.availability), percent(row.device.availability)], row.key
        figures.add(shown[1])
    assert {"合肥市", "芜湖市", "安庆市"} <= {r.key for r in core.rows}
    assert len(figures) >= 10  # the cities really differ, so a figure in the wrong row would show
    hefei = next(r for r in core.rows if r.key == "合肥市")
    assert hefei.service.availability < hefei.device.availability  # counties charged to HF-EXT-AGG-01
    assert percent(core.total.service.availability) in text
    # The page shows the same figures as the PDF.
    shown_rows = {page.model.rows[i].key: page.model.data(page.model.index(i, 2)) for i in range(page.model.rowCount())}
    assert shown_rows == {r.key: percent(r.service.availability) for r in core.rows}


def test_table_sorts_by_the_figures_not_the_text(qtbot: QtBot, window: MainWindow, last_month_store: MonthStore) -> None:  # noqa: F811
    page = open_reports(qtbot, window)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(2) + header.sectionSize(2) // 2, header.height() // 2))
    assert header.sortIndicatorSection() == 2
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:  # the style's choice; ascending is wanted here
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(2) + header.sectionSize(2) // 2, header.height() // 2))
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    shown = [(page.proxy.index(i, 0).data(), page.proxy.index(i, 2).data()) for i in range(page.proxy.rowCount())]
    core = {r.key: r.service.availability for r in core_report(last_month_store).rows}
    figures = [core[key] for key, _ in shown]
    assert figures == sorted(figures)
    # As text "100.000%" would come before "98.387%"; by figure it is last.
    assert shown[0] == ("宣城市", percent(min(core.values())))
    assert shown[-1] == ("安徽省 (own level)", "100.000%")


def test_period_choices_and_custom_range(qtbot: QtBot, window: MainWindow) -> None:
    page = open_reports(qtbot, window)
    today = date.today()
    page.pickers.select(period="this-month")
    settled(qtbot, page)
    assert page.report is not None and page.report.request.period.first == today.replace(day=1)
    assert page.report.request.period.last == today
    assert not page.pickers.first.isEnabled()
    page.pickers.select(period="last-week")
    settled(qtbot, page)
    monday = today - timedelta(days=today.weekday() + 7)
    assert page.period_text.text().startswith(f"{monday.isoformat()} – {(monday + timedelta(days=6)).isoformat()}")
    page.pickers.select(period="custom")
    assert page.pickers.first.isEnabled()
    assert page.pickers.custom_days() == (monday, monday + timedelta(days=6))  # starts from the period shown
    month = today.replace(day=1) - timedelta(days=1)  # a day of last month: the fields stop at today
    third, ninth, twelfth = (month.replace(day=d) for d in (3, 9, 12))
    page.pickers.first.setDate(QDate(third.year, third.month, third.day))
    page.pickers.last.setDate(QDate(ninth.year, ninth.month, ninth.day))
    settled(qtbot, page)
    assert page.period_text.text().startswith(f"{third.isoformat()} – {ninth.isoformat()}")
    assert "SLA target 99.9%" in page.period_text.text()
    page.pickers.first.setDate(QDate(twelfth.year, twelfth.month, twelfth.day))
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS) as failed:
        pass
    assert f"ends ({ninth}) before it starts ({twelfth})" in failed.args[0]
    assert page.exporter.report is None and not page.exporter.button.isEnabled()  # nothing stale to export


def test_grouping_view_and_chart_follow_the_pickers(qtbot: QtBot, window: MainWindow, last_month_store: MonthStore) -> None:  # noqa: F811
    page = open_reports(qtbot, window)
    page.pickers.select(by="device", view="device")
    settled(qtbot, page)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "device"
    assert page.model.rowCount() == 120
    assert "device view" in page.total_text.text()
    cells = {page.model.rows[i].key: [page.model.data(page.model.index(i, c)) for c in range(13)]
             for i in range(page.model.rowCount())}
    # A county cut off by Hefei's switch: down in the service view, charged upstream in the device view.
    hours = 24 * len(last_month_store.period.days())
    cut_off = percent(100 * (1 - last_month_store.down_hours[HEFEI_ROOT] / hours))
    county = cells["HF-C01-EXT-AS01"]
    assert county[2:5] == [cut_off, "100.000%", "0"] and county[9] == "12 h 0 min"
    assert cells[HEFEI_ROOT][2:5] == [cut_off, cut_off, "1"]
    core = {r.key: r for r in core_report(last_month_store, by="device", view="device").rows}
    assert cells == {key: tables.group_cells(row, "device") for key, row in core.items()}
    page.pickers.select(by="county", chart="heatmap")
    settled(qtbot, page)
    assert page.report is not None and len(page.report.heat.labels) == 30
    # A row per unit at a readable height: the preview scrolls rather than squeezing the names.
    assert page.chart.canvas.minimumHeight() >= 18 * 30 > page.chart.viewport().height()
    qtbot.waitUntil(lambda: page.chart.verticalScrollBar().maximum() > 0, timeout=5000)  # layout is posted
    page.pickers.select(chart="trend")
    settled(qtbot, page)
    qtbot.waitUntil(lambda: page.chart.verticalScrollBar().maximum() == 0, timeout=5000)
    figure = page.chart.figure
    assert figure is not None and figure.axes[0].get_title(loc="left") == "Monthly availability, whole network"
    image = page.chart.canvas.grab().toImage()
    assert image.width() > 300 and image.pixelColor(image.width() // 2, image.height() // 2).isValid()


def test_export_to_an_unwritable_folder_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_reports(qtbot, window)
    not_a_folder = tmp_path / "reports.txt"
    not_a_folder.write_text("a file where a folder was expected")
    target = not_a_folder / "monthly.pdf"
    with qtbot.waitSignal(page.exporter.failed, timeout=WAIT_MS) as failed:
        page.exporter.export_to(target)
    assert f"cannot write {target}: Not a directory" in failed.args[0]
    box = page.findChild(QMessageBox, "reportExportError")
    assert box is not None and box.isVisible() and str(target) in box.text()
    box.accept()
    assert page.exporter.button.isEnabled()  # the operator can choose another folder
    out = tmp_path / "cities.csv"
    with qtbot.waitSignal(page.exporter.finished, timeout=WAIT_MS):
        page.exporter.export_to(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "合肥市" in out.read_text("utf-8-sig")


def test_page_follows_the_language(qtbot: QtBot, window: MainWindow, last_month_store: MonthStore, tmp_path: Path) -> None:  # noqa: F811
    page = open_reports(qtbot, window)
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: page.pickers.period.currentText() == "上月", timeout=WAIT_MS)
    settled(qtbot, page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "可用性报表"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "市"
    assert "业务视角" in page.total_text.text()
    legend = page.chart.figure.axes[0].get_legend().get_texts()[0]
    assert legend.get_text() == "SLA 目标 99.9%" and legend.get_fontfamily()[0] == cjk_family()
    out = tmp_path / "月报.pdf"
    with qtbot.waitSignal(page.exporter.finished, timeout=WAIT_MS):
        page.exporter.export_to(out)
    assert page.exporter.message.text() == f"已写入：{out}"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    hefei = next(r for r in core_report(last_month_store).rows if r.key == "合肥市")
    assert "电子政务网络可用性报告" in text and "按市统计的可用率" in text  # the chart follows the grouping
    assert any(line.split()[:3] == ["合肥市", str(hefei.devices), percent(hefei.service.availability)] for line in text.splitlines() if line.strip())
