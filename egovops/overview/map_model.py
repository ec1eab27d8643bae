"""What the province map draws for a scope (a site and a network): nodes, links and drill targets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from egovops.inventory.model import Device
from egovops.overview.health import DeviceHealth
from egovops.overview.placement import Point, place_devices, place_sites
from egovops.overview.site_tree import SiteNode, SiteTree

DRILL_DEPTH = 1  # a scope shows its own site and one level of sites below it


@dataclass(frozen=True)
class MapNode:
    device: str
    role: str
    site: str
    x: float
    y: float
    state: str
    root_cause: str | None = None


@dataclass(frozen=True)
class MapLink:
    a: str
    b: str
    state: str


@dataclass(frozen=True)
class MapSite:
    path: str
    name: str
    x: float
    y: float
    state: str
    drillable: bool


@dataclass(frozen=True)
class MapScene:
    scope: str
    network: str
    nodes: list[MapNode]
    links: list[MapLink]
    breadcrumb: list[str]  # site paths from the root down to the scope
    sites: list[MapSite]
    centre: tuple[float, float] = (0.0, 0.0)  # where the scope's own site sits: labels face away from it


def link_state(a: str, b: str) -> str:
    """A link is down when either end is down or cut off, degraded when either end is."""
    ends = {a, b}
    if ends & {"down", "unreachable"}:
        return "down"
    if "degraded" in ends:
        return "degraded"
    return "up" if ends == {"up"} else "unknown"


def visible_sites(scope: SiteNode, depth: int) -> dict[str, SiteNode]:
    shown: dict[str, SiteNode] = {}

    def visit(node: SiteNode, level: int) -> None:
        shown[node.path] = node
        if level < depth:
            for child in node.children:
                visit(child, level + 1)

    visit(scope, 0)
    return shown


def build_map(
    tree: SiteTree, devices: dict[str, Device], links: list[tuple[str, str]], health: dict[str, DeviceHealth],
    scope: str, network: str, depth: int = DRILL_DEPTH, positions: Mapping[str, tuple[float, float]] | None = None,
) -> MapScene:
    """Nodes and links of ``network`` within ``scope`` (and ``depth`` levels of sites below it).

    ``positions`` is the stored map layout (topology area, with the operator's moves); when it
    covers every device shown it is used, otherwise the scope is placed radially on its own.
    """
    node = tree.node(scope)
    if node is None:
        raise KeyError(f"no site {scope!r} in the inventory")
    shown = visible_sites(node, depth)
    by_site: dict[str, list[str]] = defaultdict(list)
    for path, site in shown.items():
        by_site[path] = [d for d in site.devices if devices[d].network == network]
    shown_devices = [d for names in by_site.values() for d in names]
    if positions and shown_devices and all(d in positions for d in shown_devices):
        points = {d: Point(*positions[d]) for d in shown_devices}
        site_points = _centroids(by_site, points)
    else:
        site_points = place_sites(node, depth)
        points = place_devices(site_points, by_site)
    nodes = []
    for name, point in points.items():
        device = devices[name]
        h = health.get(name)
        nodes.append(MapNode(name, device.role.value, device.site, point.x, point.y, h.state if h else "unknown", h.root_cause if h else None))
    state = {n.device: n.state for n in nodes}
    drawn = [MapLink(a, b, link_state(state[a], state[b])) for a, b in links if a in state and b in state]
    crumbs = [n.path for n in _lineage(node)]
    labels = [
        MapSite(path, shown[path].name, p.x, p.y, shown[path].state, bool(shown[path].children) and path != scope)
        for path, p in site_points.items() if path in shown
    ]
    centre = site_points.get(scope, Point(0.0, 0.0))
    return MapScene(scope, network, nodes, drawn, crumbs, labels, (centre.x, centre.y))


def _centroids(by_site: Mapping[str, list[str]], points: Mapping[str, Point]) -> dict[str, Point]:
    """Where to name each site on a stored layout: the middle of its devices shown."""
    found = {}
    for path, names in by_site.items():
        if names:
            found[path] = Point(sum(points[n].x for n in names) / len(names), sum(points[n].y for n in names) / len(names))
    return found


def _lineage(node: SiteNode) -> list[SiteNode]:
    chain = []
    current: SiteNode | None = node
    while current is not None:
        chain.append(current)
        current = current.parent
    return chain[::-1]


def drill_target(tree: SiteTree, scope: str, device_site: str) -> str | None:
    """The child site of ``scope`` to open when the operator drills into a device at ``device_site``."""
    if device_site == scope or not device_site.startswith(scope + "/"):
        return None
    child = scope + "/" + device_site[len(scope) + 1 :].split("/", 1)[0]
    node = tree.node(child)
    return child if node is not None and (node.children or node.devices) else None
