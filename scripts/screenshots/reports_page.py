"""Screenshots of the reports page, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.reports_page [OUT_DIR]

On the demo province with last month's history (every city's aggregation switch down for a
different time, Hefei's counties cut off behind it; the tests' own fixture, written the same way):
the page as it opens (last month by city), the heat map by county, the trend in the device view
with the device table, and the export menu. PNGs go to /tmp/shots/reports_page/<language>/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from egovops_ui import screens
from egovops_ui.reports_page.page import ReportsPage
from egovops_ui.testing import open_console
from scripts.screenshots.common import demo_store, shoot_each_language
from tests.fixtures.reports_page import write_last_month


def shoot(out: Path, language: str) -> None:
    screens.SCREEN_MODULES = ("egovops_ui.reports_page.screen",)  # only this page's menu entry
    console = open_console(demo_store(300, write_last_month), language)
    folder = out / language
    (action,) = [a for a in console.window.menus["tools"].actions() if a.objectName() == "openReports"]
    action.trigger()
    page = console.window.tabs.currentWidget()
    assert isinstance(page, ReportsPage)
    console.wait_for(lambda: page.ready, what="last month by city")
    console.shoot(folder / "last_month_by_city.png")
    page.pickers.select(by="county", chart="heatmap")
    console.wait_for(lambda: page.ready, what="the heat map")
    console.shoot(folder / "heatmap_by_county.png")
    page.pickers.select(by="device", view="device", chart="trend")
    console.wait_for(lambda: page.ready, what="the trend")
    console.shoot(folder / "trend_device_view.png")
    page.exporter.menu.popup(page.exporter.button.mapToGlobal(page.exporter.button.rect().topLeft()))
    # The whole screen: a popup menu is a window of its own, outside the window's picture.
    console.shoot(folder / "export_menu.png", screen=True)
    page.exporter.menu.hide()
    console.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("reports_page", shoot))
