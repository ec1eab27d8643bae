"""A report and its chart, computed together for a front end that shows them before exporting.

Everything here reads the store or draws a Figure, so a console calls it from a worker thread
and only puts the finished Figure on screen; the export then writes the very report on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from egovops.availability.periods import Period
from egovops.availability.report import AvailabilityReport, ReportRequest, report_from_store
from egovops.reports.charts import chart, report_style
from egovops.reports.export import write_report
from egovops.reports.pdf import Progress
from egovops.availability.repo import AvailabilityRepository
from egovops.storage.database import Database


@dataclass
class Preview:
    report: AvailabilityReport
    figure: Figure
    chart_name: str


def stored_sla(db: Database) -> float:
    return AvailabilityRepository(db).sla_target()


def build_preview(db: Database, period: Period, by: str, view: str, chart_name: str,
                  generated_by: str | None = None) -> Preview:
    """The report for the stored SLA target, and its ``chart_name`` chart."""
    req = ReportRequest(period, by=by, view=view, sla=stored_sla(db))
    report = report_from_store(db, req, generated_by)
    return Preview(report, redraw(report, chart_name), chart_name)


def redraw(report: AvailabilityReport, chart_name: str) -> Figure:
    with report_style():
        return chart(report, chart_name)


def default_file_name(report: AvailabilityReport, suffix: str) -> str:
    """availability-2026-10-01_2026-10-31-city-service.pdf: sorts by date in a folder of reports."""
    req = report.request
    return f"availability-{req.period.first.isoformat()}_{req.period.last.isoformat()}-{req.by}-{req.view}{suffix}"


def export(report: AvailabilityReport, path: Path, chart_name: str, progress: Progress | None = None) -> Path:
    """Write ``report`` to ``path`` (format from the extension) and return the path written."""
    write_report(report, path, chart_name, progress)
    return path
