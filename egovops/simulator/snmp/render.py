"""One simulated device's SNMP objects: its recording, rewritten to be this device in this province.

From the family's real recording come sysDescr (with the device's own model), sysObjectID and the
vendor's CPU/memory objects; generated here are the system group's identity, IF-MIB interfaces
named as the vendor names them, the management address, and LLDP-MIB local and remote tables
that follow the demo's cabling and the active faults. Loads and counters are left to snmpsim's
numeric variation module so they move while the agent runs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from egovops.simulator.faults import FaultSet
from egovops.simulator.naming import interface_name
from egovops.simulator.snmp.families import Family, family_for
from egovops.simulator.snmp.recordings import base_lines
from egovops.simulator.snmp.snmprec import COUNTER32, COUNTER64, GAUGE32, INTEGER, IPADDR, OID, TIMETICKS, Records
from egovops.simulator.snmp.topology import Neighbour, Province, SimDevice

IF_TABLE = "1.3.6.1.2.1.2.2.1"
IF_X_TABLE = "1.3.6.1.2.1.31.1.1.1"
LLDP_LOC = "1.0.8802.1.1.2.1.3"
LLDP_REM = "1.0.8802.1.1.2.1.4.1.1"
LLDP_REM_MAN = "1.0.8802.1.1.2.1.4.2.1"
MGMT_IFINDEX = 1000
UP, DOWN = 1, 2


def _unit(name: str, salt: str) -> float:
    """A stable number in [0, 1) per device and purpose, so every run of the demo looks the same."""
    digest = hashlib.blake2b(f"{name}/{salt}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") / 2**32


def chassis_mac(device: SimDevice) -> bytes:
    return family_for(device.vendor, device.model).oui + device.index.to_bytes(3, "big")


def _sys_descr(line: str, family: Family, device: SimDevice) -> str:
    """The recorded sysDescr with the recorded model replaced by this device's model."""
    oid, tag, value = line.split("|", 2)
    raw = bytes.fromhex(value) if tag.endswith("x") else value.encode("latin-1")
    if family.recorded_model and device.model:
        raw = raw.replace(family.recorded_model.encode(), device.model.encode())
    return raw.decode("latin-1")


def _copy_recording(rec: Records, family: Family, device: SimDevice, cache_dir: Path) -> None:
    for line in base_lines(family, cache_dir):
        if line.startswith("1.3.6.1.2.1.1.1.0|"):
            rec.text("1.3.6.1.2.1.1.1.0", _sys_descr(line, family, device).encode("latin-1"))
        else:
            rec.add_raw(line)


def _system(rec: Records, device: SimDevice) -> None:
    rec.numeric("1.3.6.1.2.1.1.3.0", TIMETICKS, rate=100, initial=int(8_640_000 * (5 + 200 * _unit(device.name, "up"))))
    rec.text("1.3.6.1.2.1.1.4.0", device.contact)
    rec.text("1.3.6.1.2.1.1.5.0", device.name)
    rec.text("1.3.6.1.2.1.1.6.0", device.site)


def _load(rec: Records, family: Family, device: SimDevice, faults: FaultSet) -> None:
    """CPU and memory that drift on a slow sine with jitter; ``cpu-high`` pins CPU near 95 %."""
    high = device.name in faults.cpu_high()
    for oid in family.cpu:
        tag = (rec.get(oid) or f"{oid}|{INTEGER}|0").split("|")[1].split(":")[0]
        base = 92 if high else 12 + 30 * _unit(device.name, "cpu")
        rec.numeric(oid, tag, function="sin", rate=0.001 + 0.003 * _unit(device.name, "cpu-rate"), scale=3 if high else 8,
                    offset=round(base), deviation=2, min=1, max=100, atime=1)
    for oid in family.memory:
        tag = (rec.get(oid) or f"{oid}|{INTEGER}|0").split("|")[1].split(":")[0]
        rec.numeric(oid, tag, function="sin", rate=0.0005, scale=3, offset=round(30 + 35 * _unit(device.name, "mem")),
                    min=1, max=100, atime=1)


def _counters(rec: Records, device: SimDevice, port: int, up: bool) -> None:
    if not up:
        for column in (10, 11, 16, 17):
            rec.add(f"{IF_TABLE}.{column}.{port}", COUNTER32, 0)
        for column in (6, 10):
            rec.add(f"{IF_X_TABLE}.{column}.{port}", COUNTER64, 0)
        return
    rate_in = 20_000 + 4_000_000 * _unit(device.name, f"in{port}")
    rate_out = 20_000 + 4_000_000 * _unit(device.name, f"out{port}")
    for column, rate in ((10, rate_in), (11, rate_in / 700), (16, rate_out), (17, rate_out / 700)):
        rec.numeric(f"{IF_TABLE}.{column}.{port}", COUNTER32, rate=round(rate, 2), atime=1, wrap=1)
    for column, rate in ((6, rate_in), (10, rate_out)):
        rec.numeric(f"{IF_X_TABLE}.{column}.{port}", COUNTER64, rate=round(rate, 2), atime=1)


def _errors(rec: Records, port: int, since: float | None) -> None:
    """ifInErrors: zero, or climbing from the moment an ``interface-errors`` fault began."""
    if since is None:
        rec.add(f"{IF_TABLE}.14.{port}", COUNTER32, 0)
    else:  # value = rate * (now - since): initial shifts the absolute-time line to start at zero
        rec.numeric(f"{IF_TABLE}.14.{port}", COUNTER32, rate=37, initial=-round(37 * since), atime=1, min=0, wrap=1)
    for column in (13, 19, 20):
        rec.add(f"{IF_TABLE}.{column}.{port}", COUNTER32, 0)


