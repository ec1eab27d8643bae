"""The run/plugins/audit commands' own behaviour: dry run, parameters, confirmation, listing."""

from __future__ import annotations

import json

import pytest

from egovops.inventory.model import Device, DeviceRole

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_dry_run_from_the_command_line_contacts_nothing_and_is_audited(cli, inventory) -> None:
    # Port 9 on loopback: nothing listens, so any connection attempt would fail the target.
    inventory.save_devices([Device(f"AH-INT-AS{i:02d}", "127.0.0.1", "intranet", "安徽省/合肥市", ssh_port=9, snmp_port=9,
                                   vendor=("huawei", "cisco", "linux")[i], role=DeviceRole.ACCESS) for i in range(3)])
    done = cli("run", "baseline-check", "--targets", "site:安徽省/合肥市", "--dry-run", "--param", "max_idle_minutes=10", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["dry_run"] is True and report["parameters"] == {"max_idle_minutes": 10.0}
    statuses = {t["device"]: (t["status"], t["message"]) for t in report["targets"]}
    assert statuses["AH-INT-AS00"] == ("ok", "dry run: would read the running configuration and check 8 baseline items")
    assert statuses["AH-INT-AS02"][0] == "skipped" and "'linux' is not supported" in statuses["AH-INT-AS02"][1]
    bad = cli("run", "baseline-check", "--targets", "all", "--param", "max_idle_minutes=600")
    assert bad.returncode == 1 and "above the maximum 60" in bad.stderr
    listed = json.loads(cli("audit", "list", "--json").stdout)
    assert [r["action"] for r in listed][:2] == ["procedure.run", "procedure.start"]
    assert listed[0]["details"]["dry_run"] is True
