"""The engine's input: a device list and their history as flat numpy arrays.

Arrays rather than lists of objects because a province-wide year is ~500,000 transitions and the
report must be computed in well under a second; numpy sorts and sums them without a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from egovops.storage.state_repo import MonitoredSpan, Transition

# State codes. "none" is a device with no transition yet: its state is not known.
STATE_CODES = {"up": 0, "degraded": 1, "down": 2, "unreachable": 3, "unknown": 4}
NONE = 5
NO_ROOT = -1


@dataclass
class History:
    """Everything the engine reads, for devices 0..n-1 (indices into ``names``).

    Transition arrays are ordered by device then time and include, per device, the last
    transition before the loaded range (the state in effect when it starts).
    """

    names: list[str]
    t_dev: np.ndarray
    t_at: np.ndarray
    t_state: np.ndarray
    t_root: np.ndarray
    s_dev: np.ndarray
    s_start: np.ndarray
    s_end: np.ndarray
    m_dev: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    m_start: np.ndarray = field(default_factory=lambda: np.zeros(0))
    m_end: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # Epoch of the device's first monitored moment ever; NaN when it was never watched.
    first_seen: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def count(self) -> int:
        return len(self.names)

    def index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.names)}


def _sorted(dev: np.ndarray, key: np.ndarray, *others: np.ndarray) -> tuple[np.ndarray, ...]:
    order = np.lexsort((key, dev))
    return (dev[order], key[order], *(o[order] for o in others))


def from_records(
    names: Sequence[str],
    transitions: Iterable[Transition],
    spans: Iterable[MonitoredSpan],
    maintenance: Iterable[tuple[str, float, float]] = (),
    first_seen: dict[str, float] | None = None,
) -> History:
    """Build a History from repository records (tests, small stores)."""
    where = {n: i for i, n in enumerate(names)}
    ts = [t for t in transitions if t.device in where]
    t_dev = np.array([where[t.device] for t in ts], np.int64)
    t_at = np.array([t.at for t in ts], float)
    t_state = np.array([STATE_CODES[t.state] for t in ts], np.int64)
    t_root = np.array([where.get(t.root_cause, NO_ROOT) if t.root_cause else NO_ROOT for t in ts], np.int64)
    sp = [s for s in spans if s.device in where]
    ms = [m for m in maintenance if m[0] in where]
    if first_seen is None:
        first_seen = {}
        for s in sp:
            first_seen[s.device] = min(first_seen.get(s.device, s.start), s.start)
    t_dev, t_at, t_state, t_root = _sorted(t_dev, t_at, t_state, t_root)
    return History(
        names=list(names),
        t_dev=t_dev, t_at=t_at, t_state=t_state, t_root=t_root,
        s_dev=np.array([where[s.device] for s in sp], np.int64),
        s_start=np.array([s.start for s in sp], float),
        s_end=np.array([s.end for s in sp], float),
        m_dev=np.array([where[m[0]] for m in ms], np.int64),
        m_start=np.array([m[1] for m in ms], float),
        m_end=np.array([m[2] for m in ms], float),
        first_seen=np.array([first_seen.get(n, np.nan) for n in names], float),
    )
