"""Writing a report to a file; the format follows the file's extension."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from egovops.availability.periods import zone_name
from egovops.availability.report import AvailabilityReport
from egovops.csv_cells import SafeWriter
from egovops.errors import EgovopsError, ValidationError
from egovops.i18n import tr
from egovops.reports import CHARTS, FORMATS
from egovops.reports.charts import chart, report_style
from egovops.reports.pdf import Progress, write_pdf
from egovops.reports.tables import csv_rows


def write_csv(report: AvailabilityReport, path: Path) -> None:
    # UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        SafeWriter(handle).writerows(csv_rows(report.rows, report.request.by, report.request.view))


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report_dict(report: AvailabilityReport) -> dict[str, Any]:
    req = report.request
    return _plain({
        "period": {"from": req.period.first.isoformat(), "to": req.period.last.isoformat(),
                   "kind": req.period.kind, "time_zone": zone_name(req.period.tz),
                   "start_epoch": req.period.start, "end_epoch": req.period.end},
        "by": req.by, "view": req.view, "sla_target": req.sla,
        "generated_by": report.generated_by, "generated_at": report.generated_at.isoformat(),
        "total": asdict(report.total),
        "rows": [asdict(r) for r in report.rows],
        "cities": [asdict(r) for r in report.cities],
        "worst": [r.key for r in report.worst],
        "coverage": [{**asdict(c), "share": c.share} for c in report.coverage],
        "maintenance_windows": [
            {"id": u.window.id, "scope_kind": u.window.scope_kind, "scope": u.window.scope,
             "starts": u.window.starts.isoformat(), "tz": u.window.tz, "duration": u.window.duration,
             "repeat": u.window.recurrence, "until": u.window.until.isoformat() if u.window.until else None,
             "reason": u.window.reason, "created_by": u.window.created_by,
             "occurrences": u.occurrences, "seconds_in_period": u.seconds}
            for u in report.windows
        ],
        "daily": {"labels": report.heat.labels, "days": [d.isoformat() for d in report.heat.days],
                  "percent": report.heat.percent.tolist()},
        "trend": {"months": [m.strftime("%Y-%m") for m in report.trend.months],
                  "service": report.trend.service, "device": report.trend.device},
    })


class ExportError(EgovopsError):
    """The report could not be written where the operator asked (unwritable folder, full disk)."""


def write_report(report: AvailabilityReport, path: Path, chart_name: str = "bar", progress: Progress | None = None) -> None:
    """Write ``report`` in the format of ``path``'s extension; ``progress(done, total)`` follows the
    PDF's pages (one step for the other formats)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(tr("cannot write {name}: the file name must end in {formats}", name=path.name,
                                 formats=", ".join(FORMATS)))
    if chart_name not in CHARTS:
        raise ValidationError(tr("unknown chart {name}; choose one of {charts}", name=chart_name, charts=", ".join(CHARTS)))
    try:
        if suffix == ".pdf":
            write_pdf(report, path, progress)
            return
        if suffix == ".csv":
            write_csv(report, path)
        elif suffix == ".json":
            path.write_text(json.dumps(report_dict(report), ensure_ascii=False, indent=1), "utf-8")
        else:
            with report_style():
                chart(report, chart_name).savefig(path, dpi=150)
    except OSError as exc:
        # The OS's own reason (permission denied, no such folder, disk full) names what was wrong.
        raise ExportError(tr("cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)) from exc
    if progress is not None:
        progress(1, 1)
