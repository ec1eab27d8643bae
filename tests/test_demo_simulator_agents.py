"""The demo's simulated agents, queried over real SNMP with net-snmp's tools."""

from __future__ import annotations

import re
import subprocess
import time

from egovops.simulator.naming import interface_name

SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME, SYS_NAME, SYS_LOCATION = (f"1.3.6.1.2.1.1.{n}.0" for n in (1, 2, 3, 5, 6))
LLDP_REM_SYSNAME = "1.0.8802.1.1.2.1.4.1.1.9"
LLDP_REM_PORTID = "1.0.8802.1.1.2.1.4.1.1.7"
LLDP_LOC_PORTID = "1.0.8802.1.1.2.1.3.7.1.3"
ENTERPRISE = {"huawei": "2011", "h3c": "25506", "ruijie": "4881", "zte": "3902", "cisco": "9", "linux": "8072"}


def values(output: str) -> dict[str, str]:
    """``-On`` output as {oid: value text} (strings without their quotes)."""
    found: dict[str, str] = {}
    last = None
    for line in output.splitlines():
        match = re.match(r"^\.?([\d.]+) = (?:[\w-]+: )?(.*)$", line)
        if match:
            last = match.group(1)
            found[last] = match.group(2).strip('"')
        elif last is not None:  # long hex strings continue on the next lines
            found[last] += " " + line.strip()
    return found


def hex_text(value: str) -> str:
    """net-snmp prints non-ASCII strings as hex: decode them back to text."""
    if re.fullmatch(r"[0-9A-F]{2}[0-9A-F ]*", value.strip()):
        return bytes.fromhex(value.replace(" ", "")).decode("utf-8")
    return value


def test_every_device_answers_as_itself_with_its_vendor(demo_province, demo_inventory) -> None:
    for device in demo_inventory.devices:
        done = demo_province.snmp("snmpget", device.address, device.snmp_port, SYS_NAME, SYS_OBJECT_ID, SYS_LOCATION, SYS_DESCR)
        assert done.returncode == 0, f"{device.name}: {done.stderr}"
        got = values(done.stdout)
        assert got[SYS_NAME] == device.name
        assert got[SYS_OBJECT_ID].startswith(f".1.3.6.1.4.1.{ENTERPRISE[device.vendor]}.") or got[SYS_OBJECT_ID].startswith(
            f"1.3.6.1.4.1.{ENTERPRISE[device.vendor]}."
        ), (device.name, device.vendor, got[SYS_OBJECT_ID])
        assert hex_text(got[SYS_LOCATION]) == device.site


def test_lldp_neighbours_match_the_declared_links(demo_province, demo_inventory) -> None:
    expected: dict[str, set[tuple[str, str, str]]] = {}
    for link in demo_inventory.links:
        expected.setdefault(link.a_device, set()).add((link.a_interface, link.b_device, link.b_interface))
        expected.setdefault(link.b_device, set()).add((link.b_interface, link.a_device, link.a_interface))
    for device in demo_inventory.devices:
        done = demo_province.snmp("snmpbulkwalk", device.address, device.snmp_port, "1.0.8802.1.1.2.1")
        assert done.returncode == 0, done.stderr
        got = values(done.stdout)
        local = {oid.rsplit(".", 1)[1]: v for oid, v in got.items() if oid.startswith(LLDP_LOC_PORTID + ".")}
        seen = set()
        for oid, name in got.items():
            if oid.startswith(LLDP_REM_SYSNAME + "."):
                index = oid[len(LLDP_REM_SYSNAME) + 1:]
                local_port = index.split(".")[1]
                seen.add((local[local_port], name, got[f"{LLDP_REM_PORTID}.{index}"]))
        assert seen == expected.get(device.name, set()), device.name


def test_counters_advance_and_uptime_ticks(demo_province, demo_inventory) -> None:
    link = demo_inventory.links[0]
    device = next(d for d in demo_inventory.devices if d.name == link.a_device)
    port = 1  # every non-root device's uplink is its port 1
    oids = (SYS_UPTIME, f"1.3.6.1.2.1.2.2.1.10.{port}", f"1.3.6.1.2.1.31.1.1.1.6.{port}")
    first = values(demo_province.snmp("snmpget", device.address, device.snmp_port, *oids).stdout)
    time.sleep(1.5)
    second = values(demo_province.snmp("snmpget", device.address, device.snmp_port, *oids).stdout)
    ticks = [int(re.search(r"\((\d+)\)", v[SYS_UPTIME]).group(1)) for v in (first, second)]
    assert 100 <= ticks[1] - ticks[0] <= 300
    assert int(second[oids[2]]) > int(first[oids[2]])
    assert interface_name(device.vendor, port) == link.a_interface


def test_a_wrong_community_gets_no_answer(demo_province, demo_inventory) -> None:
    device = demo_inventory.devices[0]
    done = demo_province.snmp("snmpget", device.address, device.snmp_port, SYS_NAME, retries=0)
    assert done.returncode == 0
    demo_province.community, right = "not-the-community", demo_province.community
    try:
        done = demo_province.snmp("snmpget", device.address, device.snmp_port, SYS_NAME, retries=0)
    finally:
        demo_province.community = right
    assert done.returncode != 0 and "Timeout" in done.stderr


def test_garbage_datagrams_are_ignored_and_v1_walks_skip_counter64(demo_province, demo_inventory) -> None:
    import socket

    device = demo_inventory.devices[3]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for garbage in (b"", b"\x30\x03\x02\x01", b"\xff" * 300):
            sock.sendto(garbage, (device.address, device.snmp_port))
    done = subprocess.run(
        ["snmpwalk", "-v1", "-c", demo_province.community, "-On", "-t", "2", f"{device.address}:{device.snmp_port}", "1.3.6.1.2.1.31.1.1.1"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    got = values(done.stdout)
    assert got["1.3.6.1.2.1.31.1.1.1.1.1"] == interface_name(device.vendor, 1)
    assert not any(oid.startswith("1.3.6.1.2.1.31.1.1.1.6.") for oid in got)  # Counter64 cannot travel over v1
    log = (demo_province.data_dir / "demo" / "logs").glob("agent-*.log")
    assert any(f"{device.name}: ignored a malformed SNMP request" in path.read_text() for path in log)
