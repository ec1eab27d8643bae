"""The shipped procedures over real OpenSSH sshd running the vendor CLI emulator, via the command line.

Every run goes through ``python -m egovops`` in a subprocess, as an operator would run it, with the
SSH key's passphrase and the enable secret in the real keyring (secret_service).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egovops.credentials import CredentialService
from egovops.inventory.model import Device
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.sshd import KEY_PASSPHRASE, LabDevice, add_ssh_profile

pytestmark = pytest.mark.usefixtures("secret_service")

ALL_LAB = ("HW-OK", "HW-WEAK", "H3C-OK", "H3C-WEAK", "CISCO-OK", "RUIJIE-OK", "ZTE-OK", "CISCO-EN", "HW-SUPER", "HW-SKEW")


@pytest.fixture
def lab_inventory(sshd, ssh_credentials, inventory: InventoryRepository) -> list[Device]:
    devices = [sshd.device(name) for name in ALL_LAB]
    inventory.save_devices(devices)
    return devices


def run_json(cli, *args: str, code: int | None = None) -> dict:
    done = cli("run", *args, "--json", timeout=240)
    assert done.returncode in ((0, 1) if code is None else (code,)), done.stderr
    return json.loads(done.stdout)


def targets(report: dict) -> dict[str, dict]:
    return {t["device"]: t for t in report["targets"]}


def test_backup_stores_versions_and_second_run_finds_them_unchanged(cli, lab_inventory, data_dir: Path) -> None:
    first = run_json(cli, "config-backup", "--targets", "all", "--ssh-profile", "lab-ssh-enable", "--trust-new-host-key", code=0)
    results = targets(first)
    assert set(results) == set(ALL_LAB)
    assert all(t["status"] == "ok" and t["data"]["version"] == 1 for t in results.values()), results
    assert first["summary"] == {"backed_up": 10, "changed": 10}
    saved = Path(results["HW-OK"]["artefacts"][0]).read_text("utf-8")
    assert "sysname HW-OK" in saved and "irreversible-cipher ******" in saved

    second = run_json(cli, "config-backup", "--targets", "vendor:huawei", "--ssh-profile", "lab-ssh-enable", code=0)
    assert {t["device"]: t["message"] for t in second["targets"]}["HW-OK"] == "unchanged since version 1"
    listed = cli("configs", "list", "--json")
    assert {row["device"] for row in json.loads(listed.stdout)} == set(ALL_LAB)
    shown = cli("configs", "show", "CISCO-EN")
    assert shown.returncode == 0 and "hostname CISCO-EN" in shown.stdout and "secret 9 ******" in shown.stdout
    missing = cli("configs", "diff", "NO-SUCH")
    assert missing.returncode == 1 and "NO-SUCH" in missing.stderr


def test_baseline_gives_per_item_results_on_huawei_and_h3c(cli, lab_inventory) -> None:
    report = run_json(cli, "baseline-check", "--targets", "HW-OK,HW-WEAK,H3C-OK,H3C-WEAK,CISCO-OK",
                      "--ssh-profile", "lab-ssh-enable", "--trust-new-host-key", code=1)
    results = targets(report)
    for name in ("HW-OK", "H3C-OK", "CISCO-OK"):
        assert results[name]["status"] == "ok" and results[name]["data"]["score"] == 100.0, results[name]
        assert {i["id"] for i in results[name]["data"]["items"] if i["passed"]} == {
            "ssh-only", "snmp", "password-complexity", "login-lockout", "idle-timeout", "syslog", "ntp", "unused-ports"}
    for name in ("HW-WEAK", "H3C-WEAK"):
        items = {i["id"]: i for i in results[name]["data"]["items"]}
        assert results[name]["status"] == "failed" and results[name]["data"]["score"] == 0.0
        assert "telnet is allowed" in items["ssh-only"]["detail"]
        assert "weak community" in items["snmp"]["detail"]
        assert "unused port" in items["unused-ports"]["detail"]
    assert report["summary"]["devices_compliant"] == 3 and report["summary"]["failures_by_item"]["ntp"] == 2


def test_clock_check_flags_a_skewed_device(cli, lab_inventory) -> None:
    report = run_json(cli, "clock-check", "--targets", "HW-OK,HW-SKEW,CISCO-OK", "--ssh-profile", "lab-ssh-enable",
                      "--trust-new-host-key", code=1)
    results = targets(report)
    assert results["HW-OK"]["status"] == "ok" and abs(results["HW-OK"]["data"]["offset_seconds"]) < 3
    assert results["CISCO-OK"]["status"] == "ok" and results["CISCO-OK"]["data"]["not_authoritative"] is True
    assert results["HW-SKEW"]["status"] == "failed" and 295 < results["HW-SKEW"]["data"]["offset_seconds"] < 305


def test_save_config_needs_an_engineer_and_dry_run_sends_nothing(cli, lab_inventory, sshd) -> None:
    # The first account is made by the OS user (an admin while no account exists), the rest by it.
    first = cli("accounts", "add", "chen.admin", "--role", "admin", "--new-password-stdin", input="Adm-Pass-2026!\n")
    assert first.returncode == 0, first.stderr
    as_admin = ("--operator", "chen.admin", "--password-stdin", "--new-password-stdin")
    add = cli("accounts", "add", "li.na", "--role", "operator", *as_admin, input="Adm-Pass-2026!\nOps-Pass-2026!\n")
    assert add.returncode == 0, add.stderr
    refused = cli("run", "save-config", "--targets", "HW-OK", "--operator", "li.na", "--password-stdin", input="Ops-Pass-2026!\n")
    assert refused.returncode == 1 and "needs the engineer role" in refused.stderr
    log_before = len(sshd.server("HW-OK").command_log("HW-OK"))
    dry = run_json(cli, "save-config", "--targets", "HW-OK,CISCO-OK", "--dry-run", code=0)
    assert [t["message"] for t in dry["targets"]] == ["dry run: would send write memory", "dry run: would send save force"]
    assert len(sshd.server("HW-OK").command_log("HW-OK")) == log_before
    add = cli("accounts", "add", "zhang.wei", "--role", "engineer", *as_admin, input="Adm-Pass-2026!\nEng-Pass-2026!\n")
    assert add.returncode == 0, add.stderr
    saved = cli("run", "save-config", "--targets", "HW-OK", "--ssh-profile", "lab-ssh-enable", "--trust-new-host-key",
                "--operator", "zhang.wei", "--password-stdin", input="Eng-Pass-2026!\n")
    assert saved.returncode == 0, saved.stderr
    assert "save force" in sshd.server("HW-OK").command_log("HW-OK")[log_before:]


def test_unknown_host_key_needs_trust_and_a_hung_server_costs_only_its_timeout(cli, lab_inventory, inventory, hung_server) -> None:
    inventory.save_devices([Device("HUNG-01", "127.0.0.1", "intranet", "安徽省", ssh_port=hung_server.port, vendor="huawei")])
    refused = run_json(cli, "config-backup", "--targets", "HW-OK,H3C-OK", "--ssh-profile", "lab-ssh-enable", code=1)
    for result in refused["targets"]:
        assert result["status"] == "failed" and "--trust-new-host-key" in result["message"] and "SHA256:" in result["message"]
    report = run_json(cli, "config-backup", "--targets", "HW-OK,H3C-OK,HUNG-01", "--ssh-profile", "lab-ssh-enable",
                      "--trust-new-host-key", "--timeout", "4", code=1)
    results = targets(report)
    assert results["HW-OK"]["status"] == results["H3C-OK"]["status"] == "ok"
    assert results["HUNG-01"]["status"] == "failed" and results["HUNG-01"]["seconds"] < 6
    assert "HUNG-01" in results["HUNG-01"]["message"] or "timed out" in results["HUNG-01"]["message"]


def test_changed_host_key_is_refused_by_the_procedure(cli, sshd_lab, database, inventory) -> None:
    [placed] = sshd_lab.start([LabDevice("AH-INT-CORE-01", "huawei")])
    add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    inventory.save_devices([placed.device()])
    run_json(cli, "config-backup", "--targets", "AH-INT-CORE-01", "--ssh-profile", "lab", "--trust-new-host-key", code=0)
    old = sshd_lab.servers[0].fingerprint
    sshd_lab.servers[0].restart_with_new_host_key()
    report = run_json(cli, "config-backup", "--targets", "AH-INT-CORE-01", "--ssh-profile", "lab", "--trust-new-host-key", code=1)
    [result] = report["targets"]
    assert result["status"] == "failed" and old in result["message"] and sshd_lab.servers[0].fingerprint in result["message"]
