"""The vectorised engine against a plain, obviously-correct reference on random histories.

The reference cuts each device's period at every event and classifies each piece by looking the
state, spans, windows and first-seen time up directly; the engine must agree on every device's
seconds per class, outage counts and longest outages in both views, and on the time each device
caused downstream.
"""

from __future__ import annotations

import bisect
import random

import numpy as np
import pytest

from egovops.availability.engine import ABSENT, CLASSES, DOWN_OWN, MAINT, ROOTED, UNMON, UP, compute
from egovops.availability.history import NO_ROOT, NONE, History

STATES = ("up", "degraded", "down", "unreachable", "unknown")


def _random_history(rng: random.Random, n: int) -> History:
    rows = []
    for d in range(n):
        t = rng.uniform(-50, 10)
        for _ in range(rng.randint(0, 12)):
            state = rng.randrange(5)
            root = rng.randrange(n) if state == 3 and rng.random() < 0.6 else NO_ROOT
            rows.append((d, t, state, root))
            t += rng.choice([0.0, rng.uniform(0, 30)])  # some transitions at the same instant
    rows.sort(key=lambda r: (r[0], r[1]))

    def intervals(count: int) -> list[tuple[int, float, float]]:
        out = []
        for d in range(n):
            for _ in range(rng.randint(0, count)):
                a = rng.uniform(-40, 140)
                out.append((d, a, a + rng.uniform(0, 60)))
        return out

    spans, windows = intervals(3), intervals(2)
    seen = np.array([rng.choice([np.nan, rng.uniform(-20, 120)]) for _ in range(n)])
    col = lambda rows_, i, dt: np.array([r[i] for r in rows_], dt)  # noqa: E731
    return History(
        [f"d{i}" for i in range(n)], col(rows, 0, np.int64), col(rows, 1, float), col(rows, 2, np.int64),
        col(rows, 3, np.int64), col(spans, 0, np.int64), col(spans, 1, float), col(spans, 2, float),
        col(windows, 0, np.int64), col(windows, 1, float), col(windows, 2, float), seen,
    )


def _reference(h: History, start: float, end: float):
    n = h.count
    seconds = np.zeros((n, CLASSES))
    caused = np.zeros(n)
    outages = {v: (np.zeros(n, int), np.zeros(n)) for v in ("service", "device")}
    for d in range(n):
        mine = [i for i in range(h.t_at.size) if h.t_dev[i] == d]
        times = [h.t_at[i] for i in mine]
        spans = [(a, b) for dd, a, b in zip(h.s_dev, h.s_start, h.s_end) if dd == d]
        wins = [(a, b) for dd, a, b in zip(h.m_dev, h.m_start, h.m_end) if dd == d]
        born = start if np.isnan(h.first_seen[d]) else max(start, h.first_seen[d])
        cuts = sorted({start, end, born, *times, *(x for s in spans + wins for x in s)})
        cuts = [c for c in cuts if start <= c <= end]
        episode = {v: {} for v in outages}
        for a, b in zip(cuts, cuts[1:]):
            mid = (a + b) / 2
            k = bisect.bisect_right(times, mid) - 1  # the last transition before the piece
            state, root = (h.t_state[mine[k]], h.t_root[mine[k]]) if k >= 0 else (NONE, NO_ROOT)
            if mid < born:
                cls = ABSENT
            elif any(x <= mid < y for x, y in wins):
                cls = MAINT
            elif not any(x <= mid < y for x, y in spans) or state in (4, NONE):
                cls = UNMON
            elif state <= 1:
                cls = UP
            elif state == 2 or root == NO_ROOT:
                cls = DOWN_OWN
            else:
                cls = ROOTED
                caused[root] += b - a
            seconds[d, cls] += b - a
            for view in outages:
                if cls == DOWN_OWN or (cls == ROOTED and view == "service"):
                    # the episode is identified by the first bad transition of its run
                    first = k
                    bad = lambda j: h.t_state[mine[j]] == 2 or (h.t_state[mine[j]] == 3 and (view == "service" or h.t_root[mine[j]] == NO_ROOT))  # noqa: E731
                    while first > 0 and bad(first - 1):
                        first -= 1
                    episode[view][first] = episode[view].get(first, 0.0) + b - a
        for view, (count, longest) in outages.items():
            counted = [s for s in episode[view].values() if s > 0]
            count[d], longest[d] = len(counted), max(counted, default=0.0)
    return seconds, outages, caused


@pytest.mark.parametrize("seed", range(12))
def test_engine_matches_the_reference(seed):
    rng = random.Random(seed)
    h = _random_history(rng, 8)
    start, end = rng.uniform(-10, 20), rng.uniform(60, 130)
    totals = compute(h, start, end)
    seconds, outages, caused = _reference(h, start, end)
    assert np.allclose(totals.seconds, seconds, atol=2e-3)
    assert np.allclose(totals.caused, caused, atol=2e-3)
    for view, (count, longest) in outages.items():
        assert totals.outages[view].count.tolist() == count.tolist(), view
        assert np.allclose(totals.outages[view].longest, longest, atol=2e-3), view
    # every device's period is fully accounted for
    assert np.allclose(totals.seconds.sum(axis=1), end - start)


def test_daily_buckets_add_up_to_the_period(seed=99):
    rng = random.Random(seed)
    h = _random_history(rng, 8)
    edges = [10.0, 35.5, 70.0]
    totals = compute(h, 0.0, 100.0, edges, np.array([0, 1, 0, 1, 2, 2, 0, 1]), 3)
    assert totals.buckets is not None and totals.buckets.shape == (3, 4, 3)
    for j, cls in enumerate((UP, DOWN_OWN, ROOTED)):
        per_group = np.bincount([0, 1, 0, 1, 2, 2, 0, 1], weights=totals.seconds[:, cls], minlength=3)
        assert np.allclose(totals.buckets[:, :, j].sum(axis=1), per_group, atol=2e-3)
    # each bucket equals an engine run over just that bucket
    for b, (a, z) in enumerate(zip([0.0, *edges], [*edges, 100.0])):
        part = compute(h, a, z)
        assert np.allclose(totals.buckets[:, b, 0], np.bincount([0, 1, 0, 1, 2, 2, 0, 1], weights=part.seconds[:, UP], minlength=3), atol=2e-3)
