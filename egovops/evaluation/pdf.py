"""The evaluation pack as a PDF, in the shape of a provincial monthly O&M report: a summary page
(key figures, weights, the ranking's head and the trend), the full ranking, then one page per
group. Drawing reuses egovops.reports.pdf, whose tables already handle Chinese fonts quickly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from egovops.availability.periods import zone_name
from egovops.evaluation.export import group_title
from egovops.evaluation.formatting import definitions, points_text, raw_text, short_title, title, weights_line
from egovops.evaluation.scorecard import Evaluation, UnitScore
from egovops.evaluation.weights import MEASURES
from egovops.i18n import tr
from egovops.reports.charts import report_style
from egovops.reports.formatting import duration
from egovops.reports.pdf import _page, _paged, _table, _tiles

Progress = Callable[[int, int], None]
HEAD_ROWS = 10  # ranking rows on the summary page; the full ranking follows it


def ranking_headers(by: str) -> list[str]:
    return [tr("rank"), group_title(by), tr("devices"), tr("total"), *[short_title(m) for m in MEASURES]]


def ranking_cells(s: UnitScore) -> list[str]:
    return [
        str(s.rank) if s.rank else "-",
        s.key,
        str(s.devices),
        points_text(s.total),
        *[raw_text(m, s.raw[m]) for m in MEASURES],
    ]


def _mean(values: Sequence[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return sum(got) / len(got) if got else None


def _trend_axes(ax: Axes, ev: Evaluation, units: Sequence[UnitScore]) -> None:
    x = np.arange(len(ev.months))
    means = [_mean([s.trend[k] for s in ev.units]) for k in range(len(ev.months))]
    ax.plot(x, [np.nan if v is None else v for v in means], "o-", color="#1565c0", linewidth=2, label=tr("mean of all"))
    for s, style in zip(units, ("s--", "^--", "v--", "d--"), strict=False):
        ax.plot(x, [np.nan if v is None else v for v in s.trend], style, label=s.key)
    ax.set_xticks(x, [m.strftime("%Y-%m") for m in ev.months])
    ax.set_ylim(0, 102)
    ax.set_ylabel(tr("total score"))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize=7)


def _summary(ev: Evaluation, footer: str) -> Figure:
    ranked = [s for s in ev.units if s.rank]
    fig = _page(tr("Monthly O&M evaluation") + "  " + ev.period.label, footer)
    fig.text(
        0.04,
        0.905,
        "  ·  ".join(
            [zone_name(ev.period.tz), tr("by {by}", by=group_title(ev.by)), tr("SLA target {sla}%", sla=f"{ev.sla:g}")]
        ),
        fontsize=10,
        color="#444444",
    )
    fig.text(0.04, 0.88, weights_line(ev.weights), fontsize=8, color="#444444")
    best, worst = (ranked[0], ranked[-1]) if ranked else (None, None)
    _tiles(
        fig,
        [
            (tr("groups ranked"), str(len(ranked)), None),
            (tr("mean total"), points_text(_mean([s.total for s in ranked])), None),
            (tr("best"), points_text(best.total if best else None), None),
            (tr("worst"), points_text(worst.total if worst else None), None),
            (tr("major incidents"), str(len(ev.incidents)), None),
            (tr("longest"), duration(max((i.seconds for i in ev.incidents), default=None)), None),
        ],
        top=0.86,
    )
    head = ev.units[:HEAD_ROWS]
    fig.text(
        0.04, 0.685, tr("Ranking (first {n} of {total})", n=len(head), total=len(ev.units)), fontsize=11, weight="bold"
    )
    _table(fig, ranking_headers(ev.by), [ranking_cells(s) for s in head], top=0.675)
    ax = fig.add_axes((0.06, 0.08, 0.5, 0.22))
    _trend_axes(ax, ev, [*ranked[:1], *ranked[-2:]] if len(ranked) > 2 else ranked)
    ax.set_title(tr("Total score by month"), loc="left", fontsize=9)
    for i, line in enumerate(definitions(ev.weights, ev.sla)):
        fig.text(0.60, 0.30 - i * 0.06, line, fontsize=6.5, wrap=True, va="top")
    for i, note in enumerate(ev.notes):
        fig.text(0.04, 0.045 + 0.012 * i, note, fontsize=7, style="italic", color="#c62828")
    return fig


def _unit_page(ev: Evaluation, s: UnitScore, footer: str) -> Figure:
    rank = (
        tr("rank {rank} of {n}", rank=s.rank, n=sum(1 for u in ev.units if u.rank))
        if s.rank
        else tr("not ranked: no devices")
    )
    fig = _page(f"{s.key}  ·  {ev.period.label}", footer)
    fig.text(
        0.04,
        0.905,
        f"{group_title(ev.by)}  ·  {rank}  ·  "
        + tr("total {total}", total=points_text(s.total))
        + "  ·  "
        + tr("devices: {n}", n=s.devices),
        fontsize=11,
        color="#444444",
    )
    rows = [
        [
            title(m),
            raw_text(m, s.raw[m]),
            points_text(s.points[m]),
            f"{ev.weights.weight(m):g}",
            points_text(s.points[m] * ev.weights.weight(m) / 100),
        ]
        for m in MEASURES
    ]
    rows.append([tr("total"), "", "", "100", points_text(s.total)])
    _table(fig, [tr("measure"), tr("figure"), tr("points"), tr("weight"), tr("weighted")], rows, top=0.87)
    ax = fig.add_axes((0.07, 0.1, 0.4, 0.3))
    _trend_axes(ax, ev, [s])
    ax.set_title(tr("Total score by month"), loc="left", fontsize=9)
    every = [i for i in ev.incidents if i.device in _members(ev, s)]
    mine, count = every[:8], len(every)
    fig.text(
        0.53,
        0.40,
        tr("Major incidents ({n})", n=count),
        fontsize=10,
        weight="bold",
    )
    for k, inc in enumerate(mine):
        fig.text(
            0.53,
            0.37 - k * 0.028,
            tr(
                "{device}: {duration}, {n} devices cut off",
                device=inc.device,
                duration=duration(inc.seconds),
                n=inc.downstream,
            ),
            fontsize=8,
        )
    if len(mine) < count:
        more = tr("… and {n} more (the JSON export lists them all)", n=count - len(mine))
        fig.text(0.53, 0.37 - len(mine) * 0.028, more, fontsize=8, style="italic")
    if not mine:
        fig.text(0.53, 0.37, tr("none"), fontsize=8)
    return fig


def _members(ev: Evaluation, s: UnitScore) -> set[str]:
    return ev.members.get(s.key, set())


def _unit_maker(ev: Evaluation, s: UnitScore, footer: str) -> Callable[[], Figure]:
    return lambda: _unit_page(ev, s, footer)


def write_pdf(ev: Evaluation, path: Path, progress: Progress | None = None) -> None:
    footer = tr(
        "egovops evaluation pack · {period} · generated {at} by {who}",
        period=ev.period.label,
        at=ev.generated_at.strftime("%Y-%m-%d %H:%M"),
        who=ev.generated_by,
    )
    pages: list[Callable[[], Figure]] = [lambda: _summary(ev, footer)]
    pages += _paged(tr("Ranking"), footer, ranking_headers(ev.by), [ranking_cells(s) for s in ev.units])
    pages += [_unit_maker(ev, s, footer) for s in ev.units]
    with (
        report_style(),
        PdfPages(path, metadata={"Title": tr("Monthly O&M evaluation"), "Author": ev.generated_by}) as pdf,
    ):
        for done, make in enumerate(pages, 1):
            pdf.savefig(make())
            if progress is not None:
                progress(done, len(pages))


def trend_figure(ev: Evaluation) -> Figure:
    """The summary's trend chart on its own (the console's preview); call inside ``report_style()``."""
    fig = Figure(figsize=(9.0, 3.6))
    ax = fig.add_subplot()
    ranked = [s for s in ev.units if s.rank]
    _trend_axes(ax, ev, [*ranked[:1], *ranked[-2:]] if len(ranked) > 2 else ranked)
    ax.set_title(tr("Total score by month"), loc="left")
    return fig
