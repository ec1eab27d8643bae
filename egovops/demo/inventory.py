"""The demo province's inventory, scaled to any number of devices.

Devices are generated in order of importance (provincial core and firewalls, data centres, city
aggregation, county access, then departments round-robin), and the first N are kept, so every
device's uplink parent is always among them and a small demo is still a whole province. Every
management address is on loopback (127.20.x.y) with its own SNMP and SSH port, so the simulated
agents of ``egovops demo run`` can answer for each device on this one machine.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import yaml

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.dr.repo import DrRepository
from egovops.simulator.naming import interface_name
from egovops.inventory.sites import ancestors
from egovops.inventory.model import Device, DeviceRole, DrRole, Link, Site, SiteKind
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

NETWORKS = ("extranet", "intranet")
_NET_TAG = {"extranet": "EXT", "intranet": "INT"}
SNMP_PORT_BASE = 20000
SSH_PORT_BASE = 40000
PORT_SPAN = 20000
SNMP_PROFILE = "demo-snmp"
SSH_PROFILE = "demo-ssh"


@lru_cache(maxsize=1)
def province_data() -> dict[str, Any]:
    text = resources.files("egovops_resources").joinpath("demo", "anhui.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@dataclass
class DemoInventory:
    sites: list[Site] = field(default_factory=list)
    devices: list[Device] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    dr_peers: list[tuple[str, str]] = field(default_factory=list)  # (production device, its DR peer)


@dataclass(frozen=True)
class _Slot:
    """A device to be: where it stands and which device it hangs under (None for the top)."""

    name: str
    site: str
    network: str
    role: DeviceRole
    parent: str | None
    owner_unit: str
    level: int
    centre_link: str | None = None  # a DR centre's core: the production centre's core it is also cabled to


def loopback_address(index: int) -> str:
    """127.20.0.1, 127.20.0.2, … : 250 hosts per third octet, never .0 or .255."""
    return f"127.{20 + index // 62_500}.{index // 250 % 250}.{index % 250 + 1}"


def _province_slots(data: dict[str, Any]) -> Iterator[_Slot]:
    prov = data["province"]
    owner = f"{prov}数据资源管理局"
    for net in NETWORKS:
        tag = _NET_TAG[net]
        yield _Slot(f"AH-{tag}-CORE-01", prov, net, DeviceRole.CORE, None, owner, 3)
        yield _Slot(f"AH-{tag}-CORE-02", prov, net, DeviceRole.CORE, f"AH-{tag}-CORE-01", owner, 3)
        yield _Slot(f"AH-{tag}-FW-01", prov, net, DeviceRole.FIREWALL, f"AH-{tag}-CORE-01", owner, 3)
        yield _Slot(f"AH-{tag}-FW-02", prov, net, DeviceRole.FIREWALL, f"AH-{tag}-CORE-02", owner, 3)


def _datacentre_path(data: dict[str, Any], dc: dict[str, Any]) -> str:
    prov = data["province"]
    return f"{prov}/{dc['city']}/{dc['name']}" if dc.get("city") else f"{prov}/{dc['name']}"


def production_core(data: dict[str, Any]) -> str:
    """The production centre's core, which each DR centre's core is cabled to directly (the
    inter-centre links of "two places, three centres") and whose DR peers they are."""
    n = next(i for i, dc in enumerate(data["datacentres"], start=1) if dc["role"] == DrRole.PRODUCTION.value)
    return f"AH-DC{n}-EXT-CORE-01"


def _datacentre_slots(data: dict[str, Any]) -> Iterator[_Slot]:
    owner = f"{data['province']}数据资源管理局"
    production = production_core(data)
    for n, dc in enumerate(data["datacentres"], start=1):
        path = _datacentre_path(data, dc)
        core = f"AH-DC{n}-EXT-CORE-01"
        yield _Slot(core, path, "extranet", DeviceRole.CORE, "AH-EXT-CORE-01", owner, 3,
                    None if core == production else production)
        yield _Slot(f"AH-DC{n}-EXT-SRV-01", path, "extranet", DeviceRole.SERVER, core, owner, 3)
        yield _Slot(f"AH-DC{n}-EXT-STOR-01", path, "extranet", DeviceRole.STORAGE, core, owner, 3)


def _city_slots(data: dict[str, Any]) -> Iterator[_Slot]:
    prov = data["province"]
    for net in NETWORKS:
        tag = _NET_TAG[net]
        for n, (city, info) in enumerate(data["cities"].items()):
            core = f"AH-{tag}-CORE-0{n % 2 + 1}"
            owner = f"{city}数据资源局"
            yield _Slot(f"{info['abbr']}-{tag}-AGG-01", f"{prov}/{city}", net, DeviceRole.AGGREGATION, core, owner, 3)


def _county_slots(data: dict[str, Any]) -> Iterator[_Slot]:
    prov = data["province"]
    for net in NETWORKS:
        tag = _NET_TAG[net]
        for city, info in data["cities"].items():
            for c, county in enumerate(info["counties"], start=1):
                yield _Slot(
                    f"{info['abbr']}-C{c:02d}-{tag}-AS01", f"{prov}/{city}/{county}", net, DeviceRole.ACCESS,
                    f"{info['abbr']}-{tag}-AGG-01", f"{county}政府办", 2,
                )


def _department_places(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(site path, name stem, the uplink's name with {tag} left open) for every department."""
    prov = data["province"]
    places = [(f"{prov}/{d}", f"AH-D{i:02d}", "AH-{tag}-CORE-01") for i, d in enumerate(data["province_departments"], 1)]
    for city, info in data["cities"].items():
        for i, d in enumerate(data["city_departments"], 1):
            places.append((f"{prov}/{city}/{d}", f"{info['abbr']}-D{i:02d}", f"{info['abbr']}-{{tag}}-AGG-01"))
    for city, info in data["cities"].items():
        for c, county in enumerate(info["counties"], 1):
            for i, d in enumerate(data["county_departments"], 1):
                stem = f"{info['abbr']}-C{c:02d}-D{i:02d}"
                places.append((f"{prov}/{city}/{county}/{county}{d}", stem, f"{info['abbr']}-C{c:02d}-{{tag}}-AS01"))
    return places


