"""The report's charts as matplotlib Figures: bars per group, units × days heat map, monthly trend.

Colours come from the SLA (met / near / missed, see formatting.sla_band), never from a colour
scale; percentage axes start close to 100 so 99.9 and 99.99 differ, and say where they start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
import matplotlib.colors
import numpy as np
from matplotlib.figure import Figure

from egovops.availability.measures import GroupRow
from egovops.availability.report import AvailabilityReport, HeatMap, Trend
from egovops.i18n import tr
from egovops.reports import CHARTS
from egovops.reports.fonts import rc
from egovops.reports.formatting import near_margin, sla_band, view_name

GOOD, NEAR, BAD, GREY = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"
BAND_COLOURS = {"met": GOOD, "near": NEAR, "missed": BAD}
TOP_BOTTOM = 15  # with more groups than twice this, the bar chart shows the best and the worst


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


def _shown(rated: list[GroupRow]) -> tuple[list[GroupRow], int]:
    """All groups, or the best and worst TOP_BOTTOM with the count left out between them."""
    if len(rated) <= 2 * TOP_BOTTOM:
        return rated, 0
    return rated[:TOP_BOTTOM] + rated[-TOP_BOTTOM:], len(rated) - 2 * TOP_BOTTOM


def _band_legend(ax, sla: float) -> None:
    from matplotlib.patches import Patch

    margin = near_margin(sla)
    handles = [Patch(color=GOOD, label=tr("met (≥ {sla}%)", sla=f"{sla:g}")),
               Patch(color=NEAR, label=tr("near ({low}–{sla}%)", low=f"{sla - margin:g}", sla=f"{sla:g}")),
               Patch(color=BAD, label=tr("missed (< {low}%)", low=f"{sla - margin:g}"))]
    ax.legend(handles=[*ax.get_legend_handles_labels()[0], *handles], loc="lower right", bbox_to_anchor=(1.0, 1.0),
              frameon=False, ncols=4, fontsize=8)


def _axis_start(ax, low: float) -> None:
    """Say that the axis does not start at 0, where a reader looks for it."""
    ax.text(0.005, 0.01, tr("axis starts at {low}%", low=f"{low:.2f}"), transform=ax.transAxes,
            fontsize=8, color="#333333",
            ha="left", va="bottom", zorder=5, bbox={"facecolor": "white", "edgecolor": "#999999", "pad": 2})


def bar_chart(rows: Sequence[GroupRow], view: str, sla: float, title: str) -> Figure:
    rated = sorted((r for r in rows if r.view(view).availability is not None),
                   key=lambda r: -(r.view(view).availability or 0))
    shown, hidden = _shown(rated)
    values = [r.view(view).availability or 0.0 for r in shown]
    fig = Figure(figsize=(11.0, 6.0))
    # Fixed margins rather than constrained layout: that measures every label twice per save.
    fig.subplots_adjust(left=0.07, right=0.98, top=0.88, bottom=0.22)
    ax = fig.add_subplot()
    x = np.arange(len(shown)) + np.array([1 if hidden and i >= TOP_BOTTOM else 0 for i in range(len(shown))])
    ax.bar(x, values, color=[BAND_COLOURS[sla_band(v, sla) or "missed"] for v in values], width=0.7)
    ax.axhline(sla, color="#1565c0", linestyle="--", linewidth=1.2, label=tr("SLA target {sla}%", sla=f"{sla:g}"))
    ax.set_xticks(x, [r.key for r in shown], rotation=45, ha="right", fontsize=8 if len(shown) > 16 else 9)
    low = _floor(values, sla)
    ax.set_ylim(low, 100.0 + 0.06 * (100.0 - low))
    ax.axhline(100.0, color="#bbbbbb", linewidth=0.6)
    if hidden:
        ax.text(TOP_BOTTOM, low + 0.5 * (100.0 - low), tr("… {n} more …", n=hidden), ha="center", va="center",
                rotation=90, fontsize=9, color="#555555")
    for xi, v in zip(x, values):
        ax.annotate(f"{v:.3f}", (xi, v), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7, rotation=90 if len(values) > 24 else 0)
    ax.set_ylabel(tr("availability (%)"))
    _axis_start(ax, low)
    what = tr("best and worst {n} of {total}", n=TOP_BOTTOM, total=len(rated)) if hidden else view_name(view)
    ax.set_title(f"{title} — {what}" + (f" — {view_name(view)}" if hidden else ""), loc="left", pad=22)
    _band_legend(ax, sla)
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
    shown = data.compressed()
    low = min(_floor(list(shown) if shown.size else [], sla), sla - near_margin(sla) - 0.01)
    # Three colours with edges at the SLA: a colour scale made 93.8 % against 99.9 % look yellow.
    cmap = matplotlib.colors.ListedColormap([BAD, NEAR, GOOD]).with_extremes(bad="#d9d9d9", under=BAD)
    norm = matplotlib.colors.BoundaryNorm([low, sla - near_margin(sla), sla, 100.0 + 1e-9], 3)
    image = ax.imshow(data, aspect="auto", cmap=cmap, norm=norm, interpolation="nearest")
    ax.set_yticks(range(len(heat.labels)), heat.labels, fontsize=8)
    step = max(1, len(heat.days) // 31)
    ticks = list(range(0, len(heat.days), step))
    ax.set_xticks(ticks, [heat.days[i].strftime("%m-%d") for i in ticks], rotation=90, fontsize=7)
    bar = fig.colorbar(image, ax=ax, label=tr("availability (%)"), shrink=0.8, pad=0.015, fraction=0.04, extend="min",
                       spacing="uniform")
    bar.set_ticks([low, sla - near_margin(sla), sla, 100.0],
                  labels=[f"{low:.2f}", f"{sla - near_margin(sla):g}", f"{sla:g}", "100"])
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
    _axis_start(ax, _floor(plotted, sla))
    ax.set_ylabel(tr("availability (%)"))
    ax.set_title(title, loc="left")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best")
    return fig


def chart(report: AvailabilityReport, name: str) -> Figure:
    """One of CHARTS for a report; call inside ``report_style()``."""
    req = report.request
    if name == "bar":  # the chart follows the report's grouping (a county report charts counties)
        from egovops.reports.tables import GROUP_TITLES

        rows = report.rows if req.by not in ("province",) else report.cities
        by = req.by if req.by != "province" else "city"
        return bar_chart(rows, req.view, req.sla, tr("Availability by {by}", by=tr(GROUP_TITLES[by])))
    if name == "heatmap":
        return heat_map(report.heat, req.view, req.sla, tr("Daily availability of the worst units"))
    if name == "trend":
        return trend_chart(report.trend, req.sla, tr("Monthly availability, whole network"))
    raise ValueError(f"unknown chart {name!r}; choose one of {', '.join(CHARTS)}")
