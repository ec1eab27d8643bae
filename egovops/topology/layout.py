"""The map's layout: province in the centre, cities where they are (or around it), counties around their city.

One layer per network. Each site is a "bubble": its own devices on a small ring at its centre,
its sub-sites on a ring around them, spaced by their own bubbles' sizes so nothing overlaps.
Sizes are computed bottom-up and positions top-down, in linear time and with every choice
ordered by name, so the same inventory always gives the same picture (5,000 devices well under
a second; see benchmarks/topology_layout.py). Positions an operator pinned are kept by the
store, not here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from egovops.inventory.model import Device, DeviceRole
from egovops.topology.geography import SiteLayout, site_layout

DEVICE_SPACING = 40.0  # between neighbouring devices on a site's ring, in map units
GAP = 30.0  # between neighbouring bubbles
UNLISTED_RING = 220.0  # departments round a site placed on the map: room for their names
ARC_SPAN = math.pi  # ...on the half circle opposite the mapped sites
_ROLE_ORDER = {DeviceRole.CORE: 0, DeviceRole.AGGREGATION: 1, DeviceRole.FIREWALL: 2, DeviceRole.ACCESS: 3}


@dataclass
class _Bubble:
    devices: list[Device] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    inner: float = 0.0  # radius of the site's own devices' ring
    ring: float = 0.0  # distance from the centre to the sub-sites' centres
    radius: float = 0.0  # of the whole bubble


def _device_order(device: Device) -> tuple[int, str]:
    return _ROLE_ORDER.get(device.role, 9), device.name


def _site_tree(devices: Iterable[Device]) -> tuple[list[str], dict[str, _Bubble]]:
    bubbles: dict[str, _Bubble] = {}
    linked: set[str] = set()  # sites already hung under their parent
    for device in devices:
        bubble = bubbles.get(device.site)
        if bubble is None:
            bubble = bubbles[device.site] = _Bubble()
        bubble.devices.append(device)
        site = device.site
        while "/" in site and site not in linked:
            linked.add(site)
            parent = site.rsplit("/", 1)[0]
            if parent not in bubbles:
                bubbles[parent] = _Bubble()
            bubbles[parent].children.append(site)
            site = parent
    return sorted(s for s in bubbles if "/" not in s), bubbles


def _size(site: str, bubbles: dict[str, _Bubble]) -> float:
    """Radius of the site's bubble; iterative post-order so deep trees cannot overflow the stack."""
    order, stack = [], [site]
    while stack:
        here = stack.pop()
        order.append(here)
        stack.extend(bubbles[here].children)
    for here in reversed(order):
        bubble = bubbles[here]
        bubble.children.sort()
        if len(bubble.devices) > 1:
            bubble.devices.sort(key=_device_order)
        count = len(bubble.devices)
        bubble.inner = 0.0 if count <= 1 else max(DEVICE_SPACING, DEVICE_SPACING * count / (2 * math.pi))
        sizes = [bubbles[c].radius for c in bubble.children]
        if not sizes:
            bubble.radius = bubble.inner + DEVICE_SPACING / 2
            continue
        around = sum(2 * s + GAP for s in sizes) / (2 * math.pi)
        bubble.ring = max(bubble.inner + GAP + max(sizes), around)
        bubble.radius = bubble.ring + max(sizes)
    return bubbles[site].radius


def _place(site: str, x: float, y: float, bubbles: dict[str, _Bubble], out: dict[str, tuple[float, float]],
           geo: SiteLayout | None = None) -> None:
    stack = [(site, x, y)]
    while stack:
        here, cx, cy = stack.pop()
        bubble = bubbles[here]
        count = len(bubble.devices)
        for i, device in enumerate(bubble.devices):
            angle = -math.pi / 2 + 2 * math.pi * i / count
            out[device.name] = (cx + bubble.inner * math.cos(angle), cy + bubble.inner * math.sin(angle))
        if geo is not None and geo.places_children_of(here, bubble.children):
            stack.extend(_geographic(here, cx, cy, bubble, bubbles, geo))
            continue
        stack.extend(_around(bubble.children, bubble.ring, cx, cy, bubbles))


def _around(children: list[str], ring: float, cx: float, cy: float,
            bubbles: dict[str, _Bubble]) -> list[tuple[str, float, float]]:
    """Sub-sites on a ring, each given an arc in proportion to its bubble's size."""
    shares = [2 * bubbles[c].radius + GAP for c in children]
    total, passed, out = sum(shares), 0.0, []
    for child, share in zip(children, shares, strict=True):
        angle = -math.pi / 2 + 2 * math.pi * (passed + share / 2) / total
        passed += share
        out.append((child, cx + ring * math.cos(angle), cy + ring * math.sin(angle)))
    return out


def _geographic(here: str, cx: float, cy: float, bubble: _Bubble, bubbles: dict[str, _Bubble],
                geo: SiteLayout) -> list[tuple[str, float, float]]:
    """Sub-sites the layout file places (the cities) where they are on the map; the others (the
    provincial departments) on a ring of their own sizes around the site's own devices. Only a
    site and its direct sub-sites are ever shown together, so bubbles of two cities may overlap."""
    listed = [c for c in bubble.children if c in geo.sites]
    rest = [c for c in bubble.children if c not in geo.sites]
    points = {c: geo.point(c, here) for c in listed}
    # Spread the map just enough that no two cities' bubbles (their counties) overlap.
    spread = max([1.0] + [(bubbles[a].radius + bubbles[b].radius + GAP) / max(math.dist(points[a], points[b]), 1e-6)
                          for i, a in enumerate(listed) for b in listed[i + 1:]])
    out = [(c, cx + points[c][0] * spread, cy + points[c][1] * spread) for c in listed]
    if rest:  # on an arc facing away from the mapped sites, so their links do not run through it
        away = math.atan2(-sum(y - cy for _, _, y in out), -sum(x - cx for _, x, _ in out))
        shares = [2 * bubbles[c].radius + GAP for c in rest]
        span = ARC_SPAN
        nearest = min(math.dist((x, y), (cx, cy)) - bubbles[c].radius for c, x, y in out)  # the closest city's edge
        ring = max(bubble.inner + GAP + max(bubbles[c].radius for c in rest), sum(shares) / span, UNLISTED_RING,
                   0.45 * nearest)
        passed = 0.0
        for child, share in zip(rest, shares, strict=True):
            angle = away - span / 2 + span * (passed + share / 2) / sum(shares)
            passed += share
            out.append((child, cx + ring * math.cos(angle), cy + ring * math.sin(angle)))
    return out


def layout(devices: Iterable[Device], geography: bool = True) -> dict[str, tuple[str, float, float]]:
    """Device → (layer, x, y): one layer per network, each laid out around the same site tree;
    cities where the site layout file puts them (topology/geography.py) unless ``geography`` is off."""
    by_layer: dict[str, list[Device]] = {}
    for device in devices:
        by_layer.setdefault(device.network, []).append(device)
    placed: dict[str, tuple[str, float, float]] = {}
    geo = site_layout() if geography else None
    for layer in sorted(by_layer):
        tops, bubbles = _site_tree(by_layer[layer])
        points: dict[str, tuple[float, float]] = {}
        offset = 0.0
        for n, top in enumerate(tops):  # the province at the origin; any other root beside it
            radius = _size(top, bubbles)
            offset += radius if n else 0.0
            _place(top, offset, 0.0, bubbles, points, geo)
            offset += radius + GAP
        for name, (x, y) in points.items():
            placed[name] = (layer, round(x, 3), round(y, 3))
    return placed
