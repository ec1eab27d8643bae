"""Screenshots of the inventory editing dialogs, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.inventory_edit [OUT_DIR]

On a fresh demo province: the device dialog (editing, and adding with the core's problems shown by
their fields), the removal confirmation, the sites dialog refusing to remove a city with devices,
and the result of importing a GBK CSV file with malformed rows. PNGs go to /tmp/shots/inventory_edit/.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from egovops.configs.store import ConfigStore
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.state_repo import StateRepository, Transition
from egovops_ui.inventory_edit.screen import InventoryEditScreen
from egovops_ui.testing import open_console
from scripts.screenshots.common import CITY, ROOT, demo_store, shoot_each_language

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


def shoot(out: Path, lang: str) -> None:
    store = demo_store(120, give_history)
    csv_path = store.parent / "巢湖资产.csv"
    csv_path.write_bytes("\r\n".join(CSV_ROWS).encode("gbk"))
    console = open_console(store, lang)
    screen = next(s for s in console.window.screens if isinstance(s, InventoryEditScreen))
    console.wait_for(lambda: console.session.operator is not None, what="the operator")
    screen.edit_device(ROOT)
    console.wait_for(lambda: screen.dialog is not None and screen.dialog.isVisible() and screen.dialog.editing == ROOT,
                     what="the device dialog")
    console.shoot(out / f"device-edit-{lang}.png", screen.dialog)
    screen.dialog.reject()
    screen.add_device()
    console.wait_for(lambda: screen.dialog is not None and screen.dialog.isVisible() and screen.dialog.editing is None,
                     what="the new device's dialog")
    dialog = screen.dialog
    dialog.name.setText(ROOT)
    dialog.address.setText("300.1.2.3")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    console.wait_for(lambda: dialog.problem_text("address") != "", what="the address's problem")
    console.shoot(out / f"device-add-problems-{lang}.png", dialog)
    dialog.reject()
    screen.remove_device(ROOT)
    console.wait_for(lambda: screen.removal.confirm is not None and screen.removal.confirm.isVisible(),
                     what="the removal's question")
    console.shoot(out / f"remove-confirm-{lang}.png", screen.removal.confirm)
    screen.removal.confirm.reject()
    screen.sites.open()
    sites = screen.sites.dialog
    console.wait_for(lambda: CITY in sites.site_paths(), what="the sites")
    sites.select(CITY)
    sites.remove_button.click()
    console.wait_for(lambda: bool(sites.message.text()), what="the refusal")
    console.shoot(out / f"sites-refused-{lang}.png", sites)
    sites.message.clear()
    sites.reject()
    screen.import_csv(csv_path)
    console.wait_for(lambda: screen.import_dialog is not None and screen.import_dialog.isVisible(),
                     what="the import dialog")
    console.shoot(out / f"import-start-{lang}.png", screen.import_dialog)
    screen.import_dialog.start_button.click()
    console.wait_for(lambda: screen.import_dialog.outcome is not None, what="the import's outcome")
    console.shoot(out / f"import-result-{lang}.png", screen.import_dialog)
    screen.import_dialog.reject()
    console.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("inventory_edit", shoot))
