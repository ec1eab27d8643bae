"""Merging one discovery run into the stored links: new, confirmed, and missing ones.

A stored link is confirmed when the run reports the same two ends (either direction, any usual
spelling of the interface names). A link LLDP/CDP had confirmed before and no longer reports is
marked missing, never deleted; only devices that answered this run can make a link missing, so
an unreachable device does not wipe its links off the map. A declared link that discovery never
confirmed stays as declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from egovops.topology.links import DiscoveredLink, link_key


@dataclass(frozen=True)
class StoredLink:
    id: int
    a_device: str
    a_interface: str
    b_device: str
    b_interface: str
    source: str
    missing_since: float | None
    sighted: bool  # confirmed by LLDP/CDP at least once

    @property
    def key(self) -> frozenset[tuple[str, str]]:
        return link_key(self.a_device, self.a_interface, self.b_device, self.b_interface)


@dataclass
class MergePlan:
    new: list[DiscoveredLink] = field(default_factory=list)
    confirmed: dict[int, str] = field(default_factory=dict)  # link id → protocol
    missing: list[int] = field(default_factory=list)
    returned: list[int] = field(default_factory=list)  # were missing, seen again


def plan_merge(stored: Iterable[StoredLink], discovered: Iterable[DiscoveredLink], walked: set[str]) -> MergePlan:
    plan = MergePlan()
    by_key = {link.key: link for link in stored}
    seen: set[frozenset[tuple[str, str]]] = set()
    for link in discovered:
        if link.key in seen:
            continue
        seen.add(link.key)
        existing = by_key.get(link.key)
        if existing is None:
            plan.new.append(link)
            continue
        plan.confirmed[existing.id] = link.protocol
        if existing.missing_since is not None:
            plan.returned.append(existing.id)
    for key, link in by_key.items():
        if key in seen or link.missing_since is not None:
            continue
        if (link.sighted or link.source == "discovered") and (link.a_device in walked or link.b_device in walked):
            plan.missing.append(link.id)
    return plan
