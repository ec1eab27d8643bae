"""Screenshots of the device view, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.device_view [OUT_DIR]

A demo province with the usual outage; Wuhu's extranet aggregation switch has a week of samples,
GigabitEthernet1/0/3 down and errors on 1/0/5, two stored configurations, and a real sshd (with a
private keyring for its SSH profile, the tests' own fixture) answering as it. The view is opened
from the alarm desk's device, then each tab is saved: interfaces, charts (24 h), history, command
(a read-only command answered, a configuration command refused for the operator role) and the
configuration diff. PNGs go to /tmp/shots/device_view/.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from egovops.accounts import Operator, Role
from egovops.configs.store import ConfigStore
from egovops.credentials.service import CredentialService
from egovops.device_detail import DeviceActions
from egovops.simulator.lab import KEY_PASSPHRASE, LabDevice, SshLab, make_lab
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.device_view.view import DeviceView
from egovops_ui.testing import open_console
from scripts.screenshots.common import demo_store, shoot_each_language, write_outage
from tests.fixtures.device_view import write_history
from tests.fixtures.secret_service import private_keyring
from tests.fixtures.sshd import add_ssh_profile

DEVICE = "WH-EXT-AGG-01"


def prepare(folder: Path) -> tuple[Path, SshLab]:
    """The store, and the sshd answering as DEVICE (running until the caller stops it)."""
    path = demo_store(300, write_outage, folder=folder)
    db = open_database(path)
    device = InventoryRepository(db).device(DEVICE)
    write_history(db, device, time.time())
    lab = make_lab(folder / "lab")
    placed = lab.start([LabDevice(device.name, device.vendor, address=device.address)])[0]
    InventoryRepository(db).save_devices([replace(device, ssh_port=placed.port)])
    add_ssh_profile(CredentialService(db), "lab-ssh", lab.client_key, {"passphrase": KEY_PASSPHRASE})
    engineer = Operator("li.na", Role.ENGINEER, "local")
    DeviceActions(db, engineer).run_command(DEVICE, "show version", trust_new_host_key=True)  # the key, trusted once
    store = ConfigStore(db)
    store.save(DEVICE, "hostname WH-EXT-AGG-01\n!\ninterface GigabitEthernet1/0/3\n description 到繁昌县\n!\nsnmp-server community Secret-1 RO\n", run_id="r1", command="show running-config")
    store.save(DEVICE, "hostname WH-EXT-AGG-01\n!\ninterface GigabitEthernet1/0/3\n description 到繁昌县\n shutdown\n!\nntp server 10.10.0.1\nsnmp-server community Secret-1 RO\n", run_id="r2", command="show running-config")
    db.close()
    return path, lab


def shoot(store: Path, out: Path, lang: str) -> None:
    console = open_console(store, lang)
    window, session = console.window, console.session
    console.wait_for(lambda: session.operator is not None, what="the operator")
    session.operator = Operator("zhang.wei", Role.OPERATOR, "local")
    window.alarms.deviceOpened.emit(DEVICE)  # what the desk's "Open device" sends
    view = window.tabs.currentWidget()
    assert isinstance(view, DeviceView)
    console.wait_for(lambda: view.detail is not None and view.charts.data is not None
                     and view.commands.profile.count() > 0,
                     what="the device view", timeout=60)
    console.shoot(out / f"interfaces-{lang}.png")
    view.tabs.setCurrentWidget(view.charts)
    view.charts.period.setCurrentIndex(view.charts.period.findData("24h"))
    console.wait_for(lambda: not view.charts.loading and view.charts.data.series.window == "24h",
                     what="the 24 h charts")
    view.charts.select_interface("GigabitEthernet1/0/3")
    console.shoot(out / f"charts-{lang}.png")
    view.tabs.setCurrentWidget(view.history)
    console.shoot(out / f"history-{lang}.png")
    view.tabs.setCurrentWidget(view.commands)
    for command in ("show ip interface brief", "configure terminal"):
        view.commands.command.setText(command)
        done: list[object] = []
        view.commands.finished.connect(done.append)
        view.commands.run_command()
        console.wait_for(lambda: done or isinstance(QApplication.activeModalWidget(), QMessageBox), what=command,
                         timeout=60)
        view.commands.finished.disconnect()
    console.shoot(out / f"command-{lang}.png")
    view.tabs.setCurrentWidget(view.configs)
    shown: list[object] = []
    view.configs.diffShown.connect(shown.append)
    view.configs.compare.click()
    console.wait_for(lambda: shown, what="the configuration diff")
    console.shoot(out / f"config-{lang}.png")
    console.close()


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="egovops-device-shots-"))
    with private_keyring(folder / "keyring"):  # the children inherit it
        store, lab = prepare(folder)
        try:
            return shoot_each_language("device_view", partial(shoot, store))
        finally:
            lab.stop()


if __name__ == "__main__":
    sys.exit(main())
