"""Which period a report opens on: the last one that holds data, and saying so when one holds none.

The monthly report is about the last complete month; on a fresh install that month is empty, so
the report opens on the current month so far, else on the latest earlier period with data. The
reports page and ``egovops report availability`` both ask here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from egovops.availability.periods import Period, period_containing, system_zone
from egovops.availability.repo import AvailabilityRepository
from egovops.i18n import tr
from egovops.storage.database import Database


@dataclass(frozen=True)
class PeriodChoice:
    period: Period
    has_data: bool
    note: str = ""  # why this period and not the last complete one, or that nothing was monitored


def period_has_data(db: Database, period: Period, now: float | None = None) -> bool:
    """Whether any device was monitored in the elapsed part of ``period``."""
    cut = period.until(time.time() if now is None else now)
    return cut.elapsed and AvailabilityRepository(db).has_monitoring(cut.start, cut.end)


def default_period(db: Database, kind: str = "month", tz: tzinfo | None = None,
                   now: float | None = None) -> PeriodChoice:
    """The last complete ``kind`` period if it holds data; else the current one so far; else the
    latest earlier period with data; else the last complete one, marked as holding none."""
    tz = tz or system_zone()
    now = time.time() if now is None else now
    repo = AvailabilityRepository(db)
    current = period_containing(kind, datetime.fromtimestamp(now, tz).date(), tz).until(now)
    previous = period_containing(kind, current.first - timedelta(days=1), tz)
    if repo.has_monitoring(previous.start, previous.end):
        return PeriodChoice(previous, True)
    if current.elapsed and repo.has_monitoring(current.start, current.end):
        return PeriodChoice(current, True, tr("{previous} holds no monitoring data; showing {current} so far",
                                              previous=previous.label, current=current.label))
    latest = repo.last_monitored_before(previous.start)
    if latest is not None:
        # the monitored moment just before ``latest`` ends: a span ending at midnight belongs to the day before
        found = period_containing(kind, datetime.fromtimestamp(latest - 1e-3, tz).date(), tz)
        return PeriodChoice(found, True, tr("{previous} holds no monitoring data; showing {found}, "
                                            "the last period that does", previous=previous.label, found=found.label))
    return PeriodChoice(previous, False, tr("no device has been monitored yet: there is nothing to report"))
