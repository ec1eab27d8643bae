"""The printed report: durations a reader says, SLA colours, the chart following the grouping, and
tables at 8 pt or more across the page (measured in the PDF with poppler's word boxes)."""

from __future__ import annotations

import re
import subprocess

import pytest
from matplotlib.colors import to_hex

from egovops import i18n
from egovops.availability.measures import GroupRow, ViewMeasures
from egovops.reports.charts import BAD, GOOD, NEAR, TOP_BOTTOM, bar_chart, report_style
from egovops.reports.formatting import duration, sla_band
from egovops.storage.database import open_database
from tests.fixtures.availability_store import populate
from tests.fixtures.store import Cli

DAY = ("--from", "2026-10-01", "--to", "2026-10-01", "--tz", "Asia/Shanghai")


@pytest.fixture
def language():  # type: ignore[no-untyped-def]
    yield
    i18n.set_language(None)


@pytest.mark.parametrize("seconds,en,zh", [
    (None, "-", "-"), (0, "0 s", "0秒"), (59.4, "59 s", "59秒"), (60, "1 min 0 s", "1分0秒"),
    (3599, "59 min 59 s", "59分59秒"),
    (3600, "1 h 0 min", "1小时0分"), (86399, "23 h 59 min", "23小时59分"), (86400, "1 d 0 h", "1天0小时"),
    (2266 * 3600 + 50 * 60 + 22, "94 d 10 h", "94天10小时"),  # the 2266:50:22 the supervisor could not read
])
def test_durations_read_as_days_and_hours(language, seconds, en, zh) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    assert duration(seconds) == en
    i18n.set_language("zh_CN")
    assert duration(seconds) == zh


def test_sla_bands_have_sharp_edges() -> None:
    assert [sla_band(v, 99.9) for v in (100.0, 99.9, 99.8999, 99.8, 99.7999, 93.8, None)] == \
        ["met", "met", "near", "near", "missed", "missed", None]  # 93.8 % against 99.9 % is missed, not "yellow"
    assert sla_band(97.9, 99.0) == "missed" and sla_band(98.0, 99.0) == "near"


def _row(key: str, availability: float) -> GroupRow:
    view = ViewMeasures(1.0, 0.0, 0, 0.0, availability, None, None, availability >= 99.9)
    return GroupRow(key, 1, 1.0, 0.0, 0.0, 1.0, 100.0, 0.0, view, view)


def test_many_groups_chart_the_best_and_the_worst_coloured_by_the_sla() -> None:
    rows = [_row(f"U{i:02d}", 100.0 - i * 0.05) for i in range(40)]
    with report_style():
        fig = bar_chart(rows, "service", 99.9, "by unit")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == 2 * TOP_BOTTOM and labels[0] == "U00" and labels[-1] == "U39" and "U20" not in labels
    assert any("10" in t.get_text() for t in ax.texts)  # "… 10 more …" where the middle was left out
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches[:2 * TOP_BOTTOM]]
    assert colours[:3] == [GOOD, GOOD, GOOD] and colours[3] == NEAR and colours[-1] == BAD  # 99.85 near, 98.05 missed
    low = ax.get_ylim()[0]
    assert any(t.get_text() == f"axis starts at {low:.2f}%" for t in ax.texts)
    assert any(abs(line.get_ydata()[0] - 99.9) < 1e-9 for line in ax.get_lines())  # the SLA line


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("print")
    db = open_database(folder / "egovops.sqlite3")
    populate(db)
    db.close()
    out = {}
    for lang in ("zh_CN", "en"):
        out[lang] = folder / f"report-{lang}.pdf"
        done = Cli(folder)("report", "availability", *DAY, "--by", "county", "--out", str(out[lang]),
                           env={"EGOVOPS_LANG": lang})
        assert done.returncode == 0, done.stderr
    return out


MONO_ADVANCE = 0.6021  # DejaVu Sans Mono's advance width in ems: its words' width gives their size


def _points(word: tuple[str, float, float, float]) -> float:
    """The font size of a word of figures, drawn in DejaVu Sans Mono (pdf.ASCII_MONO)."""
    text, width = word[0], word[2]
    return width / (len(text) * MONO_ADVANCE)


def _words(pdf, page: int) -> list[tuple[str, float, float, float]]:  # type: ignore[no-untyped-def]
    """(word, x max, width, page width) of every word on one page, from poppler's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    return [(w, float(x1), float(x1) - float(x0), width)
            for x0, y0, x1, y1, w in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" '
                                                r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_first_page_has_key_figures_and_the_worst_units_in_print_size(pdfs, lang) -> None:  # type: ignore[no-untyped-def]
    words = _words(pdfs[lang], 1)
    text = "".join(w for w, *_ in words)  # a big figure may come out as two words ("93.77" "6%")
    assert "93.776%" in text and "合肥市/肥东县" in text  # the key figure and a worst unit
    table = [w for w in words if w[0] in ("89.583%", "95.135%")]
    assert table and min(_points(w) for w in table) >= 7.95  # the worst units' figures: 8 pt or more


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_tables_span_the_page_at_8_pt_or_more(pdfs, lang) -> None:  # type: ignore[no-untyped-def]
    pages = int(subprocess.run(["pdfinfo", str(pdfs[lang])], capture_output=True, text=True,
                               check=True).stdout.split("Pages:")[1].split()[0])
    words = _words(pdfs[lang], 5)  # the first table page after the summary and the three charts
    figures = [w for w in words if re.fullmatch(r"\d+\.\d{3}%", w[0])]
    assert pages >= 8 and figures
    assert min(_points(w) for w in figures) >= 7.95
    right = max(x for _, x, _, _ in words)
    assert right >= 0.85 * words[0][3]  # the table runs across the page, not 40 % of it
