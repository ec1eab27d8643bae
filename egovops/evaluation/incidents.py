"""Major incidents: root-cause outages that matter to a supervisor, found in the state history.

A major incident is an outage of a device's own (down, or unreachable with no upstream cause —
the root cause of whatever it cut off) inside the period that meets any of:

* the device is a core device;
* it lasted at least ``major_minutes`` (30 by default) inside the period;
* while it lasted, at least ``major_downstream`` (5) other devices were unreachable because of it.

Outages of devices unreachable behind another device are that device's incident, not theirs.
Planned time — maintenance windows and disaster-recovery drills, which the loader gives as the
history's ``m_*`` intervals — is cut out of each outage first: a core switch taken down in a drill
is the drill's purpose, not an incident, while the part of an outage that outlasts the drill is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from egovops.availability.history import NO_ROOT, STATE_CODES, History
from egovops.evaluation.weights import Scoring
from egovops.inventory.model import Device, DeviceRole

DOWN, UNREACHABLE = STATE_CODES["down"], STATE_CODES["unreachable"]


@dataclass(frozen=True)
class Incident:
    device: str
    start: float
    end: float  # clipped to the period
    downstream: int
    core: bool

    @property
    def seconds(self) -> float:
        return self.end - self.start


def _own_outage(state: int, root: int) -> bool:
    return state == DOWN or (state == UNREACHABLE and root == NO_ROOT)


def _episodes(h: History, dev: int, start: float, end: float) -> list[tuple[float, float]]:
    """[from, to) of the device's own outages, clipped to [start, end)."""
    pick = np.flatnonzero(h.t_dev == dev)
    out, opened = [], None
    for k in pick:
        at, bad = float(h.t_at[k]), _own_outage(int(h.t_state[k]), int(h.t_root[k]))
        if at >= end:
            break
        if bad and opened is None:
            opened = max(at, start)
        elif not bad and opened is not None:
            if at > start:
                out.append((opened, at))
            opened = None
    if opened is not None:
        out.append((opened, end))
    return [(a, b) for a, b in out if b > a]


def _unplanned(h: History, dev: int, a: float, b: float) -> list[tuple[float, float]]:
    """[a, b) less the device's planned intervals (maintenance windows and drills)."""
    mine = np.flatnonzero(h.m_dev == dev)
    pieces = [(a, b)]
    for k in mine[np.argsort(h.m_start[mine], kind="stable")].tolist():
        ps, pe = float(h.m_start[k]), float(h.m_end[k])
        cut = []
        for x, y in pieces:
            if pe <= x or ps >= y:
                cut.append((x, y))
                continue
            if ps > x:
                cut.append((x, ps))
            if pe < y:
                cut.append((pe, y))
        pieces = cut
    return [(x, y) for x, y in pieces if y > x]


def _downstream(h: History, dev: int, a: float, b: float) -> int:
    hit = (h.t_root == dev) & (h.t_state == UNREACHABLE) & (h.t_at >= a) & (h.t_at < b)
    return int(np.unique(h.t_dev[hit]).size)


def major_incidents(
    h: History, devices: Sequence[Device], start: float, end: float, scoring: Scoring
) -> list[Incident]:
    """Every major incident of the period, by device order then time."""
    found = []
    suspects = np.unique(h.t_dev[(h.t_state == DOWN) | ((h.t_state == UNREACHABLE) & (h.t_root == NO_ROOT))])
    for dev in suspects.tolist():
        core = devices[dev].role is DeviceRole.CORE
        for a, b in (piece for e in _episodes(h, dev, start, end) for piece in _unplanned(h, dev, *e)):
            below = _downstream(h, dev, a, b)
            if core or b - a >= scoring.major_minutes * 60 or below >= scoring.major_downstream:
                found.append(Incident(devices[dev].name, a, b, below, core))
    return found
