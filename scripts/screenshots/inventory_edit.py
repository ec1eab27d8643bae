"""Screenshots of the inventory editing dialogs, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/inventory_edit.py [OUT_DIR]

On a fresh demo province: the device dialog (editing, and adding with the core's problems shown by
their fields), the removal confirmation, the sites dialog refusing to remove a city with devices,
and the result of importing a GBK CSV file with malformed rows. PNGs go to /tmp/shots/inventory_edit/.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from egovops.demo.inventory import build_demo, store_demo
from egovops.configs.store import ConfigStore
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import StateRepository, Transition

ROOT, CITY = "HF-EXT-AGG-01", "安徽省/合肥市"
CSV_ROWS = [
    "name,address,snmp_port,ssh_port,network,site,vendor,model,role,security_domain,protection_level,owner_unit,contact,credential_profile,tags",
    "CH-GOV-AS-01,127.32.0.1,,,extranet,安徽省/巢湖市,huawei,S5735,access,接入域,2,巢湖市数据资源局,周敏,,",
    "CH-GOV-AS-02,300.0.0.1,,,extranet,安徽省/巢湖市,huawei,S5735,access,,2,,,,",
    "CH-GOV-AS-03,127.32.0.3,,,extranet,安徽省//巢湖市,huawei,S5735,access,,2,,,,",
    "CH-GOV-AS-01,127.32.0.4,,,extranet,安徽省/巢湖市,huawei,S5735,access,,2,,,,",
    "CH-GOV-AS-05,127.32.0.5",
    "CH-GOV-AS-06,127.32.0.6,161,22,gov-net,安徽省/巢湖市,h3c,S5130,access,,5,,,,",
]


def give_history(db: Database) -> None:
    """Some of what a removal takes with it: a state change, an alarm, and a kept configuration."""
    now = time.time()
    StateRepository(db).record_transitions([Transition(ROOT, now, "down")])
    AlarmRepository(db).reconcile({ROOT: [AlarmCondition("device_down", "critical", "device does not answer ICMP or SNMP")]}, now)
    ConfigStore(db).save(ROOT, "sysname HF-EXT-AGG-01\n", run_id="shots", command="show running-config")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/inventory_edit")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="egovops-shots-"))
    db = open_database(work / "egovops.sqlite3")
    store_demo(InventoryRepository(db), build_demo(120))
    give_history(db)
    csv_path = work / "巢湖资产.csv"
    csv_path.write_bytes("\r\n".join(CSV_ROWS).encode("gbk"))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.inventory_edit.screen import InventoryEditScreen
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)
    session = ConsoleSession(db, refresh_ms=600_000)
    window = MainWindow(session, switcher)
    window.resize(1600, 1000)
    window.show()
    screen = next(s for s in window.screens if isinstance(s, InventoryEditScreen))

    def until(done: Callable[[], bool], timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("the console did not get there in time")
            app.processEvents()
            time.sleep(0.01)
        settle = time.monotonic() + 0.3
        while time.monotonic() < settle:
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        path = out / name
        widget.grab().save(str(path))
        print(path)

    session.start()
    until(lambda: session.operator is not None and session.overview is not None)
    for lang in ("zh_CN", "en"):
        switcher.apply(lang)
        until(lambda: True)
        screen.edit_device(ROOT)
        until(lambda: screen.dialog is not None and screen.dialog.isVisible() and screen.dialog.editing == ROOT)
        shot(screen.dialog, f"device-edit-{lang}.png")
        screen.dialog.reject()
        screen.add_device()
        until(lambda: screen.dialog is not None and screen.dialog.isVisible() and screen.dialog.editing is None)
        dialog = screen.dialog
        dialog.name.setText(ROOT)
        dialog.address.setText("300.1.2.3")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        until(lambda: dialog.problem_text("address") != "")
        shot(dialog, f"device-add-problems-{lang}.png")
        dialog.reject()
        screen.remove_device(ROOT)
        until(lambda: screen.removal.confirm is not None and screen.removal.confirm.isVisible())
        shot(screen.removal.confirm, f"remove-confirm-{lang}.png")
        screen.removal.confirm.reject()
        screen.sites.open()
        sites = screen.sites.dialog
        until(lambda: CITY in sites.site_paths())
        sites.select(CITY)
        sites.remove_button.click()
        until(lambda: bool(sites.message.text()))
        shot(sites, f"sites-refused-{lang}.png")
        sites.message.clear()
        sites.reject()
        screen.import_csv(csv_path)
        until(lambda: screen.import_dialog is not None and screen.import_dialog.isVisible())
        shot(screen.import_dialog, f"import-start-{lang}.png")
        screen.import_dialog.start_button.click()
        until(lambda: screen.import_dialog.outcome is not None)
        shot(screen.import_dialog, f"import-result-{lang}.png")
        screen.import_dialog.reject()
    session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
