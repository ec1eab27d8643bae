"""Timing shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, run: Callable[[], object], prepare: Callable[[], object] = lambda: None) -> float:
    """The shortest wall time of ``run()`` over ``repeat`` tries, each after an untimed ``prepare()``:
    the least disturbed try, on a machine that other work shares."""
    best = float("inf")
    for _ in range(repeat):
        prepare()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best
