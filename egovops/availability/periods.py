"""Report periods in the operator's local time zone.

A month in Hefei starts at local midnight, not at UTC midnight; every boundary here is a local
wall-clock midnight converted to epoch seconds through zoneinfo, so DST zones work too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from egovops.errors import ValidationError
from egovops.i18n import tr

PERIOD_KINDS = ("day", "week", "month", "quarter", "year")


def zone(name: str | None) -> tzinfo:
    """The named zone, or the system's own when ``name`` is None."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(tr("unknown time zone {name}", name=name)) from None
    return system_zone()


def system_zone() -> tzinfo:
    """The machine's zone by IANA name where the OS tells it, else its current fixed offset."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text("utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).split("zoneinfo/", 1)[-1])
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    found = datetime.now().astimezone().tzinfo
    assert found is not None
    return found


def zone_name(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)


def local_midnight(day: date, tz: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


@dataclass(frozen=True)
class Period:
    """[first, after_last) in local days; ``kind`` is one of PERIOD_KINDS or ``custom``.

    A period that includes today ends at "now", not at its last midnight: ``until(now)`` gives
    the period cut there (``cut``), whose ``end``, ``days()`` and ``day_boundaries()`` cover only
    elapsed time, so the hours still to come are neither monitored nor unmonitored.
    """

    first: date
    after_last: date
    tz: tzinfo
    kind: str = "custom"
    cut: float | None = None  # epoch seconds where the period ends early (now), if it does

    @property
    def start(self) -> float:
        return local_midnight(self.first, self.tz).timestamp()

    @property
    def full_end(self) -> float:
        return local_midnight(self.after_last, self.tz).timestamp()

    @property
    def end(self) -> float:
        return self.full_end if self.cut is None else min(self.full_end, self.cut)

    def until(self, now: float) -> Period:
        """This period ending at ``now`` when ``now`` falls before its end (at its start at the earliest)."""
        if now >= self.full_end:
            return replace(self, cut=None)
        return replace(self, cut=max(now, self.start))

    @property
    def elapsed(self) -> bool:
        """Whether any of the period has happened yet."""
        return self.end > self.start

    @property
    def last(self) -> date:
        return self.after_last - timedelta(days=1)

    @property
    def label(self) -> str:
        if self.cut is not None and self.cut < self.full_end:
            until = datetime.fromtimestamp(self.end, self.tz).strftime("%Y-%m-%d %H:%M")
            return f"{self.first.isoformat()} – {until}"
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} – {self.last.isoformat()}"

    def days(self) -> list[date]:
        """The local days of the period that have begun (all of them unless it is cut at now)."""
        every = [self.first + timedelta(days=i) for i in range((self.after_last - self.first).days)]
        if self.cut is None:
            return every
        end = self.end
        return [d for d in every if local_midnight(d, self.tz).timestamp() < end]

    def day_boundaries(self) -> list[float]:
        """Epoch seconds of every local midnight strictly inside the period."""
        return [local_midnight(d, self.tz).timestamp() for d in self.days()[1:]]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_containing(kind: str, day: date, tz: tzinfo) -> Period:
    """The day, ISO week (Monday first), month, quarter or year that holds ``day``."""
    if kind == "day":
        return Period(day, day + timedelta(days=1), tz, kind)
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=7), tz, kind)
    if kind == "month":
        first = day.replace(day=1)
        return Period(first, add_months(first, 1), tz, kind)
    if kind == "quarter":
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return Period(first, add_months(first, 3), tz, kind)
    if kind == "year":
        return Period(date(day.year, 1, 1), date(day.year + 1, 1, 1), tz, kind)
    raise ValidationError(tr("unknown period {kind}; choose one of {kinds}", kind=kind, kinds=", ".join(PERIOD_KINDS)))


def custom_period(first: date, last: date, tz: tzinfo) -> Period:
    """From the start of ``first`` to the end of ``last`` (both days included)."""
    if last < first:
        raise ValidationError(tr("the period ends ({last}) before it starts ({first})", last=last, first=first))
    return Period(first, last + timedelta(days=1), tz)


def month_starts(period: Period, months_back: int) -> list[date]:
    """First days of the ``months_back`` months ending with the period's last month."""
    last_month = period.last.replace(day=1)
    return [add_months(last_month, -i) for i in range(months_back - 1, -1, -1)]


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(tr("{text!r} is not a date like 2026-10-31", text=text)) from None
