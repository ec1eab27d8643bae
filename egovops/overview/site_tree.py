"""The site tree (province → city → county → department) with per-site health counts.

Counts are of the site's whole subtree, so a city shows every down device in its counties.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from egovops.inventory.model import Device, Site, SiteKind
from egovops.inventory.sites import ancestors
from egovops.overview.health import COUNTED_STATES, DeviceHealth, worst

# Within a parent, sites sort by kind first (data centres beside the city list) then by path.
_KIND_ORDER = {SiteKind.PROVINCE: 0, SiteKind.DATACENTRE: 1, SiteKind.CITY: 2, SiteKind.COUNTY: 3, SiteKind.DEPARTMENT: 4}


@dataclass
class SiteNode:
    path: str
    name: str
    kind: SiteKind
    parent: "SiteNode | None" = None
    children: list["SiteNode"] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)  # devices placed directly at this site
    counts: Counter[str] = field(default_factory=Counter)  # state → devices in the subtree
    total: int = 0

    @property
    def state(self) -> str:
        """The worst state in the subtree ("unknown" when it holds no device)."""
        return worst(s for s, n in self.counts.items() if n) if self.total else "unknown"

    def count(self, state: str) -> int:
        return self.counts.get(state, 0)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def walk(self) -> Iterator["SiteNode"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class SiteTree:
    roots: list[SiteNode]
    by_path: dict[str, SiteNode]

    def node(self, path: str) -> SiteNode | None:
        return self.by_path.get(path)


def _node_for(path: str, kinds: Mapping[str, SiteKind], by_path: dict[str, SiteNode], roots: list[SiteNode]) -> SiteNode:
    """The node of ``path``, creating it and any missing ancestor (a device's site not declared)."""
    parent: SiteNode | None = None
    for step in ancestors(path):
        node = by_path.get(step)
        if node is None:
            node = SiteNode(step, step.rsplit("/", 1)[-1], kinds.get(step, SiteKind.DEPARTMENT), parent)
            by_path[step] = node
            (parent.children if parent else roots).append(node)
        parent = node
    assert parent is not None
    return parent


def build_site_tree(sites: Iterable[Site], devices: Iterable[Device], health: Mapping[str, DeviceHealth]) -> SiteTree:
    kinds = {s.path: s.kind for s in sites}
    by_path: dict[str, SiteNode] = {}
    roots: list[SiteNode] = []
    for path in sorted(kinds, key=lambda p: p.count("/")):
        _node_for(path, kinds, by_path, roots)
    for device in devices:
        node = _node_for(device.site, kinds, by_path, roots)
        node.devices.append(device.name)
        state = health[device.name].state if device.name in health else "unknown"
        while node is not None:
            node.counts[state] += 1
            node.total += 1
            node = node.parent
    for node in by_path.values():
        node.children.sort(key=lambda n: (_KIND_ORDER.get(n.kind, 9), n.path))
        node.devices.sort()
    return SiteTree(sorted(roots, key=lambda n: n.path), by_path)


def problem_counts(node: SiteNode) -> dict[str, int]:
    """The counts a badge shows: down, degraded, unreachable."""
    return {state: node.count(state) for state in COUNTED_STATES}
