"""Placing the map's names for the current zoom: site names always, device names when zoomed in.

The placement itself is the core's (egovops/overview/label_layout.py); this only measures the
items in view pixels and applies the offsets it returns.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem

from egovops.overview.label_layout import LabelRequest, place_labels
from egovops.overview.map_model import MapSite
from egovops_ui.map_items import NodeItem, SiteLabel

MAX_OBSTACLES = 800  # device symbols that names steer clear of; beyond, that matters less than time
MAX_LINKS = 1500  # links that names steer clear of, likewise


def place_map_labels(
    to_view: QTransform, site_labels: Sequence[tuple[SiteLabel, MapSite]], nodes: Mapping[str, NodeItem],
    scope: str, device_names: bool, centre: tuple[float, float], fixed: Sequence[QGraphicsItem] = (),
    links: Sequence[QLineF] = (),
) -> None:
    """``fixed`` are texts that stay where they are (the cross-network warnings): names keep clear of them."""
    if not site_labels and not device_names:
        return
    scale = to_view.m11()
    requests = []
    for label, site in site_labels:
        point, size = to_view.map(QPointF(site.x, site.y)), label.boundingRect()
        priority = 0 if site.path == scope else 1 if site.drillable else 2
        requests.append(LabelRequest("site:" + site.path, point.x(), point.y(), size.width(), size.height(), priority))
    obstacles = []
    for name, node in nodes.items():
        point, half = to_view.map(node.point), node.size * scale / 2
        if device_names and node.label is not None:
            size = node.label.boundingRect()
            requests.append(LabelRequest("node:" + name, point.x(), point.y(), size.width(), size.height(), 3, half + 2))
        if len(nodes) <= MAX_OBSTACLES:
            obstacles.append((point.x() - half, point.y() - half, 2 * half, 2 * half))
    middle = to_view.map(QPointF(*centre))
    kept = [item.deviceTransform(to_view).mapRect(item.boundingRect()) for item in fixed]
    segments = []
    if len(links) <= MAX_LINKS:
        for line in links:
            a, b = to_view.map(line.p1()), to_view.map(line.p2())
            segments.append((a.x(), a.y(), b.x(), b.y()))
    placed = place_labels(requests, (middle.x(), middle.y()), obstacles, [(r.x(), r.y(), r.width(), r.height()) for r in kept], segments)
    for label, site in site_labels:
        label.place(placed.get("site:" + site.path))
    if device_names:
        for name, node in nodes.items():
            node.place_label(placed.get("node:" + name))
