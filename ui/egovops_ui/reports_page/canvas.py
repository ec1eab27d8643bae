"""The chart preview: a matplotlib canvas that only draws the Figure a worker thread built."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

TALL_PX_PER_INCH = 60

class PreviewCanvas(FigureCanvasQTAgg):
    """Draws outside report_style(): its lock may be held by an export for seconds, and the
    figure's texts already carry the CJK font they were created with."""

    def sizeHint(self) -> QSize:
        # The figure's own size (11 × 6 in) would make the page wider than most screens.
        return QSize(800, 360)


class ChartPreview(QScrollArea):
    """Holds one canvas per figure (a new canvas adopts the screen's pixel ratio and its size
    itself, which a figure swapped into an old canvas would not); tall figures scroll."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.setWidgetResizable(True)
        self.setMinimumHeight(240)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setWidget(inner)
        self.canvas: PreviewCanvas | None = None

    def show_figure(self, figure: Figure) -> None:
        # The report's fixed margins suit its 11 × 6 in page; on a smaller widget titles, legend
        # and the rotated names would be cut off, so the preview lets matplotlib fit them (one
        # figure on screen, where the cost the PDF avoids does not matter).
        figure.set_layout_engine("constrained")
        canvas = PreviewCanvas(figure)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # A heat map grows with its rows; squeezed to the page its unit names would overlap.
        canvas.setMinimumHeight(int(figure.get_figheight() * TALL_PX_PER_INCH) if figure.get_figheight() > 6.5 else 220)
        if self.canvas is not None:
            # Hidden at once: until deleteLater runs, its minimum height would still count.
            self.canvas.hide()
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self._layout.addWidget(canvas)
        self.canvas = canvas
        canvas.draw_idle()

    @property
    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure
