"""Maintenance windows: planned time, excluded from availability and reported separately.

A window is kept in local wall-clock time with its zone, so a weekly "Saturday 22:00–02:00"
stays at 22:00 across DST changes, and a monthly one falls on the same day of every month
(months without that day, e.g. the 31st in April, have no occurrence — as in iCalendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterator
from zoneinfo import ZoneInfo

from egovops.availability.periods import add_months
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device

SCOPES = ("device", "site", "network")
RECURRENCES = ("once", "weekly", "monthly")


@dataclass(frozen=True)
class MaintenanceWindow:
    scope_kind: str  # device, site (the site and everything under it) or network
    scope: str
    starts: datetime  # naive local wall time in ``tz``
    duration: float  # seconds
    reason: str
    tz: str
    recurrence: str = "once"
    until: date | None = None  # last day an occurrence may start (recurring windows)
    created_by: str = ""
    created_at: float = 0.0
    id: int | None = None

    def __post_init__(self) -> None:
        if self.scope_kind not in SCOPES:
            raise ValidationError(tr("a maintenance window applies to a device, a site or a network"))
        if self.recurrence not in RECURRENCES:
            raise ValidationError(tr("repeat must be once, weekly or monthly"))
        if self.duration <= 0:
            raise ValidationError(tr("a maintenance window must end after it starts"))
        if not self.reason.strip():
            raise ValidationError(tr("a maintenance window needs a reason"))

    def applies_to(self, device: Device) -> bool:
        if self.scope_kind == "device":
            return device.name == self.scope
        if self.scope_kind == "network":
            return device.network == self.scope
        return device.site == self.scope or device.site.startswith(self.scope + "/")

    def _starts(self) -> Iterator[datetime]:
        if self.recurrence == "once":
            yield self.starts
            return
        for n in range(100_000):
            if self.recurrence == "weekly":
                yield self.starts + timedelta(weeks=n)
                continue
            month = add_months(self.starts.date(), n)
            try:
                yield self.starts.replace(year=month.year, month=month.month)
            except ValueError:  # no such day this month
                continue

    def occurrences(self, start: float, end: float) -> list[tuple[float, float]]:
        """Epoch (start, end) of every occurrence that overlaps [start, end)."""
        zone = ZoneInfo(self.tz)
        found = []
        for local in self._starts():
            if self.until is not None and local.date() > self.until:
                break
            begins = local.replace(tzinfo=zone).timestamp()
            if begins >= end:
                break
            if begins + self.duration > start:
                found.append((begins, begins + self.duration))
        return found

    def describe_repeat(self) -> str:
        if self.recurrence == "once":
            return tr("once")
        text = tr("weekly") if self.recurrence == "weekly" else tr("monthly")
        return text + (tr(" until {day}", day=self.until.isoformat()) if self.until else "")
