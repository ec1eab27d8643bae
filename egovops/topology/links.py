"""From every device's neighbour tables to links between inventory devices, and candidates.

A cable is usually reported from both ends; both reports make one link. Each end's interface
is named as that device itself names it (its ifName) whenever that device was walked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from egovops.topology.matching import DeviceIndex
from egovops.topology.neighbours import DeviceView
from egovops.topology.ports import canonical, local_interface, remote_interface


@dataclass(frozen=True)
class DiscoveredLink:
    a_device: str
    a_interface: str
    b_device: str
    b_interface: str
    protocol: str

    @property
    def key(self) -> frozenset[tuple[str, str]]:
        return link_key(self.a_device, self.a_interface, self.b_device, self.b_interface)


def link_key(a: str, a_if: str, b: str, b_if: str) -> frozenset[tuple[str, str]]:
    """Ends of a link regardless of direction and of how the interface names are spelt."""
    return frozenset({(a, canonical(a_if)), (b, canonical(b_if))})


@dataclass(frozen=True)
class Candidate:
    """A neighbour that matches no inventory device: something an operator may want to add."""

    seen_by: str
    local_interface: str
    protocol: str
    chassis_id: str
    sys_name: str
    port: str
    address: str
    sys_desc: str


def resolve(views: Iterable[DeviceView], index: DeviceIndex) -> tuple[list[DiscoveredLink], list[Candidate]]:
    views = list(views)
    interfaces = {view.device: view.interfaces for view in views}
    ends: dict[frozenset[tuple[str, str]], dict[str, tuple[str, bool]]] = {}
    protocols: dict[frozenset[tuple[str, str]], str] = {}
    candidates: dict[tuple[str, str, str], Candidate] = {}
    for view in views:
        for neighbour in view.neighbours:
            here = local_interface(view.interfaces, view.local_ports, neighbour)
            matched = index.match(neighbour)
            if matched is None:
                candidate = Candidate(
                    view.device, here, neighbour.protocol, neighbour.chassis_id, neighbour.sys_name,
                    neighbour.port_id or neighbour.port_desc, neighbour.addresses[0] if neighbour.addresses else "",
                    neighbour.sys_desc[:200],
                )
                candidates.setdefault((view.device, here, neighbour.chassis_id or neighbour.sys_name), candidate)
                continue
            other = matched[0]
            if other == view.device:
                continue  # a device hearing itself: a looped cable, not a link between two devices
            there = remote_interface(neighbour, interfaces.get(other))
            key = link_key(view.device, here, other, there)
            names = ends.setdefault(key, {})
            names[view.device] = (here, True)  # the reporter's own name for its port is authoritative
            if other not in names or (not names[other][1] and len(there) > len(names[other][0])):
                names[other] = (there, False)  # heard of, not said by it: the fullest spelling wins
            protocols.setdefault(key, neighbour.protocol)
    links = []
    for key, names in ends.items():
        (a, (a_if, _)), (b, (b_if, _)) = sorted(names.items())
        links.append(DiscoveredLink(a, a_if, b, b_if, protocols[key]))
    links.sort(key=lambda link: (link.a_device, link.a_interface, link.b_device, link.b_interface))
    return links, sorted(candidates.values(), key=lambda c: (c.seen_by, c.local_interface, c.chassis_id))
