"""Changing the polling settings on an operator's behalf: range checks, role check, audit.

``PollingSettings.from_json`` checks names and types; the ranges here keep an operator from
saving a value that would stall the poller (a zero interval) or never alarm (a 500 % threshold).
Each message names the field and the range, in the operator's language.
"""

from __future__ import annotations

from dataclasses import asdict, fields, replace
from typing import Any

from egovops.accounts.identity import Operator
from egovops.accounts.guard import authorize
from egovops.accounts.roles import ACTION_ROLE
from egovops.audit.log import AuditLog
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.polling.settings import ClearMargins, Intervals, PollingSettings, ReadingsInRow, Thresholds
from egovops.storage.database import Database
from egovops.polling.settings_repo import PollingSettingsRepository

EDIT_ROLE = ACTION_ROLE["polling.settings"]

# (lowest, highest) allowed, inclusive
INTERVAL_RANGES: dict[str, tuple[float, float]] = {
    "status_s": (5.0, 86_400.0),
    "interfaces_s": (10.0, 86_400.0),
    "health_s": (10.0, 86_400.0),
    "timeout_s": (0.1, 60.0),
    "retries": (0, 10),
}
THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "cpu_percent": (1.0, 100.0),
    "mem_percent": (1.0, 100.0),
    "temperature_c": (20.0, 150.0),
    "if_errors_ps": (0.0, 1_000_000.0),
}
CONCURRENCY_RANGE = (1, 5000)
READINGS_RANGE = (1, 100)
NEIGHBOUR_INTERVAL_RANGE = (30.0, 86_400.0)  # or 0: off
# Static interface columns re-read at least this often; below an hour every cycle would be a full one.
STATIC_REFRESH_RANGE = (3_600.0, 7 * 86_400.0)


def _check(name: str, value: float, bounds: tuple[float, float]) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise ValidationError(tr("{name} must be between {low:g} and {high:g}, not {value:g}",
                                 name=name, low=low, high=high, value=value))


def validate(settings: PollingSettings) -> PollingSettings:
    """``settings`` unchanged when every value is in range; else a ValidationError naming the field."""
    for f in fields(Intervals):
        _check(f"intervals.{f.name}", getattr(settings.intervals, f.name), INTERVAL_RANGES[f.name])
    for f in fields(Thresholds):
        _check(f"thresholds.{f.name}", getattr(settings.thresholds, f.name), THRESHOLD_RANGES[f.name])
    for f in fields(ClearMargins):
        margin, limit = getattr(settings.clear_margins, f.name), getattr(settings.thresholds, f.name)
        _check(f"clear_margins.{f.name}", margin, (0.0, limit))  # a margin past the threshold would never clear
    for f in fields(ReadingsInRow):
        _check(f"readings_in_row.{f.name}", getattr(settings.readings_in_row, f.name), READINGS_RANGE)
    for key, values in settings.overrides.items():
        for name, value in values.items():
            _check(f"overrides.{key}.{name}", value, INTERVAL_RANGES[name])  # from_json checked the names
        _check_overlap(replace(settings.intervals, **values), f"overrides.{key}")  # type: ignore[arg-type]
    if settings.neighbour_interval_s != 0:
        _check("neighbour_interval_s", settings.neighbour_interval_s, NEIGHBOUR_INTERVAL_RANGE)
    _check("static_refresh_s", settings.static_refresh_s, STATIC_REFRESH_RANGE)
    _check("concurrency", settings.concurrency, CONCURRENCY_RANGE)
    _check("walk_concurrency", settings.walk_concurrency, CONCURRENCY_RANGE)
    _check_overlap(settings.intervals, "intervals")
    return settings


def _check_overlap(intervals: Intervals, where: str) -> None:
    if intervals.timeout_s * (intervals.retries + 1) >= intervals.status_s:
        raise ValidationError(tr("{where}: timeout × (retries + 1) must be shorter than the status interval, or cycles overlap",
                                 where=where))


def _changes(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if isinstance(old, dict) and isinstance(new, dict) and key not in ("overrides", "critical_interfaces"):
            found.update(_changes(old, new, f"{prefix}{key}."))
        elif old != new:
            found[f"{prefix}{key}"] = {"from": old, "to": new}
    return found


class PollingSettingsEditor:
    def __init__(self, database: Database) -> None:
        self.repo = PollingSettingsRepository(database)
        self.audit = AuditLog(database)

    def load(self) -> PollingSettings:
        return self.repo.polling()

    def save(self, by: Operator, settings: PollingSettings) -> dict[str, Any]:
        """Store validated settings; returns what changed (also what the audit record holds)."""
        authorize(self.audit, by, "polling.settings", "polling")
        validate(settings)
        before = self.repo.polling()
        changed = _changes(asdict(before), asdict(settings))
        if changed:
            with self.audit.change():  # the settings and their audit row: all or none
                self.repo.save_polling(settings)
                self.audit.record(actor=by.label(), role=by.role.value, action="polling.settings",
                                  subject="polling", details=changed)
        return changed
