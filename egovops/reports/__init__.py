"""Exports of reports: charts (PNG, SVG), a multi-page PDF, CSV for Excel, JSON for scripts.

Drawn with matplotlib's object API (Figure, never pyplot) so nothing here touches a GUI backend
or global figure state, and reports can be produced from worker threads of the console.
"""

# Here rather than in charts/export so the command line can offer them without importing matplotlib.
CHARTS = ("bar", "heatmap", "trend")
FORMATS = (".pdf", ".png", ".svg", ".csv", ".json")
