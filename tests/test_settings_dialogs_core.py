"""The core behind the console's settings dialogs: profiles, probes, polling ranges, windows, accounts.

Credentials go to the real gnome-keyring (secret_service); probes reach a real net-snmp snmpd and
the OpenSSH lab; every change is checked in the real audit trail.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import pytest

from egovops.accounts.admin import AccountAdmin
from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role
from egovops.audit.repo import AuditRepository
from egovops.availability.planning import AvailabilityPlanner, new_window
from egovops.credential_probe import CredentialProbe
from egovops.credentials.editing import CredentialEditor
from egovops.credentials.keyring_store import SERVICE
from egovops.credentials.profiles import build_profile
from egovops.errors import NotFoundError, ValidationError
from egovops.inventory.model import Device
from egovops.polling.settings import PollingSettings, Thresholds
from egovops.polling.settings_edit import PollingSettingsEditor, validate
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.snmpd import SnmpdAgent
from tests.fixtures.sshd import KEY_PASSPHRASE, SshdFixture
from tests.fixtures.store import keyring_entry as entry

pytestmark = pytest.mark.stores("sqlite", "postgresql")

ADMIN = Operator("chen", Role.ADMIN, "local")
ENGINEER = Operator("wang", Role.ENGINEER, "local")
SUPERVISOR = Operator("zhao", Role.SUPERVISOR, "local")
OPERATOR = Operator("li", Role.OPERATOR, "local")
COMMUNITY = "Core-Community-5521"


def actions(db: Database) -> list[str]:
    return [r.action for r in AuditRepository(db).rows()]


def add_agent_device(db: Database, agent: SnmpdAgent, name: str = "SNMPD-1") -> None:
    InventoryRepository(db).save_devices([Device(name, agent.address, "intranet", "安徽省/合肥市", snmp_port=agent.port)])


@pytest.mark.usefixtures("secret_service")
def test_profiles_edited_with_an_empty_secret_keep_it_and_kind_changes_drop_old_ones(database: Database, data_dir: Path) -> None:
    editor = CredentialEditor(database)
    editor.save(ENGINEER, build_profile("city-v2c", "snmp-v2c", {}), {"community": COMMUNITY}, editing=False)
    assert keyring.get_password(SERVICE, entry(database, "city-v2c", "community")) == COMMUNITY
    assert editor.save(ENGINEER, build_profile("city-v2c", "snmp-v2c", {}), {"community": ""}, editing=True) == []
    assert keyring.get_password(SERVICE, entry(database, "city-v2c", "community")) == COMMUNITY
    with pytest.raises(ValidationError, match="already exists"):
        editor.save(ENGINEER, build_profile("city-v2c", "snmp-v2c", {}), {"community": "x"}, editing=False)
    with pytest.raises(ValidationError, match="auth_key"):  # a new kind's secrets cannot be "kept"
        editor.save(ENGINEER, build_profile("city-v2c", "snmp-v3", {"user": "u"}), {}, editing=True)
    editor.save(ENGINEER, build_profile("city-v2c", "snmp-v3", {"user": "u", "priv_protocol": "none"}),
                {"auth_key": "Auth-Key-0001"}, editing=True)
    assert keyring.get_password(SERVICE, entry(database, "city-v2c", "community")) is None
    [summary] = editor.summaries()
    assert (summary.kind, summary.user, summary.protocols) == ("snmp-v3", "u", "SHA/none")
    with pytest.raises(PermissionDenied):
        editor.save(OPERATOR, build_profile("x", "snmp-v2c", {}), {"community": "y"}, editing=False)
    editor.remove(ENGINEER, "city-v2c")
    assert keyring.get_password(SERVICE, entry(database, "city-v2c", "auth_key")) is None
    # the refused attempt is on record too (accounts.guard)
    assert actions(database) == ["credentials.add", "credentials.edit", "credentials.edit", "credentials.refused",
                                 "credentials.remove"]
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert COMMUNITY.encode() not in stored and b"Auth-Key-0001" not in stored


@pytest.mark.usefixtures("secret_service")
def test_snmp_probe_ok_timeout_and_v3_auth_failure_against_snmpd(database: Database, snmpd: SnmpdAgent) -> None:
    add_agent_device(database, snmpd)
    probe = CredentialProbe(database, OPERATOR)
    ok = probe.run(build_profile("v2c", "snmp-v2c", {}), {"community": snmpd.community}, "SNMPD-1")
    assert (ok.outcome, ok.detail) == ("ok", snmpd.sys_name)
    auth, auth_key, priv, priv_key = snmpd.v3_users["egov-sha"]
    v3 = build_profile("v3", "snmp-v3", {"user": "egov-sha", "auth_protocol": auth, "priv_protocol": priv})
    assert probe.run(v3, {"auth_key": auth_key, "priv_key": priv_key}, "SNMPD-1").outcome == "ok"
    wrong = probe.run(v3, {"auth_key": "not-the-key-123", "priv_key": priv_key}, "SNMPD-1")
    assert wrong.outcome == "auth" and "SNMPD-1" in wrong.detail and "not-the-key" not in wrong.detail
    silent = probe.run(build_profile("v2c", "snmp-v2c", {}), {"community": "Wr0ng-Community-77"}, "SNMPD-1", timeout=0.3)
    assert silent.outcome == "timeout" and "SNMPD-1" in silent.detail
    with pytest.raises(ValidationError, match="community"):
        probe.run(build_profile("never-saved", "snmp-v2c", {}), {}, "SNMPD-1")
    with pytest.raises(NotFoundError):
        probe.run(build_profile("v2c", "snmp-v2c", {}), {"community": "public"}, "NO-SUCH-DEVICE")
    tests = [r for r in AuditRepository(database).rows() if r.action == "credentials.test"]
    assert [r.details_dict()["outcome"] for r in tests] == ["ok", "ok", "auth", "timeout"]
    assert all(r.subject == "SNMPD-1" and "Wr0ng-Community" not in r.details and "not-the-key" not in r.details
               for r in tests)


@pytest.mark.usefixtures("secret_service")
def test_ssh_probe_logs_in_with_the_stored_passphrase_and_names_a_refusal(database: Database, sshd: SshdFixture) -> None:
    lab = sshd.device("HW-OK")
    InventoryRepository(database).save_devices([lab])
    editor = CredentialEditor(database)
    profile = build_profile("lab", "ssh", {"user": sshd.lab.user, "key_file": str(sshd.lab.client_key)})
    editor.save(ENGINEER, profile, {"passphrase": KEY_PASSPHRASE}, editing=False)
    probe = CredentialProbe(database, OPERATOR)
    refused = probe.run(profile, {}, lab.name)  # unknown host key, nobody said yes
    assert refused.outcome == "host-key" and lab.name in refused.detail
    ok = probe.run(profile, {}, lab.name, trust_new_host_key=True)  # the stored passphrase
    assert ok.outcome == "ok", ok.detail
    bad = probe.run(profile, {"passphrase": "wrong passphrase"}, lab.name)
    assert bad.outcome == "auth" and lab.name in bad.detail


def test_polling_ranges_name_the_field_and_changes_are_audited(database: Database) -> None:
    with pytest.raises(ValidationError, match="thresholds.cpu_percent"):
        validate(replace(PollingSettings(), thresholds=Thresholds(cpu_percent=150)))
    with pytest.raises(ValidationError, match="overrides.site:安徽省/合肥市.status_s"):
        validate(replace(PollingSettings(), overrides={"site:安徽省/合肥市": {"status_s": 1}}))
    editor = PollingSettingsEditor(database)
    changed = replace(PollingSettings(), concurrency=50, thresholds=Thresholds(temperature_c=65))
    with pytest.raises(PermissionDenied):
        editor.save(OPERATOR, changed)
    assert editor.save(ENGINEER, changed) == {"concurrency": {"from": 200, "to": 50},
                                              "thresholds.temperature_c": {"from": 75.0, "to": 65}}
    assert editor.load() == changed
    assert editor.save(ENGINEER, changed) == {}  # nothing new: nothing stored or audited
    assert actions(database) == ["polling.refused", "polling.settings"]  # the refusal is on record too


def test_windows_and_sla_need_their_roles_and_are_audited(database: Database) -> None:
    InventoryRepository(database).save_devices([Device("HF-CORE", "127.0.0.9", "extranet", "安徽省/合肥市")])
    planner = AvailabilityPlanner(database)
    start = datetime(2026, 12, 5, 22, 0)
    window = new_window("site", "安徽省/合肥市", start, start + timedelta(hours=4), "core upgrade", tz="Asia/Shanghai")
    with pytest.raises(PermissionDenied):
        planner.add_window(OPERATOR, window)
    with pytest.raises(NotFoundError, match="安徽省/芜湖市"):
        planner.add_window(ENGINEER, replace(window, scope="安徽省/芜湖市"))
    window_id = planner.add_window(ENGINEER, window)
    [stored] = planner.windows()
    assert (stored.id, stored.duration, stored.created_by, stored.tz) == (window_id, 4 * 3600, "local:wang", "Asia/Shanghai")
    with pytest.raises(ValidationError, match="end after it starts"):
        new_window("device", "HF-CORE", start, start, "x")
    planner.remove_window(ENGINEER, window_id)
    assert planner.windows() == []
    with pytest.raises(PermissionDenied):
        planner.set_sla_target(ENGINEER, 99.5)
    with pytest.raises(ValidationError):
        planner.set_sla_target(SUPERVISOR, 120)
    assert planner.set_sla_target(SUPERVISOR, 99.5) and planner.sla_target() == 99.5
    assert not planner.set_sla_target(ENGINEER, 99.5)  # unchanged: nothing to refuse or record
    assert actions(database) == ["maintenance.refused", "maintenance.add", "maintenance.remove", "availability.refused",
                                 "availability.sla-target"]


def test_account_admin_changes_roles_disables_and_keeps_an_admin(database: Database) -> None:
    admin = AccountAdmin(database)
    with pytest.raises(PermissionDenied):
        admin.accounts(SUPERVISOR)
    if not database.is_shared:  # on a shared store the OS user is nobody once accounts exist: any first name will do
        with pytest.raises(ValidationError, match="must be yours"):  # the OS user would lose admin at once
            admin.add(Operator("root", Role.ADMIN, "os"), "chen", "admin", "Str0ng-Pass", "Str0ng-Pass")
    with pytest.raises(ValidationError, match="first local account must be an admin"):
        admin.add(ADMIN, "li", "operator", "Str0ng-Pass", "Str0ng-Pass")
    with pytest.raises(ValidationError, match="differ"):
        admin.add(ADMIN, "chen", "admin", "Str0ng-Pass", "Str0ng-Pasz")
    admin.add(ADMIN, "chen", "admin", "Str0ng-Pass", "Str0ng-Pass")
    admin.add(ADMIN, "li", "operator", "Str0ng-Pass", "Str0ng-Pass")
    with pytest.raises(ValidationError, match="last enabled admin"):
        admin.set_role(ADMIN, "chen", "engineer")
    with pytest.raises(ValidationError, match="last enabled admin"):
        admin.set_disabled(ADMIN, "chen", True)
    admin.set_role(ADMIN, "li", "engineer")
    admin.set_disabled(ADMIN, "li", True)
    assert [(a.name, a.role.value, a.disabled) for a in admin.accounts(ADMIN)] == [("chen", "admin", False), ("li", "engineer", True)]
    with pytest.raises(PermissionDenied):
        admin.remove(ENGINEER, "li")
    admin.remove(ADMIN, "li")
    assert actions(database) == ["accounts.refused", "account.save", "account.save", "account.role", "account.disable",
                                 "accounts.refused", "account.remove"]
    admin.add(ADMIN, "wang", "admin", "Str0ng-Pass", "Str0ng-Pass")
    wang = Operator("wang", Role.ADMIN, "local")  # signed in as admin this morning…
    admin.set_role(ADMIN, "wang", "engineer")  # …demoted since: his open console loses the right
    with pytest.raises(PermissionDenied):
        admin.add(wang, "zhou", "operator", "Str0ng-Pass", "Str0ng-Pass")
    with pytest.raises(PermissionDenied):
        admin.accounts(Operator("nobody", Role.ADMIN, "os"))  # an OS user without an account is an operator
