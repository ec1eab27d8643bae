"""The availability engine: device history → seconds per class, outages, and time buckets.

Every device's period is cut into segments at each event (state transition, start or end of
a monitored span, of a maintenance window, of the device's life). Each segment gets one class:

* ABSENT — before the device was first monitored (it did not exist yet for us);
* MAINT — inside a maintenance window: excluded from availability, reported separately;
* UNMON — not monitored (no span, or state unknown): never counted as up;
* UP — up or degraded ("degraded" counts as available);
* DOWN_OWN — down, or unreachable with no known upstream cause;
* ROOTED — unreachable because an upstream device (the root cause) failed.

Service view: ROOTED is an outage of the device (it could not be reached from the centre).
Device view: ROOTED is attributed to the root cause and left out of the device's own figures.
All of it is vectorised with numpy (see history.py for why).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from egovops.availability.history import NO_ROOT, NONE, History

ABSENT, MAINT, UNMON, UP, DOWN_OWN, ROOTED = range(6)
CLASSES = 6
VIEWS = ("service", "device")


@dataclass
class Outages:
    count: np.ndarray  # per device
    longest: np.ndarray  # seconds, per device


@dataclass
class DeviceTotals:
    seconds: np.ndarray  # (devices, CLASSES)
    outages: dict[str, Outages]  # by view
    caused: np.ndarray  # seconds of ROOTED time of others whose root cause was this device
    buckets: np.ndarray | None = None  # (groups, buckets, 3): UP, DOWN_OWN, ROOTED seconds


@dataclass
class _Events:
    dev: np.ndarray
    t: np.ndarray
    state: np.ndarray
    root: np.ndarray
    mon: np.ndarray
    maint: np.ndarray
    alive: np.ndarray


def _initial_states(h: History, start: float) -> tuple[np.ndarray, np.ndarray]:
    """Each device's state and root cause in effect at ``start`` (NONE when never reported)."""
    state = np.full(h.count, NONE, np.int64)
    root = np.full(h.count, NO_ROOT, np.int64)
    before = np.flatnonzero(h.t_at <= start)
    if before.size:
        devs = h.t_dev[before]
        last = before[np.append(devs[1:] != devs[:-1], True)]
        state[h.t_dev[last]] = h.t_state[last]
        root[h.t_dev[last]] = h.t_root[last]
    return state, root


def _clipped(dev: np.ndarray, a: np.ndarray, b: np.ndarray, start: float, end: float) -> tuple[np.ndarray, ...]:
    a, b = np.maximum(a, start), np.minimum(b, end)
    keep = b > a
    return dev[keep], a[keep], b[keep]


def _key(dev: np.ndarray, t: np.ndarray, start: float, end: float) -> np.ndarray:
    stride = int(round((end - start) * 1000)) + 2
    return dev.astype(np.int64) * stride + np.round((t - start) * 1000).astype(np.int64)


def _events(h: History, start: float, end: float) -> tuple[_Events, np.ndarray]:
    n = h.count
    everyone = np.arange(n, dtype=np.int64)
    init_state, init_root = _initial_states(h, start)
    inside = (h.t_at > start) & (h.t_at < end)
    s_dev, s0, s1 = _clipped(h.s_dev, h.s_start, h.s_end, start, end)
    m_dev, m0, m1 = _clipped(h.m_dev, h.m_start, h.m_end, start, end)
    seen = h.first_seen if h.first_seen.size else np.full(n, np.nan)
    born = np.where(np.isnan(seen), start, np.maximum(seen, start))
    alive = born < end
    a_dev = everyone[alive]
    parts = [
        # (dev, t, state, root, d_mon, d_maint, d_alive), in the order ties are to keep
        (everyone, np.full(n, start), init_state, init_root, 0, 0, 0),
        (h.t_dev[inside], h.t_at[inside], h.t_state[inside], h.t_root[inside], 0, 0, 0),
        (s_dev, s0, -1, NO_ROOT, 1, 0, 0),
        (s_dev, s1, -1, NO_ROOT, -1, 0, 0),
        (m_dev, m0, -1, NO_ROOT, 0, 1, 0),
        (m_dev, m1, -1, NO_ROOT, 0, -1, 0),
        (a_dev, born[alive], -1, NO_ROOT, 0, 0, 1),
        (everyone, np.full(n, end), -1, NO_ROOT, 0, 0, -alive.astype(np.int64)),
    ]

    def column(i: int, dtype: type) -> np.ndarray:
        return np.concatenate([np.broadcast_to(np.asarray(p[i], dtype), p[0].shape) for p in parts])

    dev, t = column(0, np.int64), column(1, float)
    key = _key(dev, t, start, end)
    # One integer key sorted stably is several times faster than lexsort on three columns; ties
    # keep the concatenation order above (initial state first, end-of-period sentinel last).
    perm = np.argsort(key, kind="stable")
    ev = _Events(
        dev=dev[perm], t=t[perm], state=column(2, np.int64)[perm], root=column(3, np.int64)[perm],
        mon=np.cumsum(column(4, np.int64)[perm]), maint=np.cumsum(column(5, np.int64)[perm]),
        alive=np.cumsum(column(6, np.int64)[perm]),
    )
    return ev, np.flatnonzero(ev.state >= 0)


