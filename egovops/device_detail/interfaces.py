"""The interfaces table of one device: state, speed, rates, errors and the neighbour on each port.

Neighbours come from the topology store: links (declared or found by LLDP/CDP) first, then LLDP
sightings not yet matched to an inventory device, so an operator still sees who is plugged in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from egovops.inventory.model import Link
from egovops.polling.model import InterfaceStatus
from egovops.topology.repo import StoredCandidate

ADMIN_UP, OPER_UP = 1, 1
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

    @property
    def fault(self) -> str | None:
        """Why this interface needs a look, or None: down while it should be up, or errors."""
        if self.admin_status == ADMIN_UP and self.oper_status is not None and self.oper_status != OPER_UP:
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


def interface_rows(device: str, interfaces: Iterable[InterfaceStatus], links: Iterable[Link],
                   candidates: Iterable[StoredCandidate]) -> list[InterfaceRow]:
    near = neighbours_of(device, links, candidates)
    return [
        InterfaceRow(i.index, i.name, i.alias, i.admin_status, i.oper_status, i.speed_bps, i.in_bps, i.out_bps,
                     i.errors_ps, i.discards_ps, near.get(i.name))
        for i in sorted(interfaces, key=lambda i: i.index)
    ]


def faulty(rows: Iterable[InterfaceRow]) -> list[InterfaceRow]:
    return [r for r in rows if r.fault is not None]
