"""Hand-computed availability cases, stored through the real repositories and read back.

One day (2026-10-01 in Asia/Shanghai, i.e. from 2026-09-30 16:00 UTC) and five devices:

* HF-AGG (the city uplink): down from 1 h before the day to 01:00 (crosses the start),
  10:00–11:00, and from 23:30 to past the end (crosses the end) → 2.5 h down, 3 outages.
* FD-AS01 (county access): unreachable 10:00–11:00 because HF-AGG failed → service view 1 h down;
  device view charges that hour to HF-AGG.
* FD-D01-AS01: down 02:00–05:00, maintenance window 04:00–08:00 → 2 h counted, 4 h maintenance.
* FD-D02-AS01: first monitored at 12:00 (added mid-day), down 18:00–18:36 → 0.6 h of 12 h.
* FD-D03-SRV: a monitoring gap 06:00–12:00 with an outage 07:00–08:00 inside it → not counted.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.periods import custom_period, zone
from egovops.availability.report import ReportRequest, report_from_store
from egovops.inventory.model import Device, DeviceRole, Site, SiteKind
from egovops.storage.availability_repo import AvailabilityRepository
from egovops.storage.state_repo import MonitoredSpan, StateRepository, Transition

H = 3600.0
TZ = zone("Asia/Shanghai")
PERIOD = custom_period(date(2026, 10, 1), date(2026, 10, 1), TZ)
P0 = PERIOD.start
CITY, COUNTY = "安徽省/合肥市", "安徽省/合肥市/肥东县"


def _device(name: str, site: str, role: DeviceRole, unit: str) -> Device:
    return Device(name, "127.0.0.1", "extranet", site, role=role, owner_unit=unit, protection_level=2)


@pytest.fixture
def store(database, inventory):
    inventory.save_sites([
        Site("安徽省", SiteKind.PROVINCE), Site(CITY, SiteKind.CITY), Site(COUNTY, SiteKind.COUNTY),
        *(Site(f"{COUNTY}/{d}", SiteKind.DEPARTMENT) for d in ("肥东县政府办", "肥东县公安局", "肥东县教育局")),
    ])
    inventory.save_devices([
        _device("HF-AGG", CITY, DeviceRole.AGGREGATION, "合肥市数据资源局"),
        _device("FD-AS01", COUNTY, DeviceRole.ACCESS, "肥东县政府办"),
        _device("FD-D01-AS01", f"{COUNTY}/肥东县政府办", DeviceRole.ACCESS, "肥东县政府办"),
        _device("FD-D02-AS01", f"{COUNTY}/肥东县公安局", DeviceRole.ACCESS, "肥东县公安局"),
        _device("FD-D03-SRV", f"{COUNTY}/肥东县教育局", DeviceRole.SERVER, "肥东县教育局"),
    ])
    states = StateRepository(database)
    day_before, day_after = P0 - 24 * H, P0 + 48 * H

    def t(device: str, hours: float, state: str, root: str | None = None) -> Transition:
        return Transition(device, P0 + hours * H, state, root_cause=root)

    states.record_transitions([
        t("HF-AGG", -48, "up"), t("HF-AGG", -1, "down"), t("HF-AGG", 1, "up"), t("HF-AGG", 10, "down"),
        t("HF-AGG", 11, "up"), t("HF-AGG", 23.5, "down"), t("HF-AGG", 25, "up"),
        t("FD-AS01", -48, "up"), t("FD-AS01", 10, "unreachable", "HF-AGG"), t("FD-AS01", 11, "up"),
        t("FD-D01-AS01", -48, "up"), t("FD-D01-AS01", 2, "down"), t("FD-D01-AS01", 5, "up"),
        t("FD-D02-AS01", 12, "up"), t("FD-D02-AS01", 18, "down"), t("FD-D02-AS01", 18.6, "up"),
        t("FD-D03-SRV", -24, "up"), t("FD-D03-SRV", 7, "down"), t("FD-D03-SRV", 8, "up"),
    ])
    states.record_spans([
        *(MonitoredSpan(d, day_before, day_after) for d in ("HF-AGG", "FD-AS01", "FD-D01-AS01")),
        MonitoredSpan("FD-D02-AS01", P0 + 12 * H, day_after),
        MonitoredSpan("FD-D03-SRV", day_before, P0 + 6 * H), MonitoredSpan("FD-D03-SRV", P0 + 12 * H, day_after),
    ])
    AvailabilityRepository(database).add_window(MaintenanceWindow(
        "device", "FD-D01-AS01", datetime(2026, 10, 1, 4, 0), 4 * H, "更换电源模块", "Asia/Shanghai", created_by="tester",
    ))
    return database


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
