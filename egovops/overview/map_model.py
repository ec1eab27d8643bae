"""What the province map draws for a scope (a site and a network): nodes, links, cross-network cables, drill targets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from egovops.inventory.model import Device, Link
from egovops.overview.alarms import AlarmRecord
from egovops.overview.health import DeviceHealth
from egovops.overview.link_load import CROSSNET_KIND, LinkLoad, Loads, crossnet_subject, link_load, links_of, subject_ends
from egovops.overview.placement import Point, place_devices, place_sites, site_layout
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
    link: Link | None = None
    load: LinkLoad | None = None

    @property
    def look(self) -> str:
        """up/normal/high/critical by utilisation when up, else the state (down, degraded, unknown)."""
        return self.load.look if self.load is not None else self.state


@dataclass(frozen=True)
class MapCrossing:
    """A cable from a device shown to another network: drawn as an alarm at ``device``.

    ``link`` is None when only an alarm names the cable (the link has left the inventory since).
    """

    device: str
    foreign: str
    foreign_network: str
    link: Link | None
    alarm: AlarmRecord | None


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
    crossings: tuple[MapCrossing, ...] = ()


def map_link(link: Link, health: Mapping[str, DeviceHealth], loads: Loads) -> MapLink:
    load = link_load(link, health, loads)
    return MapLink(link.a_device, link.b_device, load.state, link, load)


def crossings(
    leaving: Sequence[Link], shown: set[str], devices: Mapping[str, Device], network: str, alarms: Sequence[AlarmRecord],
) -> tuple[MapCrossing, ...]:
    """Cables from ``shown`` devices into another network, and active cross-network alarms on them."""
    active = {a.subject: a for a in alarms if a.kind == CROSSNET_KIND and a.active}
    found, seen = [], set()
    for link in leaving:
        near, far = (link.a_device, link.b_device) if link.a_device in shown else (link.b_device, link.a_device)
        far_network = devices[far].network if far in devices else ""
        if far_network == network:
            continue  # same network, only outside the scope
        subject = crossnet_subject(link)
        seen.add(subject)
        found.append(MapCrossing(near, far, far_network, link, active.get(subject)))
    for subject, alarm in active.items():
        if subject in seen:
            continue
        ends = [d for d in (alarm.device, *(subject_ends(subject) or ())) if d]
        near = next((d for d in ends if d in shown), None)
        if near is not None:
            far = next((d for d in ends if d != near), "")
            found.append(MapCrossing(near, far, devices[far].network if far in devices else "", None, alarm))
    return tuple(found)


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
    tree: SiteTree, devices: dict[str, Device], links: Sequence[Link], health: dict[str, DeviceHealth],
    scope: str, network: str, depth: int = DRILL_DEPTH, positions: Mapping[str, tuple[float, float]] | None = None,
    loads: Loads | None = None, alarms: Sequence[AlarmRecord] = (),
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
        site_points = place_sites(node, depth, site_layout())
        points = place_devices(site_points, by_site)
    nodes = []
    for name, point in points.items():
        device = devices[name]
        h = health.get(name)
        nodes.append(MapNode(name, device.role.value, device.site, point.x, point.y, h.state if h else "unknown", h.root_cause if h else None))
    on_map = {n.device for n in nodes}
    inside, leaving = links_of(links, on_map)
    drawn = [map_link(link, health, loads or {}) for link in inside]
    crumbs = [n.path for n in _lineage(node)]
    labels = [
        MapSite(path, shown[path].name, p.x, p.y, shown[path].state, bool(shown[path].children) and path != scope)
        for path, p in site_points.items() if path in shown
    ]
    centre = site_points.get(scope, Point(0.0, 0.0))
    return MapScene(scope, network, nodes, drawn, crumbs, labels, (centre.x, centre.y), crossings(leaving, on_map, devices, network, alarms))


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
