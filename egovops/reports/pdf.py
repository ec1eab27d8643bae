"""The multi-page PDF a supervisor hands in: summary, charts, tables, coverage, maintenance."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.patches import Rectangle

from egovops.availability.periods import zone_name
from egovops.availability.report import AvailabilityReport
from egovops.i18n import tr
from egovops.reports import tables
from egovops.reports.charts import chart, report_style
from egovops.reports.fonts import cjk_monospace_family
from egovops.reports.formatting import duration, percent, sla_band, view_name

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


MIN_PT, MAX_PT = 8.0, 10.0  # table text: readable on paper, and full width without giant letters
TABLE_LEFT, TABLE_WIDTH = 0.035, 0.93  # fractions of the page width


def _fit_cells(headers: Sequence[str], rows: Sequence[Sequence[str]], budget_em: float) -> list[list[str]]:
    """Shorten the widest text column (with "…") until the table fits at MIN_PT; figures are never cut."""
    cells = [[str(c) for c in row] for row in rows]
    numeric = [_numeric(col) for col in zip(*cells, strict=False)] if cells else [True] * len(headers)

    def need() -> list[float]:
        return [max(0.5 * _width(str(c)) for c in col) + 1.2 for col in zip(headers, *cells, strict=False)]

    widths = need()
    while cells and sum(widths) > budget_em:
        text = [n for n in range(len(headers)) if not numeric[n]]
        if not text:
            break
        n = max(text, key=lambda k: widths[k])
        longest = max(_width(row[n]) for row in cells)
        if longest <= 8:
            break
        for row in cells:
            if _width(row[n]) >= longest - 1:
                row[n] = row[n][: max(3, len(row[n]) - 2)].rstrip("…") + "…"
        widths = need()
    return cells


def _mono_table(fig: Figure, mono: str, headers: Sequence[str], rows: Sequence[Sequence[str]], top: float) -> None:
    """Columns of plain ASCII (figures, device names) are drawn as one padded string per run of
    such columns in DejaVu Sans Mono, whose TrueType glyphs the PDF backend handles much faster
    than the CFF outlines of the CJK font; columns with Chinese are placed on their own. The text
    is MIN_PT to MAX_PT and the table spans the page, the spare width shared between columns."""
    height, adv = 0.027, _ascii_advance()
    page_pt = A4_LANDSCAPE[0] * 72
    rows = _fit_cells(headers, rows, TABLE_WIDTH * page_pt / MIN_PT / 1.05)
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
    font_pt = max(MIN_PT, min(MAX_PT, TABLE_WIDTH * page_pt / sum(widths)))
    em = font_pt / page_pt  # one em as a fraction of the page width
    spare = max(0.0, TABLE_WIDTH / em - sum(widths)) / len(widths)  # in ems, per column
    for n in range(len(widths)):  # ASCII columns widen by whole characters, so runs stay one string
        if ascii_col[n]:
            chars[n] += int(spare / adv)
            widths[n] = chars[n] * adv
        else:
            widths[n] += spare
    starts = [TABLE_LEFT + em * sum(widths[:n]) for n in range(len(widths))]
    _stripes(fig, len(rows), top, height, TABLE_LEFT + TABLE_WIDTH)
    y = top - height + height * 0.3
    for n, header in enumerate(headers):
        if numeric[n]:
            fig.text(starts[n] + em * (widths[n] - 2 * adv), y, str(header), fontsize=font_pt, family=mono, ha="right",
                     weight="bold")
        else:
            fig.text(starts[n], y, str(header), fontsize=font_pt, family=mono, weight="bold")
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
        font_pt = MIN_PT
        unit = font_pt * 0.55 / (A4_LANDSCAPE[0] * 72)  # one Latin character, as a fraction of the page width
        scale = max(1.0, min(MAX_PT / MIN_PT, TABLE_WIDTH / (unit * sum(widths))))
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


TILE_COLOURS = {"met": "#2e7d32", "near": "#f9a825", "missed": "#c62828", None: "#222222"}
WORST_ON_FIRST_PAGE = 8


def _tiles(fig: Figure, tiles: Sequence[tuple[str, str, str | None]], top: float) -> None:
    """The period's key figures, one box each; availability boxes are coloured by the SLA."""
    width, gap, height = 0.143, 0.012, 0.15
    for i, (label, value, band) in enumerate(tiles):
        x = 0.04 + i * (width + gap)
        colour = TILE_COLOURS[band]
        fig.patches.append(Rectangle((x, top - height), width, height, transform=fig.transFigure, facecolor="#f5f7fa",
                                     edgecolor=colour if band else "#c5ccd6", linewidth=2.0 if band else 0.8))
        fig.text(x + 0.01, top - 0.035, label, fontsize=9, color="#444444")
        fig.text(x + 0.01, top - height + 0.03, value, fontsize=19, weight="bold", color=colour)


