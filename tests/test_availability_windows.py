"""Maintenance windows (one-off, weekly, monthly in local wall time) and report periods."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.periods import custom_period, period_containing, zone
from egovops.errors import ValidationError
from egovops.availability.repo import AvailabilityRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

H = 3600.0


def _local(ts: float, tz: str) -> str:
    return datetime.fromtimestamp(ts, zone(tz)).strftime("%Y-%m-%d %H:%M")


def test_weekly_window_keeps_its_wall_time_across_a_dst_change():
    # Berlin leaves summer time on 2026-10-25: the Saturday 22:00 window must stay at 22:00.
    w = MaintenanceWindow("network", "extranet", datetime(2026, 10, 17, 22, 0), 4 * H, "weekly patching", "Europe/Berlin",
                          recurrence="weekly", until=date(2026, 11, 1))
    period = custom_period(date(2026, 10, 1), date(2026, 11, 30), zone("Europe/Berlin"))
    got = w.occurrences(period.start, period.end)
    assert [_local(s, "Europe/Berlin") for s, _ in got] == ["2026-10-17 22:00", "2026-10-24 22:00", "2026-10-31 22:00"]
    assert got[1][1] - got[1][0] == 4 * H  # elapsed length, even across the clock change that night
    assert got[2][0] - got[1][0] == 7 * 24 * H + H  # the week that held the change is an hour longer


def test_monthly_window_on_the_31st_skips_short_months():
    w = MaintenanceWindow("site", "安徽省/合肥市", datetime(2026, 1, 31, 1, 0), 2 * H, "月度巡检", "Asia/Shanghai",
                          recurrence="monthly")
    period = custom_period(date(2026, 1, 1), date(2026, 6, 30), zone("Asia/Shanghai"))
    days = [_local(s, "Asia/Shanghai")[:10] for s, _ in w.occurrences(period.start, period.end)]
    assert days == ["2026-01-31", "2026-03-31", "2026-05-31"]


def test_an_occurrence_that_started_before_the_period_still_overlaps_it():
    w = MaintenanceWindow("device", "X", datetime(2026, 9, 30, 22, 0), 4 * H, "r", "Asia/Shanghai")
    period = custom_period(date(2026, 10, 1), date(2026, 10, 1), zone("Asia/Shanghai"))
    ((s, e),) = w.occurrences(period.start, period.end)
    assert s < period.start < e == period.start + 2 * H


@pytest.mark.parametrize("kwargs, message", [
    ({"duration": 0.0}, "end after it starts"),
    ({"reason": "  "}, "needs a reason"),
    ({"recurrence": "daily"}, "once, weekly or monthly"),
    ({"scope_kind": "city"}, "device, a site or a network"),
])
def test_bad_windows_are_refused_with_the_reason(kwargs, message):
    values = dict(scope_kind="device", scope="X", starts=datetime(2026, 10, 1), duration=H, reason="r", tz="Asia/Shanghai")
    values.update(kwargs)
    with pytest.raises(ValidationError, match=message):
        MaintenanceWindow(**values)


def test_windows_round_trip_through_the_store(database):
    repo = AvailabilityRepository(database)
    first = repo.add_window(MaintenanceWindow("site", "安徽省/合肥市", datetime(2026, 10, 3, 22, 0), 4 * H, "季度巡检",
                                              "Asia/Shanghai", "weekly", date(2026, 12, 31), "engineer", 1.0))
    (stored,) = repo.windows()
    assert (stored.id, stored.starts, stored.until, stored.recurrence, stored.reason) == (
        first, datetime(2026, 10, 3, 22, 0), date(2026, 12, 31), "weekly", "季度巡检")
    repo.remove_window(first)
    assert repo.windows() == []


def test_sla_target_defaults_and_is_validated(database):
    repo = AvailabilityRepository(database)
    assert repo.sla_target() == 99.9
    repo.set_sla_target(99.95)
    assert repo.sla_target() == 99.95
    with pytest.raises(ValidationError):
        repo.set_sla_target(120)


@pytest.mark.parametrize("kind, day, first, after", [
    ("day", date(2026, 10, 5), date(2026, 10, 5), date(2026, 10, 6)),
    ("week", date(2026, 10, 7), date(2026, 10, 5), date(2026, 10, 12)),
    ("month", date(2026, 2, 10), date(2026, 2, 1), date(2026, 3, 1)),
    ("quarter", date(2026, 11, 30), date(2026, 10, 1), date(2027, 1, 1)),
    ("year", date(2026, 6, 1), date(2026, 1, 1), date(2027, 1, 1)),
])
def test_calendar_periods(kind, day, first, after):
    p = period_containing(kind, day, zone("Asia/Shanghai"))
    assert (p.first, p.after_last) == (first, after)
    assert _local(p.start, "Asia/Shanghai") == f"{first.isoformat()} 00:00"


def test_unknown_zone_is_named():
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        zone("Mars/Olympus")
