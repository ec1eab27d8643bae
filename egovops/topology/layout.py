"""The map's layout: province in the centre, cities around it, counties around their city.

One layer per network. Each site is a "bubble": its own devices on a small ring at its centre,
its sub-sites on a ring around them, spaced by their own bubbles' sizes so nothing overlaps.
Sizes are computed bottom-up and positions top-down, in linear time and with every choice
ordered by name, so the same inventory always gives the same picture (5,000 devices well under
a second; see benchmarks/topology_layout.py). Positions an operator pinned are kept by the
store, not here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

from egovops.inventory.model import Device, DeviceRole

DEVICE_SPACING = 40.0  # between neighbouring devices on a site's ring, in map units
GAP = 30.0  # between neighbouring bubbles
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


def _place(site: str, x: float, y: float, bubbles: dict[str, _Bubble], out: dict[str, tuple[float, float]]) -> None:
    stack = [(site, x, y)]
    while stack:
        here, cx, cy = stack.pop()
        bubble = bubbles[here]
        count = len(bubble.devices)
        for i, device in enumerate(bubble.devices):
            angle = -math.pi / 2 + 2 * math.pi * i / count
            out[device.name] = (cx + bubble.inner * math.cos(angle), cy + bubble.inner * math.sin(angle))
        shares = [2 * bubbles[c].radius + GAP for c in bubble.children]
        total = sum(shares)
        passed = 0.0
        for child, share in zip(bubble.children, shares):
            angle = -math.pi / 2 + 2 * math.pi * (passed + share / 2) / total
            passed += share
            stack.append((child, cx + bubble.ring * math.cos(angle), cy + bubble.ring * math.sin(angle)))


def layout(devices: Iterable[Device]) -> dict[str, tuple[str, float, float]]:
    """Device → (layer, x, y): one layer per network, each laid out around the same site tree."""
    by_layer: dict[str, list[Device]] = {}
    for device in devices:
        by_layer.setdefault(device.network, []).append(device)
    placed: dict[str, tuple[str, float, float]] = {}
    for layer in sorted(by_layer):
        tops, bubbles = _site_tree(by_layer[layer])
        points: dict[str, tuple[float, float]] = {}
        offset = 0.0
        for n, top in enumerate(tops):  # the province at the origin; any other root beside it
            radius = _size(top, bubbles)
            offset += radius if n else 0.0
            _place(top, offset, 0.0, bubbles, points)
            offset += radius + GAP
        for name, (x, y) in points.items():
            placed[name] = (layer, round(x, 3), round(y, 3))
    return placed
