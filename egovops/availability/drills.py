"""Disaster-recovery drills, seen from availability: planned outages, excluded like maintenance.

A drill (egovops.dr) takes devices down on purpose; its alarms are drill alarms and its time must
not lower anyone's availability. The engine already has a class for planned time that is excluded
and reported apart (MAINT), so a drill's span over the devices in its scope is added to the same
intervals as a maintenance window's occurrences, in the one loader every report goes through
(availability reports and the evaluation pack alike). This module reads the drills' table itself:
egovops.dr sits above availability in the layers and may not be imported from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import or_, select

from egovops.inventory.model import Device
from egovops.storage.database import Database
from egovops.storage.tables.dr import dr_drills


@dataclass(frozen=True)
class DrillSpan:
    start: float
    end: float | None  # None while the drill runs
    scope: tuple[str, ...]  # site paths (with everything under them) and device names

    def applies_to(self, device: Device) -> bool:
        return any(device.name == s or device.site == s or device.site.startswith(s + "/") for s in self.scope)


def drill_spans(db: Database, start: float, end: float) -> list[DrillSpan]:
    """Drills that overlap [start, end)."""
    query = select(dr_drills.c.started_at, dr_drills.c.ended_at, dr_drills.c.scope).where(
        dr_drills.c.started_at < end, or_(dr_drills.c.ended_at.is_(None), dr_drills.c.ended_at > start))
    with db.read() as conn:
        return [DrillSpan(r.started_at, r.ended_at, tuple(r.scope or ())) for r in conn.execute(query)]


def drill_arrays(devices: Sequence[Device], drills: Sequence[DrillSpan], end: float
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(device index, start, end) of each drill over each device in its scope; a running drill
    lasts, for a report, up to the report's end."""
    dev, a, b = [], [], []
    for drill in drills:
        for i, device in enumerate(devices):
            if drill.applies_to(device):
                dev.append(i)
                a.append(drill.start)
                b.append(end if drill.end is None else drill.end)
    return np.array(dev, np.int64), np.array(a, float), np.array(b, float)
