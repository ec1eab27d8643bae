"""A device reporting a configuration change gets a config-backup run, over a real sshd running
the vendor CLI emulator, through the procedures runner (audited as such); a burst of change lines
starts one run, and the next change after the interval the next one."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from egovops.audit.repo import AuditRepository
from egovops.credentials import CredentialService
from egovops.events.backup import BackupOnChange, procedure_backup
from egovops.events.rules import load_rules, parse_rules
from egovops.events.runtime import TrapCredentials, listening
from egovops.simulator.lab import LabDevice
from tests.fixtures.sshd import KEY_PASSPHRASE, add_ssh_profile
from tests.procedures_helpers import run_here

pytestmark = pytest.mark.usefixtures("secret_service")
ADDRESS = "127.0.31.7"  # the device's own: the change lines come from it, as from a real device
CHANGE = "<189>Dec  6 2026 12:00:00 HF-CORE %%01CFM/5/CFGCHANGE(l)[3]:配置已改变：ntp server 10.0.0.1。"


def wait_for(check, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("not within the time")


def send_lines(port: int, count: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((ADDRESS, 0))
        for _ in range(count):
            sock.sendto(CHANGE.encode("utf-8"), ("127.0.0.1", port))


def test_a_burst_of_config_changes_starts_one_backup_run_then_the_next_after_the_interval(
        sshd_lab, database, inventory, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    [placed] = sshd_lab.start([LabDevice("HF-CORE", "huawei", address=ADDRESS)])
    add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    inventory.save_devices([placed.device()])
    assert run_here(database, data_dir, "config-backup", "HF-CORE", ssh_profile="lab").all_ok  # host key known
    audit = AuditRepository(database)
    starts_before = len([r for r in audit.rows() if r.action == "procedure.start"])

    backups = BackupOnChange(procedure_backup(database, data_dir, CredentialService(database)), min_interval_s=4.0)
    running = listening(database, TrapCredentials(), load_rules(), "127.0.0.1", None, 0, backups=backups)
    running.start()
    try:
        send_lines(running.syslog.udp_port, 30)  # type: ignore[union-attr]
        wait_for(lambda: backups.results)
        assert backups.results[0].startswith("HF-CORE: config-backup run ") and "1 ok, 0 failed" in backups.results[0]
        time.sleep(1.0)
        assert backups.started == 1 and backups.skipped >= 1  # the rest of the burst was turned away
        rows = list(audit.rows())
        asked = [r for r in rows if r.action == "events.backup"]
        assert [(r.subject, r.details_dict()["procedure"]) for r in asked] == [("HF-CORE", "config-backup")]
        assert len([r for r in rows if r.action == "procedure.start"]) == starts_before + 1
        time.sleep(3.5)  # past the interval: the next change is backed up again
        send_lines(running.syslog.udp_port, 1)  # type: ignore[union-attr]
        wait_for(lambda: len(backups.results) == 2)
        assert "1 ok" in backups.results[1]
    finally:
        running.stop()


def test_backup_is_a_rule_field_and_off_without_it() -> None:
    rules = parse_rules("rules: [{name: a, match: {kind: syslog, module: [CFM]}, backup: true},"
                        " {name: b, match: {kind: syslog}}]")
    assert [r.backup for r in rules.rules] == [True, False]
    shipped = {r.name: r.backup for r in load_rules().rules}
    assert shipped["config-change"] and not shipped["config-command"] and not shipped["link-down"]