def _classes(ev: _Events, state_pos: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Class, root cause and duration of the segment that starts at each event."""
    fill = np.zeros(ev.dev.size, np.int64)
    fill[state_pos] = state_pos
    fill = np.maximum.accumulate(fill)
    state, root = ev.state[fill], ev.root[fill]
    avail = state <= 1
    own = (state == 2) | ((state == 3) & (root == NO_ROOT))
    rooted = (state == 3) & (root != NO_ROOT)
    cls = np.select(
        [ev.alive <= 0, ev.maint > 0, (ev.mon <= 0) | ~(avail | own | rooted), avail, own],
        [ABSENT, MAINT, UNMON, UP, DOWN_OWN],
        ROOTED,
    )
    dur = np.zeros(ev.dev.size)
    same = ev.dev[1:] == ev.dev[:-1]
    dur[:-1] = np.where(same, ev.t[1:] - ev.t[:-1], 0.0)
    return cls, root, dur


def _outages(ev: _Events, state_pos: np.ndarray, cls: np.ndarray, dur: np.ndarray, n: int, view: str) -> Outages:
    """An outage is a run of unavailable states; it counts if any of its time was counted."""
    st, rt, dv = ev.state[state_pos], ev.root[state_pos], ev.dev[state_pos]
    bad = (st == 2) | ((st == 3) & ((rt == NO_ROOT) | (view == "service")))
    prev_bad = np.append(False, bad[:-1]) & np.append(False, dv[1:] == dv[:-1])
    starts = bad & ~prev_bad
    flags = np.zeros(ev.dev.size, np.int64)
    flags[state_pos[starts]] = 1
    episode = np.cumsum(flags) - 1
    down = (cls == DOWN_OWN) | ((cls == ROOTED) & (view == "service"))
    per_episode = np.bincount(episode[down], weights=dur[down], minlength=int(starts.sum()))
    owner = dv[starts]
    counted = per_episode > 0
    longest = np.zeros(n)
    np.maximum.at(longest, owner, per_episode)
    return Outages(np.bincount(owner[counted], minlength=n).astype(np.int64), longest)


def _buckets(ev: _Events, cls: np.ndarray, dur: np.ndarray, start: float, end: float,
             boundaries: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Seconds of UP, DOWN_OWN and ROOTED per group and bucket.

    Each segment adds its first and last partial bucket directly; the whole buckets it spans in
    between are counted with a difference array, so the cost grows with the segments, not with
    devices × buckets (a year of days for 20,000 devices would be 7 million look-ups).
    """
    edges = np.concatenate(([start], boundaries, [end]))
    nb = edges.size - 1
    out = np.zeros((n_groups, nb, 3))
    for j, wanted in enumerate((UP, DOWN_OWN, ROOTED)):
        pick = (cls == wanted) & (dur > 0)
        s, e, g = ev.t[pick], ev.t[pick] + dur[pick], groups[ev.dev[pick]]
        first = np.searchsorted(edges, s, side="right") - 1
        last = np.searchsorted(edges, e, side="left") - 1
        one = first == last
        head = np.where(one, e - s, edges[np.minimum(first + 1, nb)] - s)
        total = np.bincount(g * nb + first, weights=head, minlength=n_groups * nb)
        many = ~one
        total += np.bincount(g[many] * nb + last[many], weights=e[many] - edges[last[many]], minlength=n_groups * nb)
        # whole buckets first+1 .. last-1: +1 where the run starts, -1 where it stops
        width = nb + 1
        marks = np.bincount(g[many] * width + first[many] + 1, minlength=n_groups * width).astype(float)
        marks -= np.bincount(g[many] * width + last[many], minlength=n_groups * width)
        covered = np.cumsum(marks.reshape(n_groups, width), axis=1)[:, :nb]
        out[:, :, j] = total.reshape(n_groups, nb) + covered * np.diff(edges)[None, :]
    return out


def compute(h: History, start: float, end: float, boundaries: list[float] | None = None,
            groups: np.ndarray | None = None, n_groups: int = 0, outages: bool = True) -> DeviceTotals:
    """Per-device figures over [start, end); with ``boundaries`` also per-group buckets.

    ``outages=False`` skips counting outages (charts need only the seconds)."""
    n = h.count
    ev, state_pos = _events(h, start, end)
    cls, root, dur = _classes(ev, state_pos)
    seconds = np.bincount(ev.dev * CLASSES + cls, weights=dur, minlength=n * CLASSES).reshape(n, CLASSES)
    rooted = cls == ROOTED
    caused = np.bincount(root[rooted], weights=dur[rooted], minlength=n)
    counted = {v: _outages(ev, state_pos, cls, dur, n, v) for v in VIEWS} if outages else {}
    totals = DeviceTotals(seconds, counted, caused)
    if boundaries is not None:
        if groups is None:
            groups, n_groups = np.zeros(n, np.int64), 1
        totals.buckets = _buckets(ev, cls, dur, start, end, np.asarray(boundaries, float), np.asarray(groups, np.int64), n_groups)
    return totals
