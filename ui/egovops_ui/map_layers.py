"""The map's nodes and links painted in batches: one item paints every link, one every node.

Painted one by one, 5,000 nodes and 5,000 links cost Qt a setup per item (transform, clip, pen,
brush, antialiased path) and a status update took 200–470 ms to repaint. The per-device items stay
for what they are good at (hit-testing, hover, drag, selection, labels) but draw nothing
(ItemHasNoContents); these two layers draw everything of one look with one call: lines with
``drawLines``, nodes too small to show their shape as round points with ``drawPoints``, larger
ones as their role's shape.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from egovops_ui.map_items import LinkItem, NodeItem

SHAPE_PIXELS = 7.0  # below this size on screen a node is a dot: its shape could not be told anyway
MIN_DOT_PIXELS = 3.5  # a province of 5,000 devices still shows each one
FEW_DOT_PIXELS = 9.0  # a view of a few hundred (a province's cities): dots a person can see and click
FEW_NODES = 600
SMOOTH_LINKS = 2000  # up to this many links antialiased; beyond, smoothing would cost 5x the drawing
SELECTED = QColor("#1565c0")


class _Layer(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.bounds

    def _set_bounds(self, rect: QRectF) -> None:
        if rect != self.bounds:
            self.prepareGeometryChange()
            self.bounds = rect


class LinkLayer(_Layer):
    """Every link, grouped by look (state or utilisation band): one pen, one drawLines per look."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[str, list[QLineF]] = {}
        self.setZValue(1)

    def refresh(self, links: Iterable["LinkItem"], bounds: QRectF) -> None:
        """Regroup by look; ``bounds`` holds every node, so every link between two of them."""
        groups: dict[str, list[QLineF]] = defaultdict(list)
        for link in links:
            groups[link.look].append(link.qline)
        self.groups = dict(groups)
        self._set_bounds(bounds)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        from egovops_ui.map_items import link_pen

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, sum(map(len, self.groups.values())) <= SMOOTH_LINKS)
        for look in sorted(self.groups, key=_link_order):
            painter.setPen(link_pen(look))
            painter.drawLines(self.groups[look])


LINK_ORDER = ("unknown", "up", "normal", "degraded", "high", "critical", "down")


def _link_order(look: str) -> int:
    """Alarming links last, so they are drawn over the quiet ones that cross them."""
    return LINK_ORDER.index(look) if look in LINK_ORDER else 0


class NodeLayer(_Layer):
    """Every node, grouped by role, size and state; a node's own item keeps its place and events."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[tuple[str, float, str], list[QPointF]] = {}
        self.dots: dict[tuple[float, str], QPolygonF] = {}
        self.selected: list["NodeItem"] = []
        self.count = 0
        self.setZValue(2)

    def refresh(self, nodes: Iterable["NodeItem"]) -> None:
        groups: dict[tuple[str, float, str], list[QPointF]] = defaultdict(list)
        xs, ys = [], []
        for node in nodes:
            groups[(node.role, node.drawn_size, node.state)].append(node.point)
            xs.append(node.x_)
            ys.append(node.y_)
        self.groups = dict(groups)
        self.count = len(xs)
        dots: dict[tuple[float, str], list[QPointF]] = defaultdict(list)
        for (_role, size, state), points in self.groups.items():
            dots[(size, state)].extend(points)
        self.dots = {key: QPolygonF(points) for key, points in dots.items()}
        if xs:
            self._set_bounds(QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-20, -20, 20, 20))
        self.update()

    def set_selected(self, nodes: list["NodeItem"]) -> None:
        self.selected = nodes
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        from egovops_ui.map_items import node_look, node_path

        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect.adjusted(-20, -20, 20, 20)  # type: ignore[attr-defined]
        for (role, size, state), points in self.groups.items():
            pen, brush = node_look(state)
            if size * scale < SHAPE_PIXELS:
                continue  # drawn below, as dots of one colour per size and state
            painter.setPen(pen)
            painter.setBrush(brush)
            path = node_path(role, size)
            for point in points:
                if exposed.contains(point):
                    painter.drawPath(path.translated(point))
        for (size, state), polygon in self.dots.items():
            if size * scale >= SHAPE_PIXELS:
                continue
            pen, brush = node_look(state)
            smallest = FEW_DOT_PIXELS if self.count <= FEW_NODES else MIN_DOT_PIXELS
            dot = QPen(brush.color(), max(size, smallest / max(scale, 1e-6)))  # never too small to see
            dot.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(dot)
            painter.drawPoints(polygon)
        if self.selected:
            ring = QPen(SELECTED, 2.0)
            ring.setCosmetic(True)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for node in self.selected:
                radius = node.drawn_size / 2 + 4 / max(scale, 1e-6)
                painter.drawEllipse(QPointF(node.x_, node.y_), radius, radius)
