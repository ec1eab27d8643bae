"""The multi-page PDF a supervisor hands in: summary, charts, tables, coverage, maintenance."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from egovops.availability.periods import zone_name
from egovops.availability.report import AvailabilityReport
from egovops.i18n import tr
from egovops.reports import tables
from egovops.reports.charts import chart, report_style
from egovops.reports.fonts import cjk_monospace_family
from egovops.reports.formatting import duration, percent, sla_mark, view_name

A4_LANDSCAPE = (11.69, 8.27)
Progress = Callable[[int, int], None]  # (pages written, pages in all)
ROWS_PER_PAGE = 30
# A device-level table of a whole province would run to hundreds of pages; the PDF shows this
# many rows and says where the rest is (CSV/JSON exports always hold every row).
MAX_TABLE_ROWS = 450
ASCII_MONO = "DejaVu Sans Mono"  # ships with matplotlib, so it is there on every system


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _page(title: str, footer: str) -> Figure:
    fig = Figure(figsize=A4_LANDSCAPE)
    fig.text(0.04, 0.95, title, fontsize=15, weight="bold")
    fig.text(0.04, 0.02, footer, fontsize=7, color="#555555")
    return fig


def _stripes(fig: Figure, rows: int, top: float, height: float, right: float) -> None:
    for i in range(0, rows + 1, 2):
        fig.patches.append(Rectangle((0.03, top - (i + 1) * height), right - 0.03, height, transform=fig.transFigure,
                                     facecolor="#dbe4f0" if i == 0 else "#f3f5f8", edgecolor="none", zorder=0))


_FIGURE = re.compile(r"^[-–\d.:%/ ]*$")


def _numeric(column: Sequence[str]) -> bool:
    return all(_FIGURE.match(str(cell)) for cell in column)


def _pad(text: str, width: int, right: bool) -> str:
    """Figures to the right of their column, words to the left."""
    gap = " " * (width - len(text))
    return gap[:-2] + text + "  " if right else text + gap


@lru_cache(maxsize=1)
def _ascii_advance() -> float:
    """Width of one character of ASCII_MONO, in ems."""
    font = get_font(findfont(FontProperties(family=ASCII_MONO)))
    return font.load_char(ord("0")).horiAdvance / 64 / (font.units_per_EM / 64)


def _mono_table(fig: Figure, mono: str, headers: Sequence[str], rows: Sequence[Sequence[str]], top: float) -> None:
    """Columns of plain ASCII (figures, device names) are drawn as one padded string per run of
    such columns in DejaVu Sans Mono, whose TrueType glyphs the PDF backend handles much faster
    than the CFF outlines of the CJK font; columns with Chinese are placed on their own."""
    height, adv = 0.027, _ascii_advance()
    ascii_col = [all(str(c).isascii() for c in col) for col in zip(*rows)] if rows else [False] * len(headers)
    numeric = [_numeric(col) for col in zip(*rows)] if rows else [False] * len(headers)
    chars, widths = [], []  # per column: ASCII characters (ASCII columns) and width in ems
    for n, col in enumerate(zip(headers, *rows)):
        header_em = 0.5 * _width(str(col[0]))
        if ascii_col[n]:
            count = max([len(str(c)) for c in col[1:]] + [int(header_em / adv + 0.999)]) + 2
            chars.append(count)
            widths.append(count * adv)
        else:
            chars.append(0)
            widths.append(max(0.5 * _width(str(c)) for c in col) + 1.0)
    font_pt = min(8.5, 0.94 * A4_LANDSCAPE[0] * 72 / sum(widths))
    em = font_pt / (A4_LANDSCAPE[0] * 72)  # one em as a fraction of the page width
    starts = [0.035 + em * sum(widths[:n]) for n in range(len(widths))]
    _stripes(fig, len(rows), top, height, starts[-1] + em * widths[-1])
    y = top - height + height * 0.3
    for n, header in enumerate(headers):
        if numeric[n]:
            fig.text(starts[n] + em * (widths[n] - 2 * adv), y, str(header), fontsize=font_pt, family=mono, ha="right")
        else:
            fig.text(starts[n], y, str(header), fontsize=font_pt, family=mono)
    for i, cells in enumerate(rows, 1):
        y = top - (i + 1) * height + height * 0.3
        n = 0
        while n < len(cells):
            if not ascii_col[n]:
                fig.text(starts[n], y, str(cells[n]), fontsize=font_pt, family=mono)
                n += 1
                continue
            run = n
            while n < len(cells) and ascii_col[n]:
                n += 1
            text = "".join(_pad(str(cells[k]), chars[k], numeric[k]) for k in range(run, n)).rstrip()
            fig.text(starts[run], y, text, fontsize=font_pt, family=ASCII_MONO)


def _table(fig: Figure, headers: Sequence[str], rows: Sequence[Sequence[str]], top: float = 0.9) -> None:
    """A plain table drawn as text (matplotlib's Table lays every cell out twice, which made a
    province's tables the slowest part of the PDF). With a monospaced CJK font rows are a few
    padded strings, as PDF text costs per object and per glyph; otherwise each cell is placed."""
    height = 0.027
    widths = [max(_width(str(c)) for c in col) + 2 for col in zip(headers, *rows)]
    mono = cjk_monospace_family()
    if mono is not None:
        _mono_table(fig, mono, headers, rows, top)
    else:
        font_pt = 7.0
        unit = font_pt * 0.55 / (A4_LANDSCAPE[0] * 72)  # one Latin character, as a fraction of the page width
        scale = min(1.0, 0.94 / (unit * sum(widths)))
        xs = [0.03]
        for w in widths[:-1]:
            xs.append(xs[-1] + w * unit * scale)
        _stripes(fig, len(rows), top, height, xs[-1] + widths[-1] * unit * scale)
        for i, cells in enumerate([headers, *rows]):
            for x, text in zip(xs, cells):
                fig.text(x + unit, top - (i + 1) * height + height * 0.3, str(text), fontsize=font_pt * scale)
    if not rows:
        fig.text(0.04, top - 2 * height, "–", fontsize=7)


def _paged(title: str, footer: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
           note: str = "") -> list[Callable[[], Figure]]:
    """One page maker per page of the table, so the pages can be counted before any is drawn."""
    chunks = [rows[i:i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]

    def maker(n: int, chunk: Sequence[Sequence[str]]) -> Callable[[], Figure]:
        def make() -> Figure:
            suffix = f" ({n}/{len(chunks)})" if len(chunks) > 1 else ""
            fig = _page(title + suffix, footer)
            _table(fig, headers, chunk)
            if note and n == len(chunks):
                fig.text(0.04, 0.045, note, fontsize=8, style="italic")
            return fig
        return make

    return [maker(n, chunk) for n, chunk in enumerate(chunks, 1)]


def _summary(report: AvailabilityReport, footer: str) -> Figure:
    req, t = report.request, report.total
    fig = _page(tr("Network availability report"), footer)
    lines = [
        (tr("period"), f"{req.period.label}  ({zone_name(req.period.tz)})"),
        (tr("grouped by"), tr(tables.GROUP_TITLES[req.by])),
        (tr("main view"), view_name(req.view)),
        (tr("SLA target"), f"{req.sla:g}%"),
        (tr("generated by"), report.generated_by),
        (tr("generated at"), report.generated_at.strftime("%Y-%m-%d %H:%M:%S %Z")),
        (tr("devices"), str(t.devices)),
        (tr("service availability"), f"{percent(t.service.availability)}  ({sla_mark(t.service.sla_met)})"),
        (tr("device availability"), f"{percent(t.device.availability)}  ({sla_mark(t.device.sla_met)})"),
        (tr("outages (service / device view)"), f"{t.service.outages} / {t.device.outages}"),
        (tr("outage time (service / device view)"), f"{duration(t.service.outage)} / {duration(t.device.outage)}"),
        (tr("MTTR / MTBF (service view)"), f"{duration(t.service.mttr)} / {duration(t.service.mtbf)}"),
        (tr("monitored coverage"), percent(t.coverage, 2)),
        (tr("maintenance time (excluded)"), duration(t.maintenance)),
        (tr("not monitored (excluded, never counted as up)"), duration(t.unmonitored)),
    ]
    for i, (label, value) in enumerate(lines):
        y = 0.86 - i * 0.041
        fig.text(0.06, y, label, fontsize=11)
        fig.text(0.45, y, value, fontsize=11)
    fig.text(0.06, 0.13, tr(
        "Service view: was the device reachable from the operations centre. Device view: time a device was "
        "unreachable because an upstream device failed is charged to that root cause, not to the device."
    ), fontsize=8, wrap=True)
    fig.text(0.06, 0.09, tr(
        "Degraded counts as available. Times are hours:minutes:seconds summed over devices. "
        "Maintenance windows and unmonitored time are excluded from availability and shown separately."
    ), fontsize=8, wrap=True)
    return fig


def write_pdf(report: AvailabilityReport, path: Path, progress: Progress | None = None) -> None:
    """The whole report; ``progress(done, total)`` is called after each page (the console's bar)."""
    req = report.request
    footer = tr("egovops availability report · {period} · generated {at} by {who}", period=req.period.label,
                at=report.generated_at.strftime("%Y-%m-%d %H:%M"), who=report.generated_by)
    rows = report.rows[:MAX_TABLE_ROWS]
    note = ""
    if len(report.rows) > MAX_TABLE_ROWS:
        note = tr("{shown} of {total} rows shown; the CSV and JSON exports hold them all.",
                  shown=MAX_TABLE_ROWS, total=len(report.rows))
    headers = tables.group_headers(req.by)
    pages: list[Callable[[], Figure]] = [lambda: _summary(report, footer)]
    pages += [lambda name=name: chart(report, name) for name in ("bar", "heatmap", "trend")]
    pages += _paged(tr("Availability by {by}", by=tr(tables.GROUP_TITLES[req.by])), footer, headers,
                    [tables.group_cells(r, req.view) for r in rows], note)
    pages += _paged(tr("The {n} worst", n=len(report.worst)), footer, headers,
                    [tables.group_cells(r, req.view) for r in report.worst])
    pages += _paged(tr("Access coverage per city"), footer, tables.coverage_headers(),
                    [tables.coverage_cells(c) for c in report.coverage])
    pages += _paged(tr("Maintenance windows in the period"), footer, tables.window_headers(),
                    [tables.window_cells(u) for u in report.windows])
    with report_style(), PdfPages(path, metadata={"Title": tr("Network availability report"), "Author": report.generated_by}) as pdf:
        for done, make in enumerate(pages, 1):
            pdf.savefig(make())
            if progress is not None:
                progress(done, len(pages))
