"""Graphics items of the province map: device nodes by role, links, site labels."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsPathItem, QGraphicsSceneHoverEvent, QGraphicsSceneMouseEvent, QGraphicsSimpleTextItem,
)

from egovops_ui.states import state_colour

if TYPE_CHECKING:
    from egovops.overview.map_model import MapCrossing, MapLink, MapNode

CLICK_PIXELS = 14.0  # a node's pointer target is never smaller than this on screen, however far out the zoom
# Bigger for the devices an outage hinges on; unreachable ones shrink behind their root cause.
ROLE_SIZE = {"core": 26.0, "firewall": 22.0, "aggregation": 20.0, "access": 14.0, "server": 14.0, "storage": 14.0, "other": 12.0}
# A link's look: its state when not up, else its utilisation band (core: overview/link_load.py).
# (colour, width in pixels, style): the busier, the thicker; down is red and dashed.
LINK_LOOKS = {
    "up": ("#6fae7f", 1.2, Qt.PenStyle.SolidLine),
    "normal": ("#6fae7f", 1.2, Qt.PenStyle.SolidLine),
    "high": ("#ff6d00", 2.6, Qt.PenStyle.SolidLine),
    "critical": ("#c2185b", 3.6, Qt.PenStyle.SolidLine),
    "degraded": ("#e0c106", 1.6, Qt.PenStyle.SolidLine),  # not dotted: dots cost 4x a solid line to draw
    "down": ("#d62f2f", 2.5, Qt.PenStyle.DashLine),
    "unknown": ("#b0b4ba", 1.0, Qt.PenStyle.SolidLine),
}
CROSSING_COLOUR = QColor("#d500f9")  # magenta: no state colour uses it, so a cross-network cable cannot be missed


def role_path(role: str, size: float) -> QPainterPath:
    """Core: hexagon; aggregation: diamond; firewall: shield-like square; others: circle."""
    h = size / 2
    path = QPainterPath()
    if role == "core":
        path.addPolygon(QPolygonF([QPointF(-h, 0), QPointF(-h / 2, -h), QPointF(h / 2, -h), QPointF(h, 0), QPointF(h / 2, h), QPointF(-h / 2, h)]))
        path.closeSubpath()
    elif role == "aggregation":
        path.addPolygon(QPolygonF([QPointF(0, -h), QPointF(h, 0), QPointF(0, h), QPointF(-h, 0)]))
        path.closeSubpath()
    elif role == "firewall":
        path.addRoundedRect(QRectF(-h, -h, size, size), 3, 3)
    else:
        path.addEllipse(QRectF(-h, -h, size, size))
    return path


@lru_cache(maxsize=None)
def node_path(role: str, size: float) -> QPainterPath:
    return role_path(role, size)  # one shared (implicitly copied) path per role and size


@lru_cache(maxsize=None)
def node_look(state: str) -> tuple[QPen, QBrush]:
    colour = state_colour(state)
    if state == "unreachable":
        return QPen(colour.darker(160), 1.2, Qt.PenStyle.DashLine), QBrush(colour.lighter(125))
    return QPen(colour.darker(160), 1.2), QBrush(colour)


class NodeItem(QGraphicsPathItem):
    """One device: where it is, what it answers to (hover, double-click, drag, selection), its name.

    It draws nothing itself (the map's NodeLayer paints every node in one go); its path, the role's
    shape, is what the pointer hits. An unreachable device shrinks behind its root cause. The name
    is a child text item that the map shows only when zoomed in to read it.
    """

    def __init__(
        self, node: "MapNode", on_hover: Callable[[str], str], on_open: Callable[[str], None],
        on_moved: Callable[[str, float, float], None], on_dragging: Callable[["NodeItem"], None] = lambda _n: None,
    ) -> None:
        super().__init__()
        self.links: list[LinkItem] = []
        self.label: QGraphicsSimpleTextItem | None = None
        self._on_moved, self._on_dragging = on_moved, on_dragging
        self._pressed_at: QPointF | None = None
        self.name, self.role, self.site = node.device, node.role, node.site
        self.state = ""
        self.size = ROLE_SIZE.get(node.role, 12.0)
        self.drawn_size = self.size
        self.hit_size = 0.0
        self.view_scale = 1.0  # not self.scale: that is QGraphicsItem.scale()
        self._on_hover, self._on_open = on_hover, on_open
        self.x_, self.y_ = node.x, node.y  # kept in Python: the layers read 5,000 of them per update
        self.point = QPointF(node.x, node.y)
        self.setPos(node.x, node.y)
        self.setAcceptHoverEvents(True)
        flag = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flag.ItemHasNoContents | flag.ItemIsSelectable | flag.ItemIsMovable)
        self.setZValue(2)
        self.set_state(node.state)

    def set_state(self, state: str) -> None:
        """The new state; the map repaints its node layer once for all of them."""
        if state == self.state:
            return
        size = self.size * (0.7 if state == "unreachable" else 1.0)
        if size != self.drawn_size or not self.state:
            self.drawn_size = size
            self._set_hit_path()
        self.state = state

    def set_scale(self, scale: float) -> None:
        """The view's zoom: at province scale a 20-unit switch is 5 pixels, too small to hit."""
        self.view_scale = scale
        self._set_hit_path()

    def _set_hit_path(self) -> None:
        size = max(self.drawn_size, CLICK_PIXELS / max(self.view_scale, 1e-6))
        if size != self.hit_size:
            self.hit_size = size
            self.setPath(node_path(self.role, round(size, 1)))

    def show_label(self, shown: bool) -> None:
        """The device's name, in pixels like the site names; the map places it clear of other names."""
        if shown and self.label is None:
            self.label = HaloText(self.name, self)
            font = self.label.font()
            font.setPointSizeF(7.5)
            self.label.setFont(font)
            self.label.setBrush(QColor("#30343a"))
            self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        if self.label is not None:
            self.label.setVisible(shown)

    def place_label(self, offset: tuple[float, float] | None) -> None:
        if self.label is not None:
            self.label.setVisible(offset is not None)
            if offset is not None:
                self.label.setTransform(QTransform.fromTranslate(*offset))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.x_, self.y_ = self.x(), self.y()
        self.point = QPointF(self.x_, self.y_)
        for link in self.links:  # only while dragged: no per-item change callbacks otherwise
            link.follow()
        self._on_dragging(self)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._pressed_at = self.pos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._pressed_at is not None and self.pos() != self._pressed_at:
            self._on_moved(self.name, self.x(), self.y())
        self._pressed_at = None

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self._on_hover(self.name))
        super().hoverEnterEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._on_open(self.name)


