"""The demo devices' SSH endpoints: the vendor CLI emulator behind a real SSH server, host key kept."""

from __future__ import annotations

import json
import re
import socket
import time

import paramiko
import pytest

from egovops.credentials.service import CredentialService
from egovops.demo.ssh_endpoints import weaknesses_of
from egovops.simulator.faults import add_fault, clear_faults
from egovops.ssh import KnownHostsStore, SshConnectError, fingerprint, open_session
from egovops.storage.database import open_database


@pytest.fixture
def store(demo_province):  # type: ignore[no-untyped-def]
    db = open_database(demo_province.data_dir / "egovops.sqlite3")
    yield db
    db.close()


def _switch(demo_inventory, vendor: str):  # type: ignore[no-untyped-def]
    return next(d for d in demo_inventory.devices if d.vendor == vendor)


def test_each_vendor_cli_answers_over_ssh_with_the_kept_host_key(demo_province, demo_inventory, store) -> None:
    credentials = CredentialService(store).resolve("demo-ssh")
    known = KnownHostsStore(store)
    kept = paramiko.RSAKey.from_private_key_file(str(demo_province.data_dir / "demo" / "ssh_host_rsa_key"))
    for vendor, marker in (("huawei", "sysname"), ("h3c", "sysname"), ("cisco", "hostname"), ("zte", "hostname"), ("ruijie", "hostname")):
        device = _switch(demo_inventory, vendor)
        with open_session(device, credentials, known, trust_new_host_key=True) as session:
            config = session.run(session.profile.show_running)
        assert f"{marker} {device.name}" in config, (vendor, config[:300])
    device = _switch(demo_inventory, "huawei")
    with socket.create_connection((device.address, device.ssh_port), timeout=10) as sock:
        transport = paramiko.Transport(sock)
        transport.start_client(timeout=10)
        offered = transport.get_remote_server_key()
        transport.close()
    assert fingerprint(offered) == fingerprint(kept)  # the key kept in the data folder, across runs


def test_a_down_device_refuses_ssh_until_cleared(demo_province, demo_inventory, store) -> None:
    device = _switch(demo_inventory, "huawei")
    credentials = CredentialService(store).resolve("demo-ssh")
    fault = add_fault(demo_province.data_dir / "demo", "device-down", (device.name,))
    try:
        time.sleep(0.2)
        with pytest.raises(SshConnectError):
            with open_session(device, credentials, KnownHostsStore(store), trust_new_host_key=True, connect_timeout=5):
                pass
    finally:
        clear_faults(demo_province.data_dir / "demo", fault.id)
    with open_session(device, credentials, KnownHostsStore(store), trust_new_host_key=True) as session:
        assert re.search(r"20\d\d-\d\d-\d\d", session.run("display clock"))


def test_shipped_procedures_back_up_and_check_the_demo_devices(demo_province, demo_inventory) -> None:
    common = ["--targets", "role:core", "--ssh-profile", "demo-ssh", "--trust-new-host-key", "--json"]
    cores = {d.name for d in demo_inventory.devices if d.role.value == "core"}
    backup = demo_province.cli("run", "config-backup", *common, timeout=300)
    report = json.loads(backup.stdout)
    assert {t["device"] for t in report["targets"]} == cores
    assert {t["status"] for t in report["targets"]} == {"ok"}, report["targets"]
    baseline = demo_province.cli("run", "baseline-check", *common, timeout=300)
    report = json.loads(baseline.stdout)
    assert {t["device"] for t in report["targets"]} == cores, baseline.stderr
    compliant = {t["device"] for t in report["targets"] if t["data"]["compliant"]}
    assert compliant == {name for name in cores if not weaknesses_of(name)}  # the weak ones fail, by design
    assert 0 < len(compliant) < len(cores)


def test_a_city_baseline_on_the_demo_needs_no_profile_flag(demo_province, demo_inventory) -> None:
    """The devices' own profile is the SNMP one; the only SSH profile (demo-ssh) is taken for SSH."""
    city = "安徽省/芜湖市"
    wuhu = {d.name for d in demo_inventory.devices if d.site.startswith(city) and d.vendor != "linux"}
    assert wuhu and all(d.credential_profile == "demo-snmp" for d in demo_inventory.devices if d.name in wuhu)
    done = demo_province.cli("run", "baseline-check", "--targets", f"site:{city}", "--trust-new-host-key", "--yes",
                             "--json", timeout=300)
    report = json.loads(done.stdout)
    ran = {t["device"]: t for t in report["targets"] if t["status"] != "skipped"}
    assert set(ran) == wuhu, done.stderr
    for name, target in ran.items():  # ok, or failed only by the device's own built-in weaknesses
        assert target["data"].get("compliant") is not None, target
        assert target["status"] == ("ok" if not weaknesses_of(name) else "failed"), target
