"""An availability report: the figures a supervisor hands in, computed once for every export.

``build_report`` works on an in-memory History (tests, benchmarks); ``report_from_store`` reads
the store first. Exports (PDF, PNG/SVG, CSV, JSON) in ``egovops.reports`` only format this.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import numpy as np

from egovops.accounts.identity import os_user_name
from egovops.availability.coverage import CityCoverage, access_coverage
from egovops.availability.engine import DeviceTotals, compute
from egovops.availability.grouping import GROUPINGS, group_index
from egovops.availability.history import History
from egovops.availability.loader import load_history
from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.measures import GroupRow, aggregate, worst
from egovops.availability.periods import Period, local_midnight, month_starts
from egovops.availability.repo import AvailabilityRepository
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device, Site
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

VIEWS = ("service", "device")


@dataclass(frozen=True)
class ReportRequest:
    period: Period
    by: str = "city"
    view: str = "service"
    sla: float = 99.9
    top: int = 10
    trend_months: int = 12
    heat_rows: int = 30

    def __post_init__(self) -> None:
        if self.by not in GROUPINGS:
            raise ValidationError(tr("cannot group by {by}; choose one of {choices}", by=self.by, choices=", ".join(GROUPINGS)))
        if self.view not in VIEWS:
            raise ValidationError(tr("the view must be service or device"))

    def history_start(self) -> float:
        return min(self.period.start, local_midnight(month_starts(self.period, self.trend_months)[0], self.period.tz).timestamp())


@dataclass
class HeatMap:
    labels: list[str]
    days: list[date]
    percent: np.ndarray  # (labels, days); NaN where nothing was monitored


@dataclass
class Trend:
    months: list[date]
    service: list[float | None]
    device: list[float | None]


@dataclass
class WindowUse:
    window: MaintenanceWindow
    occurrences: int
    seconds: float  # wall-clock seconds of its occurrences inside the period


@dataclass
class AvailabilityReport:
    request: ReportRequest
    generated_by: str
    generated_at: datetime
    total: GroupRow
    rows: list[GroupRow]
    cities: list[GroupRow]
    worst: list[GroupRow]
    coverage: list[CityCoverage]
    windows: list[WindowUse]
    heat: HeatMap
    trend: Trend
    notes: list[str] = field(default_factory=list)


def _percent(up: np.ndarray, down: np.ndarray) -> np.ndarray:
    whole = up + down
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, 100.0 * up / np.where(whole > 0, whole, 1), np.nan)


def _view_down(buckets: np.ndarray, view: str) -> np.ndarray:
    return buckets[..., 1] + (buckets[..., 2] if view == "service" else 0.0)


def _heat(totals: DeviceTotals, req: ReportRequest, labels: list[str], rows: list[GroupRow]) -> HeatMap:
    assert totals.buckets is not None
    percent = _percent(totals.buckets[..., 0], _view_down(totals.buckets, req.view))
    chosen = [r.key for r in worst(rows, req.view, req.heat_rows)]
    position = {k: i for i, k in enumerate(labels)}
    days = req.period.days()
    return HeatMap(chosen, days, percent[[position[k] for k in chosen]] if chosen else np.zeros((0, len(days))))


def _trend(h: History, req: ReportRequest, daily: np.ndarray) -> Trend:
    """Monthly figures for the whole network; from the period's daily buckets when they cover it."""
    months = month_starts(req.period, req.trend_months)
    starts = [local_midnight(m, req.period.tz).timestamp() for m in months]
    begin = req.history_start()
    if begin >= req.period.start:
        month_of_day = np.searchsorted([m.toordinal() for m in months], [d.toordinal() for d in req.period.days()], "right") - 1
        b = np.zeros((len(months), 3))
        np.add.at(b, month_of_day, daily.sum(axis=0))
    else:
        extra = begin < starts[0]  # a custom period longer than the trend: skip its earlier part
        totals = compute(h, begin, req.period.end, starts if extra else starts[1:], outages=False)
        assert totals.buckets is not None
        b = totals.buckets[0][1:] if extra else totals.buckets[0]
    values = {v: [None if np.isnan(x) else float(x) for x in _percent(b[:, 0], _view_down(b, v))] for v in VIEWS}
    return Trend(months, values["service"], values["device"])


def _window_uses(windows: Sequence[MaintenanceWindow], period: Period) -> list[WindowUse]:
    uses = []
    for w in windows:
        times = w.occurrences(period.start, period.end)
        if times:
            seconds = sum(min(e, period.end) - max(s, period.start) for s, e in times)
            uses.append(WindowUse(w, len(times), seconds))
    return uses


def elapsed_request(req: ReportRequest, now: float | None = None) -> ReportRequest:
    """``req`` with its period ending at ``now`` (default: the clock) if that comes first; a
    period that has not begun is refused by name."""
    period = req.period.until(time.time() if now is None else now)
    if not period.elapsed:
        raise ValidationError(tr("the period {period} has not begun yet", period=req.period.label))
    return replace(req, period=period)


def build_report(h: History, devices: Sequence[Device], sites: Sequence[Site], windows: Sequence[MaintenanceWindow],
                 req: ReportRequest, generated_by: str | None = None, now: float | None = None) -> AvailabilityReport:
    """The whole report; ``h`` must hold history from ``req.history_start()`` to the period's end.
    Only the elapsed part of the period counts (it ends at ``now``, default the clock)."""
    if not devices:
        raise ValidationError(tr("the inventory holds no devices to report on"))
    req = elapsed_request(req, now)
    kinds = {s.path: s.kind for s in sites}
    p = req.period
    labels, groups = group_index(devices, req.by, kinds)
    # One pass over the period gives the per-device figures and the daily buckets of the heat map.
    totals = compute(h, p.start, p.end, p.day_boundaries(), np.asarray(groups, np.int64), len(labels))
    assert totals.buckets is not None
    rows = aggregate(totals, groups, labels, req.sla)
    city_labels, city_groups = group_index(devices, "city", kinds)
    cities = aggregate(totals, city_groups, city_labels, req.sla)
    total = aggregate(totals, [0] * len(devices), [tr("all devices")], req.sla)[0]
    return AvailabilityReport(
        request=req, generated_by=generated_by or os_user_name(), generated_at=datetime.now(p.tz),
        total=total, rows=sorted(rows, key=lambda r: r.key), cities=cities, worst=worst(rows, req.view, req.top),
        coverage=access_coverage(sites, devices, totals), windows=_window_uses(windows, p),
        heat=_heat(totals, req, labels, rows), trend=_trend(h, req, totals.buckets),
    )


def report_from_store(db: Database, req: ReportRequest, generated_by: str | None = None,
                      now: float | None = None) -> AvailabilityReport:
    req = elapsed_request(req, now)
    inventory = InventoryRepository(db)
    devices, sites = inventory.devices(), inventory.sites()
    repo = AvailabilityRepository(db)
    windows = repo.windows()
    h = load_history(db, devices, windows, req.history_start(), req.period.end)
    report = build_report(h, devices, sites, windows, req, generated_by, req.period.end)
    if not repo.has_monitoring(req.period.start, req.period.end):
        report.notes.append(no_data_note(req.period))
    return report


def no_data_note(period: Period) -> str:
    return tr("no device was monitored in {period}: there is nothing to report for it", period=period.label)