def _department_slots(data: dict[str, Any]) -> Iterator[_Slot]:
    """Extranet access switches in every department, then intranet ones, then further switches."""
    places = _department_places(data)
    for round_ in itertools.count(1):
        for net in NETWORKS:
            tag = _NET_TAG[net]
            for path, stem, uplink in places:
                unit = path.rsplit("/", 1)[-1]
                yield _Slot(f"{stem}-{tag}-AS{round_:02d}", path, net, DeviceRole.ACCESS, uplink.format(tag=tag), unit, 2)


def _slots(data: dict[str, Any]) -> Iterator[_Slot]:
    yield from _province_slots(data)
    yield from _datacentre_slots(data)
    yield from _city_slots(data)
    yield from _county_slots(data)
    yield from _department_slots(data)


def _sites(data: dict[str, Any]) -> list[Site]:
    prov = data["province"]
    found = [Site(prov, SiteKind.PROVINCE)]
    for city, info in data["cities"].items():
        found.append(Site(f"{prov}/{city}", SiteKind.CITY))
        found += [Site(f"{prov}/{city}/{county}", SiteKind.COUNTY) for county in info["counties"]]
    found += [Site(path, SiteKind.DEPARTMENT) for path, _stem, _up in _department_places(data)]
    found += [Site(_datacentre_path(data, dc), SiteKind.DATACENTRE, DrRole(dc["role"])) for dc in data["datacentres"]]
    return found


def _contact(rng: random.Random, data: dict[str, Any], site: str) -> str:
    city = site.split("/")[1] if site.count("/") >= 1 else ""
    code = data["cities"].get(city, {}).get("code", "0551")
    name = rng.choice(data["surnames"]) + rng.choice(data["given_names"])
    return f"{name} {code}-{rng.randint(6000000, 6999999)}"


def _device(index: int, slot: _Slot, rng: random.Random, data: dict[str, Any]) -> Device:
    vendor, model = rng.choice(data["models"][slot.role.value])
    level = slot.level + (1 if slot.network == "intranet" and slot.level < 4 else 0)
    domain = {"core": "核心交换域", "aggregation": "汇聚域", "access": "接入域", "firewall": "安全边界域"}.get(slot.role.value, "数据中心域")
    return Device(
        name=slot.name,
        address=loopback_address(index),
        network=slot.network,
        site=slot.site,
        role=slot.role,
        snmp_port=SNMP_PORT_BASE + index % PORT_SPAN,
        ssh_port=SSH_PORT_BASE + index % PORT_SPAN,
        vendor=vendor,
        model=model,
        security_domain=domain,
        protection_level=level,
        owner_unit=slot.owner_unit,
        contact=_contact(rng, data, slot.site),
        credential_profile=SNMP_PROFILE,
        tags=("demo", slot.network),
    )


def build_demo(count: int, seed: int = 1) -> DemoInventory:
    data = province_data()
    rng = random.Random(seed)
    result = DemoInventory(sites=_sites(data))
    vendor_of: dict[str, str] = {}
    next_port: dict[str, int] = {}
    for index, slot in enumerate(itertools.islice(_slots(data), count)):
        device = _device(index, slot, rng, data)
        result.devices.append(device)
        vendor_of[device.name] = device.vendor
        next_port[device.name] = 2  # port 1 is each device's uplink
        if slot.parent is not None:
            port = next_port[slot.parent]
            next_port[slot.parent] = port + 1
            result.links.append(
                Link(slot.name, interface_name(device.vendor, 1), slot.parent, interface_name(vendor_of[slot.parent], port))
            )
        if slot.centre_link is not None and slot.centre_link in vendor_of:
            result.links.append(_cable(slot.name, slot.centre_link, vendor_of, next_port))
            result.dr_peers.append((slot.centre_link, slot.name))
    used = {step for d in result.devices for step in ancestors(d.site)}
    result.sites = [s for s in result.sites if s.path in used]
    return result


def _cable(a: str, b: str, vendor_of: dict[str, str], next_port: dict[str, int]) -> Link:
    """A cable between the next free ports of ``a`` and ``b``."""
    ports = next_port[a], next_port[b]
    next_port[a], next_port[b] = ports[0] + 1, ports[1] + 1
    return Link(a, interface_name(vendor_of[a], ports[0]), b, interface_name(vendor_of[b], ports[1]))


def store_demo(repo: InventoryRepository, demo: DemoInventory) -> None:
    repo.save_sites(demo.sites)
    repo.save_devices(demo.devices)
    repo.save_links(demo.links)


def create_demo(database: Database, by: Operator, count: int, seed: int = 1) -> DemoInventory:
    """``egovops demo init`` on an operator's behalf: it writes the whole inventory, so it needs the
    role an inventory import needs, and goes to the audit trail like one."""
    audit = AuditLog(database)
    authorize(audit, by, "demo.init", "demo")
    demo = build_demo(count, seed)
    store_demo(InventoryRepository(database), demo)
    for device, peer in demo.dr_peers:
        DrRepository(database).set_peer(device, peer)
    audit.record(actor=by.label(), role=by.role.value, action="demo.init", subject="demo",
                 details={"devices": len(demo.devices), "seed": seed})
    return demo
