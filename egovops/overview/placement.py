"""Deterministic map placement: sites where they are on the map, else a radial tree, devices clustered on them.

Used until the topology area's stored layout exists, and for anything that layout does not cover.
When the site layout file (resources/egovops_resources/map/layout.json, or map-layout.json in the
data folder) gives the scope and its child sites a longitude and latitude, they are drawn there
(the cities of the province roughly where they are) and the children it does not list (provincial
departments) in a ring around the scope. Otherwise the scope site sits at the centre and each
child site gets an angular sector in proportion to the number of leaf sites under it, one ring
further out per level, so subtrees never overlap and the same inventory always gives the same
picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from egovops.overview.site_tree import SiteNode
from egovops.topology.geography import SiteLayout, site_layout

__all__ = ["Point", "SiteLayout", "cluster", "place_devices", "place_sites", "site_layout"]

RING = 320.0  # distance between levels, scene units
DEVICE_SPACING = 26.0  # between devices of one site
UNLISTED_RING = 150.0  # around a scope placed by the layout: its children the layout does not list


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def _leaves(node: SiteNode, depth_left: int) -> int:
    if depth_left == 0 or not node.children:
        return 1
    return sum(_leaves(c, depth_left - 1) for c in node.children)


def place_sites(scope: SiteNode, depth: int, layout: SiteLayout | None = None) -> dict[str, Point]:
    """Positions of ``scope`` and its descendants down to ``depth`` levels below it."""
    if layout is not None and scope.path in layout.sites and any(c.path in layout.sites for c in scope.children):
        return _place_from_layout(scope, depth, layout)
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


def _place_from_layout(scope: SiteNode, depth: int, layout: SiteLayout) -> dict[str, Point]:
    positions = {scope.path: Point(0.0, 0.0)}
    if depth < 1:
        return positions
    listed = [c for c in scope.children if c.path in layout.sites]
    unlisted = [c for c in scope.children if c.path not in layout.sites]
    for child in listed:
        x, y = layout.point(child.path, scope.path)
        positions[child.path] = Point(x, y)
    for i, child in enumerate(unlisted):
        angle = 2 * math.pi * i / len(unlisted) - math.pi / 2
        positions[child.path] = Point(UNLISTED_RING * math.cos(angle), UNLISTED_RING * math.sin(angle))
    for child in scope.children:  # deeper levels: a small radial picture around each child
        if depth > 1 and child.children:
            below = place_sites(child, depth - 1)
            centre = positions[child.path]
            for path, p in below.items():
                if path != child.path:
                    positions[path] = Point(centre.x + p.x * 0.3, centre.y + p.y * 0.3)
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
