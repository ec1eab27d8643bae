"""The reports page's core glue: named periods, per-page export progress, unwritable targets named."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from matplotlib.figure import Figure

from egovops.availability.periods import zone
from egovops.availability.report import ReportRequest, report_from_store
from egovops.cli.main import cli as egovops_cli
from egovops.errors import ValidationError
from egovops.reports.charts import report_style
from egovops.reports.choices import choose_period
from egovops.reports.export import ExportError, write_report
from egovops.reports.fonts import cjk_family
from egovops.reports.preview import build_preview, default_file_name
from tests.fixtures.availability_store import PERIOD, availability_store  # noqa: F401

TZ = zone("Asia/Shanghai")


@pytest.mark.parametrize("choice, today, first, last", [
    ("last-month", date(2026, 1, 15), date(2025, 12, 1), date(2025, 12, 31)),
    ("last-month", date(2026, 3, 1), date(2026, 2, 1), date(2026, 2, 28)),
    ("this-month", date(2026, 11, 26), date(2026, 11, 1), date(2026, 11, 26)),
    ("last-week", date(2026, 11, 25), date(2026, 11, 16), date(2026, 11, 22)),  # a Wednesday
    ("last-week", date(2026, 11, 23), date(2026, 11, 16), date(2026, 11, 22)),  # a Monday
])
def test_named_periods(choice: str, today: date, first: date, last: date) -> None:
    period = choose_period(choice, TZ, today)
    assert (period.first, period.last) == (first, last)
    assert datetime.fromtimestamp(period.start, TZ) == datetime(first.year, first.month, first.day, tzinfo=TZ)  # local midnight


def test_custom_period_needs_both_days_in_order() -> None:
    assert choose_period("custom", TZ, first=date(2026, 10, 3), last=date(2026, 10, 9)).label == "2026-10-03 – 2026-10-09"
    with pytest.raises(ValidationError, match="needs a first and a last day"):
        choose_period("custom", TZ, first=date(2026, 10, 3))
    with pytest.raises(ValidationError, match="before it starts"):
        choose_period("custom", TZ, first=date(2026, 10, 9), last=date(2026, 10, 3))
    with pytest.raises(ValidationError, match="last-month, this-month, last-week, custom"):
        choose_period("fortnight", TZ)


def test_pdf_progress_counts_every_page_and_other_formats_one_step(availability_store, tmp_path: Path) -> None:  # noqa: F811
    preview = build_preview(availability_store, PERIOD, "county", "service", "heatmap", "tester")
    assert preview.figure.axes[0].get_title().startswith("Daily availability of the worst units")
    assert default_file_name(preview.report, ".pdf") == "availability-2026-10-01_2026-10-01-county-service.pdf"
    steps: list[tuple[int, int]] = []
    write_report(preview.report, tmp_path / "r.pdf", progress=lambda done, total: steps.append((done, total)))
    assert steps == [(n, 8) for n in range(1, 9)]  # summary, 3 charts, 4 one-page tables
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    steps.clear()
    write_report(preview.report, tmp_path / "r.csv", progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 1)]


def test_an_unwritable_target_is_named_with_the_reason(availability_store, tmp_path: Path) -> None:  # noqa: F811
    report = report_from_store(availability_store, ReportRequest(PERIOD, by="city"))
    blocker = tmp_path / "reports"
    blocker.write_text("a file, not a folder")
    for suffix in (".pdf", ".png", ".csv", ".json"):
        with pytest.raises(ExportError, match=f"cannot write {blocker}/r{suffix}: Not a directory"):
            write_report(report, blocker / f"r{suffix}")
    done = CliRunner().invoke(egovops_cli, ["report", "availability", "--from", "2026-10-01", "--to", "2026-10-01",
                                            "--out", str(tmp_path / "missing" / "r.pdf")])
    assert done.exit_code == 1 and "No such file or directory" in done.stderr and "Traceback" not in done.output


def test_report_style_keeps_chinese_while_another_thread_leaves_it() -> None:
    """The console builds a preview and writes an export on two workers at once."""
    entered, release, go = threading.Event(), threading.Event(), threading.Event()
    families: list[list[str]] = []

    def other_chart() -> None:
        with report_style():
            entered.set()
            release.wait(5)

    def build() -> None:
        with report_style():
            go.wait(5)
            families.append(Figure().text(0, 0, "可用率").get_fontfamily())

    other = threading.Thread(target=other_chart)
    other.start()
    assert entered.wait(5)
    builder = threading.Thread(target=build)
    builder.start()
    builder.join(0.3)  # without the lock the builder is inside the style by now
    release.set()  # the other chart is done: leaving rc_context restores what it found on entry
    other.join(5)
    go.set()
    builder.join(5)
    assert families == [[cjk_family(), "DejaVu Sans"]]
