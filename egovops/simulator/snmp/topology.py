"""The simulated province: devices, their cabled ports, and who each port sees with faults applied.

The demo's declared links say which port of which device is cabled to which; the agents answer
ifOperStatus and LLDP from this, so that what the console discovers matches what was declared,
until a fault says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from egovops.errors import ValidationError
from egovops.inventory.model import Device, Link
from egovops.simulator.faults import FaultSet
from egovops.simulator.naming import interface_name

DEFAULT_PORTS = {"core": 48, "aggregation": 48, "access": 28, "firewall": 16, "server": 4, "storage": 8}


@dataclass(frozen=True)
class SimDevice:
    """What an agent needs to know about the device it plays."""

    index: int
    name: str
    address: str
    snmp_port: int
    ssh_port: int
    vendor: str
    model: str
    role: str
    network: str
    site: str
    contact: str

    @classmethod
    def from_device(cls, index: int, device: Device) -> SimDevice:
        return cls(
            index, device.name, device.address, device.snmp_port, device.ssh_port, device.vendor.lower(),
            device.model, device.role.value, device.network, device.site, device.contact,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Neighbour:
    local_port: int
    device: str
    remote_port: int


@dataclass
class Province:
    """All simulated devices and the cabling between them (port numbers, from 1)."""

    devices: dict[str, SimDevice]
    cables: dict[str, list[Neighbour]] = field(default_factory=dict)

    @classmethod
    def build(cls, devices: list[SimDevice], links: list[Link]) -> Province:
        province = cls({d.name: d for d in devices})
        for link in links:
            a, b = province.devices.get(link.a_device), province.devices.get(link.b_device)
            if a is None or b is None:
                continue  # a link to a device that is not simulated
            pa, pb = port_number(a.vendor, link.a_interface), port_number(b.vendor, link.b_interface)
            province.cables.setdefault(a.name, []).append(Neighbour(pa, b.name, pb))
            province.cables.setdefault(b.name, []).append(Neighbour(pb, a.name, pa))
        return province

    def port_count(self, name: str) -> int:
        used = [n.local_port for n in self.cables.get(name, [])]
        base = DEFAULT_PORTS.get(self.devices[name].role, 24)
        return max([base] + [p + 2 for p in used])  # +2: room for a cross-connect on a spare port

    def spare_port(self, name: str) -> int:
        return max([0] + [n.local_port for n in self.cables.get(name, [])]) + 1

    def cross_cables(self, faults: FaultSet) -> list[tuple[str, int, str, int]]:
        """(a, a's port, b, b's port) for each cross-connect: spare ports, taken in fault order."""
        next_spare: dict[str, int] = {}
        cables = []
        for a, b in faults.cross_connects():
            if a not in self.devices or b not in self.devices:
                continue
            ports = []
            for end in (a, b):
                ports.append(next_spare.get(end, self.spare_port(end)))
                next_spare[end] = ports[-1] + 1
            cables.append((a, ports[0], b, ports[1]))
        return cables

    def neighbours(self, name: str, faults: FaultSet) -> list[Neighbour]:
        """Who each port of ``name`` sees now: declared cables minus failed ones, plus cross-connects."""
        down = faults.down_devices()
        cut = faults.down_links()
        seen = [
            n for n in self.cables.get(name, [])
            if n.device not in down and frozenset((name, n.device)) not in cut
        ]
        for a, pa, b, pb in self.cross_cables(faults):
            if name in (a, b) and (b if a == name else a) not in down:
                seen.append(Neighbour(pa, b, pb) if a == name else Neighbour(pb, a, pa))
        return seen


    def silenced(self, faults: FaultSet) -> set[str]:
        """Devices whose SNMP goes unanswered: the failed ones, and every one cut off behind them.

        The operations centre reaches each network through its core (the top of the demo's tree,
        where the province's uplinks land); a device none of whose paths from a working core avoids
        failed devices and failed cables is as silent to the poller as a failed one, as on the real
        network. Which device was generated (or listed) first has nothing to do with it: taking
        that one down once silenced a whole network.
        """
        down = faults.down_devices()
        cut = faults.down_links()
        reached: set[str] = set()
        for root in self._roots():
            if root in down or root in reached:
                continue
            reached.add(root)
            frontier = [root]
            while frontier:
                here = frontier.pop()
                for n in self.cables.get(here, []):
                    if n.device not in reached and n.device not in down and frozenset((here, n.device)) not in cut:
                        reached.add(n.device)
                        frontier.append(n.device)
        return set(self.devices) - reached

    def _roots(self) -> list[str]:
        """The top of each cabled component: all its devices of the highest role present (its cores,
        both of a redundant pair; a component without a core, its highest-ranking devices)."""
        seen: set[str] = set()
        roots: list[str] = []
        for device in sorted(self.devices.values(), key=lambda d: d.index):
            if device.name in seen:
                continue
            component = [device.name]
            seen.add(device.name)
            frontier = [device.name]
            while frontier:
                for n in self.cables.get(frontier.pop(), []):
                    if n.device not in seen:
                        seen.add(n.device)
                        component.append(n.device)
                        frontier.append(n.device)
            top = min(_ROLE_RANK.get(self.devices[name].role, len(_ROLE_RANK)) for name in component)
            roots += sorted((name for name in component
                             if _ROLE_RANK.get(self.devices[name].role, len(_ROLE_RANK)) == top),
                            key=lambda name: self.devices[name].index)
        return roots


# Where a device sits in the demo's tree, top first: the province's links land on the cores.
_ROLE_RANK = {"core": 0, "firewall": 1, "aggregation": 2, "access": 3, "server": 4, "storage": 5}


_TRAILING_NUMBER = re.compile(r"(\d+)$")


def port_number(vendor: str, interface: str) -> int:
    """The port number (from 1) that ``naming.interface_name`` turned into ``interface``."""
    found = _TRAILING_NUMBER.search(interface.strip())
    if found is None:
        raise ValidationError(f"interface {interface!r} of a {vendor} device has no port number")
    number = int(found.group(1)) + (1 if vendor.lower() == "linux" else 0)
    if interface_name(vendor, number) != interface.strip():
        raise ValidationError(f"interface {interface!r} is not a {vendor} port name the demo uses")
    return number
