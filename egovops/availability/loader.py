"""Reading a History for a time range from the store."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from egovops.availability.drills import drill_arrays, drill_spans
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
    table = np.array(states.history_rows(start, end, STATE_CODES), dtype=float).reshape(-1, 5)
    t_dev = where[table[:, 0].astype(np.int64)]
    at, codes, row_ids = table[:, 1], table[:, 2].astype(np.int64), table[:, 4].astype(np.int64)
    roots = table[:, 3].astype(np.int64)
    root_idx = np.where(roots >= 0, where[np.maximum(roots, 0)], NO_ROOT)
    if (codes < 0).any():
        raise ValueError("the store holds a device state this version does not know")
    keep = t_dev >= 0  # transitions of devices left out of this report
    order = np.lexsort((row_ids[keep], at[keep], t_dev[keep]))
    spans = states.span_rows(start, end)
    s_dev = where[np.array([s[0] for s in spans], np.int64)] if spans else np.zeros(0, np.int64)
    s_keep = s_dev >= 0
    seen = np.full(len(devices), np.nan)
    for device_id, first in states.first_seen().items():
        if device_id < where.size and where[device_id] >= 0:
            seen[where[device_id]] = first
    m_dev, m_start, m_end = maintenance_arrays(devices, windows, start, end)
    # Drills are planned outages as maintenance is: their time is excluded the same way.
    d_dev, d_start, d_end = drill_arrays(devices, drill_spans(db, start, end), end)
    m_dev, m_start = np.concatenate((m_dev, d_dev)), np.concatenate((m_start, d_start))
    m_end = np.concatenate((m_end, d_end))
    return History(
        names=[d.name for d in devices],
        t_dev=t_dev[keep][order], t_at=at[keep][order], t_state=codes[keep][order], t_root=root_idx[keep][order],
        s_dev=s_dev[s_keep], s_start=np.array([s[1] for s in spans], float)[s_keep],
        s_end=np.array([s[2] for s in spans], float)[s_keep],
        m_dev=m_dev, m_start=m_start, m_end=m_end, first_seen=seen,
    )
