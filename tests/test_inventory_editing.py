"""Editing the inventory by hand (core): form checks, role refusal, what a removal takes, sites, audited import."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role
from egovops.availability.maintenance import MaintenanceWindow
from egovops.configs.store import ConfigStore
from egovops.credentials.profiles import build_profile
from egovops.credentials.service import CredentialService
from egovops.errors import ValidationError
from egovops.inventory_edit.audited_import import import_inventory
from egovops.inventory_edit.devices import DeviceEditor, DeviceFormError
from egovops.inventory.model import SiteKind
from egovops.inventory_edit.sites import SiteEditor
from egovops.audit.repo import AuditRepository
from egovops.availability.repo import AvailabilityRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.polling.settings_repo import PollingSettingsRepository
from tests.fixtures.outage import CITY, ROOT, Outage

pytestmark = pytest.mark.stores("sqlite", "postgresql")

ENGINEER = Operator("wang.engineer", Role.ENGINEER, "os")
WATCHER = Operator("li.operator", Role.OPERATOR, "os")

FORM = {
    "name": "FD-GOV-AS-01", "address": "127.31.0.1", "snmp_port": "20161", "ssh_port": "", "network": "extranet",
    "site": "安徽省/合肥市", "vendor": "h3c", "model": "S5130", "role": "access", "security_domain": "接入域",
    "protection_level": "3", "owner_unit": "肥东县政府办", "contact": "李娜 0551-67000000", "credential_profile": "",
    "tags": "肥东;接入",
}


def _sites(editor: SiteEditor) -> None:
    editor.add(ENGINEER, None, "安徽省")
    editor.add(ENGINEER, "安徽省", "合肥市")


def _actions(db: Database) -> list[tuple[str, str, str]]:
    return [(r.action, r.subject, r.actor) for r in AuditRepository(db).rows()]


def test_adding_a_device_is_checked_stored_and_audited(database: Database) -> None:
    _sites(SiteEditor(database))
    editor = DeviceEditor(database)
    device = editor.save(ENGINEER, FORM)
    assert InventoryRepository(database).device("FD-GOV-AS-01") == device
    assert device.ssh_port == 22 and device.tags == ("肥东", "接入") and device.protection_level == 3
    row = AuditRepository(database).recent(1)[0]
    assert (row.action, row.subject, row.actor, row.role) == ("inventory.device.add", "FD-GOV-AS-01", "wang.engineer", "engineer")
    assert row.details_dict()["device"]["owner_unit"] == "肥东县政府办"


def test_every_problem_of_the_form_is_named_by_field(database: Database) -> None:
    _sites(SiteEditor(database))
    editor = DeviceEditor(database)
    editor.save(ENGINEER, FORM)
    bad = dict(FORM, address="300.1.2.3", snmp_port="70000", site="安徽省/芜湖市", protection_level="5",
               credential_profile="nobody", network="gov-net")
    with pytest.raises(DeviceFormError) as caught:
        editor.save(ENGINEER, bad)  # also a name already taken
    by_field = {p.column: p.reason for p in caught.value.problems}
    assert set(by_field) == {"name", "address", "snmp_port", "protection_level", "network", "site", "credential_profile"}
    assert "already exists" in by_field["name"] and "300.1.2.3" in by_field["address"]
    assert "芜湖市" in by_field["site"] and "nobody" in by_field["credential_profile"]
    assert [a for a, _, _ in _actions(database)].count("inventory.device.add") == 1  # nothing stored for the bad form


def test_editing_records_only_what_changed_and_keeps_the_name(database: Database) -> None:
    _sites(SiteEditor(database))
    editor = DeviceEditor(database)
    editor.save(ENGINEER, FORM)
    editor.save(ENGINEER, dict(FORM, contact="张伟", protection_level=""), editing="FD-GOV-AS-01")
    stored = InventoryRepository(database).device("FD-GOV-AS-01")
    assert stored.contact == "张伟" and stored.protection_level is None
    row = AuditRepository(database).recent(1)[0]
    assert row.action == "inventory.device.edit"
    assert row.details_dict()["changes"] == {"protection_level": ["3", ""], "contact": ["李娜 0551-67000000", "张伟"]}
    with pytest.raises(DeviceFormError) as caught:
        editor.save(ENGINEER, dict(FORM, name="RENAMED"), editing="FD-GOV-AS-01")
    assert [p.column for p in caught.value.problems] == ["name"]


@pytest.mark.usefixtures("secret_service")
def test_credential_profile_is_chosen_by_name_and_no_secret_is_recorded(database: Database) -> None:
    CredentialService(database).add(build_profile("county-v2c", "snmp-v2c", {}), {"community": "Hf#c0mmunity!"})
    _sites(SiteEditor(database))
    editor = DeviceEditor(database)
    assert editor.choices().profiles == ["county-v2c"]
    editor.save(ENGINEER, dict(FORM, credential_profile="county-v2c"))
    assert InventoryRepository(database).device("FD-GOV-AS-01").credential_profile == "county-v2c"
    assert all("Hf#c0mmunity!" not in r.details for r in AuditRepository(database).rows())


def test_an_undefined_profile_from_an_import_survives_an_edit_but_is_not_chosen_anew(database: Database) -> None:
    _sites(SiteEditor(database))
    editor = DeviceEditor(database)
    plain = editor.check(FORM, None)
    InventoryRepository(database).save_devices([plain, replace(plain, name="IMPORTED", credential_profile="later-v3")])
    editor.save(ENGINEER, dict(FORM, name="IMPORTED", credential_profile="later-v3", contact="新联系人"), editing="IMPORTED")
    assert InventoryRepository(database).device("IMPORTED").contact == "新联系人"
    with pytest.raises(DeviceFormError, match="later-v3"):
        editor.save(ENGINEER, dict(FORM, credential_profile="later-v3"), editing=FORM["name"])


def test_an_operator_may_not_edit_and_the_core_refuses(database: Database) -> None:
    _sites(SiteEditor(database))
    with pytest.raises(PermissionDenied, match="engineer"):
        DeviceEditor(database).save(WATCHER, FORM)
    with pytest.raises(PermissionDenied):
        SiteEditor(database).add(WATCHER, "安徽省", "芜湖市")
    assert InventoryRepository(database).devices() == []
    assert "安徽省/芜湖市" not in {s.path for s in InventoryRepository(database).sites()}
    refused = [r for r in AuditRepository(database).rows() if r.action == "inventory.refused"]
    assert [(r.actor, r.subject, r.details_dict()["attempted"]) for r in refused] == [
        ("li.operator", "FD-GOV-AS-01", "inventory.device.add"), ("li.operator", "安徽省/芜湖市", "inventory.site.add")]


def test_removal_names_what_goes_and_keeps_configuration_history(outage: Outage) -> None:
    db = outage.database
    ConfigStore(db).save(ROOT, "sysname HF-EXT-AGG-01\n", run_id="r1", command="display current-configuration")
    editor = DeviceEditor(db)
    footprint = editor.footprint(ROOT)
    assert footprint.links >= 2 and footprint.state_changes == 1 and footprint.alarms == 1 and footprint.config_versions == 1
    links_before = len(InventoryRepository(db).links())
    gone = editor.remove(ENGINEER, ROOT)
    assert gone == footprint
    assert ROOT not in {d.name for d in InventoryRepository(db).devices()}
    assert len(InventoryRepository(db).links()) == links_before - footprint.links
    assert len(ConfigStore(db).versions(ROOT)) == 1  # kept, as the dialog says
    row = AuditRepository(db).recent(1)[0]
    assert (row.action, row.subject) == ("inventory.device.remove", ROOT)
    assert row.details_dict()["deleted"]["alarms"] == 1 and row.details_dict()["device"]["site"] == CITY


def test_sites_added_renamed_and_removed_but_never_with_devices(outage: Outage) -> None:
    db = outage.database
    sites = SiteEditor(db)
    with pytest.raises(ValidationError, match=r"still holds \d+ devices"):
        sites.remove(ENGINEER, CITY)
    counts = {site.path: n for site, n in sites.sites_with_devices()}
    held = InventoryRepository(db).devices(site=CITY)
    assert counts[CITY] == len(held) > 0 and counts["安徽省"] == len(InventoryRepository(db).devices())
    assert sites.add(ENGINEER, CITY, "新站区").kind is SiteKind.COUNTY
    sites.add(ENGINEER, f"{CITY}/新站区", "新站区数据资源局", SiteKind.DEPARTMENT)
    assert sites.rename(ENGINEER, f"{CITY}/新站区", "新站高新区") == f"{CITY}/新站高新区"
    paths = {s.path for s in InventoryRepository(db).sites()}
    assert f"{CITY}/新站高新区/新站区数据资源局" in paths and f"{CITY}/新站区" not in paths
    with pytest.raises(ValidationError, match="directly below a city"):
        sites.add(ENGINEER, "安徽省", "某县", SiteKind.COUNTY)
    with pytest.raises(ValidationError, match="top-level"):
        sites.add(ENGINEER, CITY, "某省", SiteKind.PROVINCE)
    with pytest.raises(ValidationError, match="'/'"):
        sites.add(ENGINEER, CITY, "a/b")
    with pytest.raises(ValidationError, match="already exists"):
        sites.add(ENGINEER, CITY, "新站高新区")
    assert sites.remove(ENGINEER, f"{CITY}/新站高新区") == 2
    assert not {p for p in (s.path for s in InventoryRepository(db).sites()) if "新站" in p}
    assert [a for a, _, _ in _actions(db) if a.startswith("inventory.site")] == [
        "inventory.site.add", "inventory.site.add", "inventory.site.rename", "inventory.site.remove"]


def test_a_site_named_by_a_maintenance_window_or_a_polling_override_is_not_renamed(database: Database) -> None:
    sites = SiteEditor(database)
    _sites(sites)
    AvailabilityRepository(database).add_window(MaintenanceWindow(
        "site", "安徽省/合肥市", datetime(2026, 12, 5, 22, 0), 3600.0, "割接", "Asia/Shanghai"))
    with pytest.raises(ValidationError, match="1 maintenance windows"):
        sites.rename(ENGINEER, "安徽省/合肥市", "合肥")
    with pytest.raises(ValidationError, match="1 maintenance windows"):
        sites.remove(ENGINEER, "安徽省/合肥市")
    sites.add(ENGINEER, "安徽省", "芜湖市")
    polling = PollingSettingsRepository(database)
    polling.save_polling(replace(polling.polling(), overrides={"site:安徽省/芜湖市": {"status_s": 120.0}}))
    with pytest.raises(ValidationError, match="0 maintenance windows and 1 polling overrides"):
        sites.rename(ENGINEER, "安徽省/芜湖市", "芜湖")


HEADER = "name,address,snmp_port,ssh_port,network,site,vendor,model,role,security_domain,protection_level,owner_unit,contact,credential_profile,tags"


def _gbk_file(tmp_path: Path) -> Path:
    rows = [
        HEADER,
        "FD-GOV-AS-01,127.31.0.1,20161,,extranet,安徽省/合肥市,h3c,S5130,access,接入域,3,肥东县政府办,王芳,,肥东;接入",
        "HF-CORE-01,127.30.0.1,,,extranet,安徽省/合肥市,huawei,S12704,core,核心域,3,合肥市数据资源局,张伟,,",
        "FD-AS-01,127.30.0.2,,,intranet,安徽省/合肥市/肥东县,h3c,S5130,access,接入域,2,肥东县政府办,李娜,,",
        "FD-AS-02,300.0.0.1,,,extranet,安徽省/合肥市/肥东县,h3c,S5130,access,,2,,,,",
    ]
    path = tmp_path / "gbk.csv"
    path.write_bytes("\r\n".join(rows).encode("gbk"))
    return path


def test_audited_import_names_new_sites_and_keeps_what_was_stored(database: Database, tmp_path: Path) -> None:
    _sites(SiteEditor(database))
    DeviceEditor(database).save(ENGINEER, FORM)
    path = _gbk_file(tmp_path)
    outcome = import_inventory(database, ENGINEER, path, create_sites=True)
    assert outcome.report.encoding == "gbk" and outcome.stored == 3 and outcome.report.rejected_rows == 1
    assert outcome.new_sites == ["安徽省/合肥市/肥东县"]
    assert outcome.changed == {"FD-GOV-AS-01": ["contact"]}  # the stored device's other fields were the same
    assert outcome.added == ["FD-AS-01", "HF-CORE-01"]
    assert {d.name for d in InventoryRepository(database).devices()} == {"FD-GOV-AS-01", "HF-CORE-01", "FD-AS-01"}
    row = AuditRepository(database).recent(1)[0]
    assert row.action == "inventory.import" and row.details_dict()["rejected"] == 1
    assert row.details_dict()["changed"] == {"FD-GOV-AS-01": ["contact"]}
    with pytest.raises(PermissionDenied):
        import_inventory(database, WATCHER, path)


def test_by_default_a_row_naming_a_site_not_in_the_tree_is_rejected(database: Database, tmp_path: Path) -> None:
    _sites(SiteEditor(database))
    outcome = import_inventory(database, ENGINEER, _gbk_file(tmp_path))
    problems = [(p.row, p.column) for p in outcome.report.problems]
    assert problems == [(4, "site"), (5, "address"), (5, "site")]  # in row order, every problem of a row
    assert "安徽省/合肥市/肥东县" in outcome.report.problems[0].reason and "not in the site tree" in outcome.report.problems[0].reason
    assert outcome.new_sites == [] and outcome.added == ["FD-GOV-AS-01", "HF-CORE-01"]
    assert "安徽省/合肥市/肥东县" not in {s.path for s in InventoryRepository(database).sites()}
