"""First run: on an empty store the console offers the next steps instead of an empty map."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from egovops.storage.database import Database
from egovops_ui.first_run.screen import FirstRunScreen, demo_command
from egovops_ui.main_window import MainWindow
from tests.ui.console import WAIT_MS, open_console

CSV = "\n".join([
    "name,address,network,site,vendor,role",
    "CH-GOV-AS-01,127.32.0.1,extranet,安徽省/巢湖市,huawei,access",
])


def _screen(window: MainWindow) -> FirstRunScreen:
    return next(s for s in window.screens if isinstance(s, FirstRunScreen))


def test_an_empty_store_shows_the_steps_and_an_import_replaces_them_with_the_map(
        qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    window = open_console(qtbot, database)
    try:
        panel = _screen(window).panel
        assert panel.isVisible() and panel.geometry() == window.map.rect()  # the whole map, not a corner
        assert panel.title.text() == "The store holds no devices yet"
        assert (panel.import_button.isEnabled() and panel.credentials_button.isEnabled()
                and panel.demo_button.isEnabled())
        assert "egovops poll" in panel.steps[2].text()
        for label in [panel.intro, *panel.steps, panel.demo_intro]:  # wrapped lines get their full height
            assert label.height() >= label.heightForWidth(label.width()), label.text()

        path = tmp_path / "inventory.csv"
        path.write_text(CSV, "utf-8")
        qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
        panel.import_button.click()  # the inventory screen's own import: a file dialog, then its dialog
        inventory = next(s for s in window.screens if hasattr(s, "import_action"))
        qtbot.waitUntil(lambda: getattr(inventory, "file_dialog", None) is not None
                        and inventory.file_dialog.isVisible(), timeout=WAIT_MS)
        inventory.file_dialog.fileSelected.emit(str(path))  # what choosing the file in the dialog sends
        inventory.file_dialog.close()
        dialog = inventory.import_dialog
        dialog.create_sites.setChecked(True)
        with qtbot.waitSignal(window.session.overviewChanged, timeout=WAIT_MS,
                              check_params_cb=lambda overview: bool(overview.devices)):
            dialog.start_button.click()
        dialog.close()
        assert not panel.isVisible() and "CH-GOV-AS-01" in window.map.nodes
    finally:
        window.session.stop()


def test_the_credentials_button_opens_the_profiles_and_chinese_names_the_steps(qtbot: QtBot,
                                                                               database: Database) -> None:
    window = open_console(qtbot, database, language="zh_CN")
    try:
        panel = _screen(window).panel
        assert panel.title.text() == "存储中还没有设备" and panel.demo_button.text() == "打开演示"
        panel.credentials_button.click()
        qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible() for w in window.findChildren(QDialog)),
                        timeout=WAIT_MS)
        for shown in [w for w in window.findChildren(QDialog) if w.isVisible()]:
            shown.close()
        window.switcher.apply("en")  # LanguageChange is delivered through the event loop
        qtbot.waitUntil(lambda: panel.title.text() == "The store holds no devices yet", timeout=WAIT_MS)
    finally:
        window.session.stop()
        window.switcher.apply("en")


def test_a_store_with_devices_shows_the_map_not_the_steps(console: MainWindow) -> None:
    assert console.map.nodes and not _screen(console).panel.isVisible()


def test_the_demo_opens_on_the_same_data_folder_and_only_for_a_sqlite_file() -> None:
    folder = Path("/srv/egovops data")
    assert demo_command(f"sqlite:///{folder}/egovops.sqlite3") == [
        sys.executable, "-m", "egovops", "--data-dir", str(folder), "console", "--demo"]
    assert demo_command("sqlite:///") is None and demo_command("sqlite://") is None  # in memory: no folder to share
    assert demo_command("postgresql://ops@db/egovops") is None