def _interface(rec: Records, device: SimDevice, index: int, name: str, up: bool, alias: str) -> None:
    mac = chassis_mac(device)
    rec.add(f"{IF_TABLE}.1.{index}", INTEGER, index)
    rec.text(f"{IF_TABLE}.2.{index}", name)
    rec.add(f"{IF_TABLE}.3.{index}", INTEGER, 136 if index == MGMT_IFINDEX else 6)
    rec.add(f"{IF_TABLE}.4.{index}", INTEGER, 1500)
    rec.add(f"{IF_TABLE}.5.{index}", GAUGE32, 1_000_000_000)
    rec.add(f"{IF_TABLE}.6.{index}", "4x", mac.hex())
    rec.add(f"{IF_TABLE}.7.{index}", INTEGER, UP)
    rec.add(f"{IF_TABLE}.8.{index}", INTEGER, UP if up else DOWN)
    rec.add(f"{IF_TABLE}.9.{index}", TIMETICKS, 0)
    rec.text(f"{IF_X_TABLE}.1.{index}", name)
    rec.add(f"{IF_X_TABLE}.15.{index}", GAUGE32, 1000)
    rec.text(f"{IF_X_TABLE}.18.{index}", alias)


def _interfaces(rec: Records, device: SimDevice, family: Family, ports: int, seen: dict[int, Neighbour],
                faults: FaultSet) -> None:
    errors = faults.error_ports()
    for port in range(1, ports + 1):
        name = interface_name(device.vendor, port)
        peer = seen.get(port)
        _interface(rec, device, port, name, peer is not None, f"to {peer.device}" if peer else "")
        _counters(rec, device, port, peer is not None)
        _errors(rec, port, errors.get((device.name, name)))
    if family.mgmt_interface:
        _interface(rec, device, MGMT_IFINDEX, family.mgmt_interface, True, "management")
    rec.add("1.3.6.1.2.1.2.1.0", INTEGER, ports + (1 if family.mgmt_interface else 0))
    mgmt = MGMT_IFINDEX if family.mgmt_interface else 1
    rec.add(f"1.3.6.1.2.1.4.20.1.1.{device.address}", IPADDR, device.address)
    rec.add(f"1.3.6.1.2.1.4.20.1.2.{device.address}", INTEGER, mgmt)
    rec.add(f"1.3.6.1.2.1.4.20.1.3.{device.address}", IPADDR, "255.255.255.0")


def _lldp_local(rec: Records, device: SimDevice, ports: int) -> None:
    rec.add(f"{LLDP_LOC}.1.0", INTEGER, 4)  # chassis ID subtype: MAC address
    rec.add(f"{LLDP_LOC}.2.0", "4x", chassis_mac(device).hex())
    rec.text(f"{LLDP_LOC}.3.0", device.name)
    rec.text(f"{LLDP_LOC}.4.0", f"{device.vendor} {device.model}")
    for port in range(1, ports + 1):
        name = interface_name(device.vendor, port)
        rec.add(f"{LLDP_LOC}.7.1.2.{port}", INTEGER, 5)  # port ID subtype: interface name
        rec.text(f"{LLDP_LOC}.7.1.3.{port}", name)
        rec.text(f"{LLDP_LOC}.7.1.4.{port}", name)


def _lldp_remote(rec: Records, province: Province, seen: dict[int, Neighbour]) -> None:
    for port, peer in sorted(seen.items()):
        other = province.devices[peer.device]
        index = f"0.{port}.1"
        name = interface_name(other.vendor, peer.remote_port)
        rec.add(f"{LLDP_REM}.4.{index}", INTEGER, 4)
        rec.add(f"{LLDP_REM}.5.{index}", "4x", chassis_mac(other).hex())
        rec.add(f"{LLDP_REM}.6.{index}", INTEGER, 5)
        rec.text(f"{LLDP_REM}.7.{index}", name)
        rec.text(f"{LLDP_REM}.8.{index}", name)
        rec.text(f"{LLDP_REM}.9.{index}", other.name)
        rec.text(f"{LLDP_REM}.10.{index}", f"{other.vendor} {other.model}")
        man = f"{index}.1.4.{other.address}"  # address subtype ipV4, 4 octets, the address
        rec.add(f"{LLDP_REM_MAN}.3.{man}", INTEGER, 2)
        rec.add(f"{LLDP_REM_MAN}.4.{man}", INTEGER, MGMT_IFINDEX if family_for(other.vendor, other.model).mgmt_interface else 1)
        rec.add(f"{LLDP_REM_MAN}.5.{man}", OID, "0.0")


def render(device: SimDevice, province: Province, faults: FaultSet, cache_dir: Path) -> Records:
    """Every object the agent of ``device`` serves, with ``faults`` applied."""
    family = family_for(device.vendor, device.model)
    seen = {n.local_port: n for n in province.neighbours(device.name, faults)}
    ports = max([province.port_count(device.name)] + list(seen))
    rec = Records()
    _copy_recording(rec, family, device, cache_dir)
    _system(rec, device)
    _load(rec, family, device, faults)
    _interfaces(rec, device, family, ports, seen, faults)
    _lldp_local(rec, device, ports)
    _lldp_remote(rec, province, seen)
    return rec
