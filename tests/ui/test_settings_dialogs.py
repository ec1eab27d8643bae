"""Credential profiles, settings and accounts through the console's widgets, on real stores.

Secrets go to the real gnome-keyring (secret_service) and are looked for, byte by byte, in the
store's files and in every log record; "Test" asks a real net-snmp snmpd.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from egovops.accounts.admin import AccountAdmin
from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role
from egovops.credentials.keyring_store import SERVICE
from tests.fixtures.store import keyring_entry as entry
from egovops.inventory.model import Device
from egovops.logs import setup_logging
from egovops.polling.settings import Thresholds
from egovops.audit.repo import AuditRepository
from egovops.availability.repo import AvailabilityRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops_ui.main_window import MainWindow
from egovops_ui.settings_dialogs.accounts_dialog import AccountsDialog
from egovops_ui.settings_dialogs.credentials_dialog import CredentialProfilesDialog
from egovops_ui.settings_dialogs.profile_form import ProfileForm
from egovops_ui.settings_dialogs.settings_dialog import SettingsDialog
from tests.fixtures.snmpd import SnmpdAgent
from tests.fixtures.sshd import KEY_PASSPHRASE, SshdFixture
from tests.ui.console import WAIT_MS, open_console

COMMUNITY = "Dialog-Community-8831"


def screen(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.screens if type(s).__name__ == "SettingsScreen")


def wait_operator(qtbot: QtBot, window: MainWindow) -> Operator:
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    assert window.session.operator is not None
    return window.session.operator


def open_profiles(qtbot: QtBot, window: MainWindow) -> CredentialProfilesDialog:
    wait_operator(qtbot, window)
    window.findChild(type(screen(window).credentials_action), "credentialProfilesAction").trigger()
    dialog = screen(window).dialogs["credentials"]
    assert isinstance(dialog, CredentialProfilesDialog)
    qtbot.waitUntil(lambda: dialog.probe.device.count() > 0, timeout=WAIT_MS)
    return dialog


def fill_and_save(qtbot: QtBot, dialog: CredentialProfilesDialog, form: ProfileForm, values: dict[str, str]) -> None:
    for key, value in values.items():
        if key == "kind":
            form.kind.setCurrentIndex(form.kind.findData(value))
        elif key in ("auth_protocol", "priv_protocol"):
            getattr(form, key).setCurrentText(value)
        elif key in form.secrets:
            form.secrets[key].setText(value)
        else:
            getattr(form, key).setText(value)
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.buttons.button(form.buttons.StandardButton.Save).click()
    name = form.name.text()
    qtbot.waitUntil(lambda: dialog.selected_name() == name, timeout=WAIT_MS)


def edit_form(qtbot: QtBot, dialog: CredentialProfilesDialog, name: str) -> ProfileForm:
    dialog.select(name)
    dialog.form = None
    dialog.edit_button.click()
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible(), timeout=WAIT_MS)
    assert dialog.form is not None
    return dialog.form


def files_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.usefixtures("secret_service")
def test_a_profile_made_in_the_dialog_is_only_in_the_keyring(
    qtbot: QtBot, console: MainWindow, data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    setup_logging(data_dir, logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    dialog = open_profiles(qtbot, console)
    assert dialog.new_button.isEnabled()  # the OS user of a store without accounts is an admin
    dialog.new_button.click()
    assert dialog.form is not None
    fill_and_save(qtbot, dialog, dialog.form, {"name": "city-v2c", "kind": "snmp-v2c", "community": COMMUNITY})
    assert keyring.get_password(SERVICE, entry(console.session.database, "city-v2c", "community")) == COMMUNITY
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert row[:2] == ["city-v2c", "snmp-v2c"] and COMMUNITY not in " ".join(row)

    form = edit_form(qtbot, dialog, "city-v2c")
    assert form.secrets["community"].text() == "" and form.name.isReadOnly()  # never shown back
    assert form.secrets["community"].echoMode() == form.secrets["community"].EchoMode.Password
    fill_and_save(qtbot, dialog, form, {})  # an empty secret keeps the stored one
    assert keyring.get_password(SERVICE, entry(console.session.database, "city-v2c", "community")) == COMMUNITY

    console.session.tasks.wait()
    assert COMMUNITY.encode() not in files_bytes(data_dir)  # the SQLite file, its WAL, the log
    assert (data_dir / "logs" / "egovops.log").exists()
    assert all(COMMUNITY not in r.getMessage() for r in caplog.records)
    audit = [r for r in AuditRepository(console.session.database).rows() if r.action.startswith("credentials.")]
    assert [r.action for r in audit] == ["credentials.add", "credentials.edit"]

    dialog.delete_selected(confirmed=True)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=WAIT_MS)
    assert keyring.get_password(SERVICE, entry(console.session.database, "city-v2c", "community")) is None


@pytest.mark.usefixtures("secret_service")
def test_the_test_button_reports_ok_and_a_wrong_v3_key_against_snmpd(
    qtbot: QtBot, console: MainWindow, snmpd: SnmpdAgent,
) -> None:
    InventoryRepository(console.session.database).save_devices(
        [Device("SNMPD-AGENT", snmpd.address, "intranet", "安徽省/合肥市", snmp_port=snmpd.port)])
    auth, auth_key, priv, priv_key = snmpd.v3_users["egov-sha"]
    dialog = open_profiles(qtbot, console)
    dialog.new_button.click()
    assert dialog.form is not None
    fill_and_save(qtbot, dialog, dialog.form, {"name": "core-v3", "kind": "snmp-v3", "user": "egov-sha",
                                               "auth_protocol": auth, "priv_protocol": priv,
                                               "auth_key": auth_key, "priv_key": priv_key})
    dialog.probe.device.setCurrentText("SNMPD-AGENT")

    def tested() -> str:
        dialog.probe.last_result = None
        dialog.probe.button.click()
        qtbot.waitUntil(lambda: dialog.probe.last_result is not None, timeout=WAIT_MS)
        return dialog.probe.result.text()

    shown = tested()
    assert dialog.probe.result.ok and "SNMPD-AGENT" in shown and snmpd.sys_name in shown

    form = edit_form(qtbot, dialog, "core-v3")
    assert form.probe.device.currentText() == "SNMPD-AGENT"
    form.secrets["auth_key"].setText("Wrong-Auth-Key-55")
    form.probe.button.click()  # tried as typed, before anything is stored
    qtbot.waitUntil(lambda: form.probe.last_result is not None, timeout=WAIT_MS)
    assert form.probe.last_result.outcome == "auth" and "SNMPD-AGENT" in form.probe.result.text()  # type: ignore[union-attr]
    assert keyring.get_password(SERVICE, entry(console.session.database, "core-v3", "auth_key")) == auth_key
    fill_and_save(qtbot, dialog, form, {})  # now stored: the wrong key, the priv key left as stored
    assert keyring.get_password(SERVICE, entry(console.session.database, "core-v3", "auth_key")) == "Wrong-Auth-Key-55"
    shown = tested()
    assert not dialog.probe.result.ok and dialog.probe.last_result.outcome == "auth"  # type: ignore[union-attr]
    assert "SNMPD-AGENT" in shown and "Wrong-Auth-Key" not in shown
    assert keyring.get_password(SERVICE, entry(console.session.database, "core-v3", "priv_key")) == priv_key


def test_settings_round_trip_through_the_store(qtbot: QtBot, console: MainWindow) -> None:
    repo = PollingSettingsRepository(console.session.database)
    repo.save_polling(replace(repo.polling(), thresholds=Thresholds(mem_percent=80.0), walk_concurrency=12))
    AvailabilityRepository(console.session.database).set_sla_target(99.95)
    wait_operator(qtbot, console)
    screen(console).settings_action.trigger()
    dialog = screen(console).dialogs["settings"]
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(lambda: dialog.stored is not None and dialog.save_button.isEnabled(), timeout=WAIT_MS)
    assert (dialog.thresholds.mem_percent.value(), dialog.polling.walk_concurrency.value()) == (80.0, 12)
    assert dialog.general.sla.value() == 99.95 and dialog.polling.status_s.value() == 60.0

    dialog.thresholds.cpu_percent.setValue(150)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.status.ok, timeout=WAIT_MS)
    assert "thresholds.cpu_percent" in dialog.status.text() and "100" in dialog.status.text()

    dialog.thresholds.cpu_percent.setValue(70)
    dialog.polling.status_s.setValue(30)
    dialog.polling.concurrency.setValue(64)
    dialog.general.sla.setValue(99.5)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.ok and "4" in dialog.status.text(), timeout=WAIT_MS)
    stored = PollingSettingsRepository(console.session.database).polling()
    assert (stored.thresholds.cpu_percent, stored.intervals.status_s, stored.concurrency) == (70, 30, 64)
    assert AvailabilityRepository(console.session.database).sla_target() == 99.5
    actions = [r.action for r in AuditRepository(console.session.database).rows()]
    assert actions[-2:] == ["polling.settings", "availability.sla-target"]

    tab = dialog.maintenance
    qtbot.waitUntil(lambda: tab.scope.count() > 0, timeout=WAIT_MS)
    tab.scope_kind.setCurrentIndex(tab.scope_kind.findData("site"))
    tab.scope.setCurrentText("安徽省/合肥市")
    tab.reason.setText("核心交换机升级")
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT_MS)
    [window] = AvailabilityRepository(console.session.database).windows()
    assert (window.scope, window.duration, window.reason) == ("安徽省/合肥市", 4 * 3600, "核心交换机升级")
    tab.table.selectRow(0)
    tab.remove_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0, timeout=WAIT_MS)

    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "设置", timeout=5000)
    assert console.switcher.language == "zh_CN"


def test_overrides_per_site_are_checked_and_stored_on_save(qtbot: QtBot, console: MainWindow) -> None:
    wait_operator(qtbot, console)
    dialog = screen(console).open_settings()
    assert isinstance(dialog, SettingsDialog)
    tab = dialog.overrides
    qtbot.waitUntil(lambda: dialog.stored is not None and tab.scope.count() > 0, timeout=WAIT_MS)
    tab.scope_kind.setCurrentIndex(tab.scope_kind.findData("site"))
    tab.scope.setCurrentText("安徽省/合肥市")
    for name, value in (("status_s", 120), ("timeout_s", 90)):
        tab.field.setCurrentIndex(tab.field.findData(name))
        tab.value.setValue(value)
        tab.set_button.click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.status.ok, timeout=WAIT_MS)
    assert "overrides.site:安徽省/合肥市.timeout_s" in dialog.status.text()
    assert PollingSettingsRepository(console.session.database).polling().overrides == {}
    tab.value.setValue(5)
    tab.set_button.click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.ok and "1" in dialog.status.text(), timeout=WAIT_MS)
    stored = PollingSettingsRepository(console.session.database).polling()
    assert stored.overrides == {"site:安徽省/合肥市": {"status_s": 120, "timeout_s": 5}}
    hefei = InventoryRepository(console.session.database).device("HF-EXT-AGG-01")
    assert stored.intervals_for(hefei).status_s == 120
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT_MS)  # reloaded after the save
    assert tab.table.rowCount() == 1
    tab.table.selectRow(0)
    tab.remove_button.click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: PollingSettingsRepository(console.session.database).polling().overrides == {}, timeout=WAIT_MS)


def test_accounts_dialog_adds_changes_and_disables_with_audit(qtbot: QtBot, console: MainWindow) -> None:
    operator = wait_operator(qtbot, console)
    assert operator.role is Role.ADMIN
    console.menus["tools"].aboutToShow.emit()
    assert screen(console).accounts_action.isEnabled()
    dialog = screen(console).open_accounts()
    assert isinstance(dialog, AccountsDialog)
    # The first account is the OS user's own, as an admin: the console keeps its admin.
    qtbot.waitUntil(lambda: dialog.new_name.text() == operator.name, timeout=WAIT_MS)
    assert dialog.new_role.currentData() == "admin"
    dialog.password.setText("Str0ng-Pass!")
    dialog.repeated.setText("Str0ng-Pasz!")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: not dialog.status.ok, timeout=WAIT_MS)
    assert dialog.password.text() == "" and "differ" in dialog.status.text()
    for name, role in ((operator.name, "admin"), ("li", "operator")):
        dialog.new_name.setText(name)
        dialog.new_role.setCurrentIndex(dialog.new_role.findData(role))
        dialog.password.setText("Str0ng-Pass!")
        dialog.repeated.setText("Str0ng-Pass!")
        dialog.add_button.click()
        qtbot.waitUntil(lambda n=name: n in [a.name for a in dialog.accounts], timeout=WAIT_MS)
    dialog.table.selectRow([a.name for a in dialog.accounts].index("li"))
    dialog.role.setCurrentIndex(dialog.role.findData("engineer"))
    dialog.role_button.click()
    qtbot.waitUntil(lambda: any(a.name == "li" and a.role is Role.ENGINEER for a in dialog.accounts), timeout=WAIT_MS)
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: any(a.name == "li" and a.disabled for a in dialog.accounts), timeout=WAIT_MS)
    actions = [(r.action, r.subject) for r in AuditRepository(console.session.database).rows()]
    assert actions == [("account.save", operator.name), ("account.save", "li"), ("account.role", "li"), ("account.disable", "li")]


def test_a_non_admin_cannot_open_the_accounts_dialog_and_the_core_refuses(qtbot: QtBot, demo_store: Database) -> None:
    admin = Operator("root-admin", Role.ADMIN, "local")
    AccountAdmin(demo_store).add(admin, "chen", "admin", "Str0ng-Pass!", "Str0ng-Pass!")  # the OS user has no account
    window = open_console(qtbot, demo_store)
    try:
        operator = wait_operator(qtbot, window)
        assert operator.role is Role.OPERATOR
        window.menus["tools"].aboutToShow.emit()
        assert not screen(window).accounts_action.isEnabled()
        assert screen(window).open_accounts() is None and "accounts" not in screen(window).dialogs
        assert screen(window).refusal is not None and "admin" in screen(window).refusal.text()
        with pytest.raises(PermissionDenied):
            AccountAdmin(demo_store).add(operator, "li", "operator", "Str0ng-Pass!", "Str0ng-Pass!")
        with pytest.raises(PermissionDenied):
            AccountAdmin(demo_store).set_role(operator, "chen", "operator")
        screen(window).open_credentials()
        profiles = screen(window).dialogs["credentials"]
        assert not profiles.new_button.isEnabled()  # type: ignore[attr-defined]
        settings = screen(window).open_settings()
        assert isinstance(settings, SettingsDialog)
        qtbot.waitUntil(lambda: settings.stored is not None, timeout=WAIT_MS)
        assert not settings.save_button.isEnabled() and not settings.general.sla.isEnabled()
        assert not settings.maintenance.add_button.isEnabled()
    finally:
        window.session.stop()


@pytest.mark.usefixtures("secret_service")
def test_the_form_shows_the_cores_validation_and_ssh_test_asks_about_the_host_key(
    qtbot: QtBot, console: MainWindow, sshd: SshdFixture,
) -> None:
    lab = sshd.device("HW-OK")
    InventoryRepository(console.session.database).save_devices([lab])
    dialog = open_profiles(qtbot, console)
    dialog.new_button.click()
    form = dialog.form
    assert form is not None
    form.name.setText("lab-ssh")
    form.kind.setCurrentIndex(form.kind.findData("ssh"))
    form.secrets["passphrase"].setText(KEY_PASSPHRASE)
    form.key_file.setText(str(sshd.lab.client_key))
    assert not form.form.isRowVisible(form.secrets["community"]) and form.form.isRowVisible(form.secrets["passphrase"])
    form.buttons.button(form.buttons.StandardButton.Save).click()  # no user: refused before anything is stored
    assert not form.status.ok and "user" in form.status.text() and form.isVisible()
    fill_and_save(qtbot, dialog, form, {"user": sshd.lab.user, "passphrase": KEY_PASSPHRASE})
    dialog.probe.device.setCurrentText(lab.name)
    dialog.probe.button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=WAIT_MS)
    box = QApplication.activeModalWidget()
    assert lab.name in box.text() and sshd.server(lab.name).fingerprint in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.probe.last_result is not None, timeout=WAIT_MS)
    assert dialog.probe.result.ok and lab.name in dialog.probe.result.text(), dialog.probe.result.text()
