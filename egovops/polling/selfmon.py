"""Watching the watcher: the poller process's own CPU, memory, sockets and threads (psutil).

Recorded with every cycle so that an operator can tell a slow network (long cycles, idle CPU)
from an overloaded console (long cycles, CPU pinned).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class ProcessSample:
    cpu_percent: float | None
    rss_bytes: int
    open_sockets: int
    threads: int


class SelfMonitor:
    def __init__(self) -> None:
        self._process = psutil.Process()
        self._mark()

    def _mark(self) -> None:
        times = self._process.cpu_times()
        self._cpu = times.user + times.system
        self._wall = time.monotonic()

    def sample(self) -> ProcessSample:
        """Usage since the previous sample (CPU as % of one core), then start a new interval."""
        times = self._process.cpu_times()
        cpu, wall = times.user + times.system, time.monotonic()
        percent = 100.0 * (cpu - self._cpu) / (wall - self._wall) if wall > self._wall else None
        self._cpu, self._wall = cpu, wall
        try:
            sockets = len(self._process.net_connections(kind="inet"))
        except (psutil.AccessDenied, AttributeError):
            sockets = -1
        return ProcessSample(percent, self._process.memory_info().rss, sockets, self._process.num_threads())
