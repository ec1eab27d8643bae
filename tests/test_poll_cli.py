"""``egovops poll/alarms/status`` as an operator runs them, checked against net-snmp's own tools."""

from __future__ import annotations

import json
import time
import os
import subprocess
from pathlib import Path

import pytest

from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.inventory.model import Device
from egovops.storage.inventory_repo import InventoryRepository

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

IF_NAME, IF_HC_IN, IF_HC_OUT = "1.3.6.1.2.1.31.1.1.1.1", "1.3.6.1.2.1.31.1.1.1.6", "1.3.6.1.2.1.31.1.1.1.10"


def net_snmp(tool: str, agent, *oids: str, version: str = "2c", user: str | None = None) -> dict[str, str]:
    done = subprocess.run([tool, "-On", "-Oq", "-Oe", *agent.net_snmp_args(version, user), f"{agent.address}:{agent.port}", *oids],
                          capture_output=True, text=True, check=True, env=dict(os.environ, MIBS=""))
    rows = {}
    for line in done.stdout.splitlines():
        oid, _, value = line.partition(" ")
        rows[oid.lstrip(".")] = value.strip().strip('"')
    return rows


def setup_store(database, agent, down_port: int | None = None) -> None:
    """Profiles and devices stored in-process: the command line's own import is tested elsewhere,
    and each extra subprocess costs seconds of imports on a loaded CI machine."""
    service = CredentialService(database)
    service.add(build_profile("v2c", "snmp-v2c", {}), {"community": agent.community})
    auth, auth_key, priv, priv_key = agent.v3_users["egov-sha"]
    service.add(build_profile("v3", "snmp-v3", {"user": "egov-sha", "auth_protocol": auth, "priv_protocol": priv}),
                {"auth_key": auth_key, "priv_key": priv_key})
    site = "安徽省/合肥市"
    devices = [Device("hf-v2c", "127.0.0.1", "intranet", site, snmp_port=agent.port, credential_profile="v2c"),
               Device("hf-v3", "127.0.0.1", "extranet", site, snmp_port=agent.port, credential_profile="v3")]
    if down_port:
        devices.append(Device("hf-dead", "127.0.0.1", "intranet", site + "/肥东县", snmp_port=down_port, credential_profile="v2c"))
    InventoryRepository(database).save_devices(devices)


def test_poll_once_json_matches_net_snmp_over_v2c_and_v3_and_status_reports(cli, database, snmpd) -> None:
    setup_store(database, snmpd)
    done = cli("poll", "--once", "--json")
    assert done.returncode == 0, done.stderr
    devices = {d["name"]: d for d in json.loads(done.stdout) if d["vendor"] != "workstation"}
    assert set(devices) == {"hf-v2c", "hf-v3"}
    assert len(json.loads(done.stdout)) == 3  # and the console's own workstation, polled through psutil
    for name, version, user in (("hf-v2c", "2c", None), ("hf-v3", "3", "egov-sha")):
        ours = devices[name]
        system = net_snmp("snmpget", snmpd, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.2.0", version=version, user=user)
        assert ours["sys_descr"] == system["1.3.6.1.2.1.1.1.0"]
        assert ours["sys_name"] == system["1.3.6.1.2.1.1.5.0"] == snmpd.sys_name
        assert ours["sys_object_id"] == system["1.3.6.1.2.1.1.2.0"].lstrip(".")
        assert ours["status"] in ("up", "degraded") and ours["reachable"] is True and ours["error"] is None
        assert ours["vendor"] == "linux" and ours["uptime_s"] > 0
        names = net_snmp("snmpbulkwalk", snmpd, IF_NAME, version=version, user=user)
        assert {i["name"] for i in ours["interfaces"]} == set(names.values())
        octets_in = net_snmp("snmpbulkwalk", snmpd, IF_HC_IN, version=version, user=user)
        for interface in ours["interfaces"]:
            theirs = int(octets_in[f"{IF_HC_IN}.{interface['index']}"])
            assert 0 <= theirs - interface["in_octets"] < 50_000_000  # one poll's drift on a quiet machine
        required = {"name", "status", "reachable", "sys_descr", "sys_object_id", "sys_name", "uptime_s", "vendor", "model",
                    "cpu_percent", "mem_percent", "error", "interfaces"}
        assert required <= set(ours)
        assert {"index", "name", "alias", "oper_status", "admin_status", "speed_bps", "in_octets", "out_octets",
                "in_errors", "out_errors"} <= set(ours["interfaces"][0])

    report = json.loads(cli("status", "--json").stdout)  # the poller's own health, recorded by that cycle
    cycle = report["cycles"][0]
    assert cycle["devices"] == 3 and cycle["failed"] == 0 and cycle["rss_bytes"] > 10 * 2**20 and cycle["threads"] >= 2
    assert cycle["overrun"] is False and sum(report["devices_by_state"].values()) == 3


def test_dead_device_fails_the_poll_raises_an_alarm_that_an_operator_acks(cli, database, snmpd) -> None:
    import socket

    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))
    try:
        setup_store(database, snmpd, down_port=silent.getsockname()[1])
        done = cli("poll", "--once", "--json", "--device", "hf-dead", "--device", "hf-v2c")
    finally:
        silent.close()
    assert done.returncode == 1  # partial success
    devices = {d["name"]: d for d in json.loads(done.stdout)}
    assert devices["hf-dead"]["status"] == "down" and "no response" in devices["hf-dead"]["error"]
    assert "public" not in done.stdout + done.stderr  # the community never shows
    alarms = [a for a in json.loads(cli("alarms", "list", "--active", "--json").stdout) if a["kind"] == "device_down"]
    assert [(a["device"], a["severity"]) for a in alarms] == [("hf-dead", "critical")]  # a busy CI host may add cpu_high
    assert cli("alarms", "ack", str(alarms[0]["id"]), "--comment", "县局断电，已通知").returncode == 0
    acked = next(a for a in json.loads(cli("alarms", "list", "--json").stdout) if a["id"] == alarms[0]["id"])
    assert acked["acked_by"] and acked["ack_comment"] == "县局断电，已通知"
    missing = cli("alarms", "ack", "9999", "--comment", "x")
    assert missing.returncode == 1 and "9999" in missing.stderr


def test_thresholds_and_overrides_are_set_from_the_command_line(cli, database) -> None:
    from egovops.polling.settings_repo import PollingSettingsRepository

    assert cli("polling", "set", "thresholds.cpu_percent", "70").returncode == 0
    assert cli("polling", "set", "overrides.site:安徽省/合肥市.timeout_s", "5").returncode == 0
    bad = cli("polling", "set", "thresholds.cpu_limit", "70")
    assert bad.returncode == 1 and "thresholds.cpu_limit" in bad.stderr
    settings = PollingSettingsRepository(database).polling()
    assert settings.thresholds.cpu_percent == 70
    device = Device("hf-x", "127.0.0.1", "intranet", "安徽省/合肥市/肥东县")
    assert settings.intervals_for(device).timeout_s == 5 and settings.intervals.timeout_s == 2.0


def test_poll_after_demo_gives_up_with_a_message_when_no_demo_runs(cli) -> None:
    started = time.monotonic()
    done = cli("poll", "--once", "--after-demo", "1")
    assert done.returncode != 0 and time.monotonic() - started < 30
    assert "the demo network did not start within 1 s" in done.stderr
