"""Periods end at "now" (issue 15, item 12): coverage of a period that includes today counts only
elapsed time; the default report period is the last one with data, and one without says so."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from egovops.availability.default_period import default_period, period_has_data
from egovops.availability.periods import local_midnight, period_containing
from egovops.availability.report import ReportRequest, report_from_store
from egovops.errors import ValidationError
from egovops.storage.state_repo import MonitoredSpan, StateRepository
from tests.fixtures.availability_store import P0, TZ, H, availability_store  # noqa: F401 - fixture

OCTOBER = period_containing("month", date(2026, 10, 1), TZ)


def at(*when: int) -> float:
    return datetime(*when, tzinfo=TZ).timestamp()  # type: ignore[misc]


def test_a_period_cut_at_now_covers_only_the_elapsed_days() -> None:
    noon = OCTOBER.until(P0 + 12 * H)
    assert (noon.end, noon.days(), noon.day_boundaries()) == (P0 + 12 * H, [date(2026, 10, 1)], [])
    assert noon.label == "2026-10-01 – 2026-10-01 12:00"
    midnight = OCTOBER.until(P0 + 24 * H)  # exactly at a midnight: the new day has not begun
    assert (midnight.days(), midnight.day_boundaries()) == ([date(2026, 10, 1)], [])
    after = OCTOBER.until(P0 + 24 * H + 1)
    assert (after.days(), after.day_boundaries()) == ([date(2026, 10, 1), date(2026, 10, 2)], [P0 + 24 * H])
    whole = OCTOBER.until(OCTOBER.full_end)  # now at the period's own end: nothing is cut
    assert whole.cut is None and whole.end == OCTOBER.full_end and len(whole.days()) == 31
    assert not OCTOBER.until(OCTOBER.start).elapsed and OCTOBER.until(OCTOBER.start + 1).elapsed


def test_coverage_of_a_period_including_today_counts_only_elapsed_time(availability_store) -> None:  # noqa: F811
    req = ReportRequest(OCTOBER, by="device")
    report = report_from_store(availability_store, req, "tester", now=P0 + 12 * H)
    # By noon: HF-AGG, FD-AS01 12 h monitored; FD-D01-AS01 8 h (4 h maintenance); FD-D03-SRV 6 h
    # and 6 h unmonitored; FD-D02-AS01 not yet in service. Not a minute of the rest of October.
    assert report.total.unmonitored == pytest.approx(6 * H)
    assert report.total.coverage == pytest.approx(100 * 38 / 44)
    assert report.request.period.end == P0 + 12 * H and len(report.heat.days) == 1
    assert report.notes == []
    # the same month, looked at later
    whole = report_from_store(availability_store, req, "tester", now=OCTOBER.full_end + 1)
    assert whole.total.unmonitored > 28 * 24 * H  # its data ends on 3 October


def test_a_period_that_has_not_begun_is_refused_and_one_without_data_says_so(availability_store) -> None:  # noqa: F811
    with pytest.raises(ValidationError, match="has not begun"):
        report_from_store(availability_store, ReportRequest(OCTOBER), now=OCTOBER.start)
    november = period_containing("month", date(2026, 11, 1), TZ)
    empty = report_from_store(availability_store, ReportRequest(november), now=at(2026, 11, 20))
    assert len(empty.notes) == 1 and "nothing to report" in empty.notes[0]


def test_the_default_period_is_the_last_one_with_data(availability_store) -> None:  # noqa: F811
    db = availability_store  # monitored from 30 September 00:00 to 3 October 00:00
    september = period_containing("month", date(2026, 9, 1), TZ)
    assert default_period(db, "month", TZ, at(2026, 10, 15)).period == september  # the last complete month has data
    chosen = default_period(db, "month", TZ, at(2026, 11, 2))
    assert (chosen.period, chosen.has_data, chosen.note) == (OCTOBER, True, "")
    later = default_period(db, "month", TZ, at(2026, 12, 15))  # November empty, December too
    assert later.period == OCTOBER and later.has_data and "2026-11-01" in later.note
    assert not period_has_data(db, period_containing("month", date(2026, 11, 1), TZ), at(2026, 12, 15))
    # the current month so far, when only it holds data
    StateRepository(db).record_spans([MonitoredSpan("HF-AGG", at(2027, 1, 3), at(2027, 1, 3, 6))])
    current = default_period(db, "month", TZ, at(2027, 1, 3, 12))
    assert current.period.first == date(2027, 1, 1) and current.period.end == at(2027, 1, 3, 12) and current.note


def test_default_period_boundaries_and_an_empty_store(database) -> None:
    assert default_period(database, "month", TZ, at(2026, 12, 15)).has_data is False
    states = StateRepository(database)
    from egovops.inventory.model import Device
    from egovops.storage.inventory_repo import InventoryRepository

    InventoryRepository(database).save_devices([Device("HF-AGG", "127.0.0.1", "intranet", "安徽省")])
    november = local_midnight(date(2026, 11, 1), TZ).timestamp()
    states.record_spans([MonitoredSpan("HF-AGG", november - 6 * H, november)])  # ends exactly as November begins
    chosen = default_period(database, "month", TZ, at(2026, 12, 15))
    assert chosen.period == OCTOBER and "2026-11-01" in chosen.note  # November holds no second of it
    states.record_spans([MonitoredSpan("HF-AGG", november, november + 1)])  # starts exactly as November begins
    assert default_period(database, "month", TZ, at(2026, 12, 15)).period == replace(OCTOBER, first=date(2026, 11, 1),
                                                                                       after_last=date(2026, 12, 1))
