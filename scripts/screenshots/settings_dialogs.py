"""Screenshots of the credential profiles, settings and accounts dialogs, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/settings_dialogs.py [OUT_DIR]

Each language runs in a private D-Bus session with its own unlocked gnome-keyring in a temporary
home, so the profiles' secrets never touch the operator's keyring. The store is a fresh demo
province with three profiles, a maintenance window and three local accounts (the OS user is the
admin). PNGs go to /tmp/shots/settings_dialogs/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

KEYRING_PASSWORD = "screenshots-only"


def prepare(folder: Path) -> Path:
    from egovops.accounts import Operator, Role, os_user_name
    from egovops.accounts.admin import AccountAdmin
    from egovops.availability.planning import AvailabilityPlanner, new_window
    from egovops.credentials.editing import CredentialEditor
    from egovops.credentials.profiles import build_profile
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    path = folder / "egovops.sqlite3"
    db = open_database(path)
    store_demo(InventoryRepository(db), build_demo(300))
    me = Operator(os_user_name(), Role.ADMIN, "os")
    editor = CredentialEditor(db)
    editor.save(me, build_profile("city-v2c", "snmp-v2c", {}), {"community": "shots-community"}, editing=False)
    editor.save(me, build_profile("core-v3", "snmp-v3", {"user": "egov-ops", "auth_protocol": "SHA-256",
                                                         "priv_protocol": "AES-128"}),
                {"auth_key": "shots-auth-key", "priv_key": "shots-priv-key"}, editing=False)
    editor.save(me, build_profile("ops-ssh", "ssh", {"user": "netops", "key_file": "/home/netops/.ssh/id_ed25519"}),
                {"passphrase": "shots-passphrase"}, editing=False)
    start = (datetime.now() + timedelta(days=2)).replace(hour=22, minute=0, second=0, microsecond=0)
    AvailabilityPlanner(db).add_window(me, new_window("site", "安徽省/合肥市", start, start + timedelta(hours=4),
                                                       "合肥市外网核心交换机升级", "once"))
    AvailabilityPlanner(db).add_window(me, new_window("network", "intranet", start, start + timedelta(hours=2),
                                                       "Monthly patch window", "monthly"))
    admin = AccountAdmin(db)
    admin.add(me, me.name, "admin", "Shots-Pass-1", "Shots-Pass-1")
    admin.add(me, "zhao.lei", "engineer", "Shots-Pass-1", "Shots-Pass-1")
    admin.add(me, "li.na", "operator", "Shots-Pass-1", "Shots-Pass-1")
    admin.set_disabled(Operator(me.name, Role.ADMIN, "local"), "li.na", True)
    db.close()
    return path


def shoot(store: Path, out: Path, lang: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from egovops.storage.database import open_database
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)
    switcher.apply(lang)
    session = ConsoleSession(open_database(store), refresh_ms=600_000)
    window = MainWindow(session, switcher)
    window.resize(1600, 1000)
    window.show()
    session.start()

    def wait_for(check, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for the settings dialogs ({lang})")
            app.processEvents()
            time.sleep(0.02)

    def save(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
            time.sleep(0.05)
        widget.grab().save(str(out / f"{name}-{lang}.png"))

    wait_for(lambda: session.operator is not None)
    screen = next(s for s in window.screens if type(s).__name__ == "SettingsScreen")
    menu = window.menus["tools"]
    menu.aboutToShow.emit()
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    save(menu, "tools-menu")
    menu.hide()

    profiles = screen.open_credentials()
    wait_for(lambda: profiles.table.rowCount() == 3 and profiles.probe.device.count() > 0)
    profiles.select("city-v2c")
    profiles.probe.device.setCurrentText("HF-EXT-AGG-01")
    profiles.probe.button.click()  # the demo network is not running: an honest timeout, named
    wait_for(lambda: profiles.probe.last_result is not None)
    save(profiles, "credentials")
    profiles.select("core-v3")
    profiles.edit_selected()
    wait_for(lambda: profiles.form is not None and profiles.form.isVisible())
    save(profiles.form, "profile-form")
    profiles.form.reject()

    settings = screen.open_settings()
    wait_for(lambda: settings.stored is not None and settings.maintenance.table.rowCount() == 2)
    settings.overrides.scope_kind.setCurrentIndex(settings.overrides.scope_kind.findData("site"))
    settings.overrides.scope.setCurrentText("安徽省/合肥市/肥东县")
    settings.overrides.field.setCurrentIndex(settings.overrides.field.findData("timeout_s"))
    settings.overrides.value.setValue(5)
    settings.overrides.set_value()
    for tab, name in ((settings.polling, "settings-polling"), (settings.overrides, "settings-overrides"),
                      (settings.thresholds, "settings-thresholds"), (settings.general, "settings-sla"),
                      (settings.maintenance, "settings-maintenance")):
        settings.tabs.setCurrentWidget(tab)
        save(settings, name)
    settings.tabs.setCurrentWidget(settings.thresholds)
    settings.thresholds.cpu_percent.setValue(120)
    settings.save()
    wait_for(lambda: not settings.status.ok)
    save(settings, "settings-invalid")

    accounts = screen.open_accounts()
    wait_for(lambda: accounts is not None and len(accounts.accounts) == 3)
    accounts.table.selectRow(1)
    save(accounts, "accounts")
    session.stop()


def in_private_keyring(args: list[str]) -> None:
    """Re-run this script inside a D-Bus session of its own with an unlocked, throwaway keyring."""
    home = Path(tempfile.mkdtemp(prefix="egovops-shots-keyring-"))
    inner = (f"printf %s {KEYRING_PASSWORD} | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
             f"exec {sys.executable} {__file__} " + " ".join(args))
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
    subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], check=True, timeout=600, env=env)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/settings_dialogs")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3 and sys.argv[2] == "--one":  # inside the private session: one language
        lang = sys.argv[3]
        shoot(prepare(Path(tempfile.mkdtemp(prefix="egovops-settings-shots-"))), out, lang)
        return 0
    for lang in ("zh_CN", "en"):
        in_private_keyring([str(out), "--one", lang])
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
