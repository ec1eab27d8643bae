"""The chart preview: a matplotlib canvas that only draws the Figure a worker thread built."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from egovops.reports.charts import report_style


class StyledCanvas(FigureCanvasQTAgg):
    def draw(self) -> None:
        # Tick labels are formatted at draw time and read the report's settings (CJK font,
        # ASCII minus) then, so drawing happens inside the same style the figure was built with.
        with report_style():
            super().draw()

    def sizeHint(self) -> QSize:
        # The figure's own size (11 × 6 in) would make the page wider than most screens.
        return QSize(800, 360)


class ChartPreview(QWidget):
    """Holds one canvas per figure: a new canvas adopts the screen's pixel ratio and the
    widget's size itself, which a figure swapped into an old canvas would not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: StyledCanvas | None = None

    def show_figure(self, figure: Figure) -> None:
        canvas = StyledCanvas(figure)
        canvas.setParent(self)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self._layout.addWidget(canvas)
        self.canvas = canvas
        canvas.draw_idle()

    @property
    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure
