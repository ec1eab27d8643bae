"""When each device's status, interfaces and health are due: a schedule on the monotonic clock.

Due times are kept on ``time.monotonic()``, never on the wall clock (which NTP may step), and a
device counts as due when its time is at most ``TOLERANCE_S`` away. Without the tolerance a
device due "now" but checked a few milliseconds early (the check and the due time come from
moments taken at slightly different points of the previous cycle) was judged not yet due and
waited a whole interval: about 30 % of status polls were skipped that way.

A device's next due time is its previous due time plus its interval, so the schedule keeps its
phase instead of drifting by each cycle's start-up time; only a device that fell a whole interval
behind (a cycle that overran) starts a new phase from now.

Jitter bound: as long as cycles finish within the interval, the start of a device's status poll
lies within ``TOLERANCE_S`` before and ``WAKE_LATENCY_S`` after its due time, so two consecutive
status polls of a device are never more than its interval + ``JITTER_S`` apart
(``JITTER_S = TOLERANCE_S + WAKE_LATENCY_S`` = 1 s). A cycle that overruns delays the next one
by the overrun, and is recorded as such in ``poller_stats``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, INTERFACES, STATUS
from egovops.polling.settings import PollingSettings

TOLERANCE_S = 0.25
# Waking from the wait, re-reading settings and inventory and starting the cycle: well under
# this on a loaded two-core machine with a thousand devices.
WAKE_LATENCY_S = 0.75
JITTER_S = TOLERANCE_S + WAKE_LATENCY_S


@dataclass
class StatusGaps:
    """The poller's own record of how far apart each device's status polls were (monotonic s)."""

    last: dict[str, float] = field(default_factory=dict)
    largest: dict[str, float] = field(default_factory=dict)
    count: int = 0

    def polled(self, names: Iterable[str], at: float) -> None:
        for name in names:
            before = self.last.get(name)
            if before is not None:
                self.largest[name] = max(self.largest.get(name, 0.0), at - before)
                self.count += 1
            self.last[name] = at

    def worst(self) -> tuple[str, float] | None:
        if not self.largest:
            return None
        name = max(self.largest, key=self.largest.__getitem__)
        return name, self.largest[name]


class Schedule:
    def __init__(self) -> None:
        self._due: dict[tuple[str, str], float] = {}
        self.gaps = StatusGaps()

    def reset(self) -> None:
        """Everything due now (settings changed: intervals may have shortened)."""
        self._due.clear()

    def _mark(self, key: tuple[str, str], every: float, now: float) -> None:
        due = self._due.get(key)
        following = (now if due is None else due) + every
        if following <= now + TOLERANCE_S:  # a whole interval behind: a new phase from now
            following = now + every
        self._due[key] = following

    def due_work(self, devices: Iterable[Device], settings: PollingSettings,
                 now: float) -> list[tuple[Device, set[str]]]:
        """Devices and what of them is due at monotonic time ``now``; marks them done."""
        work = []
        for device in devices:
            intervals = settings.intervals_for(device)
            kinds = set()
            for kind, every in ((STATUS, intervals.status_s), (INTERFACES, intervals.interfaces_s),
                                (HEALTH, intervals.health_s)):
                key = (device.name, kind)
                if key not in self._due or now >= self._due[key] - TOLERANCE_S:
                    kinds.add(kind)
                    self._mark(key, every, now)
            if kinds:
                work.append((device, kinds | {STATUS}))
        return work

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget every device but these (a shared store's poller gave the others' leases back):
        a forgotten device's due time, left in the past, would wake the poller at once, forever."""
        kept = set(names)
        self._due = {key: due for key, due in self._due.items() if key[0] in kept}

    def next_due(self, default: float) -> float:
        """The monotonic time at which something is next due (``default`` when nothing is scheduled)."""
        return min(self._due.values(), default=default)
