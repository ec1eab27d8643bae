"""Which alarms a cycle may touch, and threshold alarms with hysteresis and readings in a row.

An alarm is raised or cleared only by a fresh reading of the measure that raised it. A cycle that
did not read a measure (a status-only cycle does not read CPU, memory, temperature or the
interface table; a health walk that returned no CPU value did not read CPU) changes nothing about
that measure's alarms: they are neither bumped nor cleared, and the device stays degraded while
they are active. ``reconciled_kinds`` says which kinds a device's cycle decides.

Over a threshold, with the threshold's clear margin and readings-in-row setting:

* no active alarm: raised when the reading is strictly over the threshold and the ``n − 1``
  readings stored before it were over it too (a reading exactly at the threshold is not over);
* active alarm: kept while the reading is at or above threshold − margin, cleared below it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from egovops.polling.model import DeviceStatus

# Decided by every cycle: each cycle reads reachability and the system group.
STATUS_KINDS = frozenset({"device_unreachable", "poll_config", "device_down", "network_bridging", "snmp_auth",
                          "snmp_malformed", "snmp_no_response"})
# (alarm kind, DeviceStatus field and threshold name)
HEALTH_MEASURES = (("cpu_high", "cpu_percent"), ("memory_high", "mem_percent"), ("temperature_high", "temperature_c"))
INTERFACE_KINDS = frozenset({"interface_errors", "interface_down"})
POLLER_KINDS = STATUS_KINDS | {kind for kind, _ in HEALTH_MEASURES} | INTERFACE_KINDS


def reconciled_kinds(status: DeviceStatus) -> frozenset[str]:
    """The alarm kinds this cycle's reading of the device decides (raises, keeps or clears)."""
    kinds = set(STATUS_KINDS)
    if status.measured_health:
        kinds |= {kind for kind, measure in HEALTH_MEASURES if getattr(status, measure) is not None}
    if status.measured_interfaces:
        kinds |= INTERFACE_KINDS
    return frozenset(kinds)


@dataclass(frozen=True)
class HeldAlarm:
    kind: str
    subject: str
    message: str


@dataclass
class AlarmMemory:
    """What the rules need beyond the reading itself: the device's active alarms (hysteresis) and,
    per (device, kind, subject), how many stored readings in a row before this one were over the
    threshold (readings in a row; only filled when a setting asks for more than one)."""

    active: dict[str, list[HeldAlarm]] = field(default_factory=dict)
    earlier_over: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def is_active(self, device: str, kind: str, subject: str = "") -> bool:
        return any(a.kind == kind and a.subject == subject for a in self.active.get(device, ()))

    def held(self, status: DeviceStatus) -> list[HeldAlarm]:
        """The device's active alarms that this cycle does not decide: they stand as they are."""
        decided = reconciled_kinds(status)
        return [a for a in self.active.get(status.name, ()) if a.kind in POLLER_KINDS and a.kind not in decided]


def over_threshold(value: float, limit: float, margin: float, active: bool, earlier_over: int, needed: int) -> bool:
    """Whether the alarm stands after this fresh reading (see the module docstring)."""
    if active:
        return value >= limit - margin
    return value > limit and earlier_over + 1 >= needed


def earlier_over_counts(history: Mapping[tuple[str, str, str], list[float]],
                        limits: Mapping[str, float]) -> dict[tuple[str, str, str], int]:
    """From each key's stored readings (newest first) and each kind's threshold: how many of the
    newest readings in a row were over it."""
    counts = {}
    for key, values in history.items():
        limit = limits[key[1]]
        run = 0
        for value in values:
            if value is None or not value > limit:
                break
            run += 1
        counts[key] = run
    return counts
