"""What a supervisor picks a report by: named periods relative to today, groupings, charts.

The console's pickers offer these names; turning them into dates is done here so the console and
any other front end agree on what "last month" or "this month" means in the report's time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from egovops.availability.periods import Period, custom_period, period_containing
from egovops.errors import ValidationError
from egovops.i18n import tr

# Last month first: the monthly report is what a supervisor hands in.
PERIOD_CHOICES = ("last-month", "this-month", "last-week", "custom")
# In the order a supervisor asks for them; every grouping the availability core knows.
GROUP_CHOICES = ("city", "county", "unit", "network", "role", "level", "province", "device")


def today_in(tz: tzinfo) -> date:
    return datetime.now(tz).date()


def choose_period(choice: str, tz: tzinfo, today: date | None = None,
                  first: date | None = None, last: date | None = None) -> Period:
    """The period named ``choice``; ``first`` and ``last`` (both included) for ``custom``."""
    today = today or today_in(tz)
    if choice == "last-month":
        return period_containing("month", today.replace(day=1) - timedelta(days=1), tz)
    if choice == "this-month":
        # Up to and including today: the days still to come hold no history to report on.
        return Period(today.replace(day=1), today + timedelta(days=1), tz, "custom")
    if choice == "last-week":
        return period_containing("week", today - timedelta(days=today.weekday() + 1), tz)
    if choice == "custom":
        if first is None or last is None:
            raise ValidationError(tr("a custom period needs a first and a last day"))
        return custom_period(first, last, tz)
    raise ValidationError(tr("unknown period {kind}; choose one of {kinds}", kind=choice, kinds=", ".join(PERIOD_CHOICES)))
