"""The shipped procedures over real OpenSSH sshd running the vendor CLI emulator.

The SSH key's passphrase and the enable secret are in the real keyring (secret_service). The
command line is driven in a subprocess where what is under test is the command itself; the rest
runs the same runner in-process to keep the suite fast.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from egovops.accounts import AccountService, PermissionDenied
from egovops.audit.repo import AuditRepository
from egovops.credentials import CredentialService
from egovops.inventory.model import Device
from egovops.procedures import Status
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.sshd import KEY_PASSPHRASE, LabDevice, add_ssh_profile
from tests.procedures_helpers import outcomes, run_here

pytestmark = pytest.mark.usefixtures("secret_service")

ALL_LAB = ("HW-OK", "HW-WEAK", "H3C-OK", "H3C-WEAK", "CISCO-OK", "RUIJIE-OK", "ZTE-OK", "CISCO-EN", "HW-SUPER", "HW-SKEW")
ITEMS = {"ssh-only", "snmp", "password-complexity", "login-lockout", "idle-timeout", "syslog", "ntp", "unused-ports"}


@pytest.fixture
def lab_inventory(sshd, ssh_credentials, inventory: InventoryRepository) -> list[Device]:
    devices = [sshd.device(name) for name in ALL_LAB]
    inventory.save_devices(devices)
    return devices


def test_backup_from_the_command_line_then_unchanged(cli, lab_inventory, database, data_dir: Path) -> None:
    done = cli("run", "config-backup", "--targets", "all", "--ssh-profile", "lab-ssh-enable", "--trust-new-host-key", "--json", timeout=240)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    results = {t["device"]: t for t in report["targets"]}
    assert set(results) == set(ALL_LAB)
    assert all(t["status"] == "ok" and t["data"]["version"] == 1 for t in results.values()), results
    assert report["summary"] == {"backed_up": 10, "changed": 10}
    saved = Path(results["HW-OK"]["artefacts"][0]).read_text("utf-8")
    assert "sysname HW-OK" in saved and "irreversible-cipher ******" in saved

    again = outcomes(run_here(database, data_dir, "config-backup", "vendor:huawei"))
    assert again["HW-OK"].message == "unchanged since version 1"
    shown = cli("configs", "show", "CISCO-EN")
    assert shown.returncode == 0 and "hostname CISCO-EN" in shown.stdout and "secret 9 ******" in shown.stdout
    missing = cli("configs", "diff", "NO-SUCH")
    assert missing.returncode == 1 and "NO-SUCH" in missing.stderr


def test_baseline_gives_per_item_results_on_huawei_and_h3c(lab_inventory, database, data_dir) -> None:
    report = run_here(database, data_dir, "baseline-check", "HW-OK,HW-WEAK,H3C-OK,H3C-WEAK,CISCO-OK")
    results = outcomes(report)
    for name in ("HW-OK", "H3C-OK", "CISCO-OK"):
        assert results[name].status is Status.OK and results[name].data["score"] == 100.0, results[name]
        assert {i["id"] for i in results[name].data["items"] if i["passed"]} == ITEMS
    for name in ("HW-WEAK", "H3C-WEAK"):
        items = {i["id"]: i for i in results[name].data["items"]}
        assert results[name].status is Status.FAILED and results[name].data["score"] == 0.0
        assert "telnet is allowed" in items["ssh-only"]["detail"]
        assert "weak community" in items["snmp"]["detail"]
        assert "unused port" in items["unused-ports"]["detail"]
    assert report.summary["devices_compliant"] == 3 and report.summary["failures_by_item"]["ntp"] == 2
    evidence = json.loads(Path(results["HW-WEAK"].artefacts[0]).read_text("utf-8"))
    assert evidence["device"] == "HW-WEAK" and len(evidence["items"]) == 8


def test_clock_check_flags_a_skewed_device(lab_inventory, database, data_dir) -> None:
    results = outcomes(run_here(database, data_dir, "clock-check", "HW-OK,HW-SKEW,CISCO-OK"))
    assert results["HW-OK"].status is Status.OK and abs(results["HW-OK"].data["offset_seconds"]) < 3
    assert results["CISCO-OK"].status is Status.OK and results["CISCO-OK"].data["not_authoritative"] is True
    assert results["HW-SKEW"].status is Status.FAILED and 295 < results["HW-SKEW"].data["offset_seconds"] < 305


def test_save_config_needs_an_engineer_and_dry_run_sends_nothing(cli, lab_inventory, sshd, database, data_dir) -> None:
    accounts = AccountService(database)
    admin = accounts.os_operator("chen")  # no account yet: the OS user administers
    accounts.add(admin, "li.na", "operator", "Ops-Pass-2026!")
    accounts.add(admin, "zhang.wei", "engineer", "Eng-Pass-2026!")
    refused = cli("run", "save-config", "--targets", "HW-OK", "--operator", "li.na", "--password-stdin", input="Ops-Pass-2026!\n")
    assert refused.returncode == 1 and "needs the engineer role" in refused.stderr
    with pytest.raises(PermissionDenied):
        run_here(database, data_dir, "save-config", "HW-OK", operator=accounts.sign_in("li.na", "Ops-Pass-2026!"))
    log_before = len(sshd.server("HW-OK").command_log("HW-OK"))
    dry = run_here(database, data_dir, "save-config", "HW-OK,CISCO-OK", dry_run=True, operator=accounts.sign_in("li.na", "Ops-Pass-2026!"))
    assert [o.message for o in dry.outcomes] == ["dry run: would send write memory", "dry run: would send save force"]
    assert len(sshd.server("HW-OK").command_log("HW-OK")) == log_before
    saved = run_here(database, data_dir, "save-config", "HW-OK,CISCO-EN", operator=accounts.sign_in("zhang.wei", "Eng-Pass-2026!"))
    assert saved.all_ok, saved.outcomes
    assert "save force" in sshd.server("HW-OK").command_log("HW-OK")[log_before:]


def test_unknown_host_key_needs_trust_and_a_hung_server_costs_only_its_timeout(lab_inventory, inventory, hung_server, database, data_dir) -> None:
    inventory.save_devices([Device("HUNG-01", "127.0.0.1", "intranet", "安徽省", ssh_port=hung_server.port, vendor="huawei")])
    refused = run_here(database, data_dir, "config-backup", "HW-OK,H3C-OK", trust=False)
    for outcome in refused.outcomes:
        assert outcome.status is Status.FAILED and "unknown SSH host key" in outcome.message and "SHA256:" in outcome.message
        assert outcome.data == {"error": "HostKeyUnknownError"} and "--" not in outcome.message
    offered: list[str] = []
    report = run_here(database, data_dir, "config-backup", "HW-OK,H3C-OK,HUNG-01", timeout=4,
                      trust=lambda key: offered.append(key.fingerprint) or True)
    results = outcomes(report)
    assert results["HW-OK"].status is results["H3C-OK"].status is Status.OK
    assert offered and all(f.startswith("SHA256:") for f in offered)
    trusted = [r for r in AuditRepository(database).rows() if r.action == "ssh.trust-host-key"]
    assert {r.subject for r in trusted} == {"HW-OK", "H3C-OK"}
    assert all(r.details_dict()["fingerprint"] in offered and r.actor == "ops-engineer" for r in trusted)
    hung = results["HUNG-01"]
    assert hung.status is Status.FAILED and hung.finished - hung.started < 6
    assert "timed out" in hung.message


def test_changed_host_key_is_refused_by_the_procedure(sshd_lab, database, inventory, data_dir) -> None:
    [placed] = sshd_lab.start([LabDevice("AH-INT-CORE-01", "huawei")])
    add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    inventory.save_devices([placed.device()])
    assert run_here(database, data_dir, "config-backup", "AH-INT-CORE-01", ssh_profile="lab").all_ok
    old = sshd_lab.servers[0].fingerprint
    sshd_lab.servers[0].restart_with_new_host_key()
    [result] = run_here(database, data_dir, "config-backup", "AH-INT-CORE-01", ssh_profile="lab").outcomes
    assert result.status is Status.FAILED and old in result.message and sshd_lab.servers[0].fingerprint in result.message


def test_cancel_during_a_real_run_skips_the_devices_not_started(lab_inventory, database, data_dir) -> None:
    from egovops.accounts import Operator, Role
    from egovops.procedures import CancelToken, ProcedureRunner, RunCallbacks, RunRequest, RunServices, discover

    cancel = CancelToken()
    finished: list[str] = []
    callbacks = RunCallbacks(on_result=lambda o: (finished.append(o.device), cancel.cancel()))
    services = RunServices(database, Operator("ops", Role.ENGINEER, "os"), data_dir / "runs", trust_new_host_key=True,
                           ssh_profile="lab-ssh-enable")
    report = ProcedureRunner(discover(), services, callbacks).run(RunRequest("config-backup", "all", concurrency=1), cancel)
    counts = report.counts()
    assert report.cancelled and counts["ok"] == 1 and counts["skipped"] == len(ALL_LAB) - 1
    assert outcomes(report)[finished[0]].status is Status.OK
    assert all("cancelled" in o.message for o in report.outcomes if o.status is Status.SKIPPED)


class AskOnce:
    """A caller that answers for a whole run (as the console's dialog does): trusts the devices named."""

    def __init__(self, trusted_devices: set[str]) -> None:
        self.trusted_devices, self.asked, self.answered_at = trusted_devices, [], 0.0

    def __call__(self, offered):  # type: ignore[no-untyped-def]
        raise AssertionError(f"asked per login about {offered.device}: the run must ask once")

    def ask_all(self, offered):  # type: ignore[no-untyped-def]
        import time

        self.asked.append(sorted(o.device for o in offered))
        time.sleep(1.0)  # the operator reads: no login may start meanwhile
        self.answered_at = time.time()
        return [o for o in offered if o.device in self.trusted_devices]


def test_a_run_asks_once_about_all_unknown_keys_before_any_login(lab_inventory, database, data_dir) -> None:
    from egovops.ssh import KnownHostsStore

    for device in lab_inventory:  # whatever other tests trusted
        KnownHostsStore(database).forget(device.address, device.ssh_port, actor="test")
    ask = AskOnce({"HW-OK"})
    report = run_here(database, data_dir, "config-backup", "HW-OK,H3C-OK,HUNG-01", timeout=4, trust=ask)
    results = outcomes(report)
    assert ask.asked == [["H3C-OK", "HW-OK"]]  # HUNG-01 shows no key: left to its own login to report
    assert all(o.started >= ask.answered_at for o in report.outcomes)
    assert results["HW-OK"].status is Status.OK
    assert results["H3C-OK"].status is Status.FAILED and "unknown SSH host key" in results["H3C-OK"].message
    assert [r.subject for r in AuditRepository(database).rows() if r.action == "ssh.trust-host-key"][-1:] == ["HW-OK"]
    again = AskOnce(set())
    run_here(database, data_dir, "clock-check", "HW-OK", trust=again)
    assert again.asked == []  # nothing unknown left for it: no question at all


def test_the_ssh_profile_is_chosen_when_the_devices_own_is_snmp(lab_inventory, ssh_credentials, database,
                                                                data_dir) -> None:
    from egovops.credentials.profiles import CredentialKind, CredentialProfile

    ssh_credentials.service.add(CredentialProfile("lab-snmp", CredentialKind.SNMP_V2C, {}), {"community": "x"})
    InventoryRepository(database).save_devices([replace(d, credential_profile="lab-snmp") for d in lab_inventory])
    [two] = run_here(database, data_dir, "clock-check", "HW-OK", ssh_profile=None).outcomes
    assert two.status is Status.FAILED and "several SSH profiles exist (lab-ssh, lab-ssh-enable)" in two.message
    assert "--" not in two.message  # a console user is never told about a command-line flag
    ssh_credentials.service.remove("lab-ssh")
    [one] = run_here(database, data_dir, "clock-check", "HW-OK", ssh_profile=None).outcomes
    assert one.status is Status.OK, one.message  # the only SSH profile there is


def test_the_command_line_names_its_flag_for_unknown_keys(cli, lab_inventory, database) -> None:
    from egovops.ssh import KnownHostsStore

    for device in lab_inventory:
        KnownHostsStore(database).forget(device.address, device.ssh_port, actor="test")
    done = cli("run", "clock-check", "--targets", "HW-OK", "--ssh-profile", "lab-ssh-enable", timeout=120)
    assert done.returncode == 1 and "unknown SSH host key" in done.stdout
    assert "run again with --trust-new-host-key" in done.stderr
