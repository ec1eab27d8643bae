"""A device's current health as the console sees it, and how states rank against each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

# Worst first: a site badge shows the worst state among its devices.
# "unmonitored" (shared store: no live collector holds the device) ranks above unknown: what the map
# showed last is no longer watched, which a site badge must not hide behind an old "up".
STATE_RANK = {"down": 0, "unreachable": 1, "degraded": 2, "unmonitored": 3, "unknown": 4, "up": 5}
COUNTED_STATES = ("down", "degraded", "unreachable")


@dataclass(frozen=True)
class DeviceHealth:
    device: str
    state: str = "unknown"
    since: float | None = None
    uptime_s: float | None = None
    reasons: str = ""
    root_cause: str | None = None  # for "unreachable": the device whose failure cut this one off
    last_poll: float | None = None


def worst(states: Iterable[str]) -> str:
    """The worst of ``states``; "unknown" for none at all."""
    return min(states, key=lambda s: STATE_RANK.get(s, STATE_RANK["unknown"]), default="unknown")


@dataclass(frozen=True)
class PollSummary:
    """The latest status cycle of the poller, for the status bar."""

    at: float
    duration_s: float
    devices: int
    failed: int
    interval_s: float = 60.0
    writer: str = ""  # the collectors.name of the running collector whose cycle ended last; "" if none reports

    def silent(self, now: float) -> bool:
        """No poller has written for two intervals since this cycle ended: nobody is watching the
        network, whatever the map still shows (the poller stopped, crashed, or lost the store)."""
        return now - (self.at + self.duration_s) > 2 * self.interval_s
