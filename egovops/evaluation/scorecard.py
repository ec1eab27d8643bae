"""The monthly scorecard: one row per owner unit (or city, or county), its raw figures, points,
weighted total, rank and the totals of the months before.

A device counts wholly for the unit and place it has in the inventory when the pack is made:
the inventory keeps no history of owners, so a device moved to another unit mid-month brings its
whole month with it (stated on the pack). Cities and counties with no device are listed, unranked.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np

from egovops.accounts.identity import os_user_name
from egovops.availability.engine import compute
from egovops.availability.grouping import _short, group_index
from egovops.availability.history import History
from egovops.availability.loader import load_history
from egovops.availability.measures import aggregate
from egovops.availability.periods import Period, period_containing
from egovops.availability.repo import AvailabilityRepository
from egovops.errors import ValidationError
from egovops.evaluation.incidents import Incident, major_incidents
from egovops.evaluation.repo import AlarmAck, EvaluationRepository, RunInputs
from egovops.evaluation.scoring import points, raw_figures, total
from egovops.evaluation.weights import Weights
from egovops.i18n import tr
from egovops.inventory.model import Device, Site, SiteKind
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

GROUPS = ("unit", "city", "county")


@dataclass
class UnitScore:
    key: str
    devices: int
    raw: dict[str, float | None]
    points: dict[str, float]
    total: float | None  # None: no devices, not ranked
    rank: int | None = None
    trend: list[float | None] = field(default_factory=list)  # oldest month first, this month last


@dataclass
class Evaluation:
    period: Period
    by: str
    weights: Weights
    sla: float
    units: list[UnitScore]  # ranked first, best first; unranked (no devices) last
    months: list[date]  # of the trend, oldest first
    incidents: list[Incident]
    generated_by: str
    generated_at: datetime
    notes: list[str] = field(default_factory=list)
    members: dict[str, set[str]] = field(default_factory=dict)  # group → its devices' names


@dataclass
class MonthInputs:
    period: Period
    alarms: list[AlarmAck]
    runs: RunInputs
    stored_backups: dict[str, float]


def _labels(devices: Sequence[Device], sites: Sequence[Site], by: str) -> tuple[list[str], list[int]]:
    kinds = {s.path: s.kind for s in sites}
    labels, index = group_index(devices, by, kinds)
    if by in ("city", "county"):  # places with no device still belong in the list
        wanted = SiteKind.CITY if by == "city" else SiteKind.COUNTY
        labels += [k for k in (_short(s.path) for s in sites if s.kind is wanted) if k not in labels]
    return labels, index


def score_month(
    h: History,
    devices: Sequence[Device],
    labels: Sequence[str],
    index: Sequence[int],
    inputs: MonthInputs,
    weights: Weights,
    sla: float,
) -> tuple[list[UnitScore], list[Incident]]:
    """Every group's figures for one month; ``h`` must cover the month."""
    p = inputs.period
    g = np.asarray(index, np.int64)
    rows = aggregate(compute(h, p.start, p.end), g, labels, sla)
    incidents = major_incidents(h, devices, p.start, p.end, weights.scoring)
    group_of = {d.name: labels[i] for d, i in zip(devices, index, strict=True)}
    members: dict[str, list[Device]] = defaultdict(list)
    for d, i in zip(devices, index, strict=True):
        members[labels[i]].append(d)
    by_group_incidents: dict[str, list[Incident]] = defaultdict(list)
    for inc in incidents:
        by_group_incidents[group_of[inc.device]].append(inc)
    by_group_alarms: dict[str, list[AlarmAck]] = defaultdict(list)
    for a in inputs.alarms:
        if a.device in group_of:
            by_group_alarms[group_of[a.device]].append(a)
    baseline = {k: v for k, v in inputs.runs.baseline.items() if v[0] >= p.start}
    last_backup = dict(inputs.stored_backups)
    for name, at in inputs.runs.backups.items():
        last_backup[name] = max(at, last_backup.get(name, at))
    scores = []
    for row in rows:
        raw = raw_figures(
            row,
            members[row.key],
            by_group_incidents[row.key],
            by_group_alarms[row.key],
            baseline,
            last_backup,
            p.end,
            weights.scoring,
        )
        pts = points(raw, sla, weights.scoring)
        scores.append(UnitScore(row.key, row.devices, raw, pts, total(pts, weights) if row.devices else None))
    return scores, incidents


