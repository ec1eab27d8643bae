"""Screenshots of the device view, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/device_view.py [OUT_DIR]

A demo province with the usual outage; Wuhu's extranet aggregation switch has a week of samples,
GigabitEthernet1/0/3 down and errors on 1/0/5, two stored configurations, and a real sshd (with a
private keyring for its SSH profile) answering as it. The view is opened from the alarm desk's
device, then each tab is saved: interfaces, charts (24 h), history, command (a read-only command
answered, a configuration command refused for the operator role) and the configuration diff.
PNGs go to /tmp/shots/device_view/.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEVICE = "WH-EXT-AGG-01"


def start_keyring(home: Path) -> tuple[int, subprocess.Popen[bytes]]:
    """A private Secret Service for the SSH profile, as the tests run one (never the user's own)."""
    sys.path.insert(0, str(REPO))
    from tests.fixtures.secret_service import _start_bus, start_unlocked_keyring

    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True)
    bus_pid, address = _start_bus(runtime)
    os.environ.update(DBUS_SESSION_BUS_ADDRESS=address, XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(runtime),
                      PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
    daemon = start_unlocked_keyring(dict(os.environ), home)
    return bus_pid, daemon


def prepare(folder: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(REPO))
    from console_screenshots import write_outage  # type: ignore[import-not-found]
    from dataclasses import replace

    from egovops.accounts import Operator, Role
    from egovops.configs.store import ConfigStore
    from egovops.credentials.service import CredentialService
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.device_detail import DeviceActions
    from egovops.simulator.lab import KEY_PASSPHRASE, LabDevice, make_lab
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository
    from tests.fixtures.device_view import write_history
    from tests.fixtures.sshd import add_ssh_profile

    path = folder / "egovops.sqlite3"
    db = open_database(path)
    store_demo(InventoryRepository(db), build_demo(300))
    write_outage(db)
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
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from egovops.accounts import Operator, Role
    from egovops.storage.database import open_database
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.device_view.view import DeviceView
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)
    switcher.apply(lang)
    session = ConsoleSession(open_database(store))
    window = MainWindow(session, switcher)
    window.resize(1600, 1000)
    window.show()
    session.start()

    def wait_for(check, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for the device view ({lang})")
            app.processEvents()
            time.sleep(0.02)

    def save(name: str) -> None:
        for _ in range(10):
            app.processEvents()
            time.sleep(0.03)
        window.grab().save(str(out / f"{name}-{lang}.png"))

    wait_for(lambda: session.overview is not None and session.operator is not None)
    session.operator = Operator("zhang.wei", Role.OPERATOR, "local")
    window.alarms.deviceOpened.emit(DEVICE)  # what the desk's "Open device" sends
    view = window.tabs.currentWidget()
    assert isinstance(view, DeviceView)
    wait_for(lambda: view.detail is not None and view.charts.data is not None and view.commands.profile.count() > 0)
    save("interfaces")
    view.tabs.setCurrentWidget(view.charts)
    view.charts.period.setCurrentIndex(view.charts.period.findData("24h"))
    wait_for(lambda: not view.charts.loading and view.charts.data.series.window == "24h")
    view.charts.select_interface("GigabitEthernet1/0/3")
    save("charts")
    view.tabs.setCurrentWidget(view.history)
    save("history")
    view.tabs.setCurrentWidget(view.commands)
    for command in ("show ip interface brief", "configure terminal"):
        view.commands.command.setText(command)
        done = []
        view.commands.finished.connect(done.append)
        view.commands.run_command()
        wait_for(lambda: done or isinstance(QApplication.activeModalWidget(), QMessageBox))
        view.commands.finished.disconnect()
    save("command")
    view.tabs.setCurrentWidget(view.configs)
    shown = []
    view.configs.diffShown.connect(shown.append)
    view.configs.compare.click()
    wait_for(lambda: shown)
    save("config")
    session.stop()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/device_view")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3 and sys.argv[2] == "--one":  # a child process: one language, one QApplication
        shoot(Path(sys.argv[3]), out, sys.argv[4])
        return 0
    folder = Path(tempfile.mkdtemp(prefix="egovops-device-shots-"))
    bus_pid, daemon = start_keyring(folder / "keyring")
    lab = None
    try:
        store, lab = prepare(folder)
        for lang in ("zh_CN", "en"):
            subprocess.run([sys.executable, __file__, str(out), "--one", str(store), lang], check=True, timeout=300)
    finally:
        if lab is not None:
            lab.stop()
        daemon.terminate()
        daemon.wait(timeout=10)
        os.kill(bus_pid, signal.SIGTERM)
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
