"""The map's legend: node states, link utilisation bands, a link down and a cross-network cable.

Painted in a corner over the view (a child widget, not a scene item), so it stays put and
readable while the operator zooms and pans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from egovops_ui.map_items import CROSSING_COLOUR, link_pen
from egovops_ui.states import state_colour, state_label

SWATCH = 26  # pixels of sample line or dot before each entry
ROW = 17
PAD = 6


class MapLegend(QWidget):
    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("mapLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.entries: list[tuple[str, str]] = []  # (kind of sample, text)
        view.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.entries = [("node:" + s, state_label(s)) for s in ("up", "degraded", "down", "unreachable")]
        self.entries += [
            ("link:normal", self.tr("link under 50 % used")),
            ("link:high", self.tr("link 50–80 % used")),
            ("link:critical", self.tr("link over 80 % used")),
            ("link:down", self.tr("link down")),
            # Apart from the polled states: a shared store's devices that no live collector holds.
            ("node:unmonitored", state_label("unmonitored")),
            ("crossing", self.tr("⚠ cross-network cable")),
        ]
        width = max(self.fontMetrics().horizontalAdvance(text) for _, text in self.entries)
        self.resize(QSize(PAD * 3 + SWATCH + width, PAD * 2 + ROW * len(self.entries)))
        self._place()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        """Bottom left of the view, clear of the scroll bar."""
        parent = self.parentWidget()
        if parent is not None:
            self.move(8, max(0, parent.height() - self.height() - 24))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#c8ccd2")))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        for row, (sample, text) in enumerate(self.entries):
            middle = PAD + ROW * row + ROW / 2
            self._sample(painter, sample, middle)
            painter.setPen(QColor("#30343a"))
            painter.drawText(QRectF(PAD * 2 + SWATCH, middle - ROW / 2, self.width(), ROW), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()

    def _sample(self, painter: QPainter, sample: str, middle: float) -> None:
        left, right = QPointF(PAD, middle), QPointF(PAD + SWATCH, middle)
        if sample.startswith("node:"):
            colour = state_colour(sample[5:])
            painter.setPen(QPen(colour.darker(160), 1.2))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(PAD + SWATCH / 2, middle), 5, 5)
        elif sample.startswith("link:"):
            painter.setPen(link_pen(sample[5:]))
            painter.drawLine(left, right)
        else:
            pen = QPen(CROSSING_COLOUR, 4.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(left + QPointF(2, 0), right - QPointF(2, 0))
