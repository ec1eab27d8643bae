"""Polling settings: intervals (overridable per device and per site), limits, thresholds with their
clear margins and readings in a row, retention.

Stored as one JSON document under the key ``polling`` of the store's settings table, so the
console and every poller share them. Missing keys take the defaults below.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from egovops.errors import ValidationError
from egovops.inventory.model import Device


@dataclass(frozen=True)
class Thresholds:
    cpu_percent: float = 85.0
    mem_percent: float = 90.0
    temperature_c: float = 75.0
    # Interface errors+discards per second above which the device counts as degraded.
    if_errors_ps: float = 1.0


@dataclass(frozen=True)
class ClearMargins:
    """Hysteresis per threshold: an active alarm clears only when a fresh reading falls below the
    threshold minus this margin (a reading exactly at threshold − margin keeps it), so a value
    hovering at the line raises one alarm, not one per crossing. Same names as ``Thresholds``."""

    cpu_percent: float = 5.0
    mem_percent: float = 5.0
    temperature_c: float = 3.0
    if_errors_ps: float = 0.5


@dataclass(frozen=True)
class ReadingsInRow:
    """How many fresh readings in a row must be over a threshold before its alarm is raised
    (1: the first one). Same names as ``Thresholds``."""

    cpu_percent: int = 1
    mem_percent: int = 1
    temperature_c: int = 1
    if_errors_ps: int = 1


@dataclass(frozen=True)
class Intervals:
    status_s: float = 60.0
    interfaces_s: float = 300.0
    health_s: float = 300.0
    timeout_s: float = 2.0
    retries: int = 1


@dataclass(frozen=True)
class PollingSettings:
    intervals: Intervals = field(default_factory=Intervals)
    thresholds: Thresholds = field(default_factory=Thresholds)
    clear_margins: ClearMargins = field(default_factory=ClearMargins)
    readings_in_row: ReadingsInRow = field(default_factory=ReadingsInRow)
    concurrency: int = 200  # devices whose status is being read at once
    walk_concurrency: int = 16  # devices whose interfaces and health are being walked at once
    raw_retention_days: float = 7.0
    hourly_retention_days: float = 400.0
    # {"device:NAME" | "site:PATH": {"status_s": …, "timeout_s": …}}; a device beats its sites,
    # a deeper site beats its ancestors.
    overrides: dict[str, dict[str, float]] = field(default_factory=dict)
    # {device name: [interface names]} whose going down makes the device degraded (critical alarm)
    critical_interfaces: dict[str, list[str]] = field(default_factory=dict)
    # The console's own workstation polled through psutil as a device (and checked for bridging).
    watch_workstation: bool = True
    # Reachability by ICMP echo where the OS allows unprivileged ICMP sockets, else by SNMP answer.
    prefer_icmp: bool = True
    # Every device's LLDP/CDP neighbour tables are read this often (seconds; 0: never) by the
    # running poller, so a new cable, a cross-network one above all, is found without a manual
    # `topology discover`. Only the remote tables are read after a device's first full walk.
    neighbour_interval_s: float = 180.0
    # Interface names, aliases, types and speeds are read again at least this often (seconds),
    # and whenever the agent's ifNumber or ifTableLastChange changes or it rebooted; the cycles
    # between read only the counters and statuses (``polling.interfaces.StaticColumns``).
    static_refresh_s: float = 86400.0

    def intervals_for(self, device: Device) -> Intervals:
        chosen = self.intervals
        sites = device.site.split("/")
        keys = [f"site:{'/'.join(sites[:i])}" for i in range(1, len(sites) + 1)] + [f"device:{device.name}"]
        for key in keys:
            if key in self.overrides:
                chosen = replace(chosen, **self.overrides[key])  # type: ignore[arg-type]
        return chosen

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PollingSettings:
        data = dict(data or {})
        try:
            intervals = Intervals(**data.pop("intervals", {}))
            thresholds = Thresholds(**data.pop("thresholds", {}))
            margins = ClearMargins(**data.pop("clear_margins", {}))
            in_row = ReadingsInRow(**data.pop("readings_in_row", {}))
            known = {f.name for f in fields(cls)}
            unknown = set(data) - known
            if unknown:
                raise ValidationError(f"unknown polling settings: {', '.join(sorted(unknown))}")
            settings = cls(intervals=intervals, thresholds=thresholds, clear_margins=margins, readings_in_row=in_row,
                           **data)
        except TypeError as exc:
            raise ValidationError(f"bad polling settings: {exc}") from None
        for key, values in settings.overrides.items():
            if not key.startswith(("device:", "site:")):
                raise ValidationError(f"override {key!r} must start with device: or site:")
            bad = set(values) - {f.name for f in fields(Intervals)}
            if bad:
                raise ValidationError(f"override {key!r}: unknown fields {', '.join(sorted(bad))}")
        return settings