class LinkItem:
    """A link between two nodes: plain data, not a scene item. The map's LinkLayer paints every link
    and the map finds the link under the pointer for its tooltip, so 5,000 links cost no 5,000 items."""

    __slots__ = ("a", "b", "link", "ends", "state", "look", "qline")

    def __init__(self, a: NodeItem, b: NodeItem, link: "MapLink") -> None:
        self.a, self.b = a, b
        self.link = link.link  # the inventory's link (None for a link known only by its ends)
        self.ends = ((link.link.a_device, link.link.a_interface), (link.link.b_device, link.link.b_interface)) if link.link else None
        self.state, self.look = link.state, link.look  # the LinkLayer paints it with link_pen(look)
        self.qline = QLineF(a.x_, a.y_, b.x_, b.y_)

    def follow(self) -> None:
        self.qline = QLineF(self.a.x_, self.a.y_, self.b.x_, self.b.y_)

    def line(self) -> QLineF:
        return self.qline

    def distance(self, x: float, y: float) -> float:
        """From (x, y) to the nearest point of the line, in scene units."""
        x1, y1, x2, y2 = self.a.x_, self.a.y_, self.b.x_, self.b.y_
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
        return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


@lru_cache(maxsize=None)
def link_pen(look: str) -> QPen:
    colour, width, style = LINK_LOOKS.get(look, LINK_LOOKS["unknown"])
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    return pen


class CrossingItem(QGraphicsPathItem):
    """A cable from a device into another network: a thick magenta ring and stub with a warning sign.

    A child of the device's node, so it follows a drag; drawn in pixels (ignores the zoom) so it is
    as plain at province scale as close up.
    """

    STUB = QPointF(34.0, -30.0)

    def __init__(self, node: NodeItem, crossing: "MapCrossing", text: str, tooltip: str) -> None:
        super().__init__(node)
        self.crossing = crossing
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), 13.0, 13.0)
        path.moveTo(9.2, -9.2)
        path.lineTo(self.STUB)
        self.setPath(path)
        pen = QPen(CROSSING_COLOUR, 4.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(5)
        self.label = QGraphicsSimpleTextItem("⚠ " + text, self)
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(CROSSING_COLOUR.darker(130))
        self.label.setPos(self.STUB + QPointF(3, -self.label.boundingRect().height() / 2))
        self.setToolTip(tooltip)
        self.label.setToolTip(tooltip)


class HaloText(QGraphicsSimpleTextItem):
    """A name on a pale halo: where a link must pass under it, it does not strike through it."""

    HALO = QColor(255, 255, 255, 215)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-3, -1, 3, 1)

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.HALO)
        painter.drawRoundedRect(self.boundingRect(), 3, 3)
        super().paint(painter, option, widget)


class SiteLabel(HaloText):
    """The name of a site on the map; double-click drills into it.

    The name ignores the view's zoom (stays readable on a province-wide layout), so where it sits
    beside its point is a pixel offset, chosen by the map so that no two names overlap
    (core: overview/label_layout.py).
    """

    def __init__(self, path: str, name: str, x: float, y: float, on_drill: Callable[[str], None] | None) -> None:
        super().__init__(name)
        self.path, self._on_drill = path, on_drill
        font = QFont()
        font.setPointSizeF(10)
        font.setBold(on_drill is not None)
        self.setFont(font)
        self.setBrush(QColor("#1f3b63"))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(x, y)
        self.setZValue(3)
        if on_drill is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def place(self, offset: tuple[float, float] | None) -> None:
        """At ``offset`` pixels from the site's point, or hidden when there is no room for it."""
        self.setVisible(offset is not None)
        if offset is not None:
            self.setTransform(QTransform.fromTranslate(*offset))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._on_drill is not None:
            self._on_drill(self.path)
