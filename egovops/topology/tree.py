"""The dependency tree: each device's parent is its next hop towards the poller.

Where links are known (declared or discovered, including ones marked missing: a dead device's
cable is still the way to what lies behind it), the parent comes from a breadth-first search
from the poller location over links inside one network. Cross-network links are never a path:
they are a security fault, not a dependency. Devices no link reaches fall back on the site
hierarchy: a device depends on the main device of its own site, and a site's main device on the
main device of the nearest site above it (county → city aggregation → provincial core).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import networkx as nx

from egovops.inventory.model import Device, DeviceRole

# Which device of a site the others hang under: the most central role first.
_ROLE_RANK = {
    DeviceRole.CORE: 0, DeviceRole.AGGREGATION: 1, DeviceRole.ACCESS: 2, DeviceRole.FIREWALL: 3,
    DeviceRole.OTHER: 4, DeviceRole.SERVER: 5, DeviceRole.STORAGE: 6,
}


@dataclass
class DependencyTree:
    parents: dict[str, str | None] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)  # "poller", "link", "site" or "none"
    roots: list[str] = field(default_factory=list)

    def parent(self, device: str) -> str | None:
        return self.parents.get(device)

    def ancestors(self, device: str) -> list[str]:
        """Parent, grandparent, … up to the poller location."""
        chain: list[str] = []
        current = self.parents.get(device)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain

    def children(self, device: str) -> list[str]:
        return sorted(name for name, parent in self.parents.items() if parent == device)


def _rank(device: Device) -> tuple[int, str]:
    return _ROLE_RANK.get(device.role, 9), device.name


def default_poller_location(devices: Iterable[Device]) -> list[str]:
    """Per network, the most central device of the topmost site (the provincial core)."""
    best: dict[str, Device] = {}
    for device in devices:
        current = best.get(device.network)
        if current is None or (device.site.count("/"), _rank(device)) < (current.site.count("/"), _rank(current)):
            best[device.network] = device
    return sorted(d.name for d in best.values())


def link_graph(devices: Sequence[Device], links: Iterable[tuple[str, str]]) -> nx.Graph:
    """Devices as nodes; an edge for every link between two devices of the same network."""
    network = {d.name: d.network for d in devices}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(network))
    for a, b in links:
        if a in network and b in network and a != b and network[a] == network[b]:
            graph.add_edge(a, b)
    return graph


def _site_parents(devices: Sequence[Device], roots: Sequence[str]) -> dict[str, str | None]:
    by_site: dict[tuple[str, str], list[Device]] = {}
    for device in devices:
        by_site.setdefault((device.network, device.site), []).append(device)
    main = {key: min(found, key=_rank).name for key, found in by_site.items()}
    root_of_network = {}
    for name in roots:
        device = next((d for d in devices if d.name == name), None)
        if device is not None:
            root_of_network.setdefault(device.network, name)
    parents: dict[str, str | None] = {}
    for device in devices:
        key = (device.network, device.site)
        if main[key] != device.name:
            parents[device.name] = main[key]
            continue
        parent: str | None = None
        site = device.site
        while "/" in site:
            site = site.rsplit("/", 1)[0]
            if (device.network, site) in main:
                parent = main[(device.network, site)]
                break
        if parent is None and root_of_network.get(device.network) not in (None, device.name):
            parent = root_of_network[device.network]
        parents[device.name] = parent
    return parents


def build_tree(devices: Sequence[Device], links: Iterable[tuple[str, str]], poller_location: Sequence[str] = ()) -> DependencyTree:
    known = {d.name for d in devices}
    roots = [n for n in poller_location if n in known]
    covered = {d.network for d in devices if d.name in roots}
    roots += [n for n in default_poller_location(d for d in devices if d.network not in covered)]
    roots = sorted(set(roots))
    graph = link_graph(devices, links)
    tree = DependencyTree(roots=roots)
    queue = deque(roots)
    for root in roots:
        tree.parents[root], tree.how[root] = None, "poller"
    while queue:
        here = queue.popleft()
        for neighbour in sorted(graph.neighbors(here)):
            if neighbour not in tree.parents:
                tree.parents[neighbour], tree.how[neighbour] = here, "link"
                queue.append(neighbour)
    fallback = _site_parents(devices, roots)
    for device in sorted(known - set(tree.parents)):
        tree.parents[device] = fallback[device]
        tree.how[device] = "site" if fallback[device] else "none"
    return tree
