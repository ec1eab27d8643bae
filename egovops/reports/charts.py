"""The report's charts as matplotlib Figures: per-city bars, units × days heat map, monthly trend."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator, Sequence

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from egovops.availability.measures import GroupRow
from egovops.availability.report import AvailabilityReport, HeatMap, Trend
from egovops.i18n import tr
from egovops.reports import CHARTS
from egovops.reports.fonts import rc
from egovops.reports.formatting import view_name

GOOD, BAD, GREY = "#2e7d32", "#c62828", "#9e9e9e"


# rcParams are global: a thread leaving rc_context restores the defaults under another thread still
# inside it, whose remaining labels then get a font without Chinese (empty boxes). The console
# builds previews and exports on two workers at once, so figures are built one at a time.
_STYLE_LOCK = threading.RLock()


@contextmanager
def report_style() -> Iterator[None]:
    with _STYLE_LOCK, matplotlib.rc_context(rc()):
        yield


def _floor(values: Sequence[float], sla: float) -> float:
    """Lower end of the percentage axis: close enough to 100 that 99.9 and 99.99 look different."""
    low = min([sla, *values]) if values else sla
    return max(0.0, low - max(0.2, (100 - low) * 0.15))


def bar_chart(rows: Sequence[GroupRow], view: str, sla: float, title: str) -> Figure:
    rated = sorted((r for r in rows if r.view(view).availability is not None),
                   key=lambda r: -(r.view(view).availability or 0))
    values = [r.view(view).availability or 0.0 for r in rated]
    fig = Figure(figsize=(11.0, 6.0))
    # Fixed margins rather than constrained layout: that measures every label twice per save.
    fig.subplots_adjust(left=0.07, right=0.98, top=0.92, bottom=0.2)
    ax = fig.add_subplot()
    x = np.arange(len(rated))
    ax.bar(x, values, color=[GOOD if v >= sla else BAD for v in values], width=0.7)
    ax.axhline(sla, color="#1565c0", linestyle="--", linewidth=1.2, label=tr("SLA target {sla}%", sla=f"{sla:g}"))
    ax.set_xticks(x, [r.key for r in rated], rotation=45, ha="right")
    low = _floor(values, sla)
    ax.set_ylim(low, 100.0 + 0.06 * (100.0 - low))
    ax.axhline(100.0, color="#bbbbbb", linewidth=0.6)
    for xi, v in zip(x, values):
        ax.annotate(f"{v:.3f}", (xi, v), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7, rotation=90 if len(values) > 24 else 0)
    ax.set_ylabel(tr("availability (%)"))
    ax.set_title(f"{title} — {view_name(view)}", loc="left")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False)
    if not rated:
        ax.text(0.5, 0.5, tr("no monitored time in this period"), transform=ax.transAxes, ha="center")
    return fig


def heat_map(heat: HeatMap, view: str, sla: float, title: str) -> Figure:
    rows = max(len(heat.labels), 1)
    height = min(2.0 + 0.28 * rows, 11.0)
    fig = Figure(figsize=(11.0, height))
    longest = max((len(label) for label in heat.labels), default=4)
    fig.subplots_adjust(left=min(0.4, 0.03 + 0.0105 * longest), right=0.93, top=1 - 0.55 / height, bottom=0.8 / height)
    ax = fig.add_subplot()
    data = np.ma.masked_invalid(heat.percent) if heat.labels else np.ma.masked_all((1, max(len(heat.days), 1)))
    cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#d9d9d9")
    shown = data.compressed()
    low = _floor(list(shown) if shown.size else [], sla)
    image = ax.imshow(data, aspect="auto", cmap=cmap, vmin=low, vmax=100.0, interpolation="nearest")
    ax.set_yticks(range(len(heat.labels)), heat.labels, fontsize=8)
    step = max(1, len(heat.days) // 31)
    ticks = list(range(0, len(heat.days), step))
    ax.set_xticks(ticks, [heat.days[i].strftime("%m-%d") for i in ticks], rotation=90, fontsize=7)
    fig.colorbar(image, ax=ax, label=tr("availability (%)"), shrink=0.8, pad=0.015, fraction=0.04)
    ax.set_title(f"{title} — {view_name(view)}; " + tr("grey: not monitored"))
    return fig


def trend_chart(trend: Trend, sla: float, title: str) -> Figure:
    fig = Figure(figsize=(11.0, 5.5))
    fig.subplots_adjust(left=0.07, right=0.98, top=0.92, bottom=0.14)
    ax = fig.add_subplot()
    x = np.arange(len(trend.months))
    plotted: list[float] = []
    for series, view, style in ((trend.service, "service", "o-"), (trend.device, "device", "s--")):
        y = np.array([np.nan if v is None else v for v in series])
        ax.plot(x, y, style, label=view_name(view))
        plotted += [v for v in series if v is not None]
    ax.axhline(sla, color="#1565c0", linestyle=":", linewidth=1.2, label=tr("SLA target {sla}%", sla=f"{sla:g}"))
    ax.set_xticks(x, [m.strftime("%Y-%m") for m in trend.months], rotation=45, ha="right")
    ax.set_ylim(_floor(plotted, sla), 100.0 + 0.02 * (100.0 - _floor(plotted, sla)))
    ax.set_ylabel(tr("availability (%)"))
    ax.set_title(title, loc="left")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best")
    return fig


def chart(report: AvailabilityReport, name: str) -> Figure:
    """One of CHARTS for a report; call inside ``report_style()``."""
    req = report.request
    if name == "bar":
        return bar_chart(report.cities, req.view, req.sla, tr("Availability by city"))
    if name == "heatmap":
        return heat_map(report.heat, req.view, req.sla, tr("Daily availability of the worst units"))
    if name == "trend":
        return trend_chart(report.trend, req.sla, tr("Monthly availability, whole network"))
    raise ValueError(f"unknown chart {name!r}; choose one of {', '.join(CHARTS)}")
