"""Screenshots of the credential profiles, settings and accounts dialogs, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.settings_dialogs [OUT_DIR]

Each language runs in a process of its own with a private D-Bus session and unlocked gnome-keyring
in a temporary home (the tests' own keyring fixture), so the profiles' secrets never touch the
operator's keyring. The store is a fresh demo province with three profiles, a maintenance window
and three local accounts (the OS user is the admin). PNGs go to /tmp/shots/settings_dialogs/.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from egovops.accounts import Operator, Role, os_user_name
from egovops.accounts.admin import AccountAdmin
from egovops.availability.planning import AvailabilityPlanner, new_window
from egovops.credentials.editing import CredentialEditor
from egovops.credentials.profiles import build_profile
from egovops.storage.database import Database
from egovops_ui.testing import open_console
from scripts.screenshots.common import demo_store, shoot_each_language
from tests.fixtures.secret_service import private_keyring


def settings_and_accounts(db: Database) -> None:
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


def shoot(out: Path, lang: str) -> None:
    with private_keyring(Path(tempfile.mkdtemp(prefix="egovops-shots-keyring-"))):
        dialogs(out, lang)


def dialogs(out: Path, lang: str) -> None:
    console = open_console(demo_store(300, settings_and_accounts), lang)
    window = console.window
    console.wait_for(lambda: console.session.operator is not None, what="the operator")
    screen = next(s for s in window.screens if type(s).__name__ == "SettingsScreen")
    menu = window.menus["tools"]
    menu.aboutToShow.emit()
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    console.shoot(out / f"tools-menu-{lang}.png", menu)
    menu.hide()

    profiles = screen.open_credentials()
    console.wait_for(lambda: profiles.table.rowCount() == 3 and profiles.probe.device.count() > 0, what="the profiles")
    profiles.select("city-v2c")
    profiles.probe.device.setCurrentText("HF-EXT-AGG-01")
    profiles.probe.button.click()  # the demo network is not running: an honest timeout, named
    console.wait_for(lambda: profiles.probe.last_result is not None, what="the probe's result")
    console.shoot(out / f"credentials-{lang}.png", profiles)
    profiles.select("core-v3")
    profiles.edit_selected()
    console.wait_for(lambda: profiles.form is not None and profiles.form.isVisible(), what="the profile form")
    console.shoot(out / f"profile-form-{lang}.png", profiles.form)
    profiles.form.reject()

    settings = screen.open_settings()
    console.wait_for(lambda: settings.stored is not None and settings.maintenance.table.rowCount() == 2,
                     what="the settings")
    settings.overrides.scope_kind.setCurrentIndex(settings.overrides.scope_kind.findData("site"))
    settings.overrides.scope.setCurrentText("安徽省/合肥市/肥东县")
    settings.overrides.field.setCurrentIndex(settings.overrides.field.findData("timeout_s"))
    settings.overrides.value.setValue(5)
    settings.overrides.set_value()
    for tab, name in ((settings.polling, "settings-polling"), (settings.overrides, "settings-overrides"),
                      (settings.thresholds, "settings-thresholds"), (settings.general, "settings-sla"),
                      (settings.maintenance, "settings-maintenance")):
        settings.tabs.setCurrentWidget(tab)
        console.shoot(out / f"{name}-{lang}.png", settings)
    settings.tabs.setCurrentWidget(settings.thresholds)
    settings.thresholds.cpu_percent.setValue(120)
    settings.save()
    console.wait_for(lambda: not settings.status.ok, what="the refusal")
    console.shoot(out / f"settings-invalid-{lang}.png", settings)

    accounts = screen.open_accounts()
    console.wait_for(lambda: accounts is not None and len(accounts.accounts) == 3, what="the accounts")
    accounts.table.selectRow(1)
    console.shoot(out / f"accounts-{lang}.png", accounts)
    console.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("settings_dialogs", shoot))
