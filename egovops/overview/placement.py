"""Deterministic map placement: a radial tree of sites with each site's devices clustered on it.

Used until the topology area's stored layout exists, and for anything that layout does not cover.
The scope site sits at the centre; each child site gets an angular sector in proportion to the
number of leaf sites under it, one ring further out per level, so subtrees never overlap and the
same inventory always gives the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from egovops.overview.site_tree import SiteNode

RING = 320.0  # distance between levels, scene units
DEVICE_SPACING = 26.0  # between devices of one site


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def _leaves(node: SiteNode, depth_left: int) -> int:
    if depth_left == 0 or not node.children:
        return 1
    return sum(_leaves(c, depth_left - 1) for c in node.children)


def place_sites(scope: SiteNode, depth: int) -> dict[str, Point]:
    """Positions of ``scope`` and its descendants down to ``depth`` levels below it."""
    positions = {scope.path: Point(0.0, 0.0)}

    def visit(node: SiteNode, level: int, start: float, span: float) -> None:
        if level > depth or not node.children:
            return
        total = sum(_leaves(c, depth - level) for c in node.children)
        angle = start
        for child in node.children:
            share = span * _leaves(child, depth - level) / total
            middle = angle + share / 2
            # Deeper rings spread wider so that many small sites still get room.
            radius = RING * level * (1.0 + 0.15 * (level - 1))
            positions[child.path] = Point(radius * math.cos(middle), radius * math.sin(middle))
            visit(child, level + 1, angle, share)
            angle += share

    visit(scope, 1, -math.pi / 2, 2 * math.pi)
    return positions


def cluster(centre: Point, names: Sequence[str]) -> dict[str, Point]:
    """Devices of one site around its point: one at the centre, more on a small circle or rings."""
    if len(names) == 1:
        return {names[0]: centre}
    placed: dict[str, Point] = {}
    index, ring = 0, 1
    while index < len(names):
        radius = DEVICE_SPACING * ring
        room = max(6, int(2 * math.pi * radius / DEVICE_SPACING))
        batch = names[index : index + room]
        for i, name in enumerate(batch):
            a = 2 * math.pi * i / len(batch) - math.pi / 2
            placed[name] = Point(centre.x + radius * math.cos(a), centre.y + radius * math.sin(a))
        index += len(batch)
        ring += 1
    return placed


def place_devices(sites: Mapping[str, Point], devices_by_site: Mapping[str, Sequence[str]]) -> dict[str, Point]:
    placed: dict[str, Point] = {}
    for path, point in sites.items():
        names = devices_by_site.get(path, ())
        if names:
            placed.update(cluster(point, list(names)))
    return placed
