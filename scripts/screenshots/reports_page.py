"""Screenshots of the reports page, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/reports_page.py [OUT_DIR]

On the demo province with last month's history (every city's aggregation switch down for a
different time, Hefei's counties cut off behind it): the page as it opens (last month by city),
the heat map by county, the trend in the device view with the device table, and the export menu.
PNGs go to /tmp/shots/reports_page/<language>/.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the month of history is the tests' own fixture, written the same way

from egovops.demo.inventory import build_demo, store_demo  # noqa: E402
from egovops.storage.database import open_database  # noqa: E402
from egovops.storage.inventory_repo import InventoryRepository  # noqa: E402
from tests.fixtures.reports_page import write_last_month  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/reports_page")
    db = open_database(Path(tempfile.mkdtemp(prefix="egovops-shots-")) / "egovops.sqlite3")
    store_demo(InventoryRepository(db), build_demo(300))
    write_last_month(db)

    from PySide6.QtCore import QSettings
    from egovops_ui import screens
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.main_window import MainWindow
    from egovops_ui.reports_page.page import ReportsPage
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    screens.SCREEN_MODULES = ("egovops_ui.reports_page.screen",)  # only this page's menu entry
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)

    def settle(until=lambda: True, ms: int = 30_000) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end and not until():
            app.processEvents()
            time.sleep(0.01)
        stop = time.monotonic() + 0.5
        while time.monotonic() < stop:
            app.processEvents()

    for language in ("zh_CN", "en"):
        folder = out / language
        folder.mkdir(parents=True, exist_ok=True)
        switcher.apply(language)
        session = ConsoleSession(db, refresh_ms=600_000)
        window = MainWindow(session, switcher)
        window.resize(1600, 1000)
        window.show()
        session.start()
        (action,) = [a for a in window.menus["tools"].actions() if a.objectName() == "openReports"]
        action.trigger()
        page = window.tabs.currentWidget()
        assert isinstance(page, ReportsPage)
        settle(lambda: page.ready)
        window.grab().save(str(folder / "last_month_by_city.png"))
        page.pickers.select(by="county", chart="heatmap")
        settle(lambda: page.ready)
        window.grab().save(str(folder / "heatmap_by_county.png"))
        page.pickers.select(by="device", view="device", chart="trend")
        settle(lambda: page.ready)
        window.grab().save(str(folder / "trend_device_view.png"))
        page.exporter.menu.popup(page.exporter.button.mapToGlobal(page.exporter.button.rect().topLeft()))
        settle()
        # The whole screen: a popup menu is a window of its own, outside window.grab().
        app.primaryScreen().grabWindow(0).save(str(folder / "export_menu.png"))
        page.exporter.menu.hide()
        session.stop()
        window.close()
        window.deleteLater()
        settle()
    print("\n".join(str(p) for p in sorted(out.rglob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
