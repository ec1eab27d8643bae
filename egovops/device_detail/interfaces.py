"""The interfaces table of one device: state, speed, rates, errors and the neighbour on each port.

Neighbours come from the topology store: links (declared or found by LLDP/CDP) first, then LLDP
sightings not yet matched to an inventory device, so an operator still sees who is plugged in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable

from egovops.inventory.model import Link
from egovops.polling.model import InterfaceStatus
from egovops.topology.repo import StoredCandidate

ADMIN_UP, OPER_UP = 1, 1
# down, notPresent (a module pulled), lowerLayerDown; testing and dormant are states chosen on
# purpose, and "unknown" says nothing.
OPER_DOWN = frozenset({2, 6, 7})
OPER_NAMES = {1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown"}
ADMIN_NAMES = {1: "up", 2: "down", 3: "testing"}


@dataclass(frozen=True)
class Neighbour:
    device: str
    port: str
    source: str  # "declared", "discovered", or the protocol of an unmatched sighting ("lldp", "cdp")
    missing: bool = False  # a discovered link that is no longer seen

    def label(self) -> str:
        return f"{self.device} {self.port}".strip()


@dataclass(frozen=True)
class InterfaceRow:
    index: int
    name: str
    alias: str
    admin_status: int | None
    oper_status: int | None
    speed_bps: int | None
    in_bps: float | None
    out_bps: float | None
    errors_ps: float | None
    discards_ps: float | None
    neighbour: Neighbour | None
    was_up: bool = False  # it carried traffic once, or something is (or was) cabled to it

    @property
    def fault(self) -> str | None:
        """Why this interface needs a look, or None: down while it should be up, or errors.

        Down is a fault only on a port that is enabled (admin up) and used to be up: a port an
        operator shut, or one never used (38 of 49 on a typical aggregation switch), is not."""
        if self.admin_status == ADMIN_UP and self.oper_status in OPER_DOWN and self.was_up:
            return "down"
        if self.errors_ps:
            return "errors"
        if self.neighbour is not None and self.neighbour.missing:
            return "neighbour-missing"
        return None


def neighbours_of(device: str, links: Iterable[Link], candidates: Iterable[StoredCandidate]) -> dict[str, Neighbour]:
    """Local interface name → its neighbour. A known link wins over an unmatched sighting."""
    found: dict[str, Neighbour] = {}
    for c in candidates:
        if c.seen_by == device and c.local_interface:
            found[c.local_interface] = Neighbour(c.sys_name or c.chassis_id or c.address, c.port, c.protocol)
    for link in links:
        missing = link.missing_since is not None
        if link.a_device == device:
            found[link.a_interface] = Neighbour(link.b_device, link.b_interface, link.source.value, missing)
        elif link.b_device == device:
            found[link.b_interface] = Neighbour(link.a_device, link.a_interface, link.source.value, missing)
    return found


def was_up(interface: InterfaceStatus, neighbour: Neighbour | None, carried_traffic: Collection[int]) -> bool:
    """Evidence that a port was up once: a neighbour on it (a link, declared or found, or an LLDP
    sighting), traffic in the stored history, or octet counters above zero since the agent started."""
    counted = (interface.in_octets or 0) > 0 or (interface.out_octets or 0) > 0
    return neighbour is not None or interface.index in carried_traffic or counted


def interface_rows(device: str, interfaces: Iterable[InterfaceStatus], links: Iterable[Link],
                   candidates: Iterable[StoredCandidate], carried_traffic: Collection[int] = ()) -> list[InterfaceRow]:
    """``carried_traffic``: ifIndexes with traffic in the stored history (``ports_that_carried_traffic``)."""
    near = neighbours_of(device, links, candidates)
    return [
        InterfaceRow(i.index, i.name, i.alias, i.admin_status, i.oper_status, i.speed_bps, i.in_bps, i.out_bps,
                     i.errors_ps, i.discards_ps, near.get(i.name), was_up(i, near.get(i.name), carried_traffic))
        for i in sorted(interfaces, key=lambda i: i.index)
    ]


def faulty(rows: Iterable[InterfaceRow]) -> list[InterfaceRow]:
    return [r for r in rows if r.fault is not None]
