"""Months as the operator types them (2026-11) and the month a pack is about by default."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from egovops.errors import ValidationError
from egovops.i18n import tr

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def parse_month(text: str) -> date:
    found = _MONTH.match(text)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValidationError(tr("{text!r} is not a month like 2026-11", text=text))
    return date(int(found.group(1)), int(found.group(2)), 1)


def previous_month(tz: tzinfo, today: date | None = None) -> date:
    """The last complete month: the one a monthly pack is handed in for."""
    day = today or datetime.now(tz).date()
    return date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)
