"""Faults injected with ``egovops demo fault``: each changes what the real agents answer, and clear undoes it."""

from __future__ import annotations

import json
import time
from typing import Callable

import pytest

from egovops.demo.fault_rules import validate
from egovops.simulator.faults import add_fault, clear_faults
from egovops.simulator.naming import interface_name
from egovops.errors import EgovopsError, NotFoundError
from egovops.simulator.snmp.families import family_for
from tests.test_demo_simulator_agents import LLDP_REM_SYSNAME, SYS_NAME, values

IF_OPER = "1.3.6.1.2.1.2.2.1.8"
IF_IN_ERRORS = "1.3.6.1.2.1.2.2.1.14"


def eventually(check: Callable[[], bool], timeout: float = 6.0) -> bool:
    """Agents pick faults up within a second or two; poll until ``check`` holds or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return check()


def _device(inv, name):  # type: ignore[no-untyped-def]
    return next(d for d in inv.devices if d.name == name)


def _leaf_link(inv):  # type: ignore[no-untyped-def]
    """A child's uplink (child port 1) to a parent that has further children."""
    link = inv.links[-1]
    return _device(inv, link.a_device), _device(inv, link.b_device), link


def _get(demo, device, *oids, retries=0):  # type: ignore[no-untyped-def]
    done = demo.snmp("snmpget", device.address, device.snmp_port, *oids, retries=retries)
    return values(done.stdout) if done.returncode == 0 else None


def _neighbours(demo, device) -> set[str]:  # type: ignore[no-untyped-def]
    done = demo.snmp("snmpbulkwalk", device.address, device.snmp_port, LLDP_REM_SYSNAME)
    return {v for v in values(done.stdout).values()}


def _port_index(link, device) -> int:  # type: ignore[no-untyped-def]
    from egovops.simulator.snmp.topology import port_number

    name = link.a_interface if link.a_device == device.name else link.b_interface
    return port_number(device.vendor, name)


def _inject(demo, kind: str, *targets: str) -> int:  # type: ignore[no-untyped-def]
    """What ``egovops demo fault KIND …`` does (its command line is tested below; each run of it
    pays the whole CLI's start-up, so the per-kind tests call the same two functions directly)."""
    validate(demo.province(), kind, targets)
    return add_fault(demo.data_dir / "demo", kind, targets).id


def _clear(demo, fault_id: int) -> None:  # type: ignore[no-untyped-def]
    assert [f.id for f in clear_faults(demo.data_dir / "demo", fault_id)] == [fault_id]


def test_device_down_silences_it_and_its_neighbour_loses_the_link(demo_province, demo_inventory) -> None:
    child, parent, link = _leaf_link(demo_inventory)
    parent_port = _port_index(link, parent)
    assert child.name in _neighbours(demo_province, parent)
    fault = _inject(demo_province, "device-down", child.name)
    assert eventually(lambda: _get(demo_province, child, SYS_NAME) is None)
    assert eventually(lambda: child.name not in _neighbours(demo_province, parent))
    assert _get(demo_province, parent, f"{IF_OPER}.{parent_port}")[f"{IF_OPER}.{parent_port}"] == "2"
    _clear(demo_province, fault)
    assert eventually(lambda: (_get(demo_province, child, SYS_NAME) or {}).get(SYS_NAME) == child.name)
    assert child.name in _neighbours(demo_province, parent)
    assert _get(demo_province, parent, f"{IF_OPER}.{parent_port}")[f"{IF_OPER}.{parent_port}"] == "1"


def test_link_down_takes_the_port_down_and_cuts_off_what_is_behind_it(demo_province, demo_inventory) -> None:
    child, parent, link = _leaf_link(demo_inventory)
    ports = {child.name: _port_index(link, child), parent.name: _port_index(link, parent)}

    def port(device, status: str) -> bool:  # type: ignore[no-untyped-def]
        oid = f"{IF_OPER}.{ports[device.name]}"
        return (_get(demo_province, device, oid) or {}).get(oid) == status

    fault = _inject(demo_province, "link-down", child.name, parent.name)
    # The uplink was the child's only path from the operations centre: the parent shows its port
    # down and loses the neighbour; the child, cut off, answers nobody.
    assert eventually(lambda: port(parent, "2") and _get(demo_province, child, SYS_NAME) is None)
    assert child.name not in _neighbours(demo_province, parent)
    _clear(demo_province, fault)
    assert eventually(lambda: port(parent, "1") and port(child, "1"))
    assert parent.name in _neighbours(demo_province, child)


