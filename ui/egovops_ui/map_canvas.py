"""The map's view: wheel zoom around the cursor, pan by dragging the background, fit, link tooltips."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip, QWidget

ZOOM_STEP = 1.25
LINK_HIT_PIXELS = 5.0  # how near a link the pointer must rest for its tooltip


class MapView(QGraphicsView):
    """Wheel zooms around the cursor, dragging the background pans; links have tooltips too."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None,
                 link_tooltip: Callable[[QPointF, float], str] = lambda _p, _r: "") -> None:
        super().__init__(scene, parent)
        self._link_tooltip = link_tooltip
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)

    zoomed = Signal(float)  # the new scale, after any zoom or fit

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip over no item that has one (a device, a crossing): the link under the pointer, if any."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if not any(item.toolTip() for item in self.items(event.pos())):
                text = self._link_tooltip(self.mapToScene(event.pos()), LINK_HIT_PIXELS / max(self.transform().m11(), 1e-6))
                if text:
                    QToolTip.showText(event.globalPos(), text, self.viewport())
                    return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self.zoomed.emit(self.transform().m11())

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            # Site names keep their pixel size at any zoom, so leave them a margin that scales.
            margin = max(40.0, 0.08 * max(rect.width(), rect.height()))
            self.fitInView(rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomed.emit(self.transform().m11())
