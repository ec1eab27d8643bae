"""The demo's fault model follows the province's tree, core at the top, whatever order the devices
are listed in."""

from __future__ import annotations

from egovops.demo.inventory import build_demo, store_demo
from egovops.simulator.faults import Fault, FaultSet
from egovops.simulator.snmp.topology import Province, SimDevice
from egovops.storage.inventory_repo import InventoryRepository


def _province(inventory: InventoryRepository) -> tuple[list, Province]:
    store_demo(inventory, build_demo(300))
    devices = inventory.devices()  # as `egovops demo` reads them: the store's order, not the tree's
    return devices, Province.build([SimDevice.from_device(i, d) for i, d in enumerate(devices)], inventory.links())


def _down(*names: str) -> FaultSet:
    return FaultSet(tuple(Fault(i + 1, "device-down", (name,), 0.0) for i, name in enumerate(names)))


def test_the_first_listed_device_going_down_silences_only_what_hangs_below_it(inventory: InventoryRepository) -> None:
    devices, province = _province(inventory)
    first = devices[0]
    assert first.role.value != "core"  # the case the report found: an access switch listed first
    silenced = province.silenced(_down(first.name))
    assert first.name in silenced
    below = {d.name for d in devices if d.network == first.network and d.role.value == "core"}
    assert not silenced & below  # the core stays reachable
    assert len(silenced) < 10, sorted(silenced)[:20]  # an access switch has a handful of hosts at most
    assert province.silenced(FaultSet(())) == set()


def test_a_core_going_down_silences_its_network_behind_it(inventory: InventoryRepository) -> None:
    devices, province = _province(inventory)
    cores = [d for d in devices if d.role.value == "core"]
    by_network: dict[str, list] = {}
    for core in cores:
        by_network.setdefault(core.network, []).append(core)
    network, its_cores = next((n, c) for n, c in sorted(by_network.items()))
    silenced = province.silenced(_down(*(c.name for c in its_cores)))
    members = {d.name for d in devices if d.network == network}
    cabled = {name for name in members if province.cables.get(name)}
    assert cabled <= silenced  # nothing of that network is reachable without its cores
    others = {d.name for d in devices if d.network != network and province.cables.get(d.name)}
    assert not (others & silenced)