def _summary(report: AvailabilityReport, footer: str) -> Figure:
    """The first page, as a provincial monthly O&M report opens: the period's key figures, the
    worst units, then how the figures were made."""
    req, t = report.request, report.total
    chosen = t.view(req.view)
    fig = _page(tr("Network availability report") + "  " + req.period.label, footer)
    fig.text(0.04, 0.905, "  ·  ".join([
        zone_name(req.period.tz), tr("grouped by {by}", by=tr(tables.GROUP_TITLES[req.by])), view_name(req.view),
        tr("SLA target {sla}%", sla=f"{req.sla:g}"), tr("devices: {n}", n=t.devices)]), fontsize=10, color="#444444")
    _tiles(fig, [
        (tr("service availability"), percent(t.service.availability), sla_band(t.service.availability, req.sla)),
        (tr("device availability"), percent(t.device.availability), sla_band(t.device.availability, req.sla)),
        (tr("outages"), str(chosen.outages), None),
        (tr("outage time"), duration(chosen.outage), None),
        (tr("MTTR"), duration(chosen.mttr), None),
        (tr("monitored coverage"), percent(t.coverage, 2), None),
    ], top=0.87)
    worst = report.worst[:WORST_ON_FIRST_PAGE]
    fig.text(0.04, 0.675, tr("The {n} worst ({by})", n=len(worst), by=tr(tables.GROUP_TITLES[req.by])), fontsize=12,
             weight="bold")
    _table(fig, tables.worst_headers(req.by), [tables.worst_cells(r, req.view) for r in worst], top=0.665)
    details = [
        (tr("period"), f"{req.period.label}  ({zone_name(req.period.tz)})"),
        (tr("outages (service / device view)"), f"{t.service.outages} / {t.device.outages}"),
        (tr("outage time (service / device view)"), f"{duration(t.service.outage)} / {duration(t.device.outage)}"),
        (tr("MTTR / MTBF (service view)"), f"{duration(t.service.mttr)} / {duration(t.service.mtbf)}"),
        (tr("maintenance time (excluded)"), duration(t.maintenance)),
        (tr("not monitored (excluded, never counted as up)"), duration(t.unmonitored)),
        (tr("generated by"), report.generated_by),
        (tr("generated at"), report.generated_at.strftime("%Y-%m-%d %H:%M:%S %Z")),
    ]
    below = 0.665 - (len(worst) + 1) * 0.027 - 0.06  # right under the worst units, however many
    for i, (label, value) in enumerate(details):
        x, y = (0.04 if i % 2 == 0 else 0.52), below - (i // 2) * 0.035
        fig.text(x, y, label, fontsize=9, color="#444444")
        fig.text(x + 0.25, y, value, fontsize=9)
    fig.text(0.04, 0.13, tr(
        "Service view: was the device reachable from the operations centre. Device view: time a device was "
        "unreachable because an upstream device failed is charged to that root cause, not to the device."
    ), fontsize=8, wrap=True)
    fig.text(0.04, 0.09, tr(
        "Degraded counts as available. Times are summed over devices. "
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
