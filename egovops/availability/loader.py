"""Reading a History for a time range from the store."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from egovops.availability.history import NO_ROOT, STATE_CODES, History
from egovops.availability.maintenance import MaintenanceWindow
from egovops.inventory.model import Device
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import StateRepository


def maintenance_arrays(devices: Sequence[Device], windows: Sequence[MaintenanceWindow], start: float, end: float
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence of every window, once per device it applies to."""
    dev, a, b = [], [], []
    for window in windows:
        times = window.occurrences(start, end)
        if not times:
            continue
        for i, device in enumerate(devices):
            if window.applies_to(device):
                for s, e in times:
                    dev.append(i)
                    a.append(s)
                    b.append(e)
    return np.array(dev, np.int64), np.array(a, float), np.array(b, float)


def load_history(db: Database, devices: Sequence[Device], windows: Sequence[MaintenanceWindow],
                 start: float, end: float) -> History:
    ids = InventoryRepository(db).device_ids()
    states = StateRepository(db)
    where = np.full(max(ids.values(), default=0) + 1, -1, np.int64)
    for i, device in enumerate(devices):
        where[ids[device.name]] = i
    rows = states.history_rows(start, end)
    t_dev = where[np.array([r[0] for r in rows], np.int64)] if rows else np.zeros(0, np.int64)
    codes = np.array([STATE_CODES[r[2]] for r in rows], np.int64)
    roots = np.array([NO_ROOT if r[3] is None else where[r[3]] for r in rows], np.int64)
    t_at = np.array([r[1] for r in rows], float)
    keep = t_dev >= 0  # transitions of devices left out of this report
    order = np.lexsort((t_at[keep], t_dev[keep]))
    spans = states.span_rows(start, end)
    s_dev = where[np.array([s[0] for s in spans], np.int64)] if spans else np.zeros(0, np.int64)
    s_keep = s_dev >= 0
    seen = np.full(len(devices), np.nan)
    for device_id, at in states.first_seen().items():
        if device_id < where.size and where[device_id] >= 0:
            seen[where[device_id]] = at
    m_dev, m_start, m_end = maintenance_arrays(devices, windows, start, end)
    return History(
        names=[d.name for d in devices],
        t_dev=t_dev[keep][order], t_at=t_at[keep][order], t_state=codes[keep][order], t_root=roots[keep][order],
        s_dev=s_dev[s_keep], s_start=np.array([s[1] for s in spans], float)[s_keep],
        s_end=np.array([s[2] for s in spans], float)[s_keep],
        m_dev=m_dev, m_start=m_start, m_end=m_end, first_seen=seen,
    )
