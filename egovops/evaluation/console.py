"""What the console's evaluation page asks of the core, each call made on a worker thread:
the pack for a month with its trend chart, and an export by file suffix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matplotlib.figure import Figure

from egovops.availability.periods import period_containing, zone
from egovops.errors import EgovopsError, ValidationError
from egovops.evaluation.export import write_csv, write_json
from egovops.evaluation.pdf import Progress, trend_figure, write_pdf
from egovops.evaluation.scorecard import Evaluation, evaluate
from egovops.evaluation.settings import current_weights
from egovops.i18n import tr
from egovops.procedures.choices import runs_folder
from egovops.reports.charts import report_style
from egovops.storage.database import Database

SUFFIXES = (".pdf", ".csv", ".json")


@dataclass
class EvaluationPreview:
    evaluation: Evaluation
    figure: Figure


def preview(db: Database, month: date, by: str, generated_by: str | None) -> EvaluationPreview:
    tz = zone(None)
    try:
        runs: Path | None = runs_folder(db)
    except EgovopsError:
        runs = None  # a store in memory has no run folders: baseline scores are then reported missing
    ev = evaluate(db, period_containing("month", month, tz), by, current_weights(db), runs, generated_by)
    with report_style():
        return EvaluationPreview(ev, trend_figure(ev))


def export(ev: Evaluation, path: Path, progress: Progress | None = None) -> Path:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        write_pdf(ev, path, progress)
    elif suffix == ".csv":
        write_csv(ev, path)
    elif suffix == ".json":
        write_json(ev, path)
    else:
        raise ValidationError(tr("the file name must end in {formats}", formats=", ".join(SUFFIXES)))
    return path


def default_file_name(ev: Evaluation, suffix: str) -> str:
    return f"evaluation-{ev.by}-{ev.period.first.strftime('%Y-%m')}{suffix}"
