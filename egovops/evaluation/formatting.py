"""How the pack writes each measure, the same in the PDF, the terminal and the console."""

from __future__ import annotations

from egovops.evaluation.weights import MEASURES, Weights
from egovops.i18n import tr
from egovops.reports.formatting import duration, percent

TITLES = {
    "availability": "service availability",
    "mttr": "MTTR (root causes)",
    "major_incidents": "major incidents",
    "ack_time": "time to acknowledge",
    "baseline": "baseline compliance (MLPS 2.0)",
    "backup": "backups fresh",
    "coverage": "monitoring coverage",
}

SHORT = {  # column headers of the ranking, where the full titles would squeeze the figures
    "availability": "availability",
    "mttr": "MTTR",
    "major_incidents": "majors",
    "ack_time": "to ack",
    "baseline": "baseline",
    "backup": "backups",
    "coverage": "coverage",
}


def title(measure: str) -> str:
    return tr(TITLES[measure])


def short_title(measure: str) -> str:
    return tr(SHORT[measure])


def raw_text(measure: str, value: float | None) -> str:
    if measure in ("mttr", "ack_time"):
        return tr("none") if value is None else duration(value)
    if measure == "major_incidents":
        return str(int(value or 0))
    if value is None:
        return "-"
    return percent(value, 3 if measure == "availability" else 1)


def points_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def weights_line(weights: Weights) -> str:
    return tr("weights: {list}", list="; ".join(f"{title(m)} {weights.weight(m):g}" for m in MEASURES))


def definitions(weights: Weights, sla: float) -> list[str]:
    s = weights.scoring
    return [
        tr(
            "Major incident: an outage of a device's own (not behind another) that hit a core device, lasted at least "
            "{minutes:g} min, or cut off at least {n:g} other devices. Each costs {points:g} points of that measure.",
            minutes=s.major_minutes,
            n=s.major_downstream,
            points=s.points_per_major_incident,
        ),
        tr(
            "Availability (service view) scores 100 at the SLA target {sla:g}% and 0 at {zero:g}%; MTTR (device view, "
            "root causes only) 100 up to {full:g} min and 0 from {zero_m:g} min, 'none' when nothing failed "
            "(full points); time to acknowledge 100 up to {a_full:g} min and 0 from {a_zero:g} min.",
            sla=sla,
            zero=sla - s.availability_zero_below_sla,
            full=s.mttr_full_minutes,
            zero_m=s.mttr_zero_minutes,
            a_full=s.ack_full_minutes,
            a_zero=s.ack_zero_minutes,
        ),
        tr(
            "Baseline: mean score of the latest check in the month, an unchecked device counting 0. Backups: share of "
            "devices with a configuration backed up within {days:g} days of the month's end. Coverage: monitored share "
            "of the time; unmonitored time is never counted as up.",
            days=s.backup_max_age_days,
        ),
        tr(
            "Weights are points out of 100 and must add up to 100 (other sums are refused). A device counts for the "
            "unit and place it has when the pack is made, for the whole month."
        ),
    ]
