"""Figures of a group of devices: availability, outages, MTTR/MTBF, coverage, SLA.

Availability = available / (available + outage) over monitored, unplanned time only; with no
such time it is None ("no data"), never 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from egovops.availability.engine import DOWN_OWN, MAINT, ROOTED, UNMON, UP, DeviceTotals


@dataclass(frozen=True)
class ViewMeasures:
    available: float  # seconds
    outage: float  # seconds
    outages: int
    longest: float  # seconds
    availability: float | None  # percent
    mttr: float | None  # seconds
    mtbf: float | None  # seconds
    sla_met: bool | None
    attributed: float = 0.0  # device view: unreachable time charged to an upstream root cause


@dataclass(frozen=True)
class GroupRow:
    key: str
    devices: int
    in_service: float  # seconds the devices existed in the period, summed
    maintenance: float
    unmonitored: float
    monitored: float
    coverage: float | None  # percent of unplanned time actually monitored
    caused: float  # seconds of downstream devices' unreachability rooted in these devices
    service: ViewMeasures
    device: ViewMeasures

    def view(self, name: str) -> ViewMeasures:
        return self.service if name == "service" else self.device


def _percent(part: float, whole: float) -> float | None:
    return float(100.0 * part / whole) if whole > 0 else None


def _view(up: float, down: float, outages: int, longest: float, sla: float, attributed: float = 0.0) -> ViewMeasures:
    availability = _percent(up, up + down)
    return ViewMeasures(
        available=up, outage=down, outages=outages, longest=longest, availability=availability,
        mttr=down / outages if outages else None, mtbf=up / outages if outages else None,
        sla_met=None if availability is None else availability >= sla - 1e-9, attributed=attributed,
    )


def aggregate(totals: DeviceTotals, groups: Sequence[int] | np.ndarray, labels: Sequence[str], sla: float) -> list[GroupRow]:
    """One row per label, adding up the devices whose group index points at it."""
    g = np.asarray(groups, np.int64)
    m = len(labels)

    def summed(values: np.ndarray) -> np.ndarray:
        return np.bincount(g, weights=values, minlength=m)

    def longest(values: np.ndarray) -> np.ndarray:
        out = np.zeros(m)
        np.maximum.at(out, g, values)
        return out

    sec = totals.seconds
    up, own, rooted = summed(sec[:, UP]), summed(sec[:, DOWN_OWN]), summed(sec[:, ROOTED])
    maint, unmon = summed(sec[:, MAINT]), summed(sec[:, UNMON])
    count = np.bincount(g, minlength=m)
    caused = summed(totals.caused)
    svc, dev = totals.outages["service"], totals.outages["device"]
    s_n, s_long = summed(svc.count.astype(float)), longest(svc.longest)
    d_n, d_long = summed(dev.count.astype(float)), longest(dev.longest)
    rows = []
    for i, key in enumerate(labels):
        monitored = up[i] + own[i] + rooted[i]
        rows.append(GroupRow(
            key=key, devices=int(count[i]), in_service=float(monitored + maint[i] + unmon[i]),
            maintenance=float(maint[i]), unmonitored=float(unmon[i]), monitored=float(monitored),
            coverage=_percent(monitored, monitored + unmon[i]), caused=float(caused[i]),
            service=_view(float(up[i]), float(own[i] + rooted[i]), int(s_n[i]), float(s_long[i]), sla),
            device=_view(float(up[i]), float(own[i]), int(d_n[i]), float(d_long[i]), sla, attributed=float(rooted[i])),
        ))
    return rows


def worst(rows: Sequence[GroupRow], view: str, n: int) -> list[GroupRow]:
    """The ``n`` rows with the lowest availability; rows without data are left out."""
    rated = [r for r in rows if r.view(view).availability is not None]
    return sorted(rated, key=lambda r: (r.view(view).availability, -r.view(view).outage, r.key))[:n]
