"""Each measure's raw figure for a group of devices, and its normalisation to 0–100 points.

Raw figures are what the pack prints (availability %, MTTR seconds, incidents, mean seconds to
acknowledge, baseline %, backups fresh %, coverage %); points are what the weights multiply.
"No data" is scored by what it means: no outage means full MTTR points, no alarm full
acknowledgement points; but no monitoring means 0 availability and coverage points, since
unmonitored time is never counted as up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from egovops.availability.measures import GroupRow
from egovops.evaluation.incidents import Incident
from egovops.evaluation.repo import AlarmAck
from egovops.evaluation.weights import MEASURES, Scoring, Weights
from egovops.inventory.model import Device, DeviceRole

NO_CONFIGURATION = (DeviceRole.SERVER, DeviceRole.STORAGE)  # nothing for the backup procedure to take


def _clamp(x: float) -> float:
    return max(0.0, min(100.0, x))


def _falling(value: float, full: float, zero: float) -> float:
    """100 up to ``full``, 0 from ``zero``, a straight line between."""
    if value <= full:
        return 100.0
    if value >= zero:
        return 0.0
    return 100.0 * (zero - value) / (zero - full)


def ack_seconds(alarms: Sequence[AlarmAck], end: float) -> float | None:
    """Mean wait from raising to acknowledging. An alarm still unacknowledged at the end of the
    period counts with its wait so far; one that cleared by itself unacknowledged is left out."""
    waits = []
    for a in alarms:
        if a.acked_at is not None and a.acked_at < end:
            waits.append(max(0.0, a.acked_at - a.first_seen))
        elif a.cleared_at is None or a.cleared_at >= end:
            waits.append(end - a.first_seen)
    return sum(waits) / len(waits) if waits else None


def baseline_percent(members: Sequence[Device], scores: Mapping[str, tuple[float, float]]) -> float | None:
    """Mean 等保 baseline score; a device not checked in the period scores 0 (nothing shows it complies)."""
    if not members:
        return None
    return sum(scores[d.name][1] if d.name in scores else 0.0 for d in members) / len(members)


def backup_percent(
    members: Sequence[Device], last_backup: Mapping[str, float], end: float, scoring: Scoring
) -> float | None:
    """Share of devices with a configuration whose newest backup is at most N days old at the end."""
    wanted = [d for d in members if d.role not in NO_CONFIGURATION]
    if not wanted:
        return None
    limit = scoring.backup_max_age_days * 86400
    fresh = sum(1 for d in wanted if d.name in last_backup and end - last_backup[d.name] <= limit)
    return 100.0 * fresh / len(wanted)


def raw_figures(
    row: GroupRow,
    members: Sequence[Device],
    incidents: Sequence[Incident],
    alarms: Sequence[AlarmAck],
    baseline: Mapping[str, tuple[float, float]],
    last_backup: Mapping[str, float],
    end: float,
    scoring: Scoring,
) -> dict[str, float | None]:
    return {
        "availability": row.service.availability,
        "mttr": row.device.mttr,
        "major_incidents": float(len(incidents)),
        "ack_time": ack_seconds(alarms, end),
        "baseline": baseline_percent(members, baseline),
        "backup": backup_percent(members, last_backup, end, scoring),
        "coverage": row.coverage,
    }


def points(raw: Mapping[str, float | None], sla: float, scoring: Scoring) -> dict[str, float]:
    s = scoring
    availability, mttr, ack = raw["availability"], raw["mttr"], raw["ack_time"]
    zero = sla - s.availability_zero_below_sla
    return {
        "availability": 0.0 if availability is None else _clamp(100.0 * (availability - zero) / (sla - zero)),
        "mttr": 100.0 if mttr is None else _falling(mttr / 60, s.mttr_full_minutes, s.mttr_zero_minutes),
        "major_incidents": _clamp(100.0 - s.points_per_major_incident * (raw["major_incidents"] or 0.0)),
        "ack_time": 100.0 if ack is None else _falling(ack / 60, s.ack_full_minutes, s.ack_zero_minutes),
        "baseline": _clamp(raw["baseline"] or 0.0),
        "backup": 100.0 if raw["backup"] is None else _clamp(raw["backup"]),
        "coverage": _clamp(raw["coverage"] or 0.0),
    }


def total(pts: Mapping[str, float], weights: Weights) -> float:
    return sum(weights.weight(m) * pts[m] for m in MEASURES) / 100.0