def test_device_down_cuts_off_its_whole_subtree_only(demo_province, demo_inventory) -> None:
    uplink = {l.a_device: l.b_device for l in demo_inventory.links}
    # a device with an uplink of its own and a child below it, and a device on another branch
    parent = next(_device(demo_inventory, p) for p in reversed(list(uplink.values())) if p in uplink)
    child = next(_device(demo_inventory, c) for c, p in uplink.items() if p == parent.name)
    grandparent = _device(demo_inventory, uplink[parent.name])
    elsewhere = next(d for d in demo_inventory.devices
                     if d.name in uplink and d.name not in (child.name, parent.name) and uplink[d.name] != parent.name)
    fault = _inject(demo_province, "device-down", parent.name)
    assert eventually(lambda: _get(demo_province, parent, SYS_NAME) is None and _get(demo_province, child, SYS_NAME) is None)
    assert (_get(demo_province, elsewhere, SYS_NAME) or {}).get(SYS_NAME) == elsewhere.name
    assert (_get(demo_province, grandparent, SYS_NAME) or {}).get(SYS_NAME) == grandparent.name
    _clear(demo_province, fault)
    assert eventually(lambda: (_get(demo_province, child, SYS_NAME) or {}).get(SYS_NAME) == child.name)


def test_cpu_high_pushes_the_vendor_cpu_object_up(demo_province, demo_inventory) -> None:
    device = demo_inventory.devices[1]
    oid = family_for(device.vendor, device.model).cpu[0]

    def cpu() -> int:
        return int(_get(demo_province, device, oid)[oid])

    assert cpu() < 60
    fault = _inject(demo_province, "cpu-high", device.name)
    assert eventually(lambda: cpu() >= 85)
    _clear(demo_province, fault)
    assert eventually(lambda: cpu() < 60)


def test_interface_errors_climb_on_that_port_only(demo_province, demo_inventory) -> None:
    child, _parent, link = _leaf_link(demo_inventory)
    port = interface_name(child.vendor, 1)
    errors, other = f"{IF_IN_ERRORS}.1", f"{IF_IN_ERRORS}.2"
    assert _get(demo_province, child, errors)[errors] == "0"
    fault = _inject(demo_province, "interface-errors", child.name, port)
    assert eventually(lambda: int(_get(demo_province, child, errors)[errors]) > 0)
    first = int(_get(demo_province, child, errors)[errors])
    time.sleep(1.2)
    assert int(_get(demo_province, child, errors)[errors]) > first
    assert _get(demo_province, child, other)[other] == "0"
    _clear(demo_province, fault)
    assert eventually(lambda: _get(demo_province, child, errors)[errors] == "0")


def test_cross_connect_shows_an_intranet_device_as_lldp_neighbour_of_an_extranet_one(demo_province, demo_inventory) -> None:
    ext = next(d for d in demo_inventory.devices if d.network == "extranet" and d.role.value == "aggregation")
    intra = next(d for d in demo_inventory.devices if d.network == "intranet" and d.role.value == "aggregation")
    assert intra.name not in _neighbours(demo_province, ext)
    fault = _inject(demo_province, "cross-connect", ext.name, intra.name)
    assert eventually(lambda: intra.name in _neighbours(demo_province, ext))
    assert ext.name in _neighbours(demo_province, intra)
    _clear(demo_province, fault)
    assert eventually(lambda: intra.name not in _neighbours(demo_province, ext))


def test_the_fault_commands_inject_list_and_clear(demo_province, demo_inventory) -> None:
    device = demo_inventory.devices[2]
    done = demo_province.cli("demo", "fault", "cpu-high", device.name)
    assert done.returncode == 0 and f"cpu-high {device.name}" in done.stdout, done.stderr
    listed = json.loads(demo_province.cli("demo", "fault", "list", "--json").stdout)
    assert [(f["kind"], f["targets"]) for f in listed] == [("cpu-high", [device.name])]
    done = demo_province.cli("demo", "fault", "clear")
    assert done.returncode == 0 and "1 fault(s) cleared" in done.stdout


def test_faults_that_make_no_sense_are_refused_by_name(demo_province, demo_inventory) -> None:
    ext = [d for d in demo_inventory.devices if d.network == "extranet"]
    unlinked = next(d for d in ext[1:] if not any({l.a_device, l.b_device} == {ext[0].name, d.name} for l in demo_inventory.links))
    cases = {
        ("device-down", "NO-SUCH-DEVICE"): "NO-SUCH-DEVICE",
        ("link-down", ext[0].name, unlinked.name): "not cabled",
        ("cross-connect", ext[0].name, ext[1].name): "intranet device to an extranet device",
        ("interface-errors", ext[0].name, "TenGigabitEthernet9/9/9"): "has no port",
        ("link-down", ext[0].name): "needs 2 argument",
    }
    for (kind, *targets), message in cases.items():
        with pytest.raises(EgovopsError, match=message):
            validate(demo_province.province(), kind, tuple(targets))
    with pytest.raises(NotFoundError, match="9999"):
        clear_faults(demo_province.data_dir / "demo", 9999)
    done = demo_province.cli("demo", "fault", "link-down", ext[0].name, unlinked.name)
    assert done.returncode == 1 and "not cabled" in done.stderr, done.stderr
    assert json.loads(demo_province.cli("demo", "fault", "list", "--json").stdout) == []
