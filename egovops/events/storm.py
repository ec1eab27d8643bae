"""Storm limits: a token bucket per source and one for everything, checked in the receivers'
threads before an event is queued, so a flooding device costs a dictionary lookup per line and
never a row. What is turned away is counted, and the writer stores the counts and raises one
"event storm" alarm per source while it lasts (NetXMS's per-node flood detection)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

STORM_DROPPED = "storm_dropped"
GLOBAL_DROPPED = "global_dropped"


@dataclass(frozen=True)
class StormLimits:
    per_source_rate: float = 200.0  # events/s one device may send before its excess is only counted
    per_source_burst: float = 400.0
    global_rate: float = 5000.0  # what the store is asked to take from everyone together
    global_burst: float = 10000.0
    quiet_s: float = 60.0  # a storm ends after this long without an excess


@dataclass
class _Bucket:
    rate: float
    burst: float
    tokens: float
    at: float

    def take(self, now: float) -> bool:
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


@dataclass
class StormReport:
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source, counter) → dropped
    started: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)


class StormGuard:
    def __init__(self, limits: StormLimits) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}
        self._global: _Bucket | None = None
        self._report = StormReport()
        self._storming: dict[str, float] = {}  # source → when it last went over

    def admit(self, source: str, now: float) -> bool:
        """Whether an event from ``source`` may be stored; if not, it is counted."""
        limits = self.limits
        with self._lock:
            bucket = self._buckets.get(source)
            if bucket is None:
                bucket = self._buckets[source] = _Bucket(limits.per_source_rate, limits.per_source_burst,
                                                         limits.per_source_burst, now)
            if not bucket.take(now):
                if source not in self._storming:
                    self._report.started.append(source)
                self._storming[source] = now
                self._report.counts[(source, STORM_DROPPED)] += 1
                return False
            if self._global is None:
                self._global = _Bucket(limits.global_rate, limits.global_burst, limits.global_burst, now)
            if not self._global.take(now):
                self._report.counts[(source, GLOBAL_DROPPED)] += 1
                return False
            return True

    def take_report(self, now: float) -> StormReport:
        """What happened since the last call: counts, storms begun, storms over (quiet long enough)."""
        with self._lock:
            report, self._report = self._report, StormReport()
            for source, last in list(self._storming.items()):
                if last < now - self.limits.quiet_s:
                    del self._storming[source]
                    report.ended.append(source)
            return report

    def storming(self) -> set[str]:
        with self._lock:
            return set(self._storming)
