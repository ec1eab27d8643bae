"""Time series for the device view's charts: CPU, memory and per-interface traffic over a window.

The last hour and the last day come from the raw samples (kept for days); a week comes from the
hourly rollups, which hold averages and are the only thing kept that long. Loading happens on a
worker thread; the console only plots the arrays returned here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import groupby

from egovops.storage.database import Database
from egovops.device_detail.repo import DeviceDetailRepository

WINDOWS = {"1h": 3600.0, "24h": 86400.0, "7d": 7 * 86400.0}
HOURLY_FROM_S = 2 * 86400.0  # windows longer than this read the rollups


@dataclass(frozen=True)
class Traffic:
    name: str
    times: list[float]
    in_bps: list[float | None]
    out_bps: list[float | None]


@dataclass(frozen=True)
class DeviceSeries:
    device: str
    window: str
    start: float
    end: float
    source: str  # "raw" or "hourly"
    times: list[float] = field(default_factory=list)
    cpu: list[float | None] = field(default_factory=list)
    mem: list[float | None] = field(default_factory=list)
    traffic: dict[int, Traffic] = field(default_factory=dict)  # ifIndex → its series

    @property
    def empty(self) -> bool:
        return not self.times and not self.traffic


def window_seconds(window: str) -> float:
    try:
        return WINDOWS[window]
    except KeyError:
        raise ValueError(f"unknown chart window {window!r}; choose one of {', '.join(WINDOWS)}") from None


def load_series(database: Database, device: str, window: str, now: float | None = None) -> DeviceSeries:
    span = window_seconds(window)
    end = now if now is not None else time.time()
    start = end - span
    repo = DeviceDetailRepository(database)
    hourly = span > HOURLY_FROM_S
    health = repo.health_hourly(device, start) if hourly else repo.health_raw(device, start)
    points = repo.traffic_hourly(device, start) if hourly else repo.traffic_raw(device, start)
    names = repo.interface_names(device)
    traffic = {}
    for index, group in groupby(points, key=lambda p: p.if_index):
        rows = list(group)
        traffic[index] = Traffic(names.get(index, f"ifIndex {index}"), [p.at for p in rows],
                                 [p.in_bps for p in rows], [p.out_bps for p in rows])
    return DeviceSeries(device, window, start, end, "hourly" if hourly else "raw",
                        [h.at for h in health], [h.cpu_percent for h in health], [h.mem_percent for h in health], traffic)