def rank(scores: list[UnitScore]) -> list[UnitScore]:
    """Best total first; equal totals share a rank (1, 2, 2, 4); groups with no devices last, unranked."""
    rated = sorted((s for s in scores if s.total is not None), key=lambda s: (-round(s.total or 0, 6), s.key))
    for n, s in enumerate(rated):
        same = n > 0 and round(s.total or 0, 6) == round(rated[n - 1].total or 0, 6)
        s.rank = rated[n - 1].rank if same else n + 1
    return rated + sorted((s for s in scores if s.total is None), key=lambda s: s.key)


def _inputs(repo: EvaluationRepository, period: Period, weights: Weights) -> MonthInputs:
    back = weights.scoring.backup_max_age_days * 86400  # a backup late last month is still fresh
    return MonthInputs(
        period,
        repo.alarms(period.start, period.end),
        repo.runs(period.start - back, period.end),
        repo.stored_backups(period.end),
    )


def evaluate(
    db: Database,
    period: Period,
    by: str,
    weights: Weights,
    runs_folder: Path | None,
    generated_by: str | None = None,
    now: float | None = None,
) -> Evaluation:
    """The whole pack from the store: this month's scorecard ranked, with each group's trend."""
    if by not in GROUPS:
        raise ValidationError(tr("cannot group by {by}; choose one of {choices}", by=by, choices=", ".join(GROUPS)))
    period = period.until(time.time() if now is None else now)
    if not period.elapsed:
        raise ValidationError(tr("the period {period} has not begun yet", period=period.label))
    inventory = InventoryRepository(db)
    devices, sites = inventory.devices(), inventory.sites()
    if not devices:
        raise ValidationError(tr("the inventory holds no devices to report on"))
    availability = AvailabilityRepository(db)
    sla, windows = availability.sla_target(), availability.windows()
    months = [
        period_containing("month", _month_back(period.first, k), period.tz)
        for k in range(weights.trend_months - 1, 0, -1)
    ]
    h = load_history(db, devices, windows, months[0].start if months else period.start, period.end)
    labels, index = _labels(devices, sites, by)
    repo = EvaluationRepository(db, runs_folder)
    scores, incidents = score_month(h, devices, labels, index, _inputs(repo, period, weights), weights, sla)
    history: dict[str, list[float | None]] = {s.key: [] for s in scores}
    for month in months:
        monitored = availability.has_monitoring(month.start, month.end)
        earlier, _ = (
            score_month(h, devices, labels, index, _inputs(repo, month, weights), weights, sla)
            if monitored
            else ([], [])
        )
        got = {s.key: s.total for s in earlier}
        for key, values in history.items():
            values.append(got.get(key))
    for s in scores:
        s.trend = [*history[s.key], s.total]
    result = Evaluation(
        period,
        by,
        weights,
        sla,
        rank(scores),
        [m.first for m in months] + [period.first],
        incidents,
        generated_by or os_user_name(),
        datetime.now(period.tz),
    )
    for d, i in zip(devices, index, strict=True):
        result.members.setdefault(labels[i], set()).add(d.name)
    if not availability.has_monitoring(period.start, period.end):
        result.notes.append(
            tr("no device was monitored in {period}: there is nothing to report for it", period=period.label)
        )
    if repo_missing := _missing(repo, period, weights):
        result.notes.append(
            tr(
                "{n} baseline runs have no report.json in {folder}: their scores are not counted",
                n=repo_missing,
                folder=str(runs_folder),
            )
        )
    return result


def _missing(repo: EvaluationRepository, period: Period, weights: Weights) -> int:
    return repo.runs(period.start, period.end).missing_runs


def _month_back(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
