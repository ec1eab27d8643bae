"""Hand-computed availability cases (see tests/fixtures/availability_store.py for the day's story),
stored through the real repositories into a real SQLite store and read back."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from egovops.availability.periods import zone
from egovops.availability.report import ReportRequest, report_from_store
# Imported rather than listed in conftest's pytest_plugins: the fixture is only for these tests.
from tests.fixtures.availability_store import H, P0, PERIOD, availability_store  # noqa: F401


@pytest.fixture
def store(availability_store):  # noqa: F811
    return availability_store


def _rows(store, by: str):
    report = report_from_store(store, ReportRequest(PERIOD, by=by, sla=99.9), generated_by="tester")
    return report, {r.key: r for r in report.rows}


def test_period_is_local_midnight_to_midnight():
    assert datetime.fromtimestamp(P0, zone("UTC")).isoformat() == "2026-09-30T16:00:00+00:00"
    assert PERIOD.end - PERIOD.start == 24 * H


def test_outages_crossing_the_start_and_the_end_are_clipped(store):
    _, rows = _rows(store, "device")
    agg = rows["HF-AGG"]
    assert agg.service.outage == pytest.approx(2.5 * H)
    assert agg.service.outages == 3
    assert agg.service.longest == pytest.approx(1 * H)
    assert agg.service.availability == pytest.approx(100 * 21.5 / 24)
    assert agg.service.mttr == pytest.approx(2.5 * H / 3)
    assert agg.service.mtbf == pytest.approx(21.5 * H / 3)
    assert agg.service.sla_met is False
    assert agg.caused == pytest.approx(1 * H)  # FD-AS01's hour, attributed here in the device view


def test_unreachable_behind_a_failed_uplink_service_vs_device_view(store):
    _, rows = _rows(store, "device")
    county = rows["FD-AS01"]
    assert county.service.availability == pytest.approx(100 * 23 / 24)
    assert county.service.outages == 1
    assert county.device.availability == pytest.approx(100.0)
    assert county.device.outages == 0
    assert county.device.attributed == pytest.approx(1 * H)


def test_maintenance_overlapping_an_outage_is_excluded(store):
    _, rows = _rows(store, "device")
    dept = rows["FD-D01-AS01"]
    assert dept.maintenance == pytest.approx(4 * H)
    assert dept.service.outage == pytest.approx(2 * H)
    assert dept.service.outages == 1
    assert dept.service.availability == pytest.approx(100 * 18 / 20)


def test_device_added_mid_period_counts_only_its_life(store):
    _, rows = _rows(store, "device")
    new = rows["FD-D02-AS01"]
    assert new.in_service == pytest.approx(12 * H)
    assert new.unmonitored == 0
    assert new.coverage == pytest.approx(100.0)
    assert new.service.availability == pytest.approx(95.0)


def test_monitoring_gap_is_not_counted_as_up_or_down(store):
    _, rows = _rows(store, "device")
    gap = rows["FD-D03-SRV"]
    assert gap.unmonitored == pytest.approx(6 * H)
    assert gap.monitored == pytest.approx(18 * H)
    assert gap.coverage == pytest.approx(75.0)
    assert gap.service.availability == pytest.approx(100.0)
    assert gap.service.outages == 0


def test_city_and_county_aggregates(store):
    report, rows = _rows(store, "county")
    assert set(rows) == {"合肥市/肥东县", "合肥市 (own level)"}
    assert rows["合肥市/肥东县"].devices == 4
    city = report.cities[0]
    assert city.key == "合肥市"
    # up: 21.5 + 23 + 18 + 11.4 + 18 = 91.9 h; down: service 2.5+1+2+0.6 = 6.1 h, device 5.1 h
    assert city.service.availability == pytest.approx(100 * 91.9 / 98)
    assert city.device.availability == pytest.approx(100 * 91.9 / 97)
    assert report.total.maintenance == pytest.approx(4 * H)


def test_access_coverage_counts_places_without_a_reachable_access_device(store):
    report, _ = _rows(store, "city")
    (hefei,) = [c for c in report.coverage if c.city == "合肥市"]
    assert (hefei.counties_reached, hefei.counties) == (1, 1)
    assert (hefei.departments_reached, hefei.departments) == (2, 3)  # 教育局 has only a server
    assert hefei.share == pytest.approx(75.0)
    assert hefei.not_reached == ["合肥市/肥东县/肥东县教育局"]


def test_daily_heat_and_monthly_trend_agree_with_the_period(store):
    report, _ = _rows(store, "device")
    assert report.heat.percent.shape == (len(report.heat.labels), 1)
    assert report.heat.labels[0] == "HF-AGG"  # the worst device first
    assert report.heat.percent[0, 0] == pytest.approx(100 * 21.5 / 24)
    assert report.trend.months[-1] == date(2026, 10, 1)
    assert report.trend.service[-1] == pytest.approx(report.total.service.availability)
    assert report.trend.service[0] is None  # nothing was monitored a year ago: no data, not 100 %
