"""The device view's data, read from a store a poller filled: summary, interfaces, series, history."""

from __future__ import annotations

import pytest

from egovops.device_detail import device_names, faulty, format_uptime, load_detail, load_series
from egovops.errors import NotFoundError
from egovops.inventory.model import Link, LinkSource
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.device_view import PORTS, History
from tests.fixtures.outage import DEGRADED, ROOT

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_summary_joins_inventory_and_last_status_without_secrets(device_history: History) -> None:
    detail = load_detail(device_history.database, DEGRADED)
    s = detail.summary
    assert (s.vendor, s.model, s.os) == ("cisco", "Catalyst 6509", "IOS 15.2(4)E")
    assert s.site_path == ["安徽省", "芜湖市"] and s.network == "extranet"
    assert s.security_domain == "汇聚域" and s.protection_level == 3
    assert s.owner_unit == "芜湖市数据资源局" and s.contact.startswith("孙娜")
    assert s.credential_profile == "demo-snmp"
    assert s.state == "degraded" and s.cpu_percent == 93.0
    assert s.addresses == f"{device_history.device.address} (SNMP {device_history.device.snmp_port}, SSH {device_history.device.ssh_port})"
    assert format_uptime(s.uptime_s) == "37d 00:00:00"  # 30 days at the first sample, a week of history since
    assert "community" not in repr(s).lower()


def test_interfaces_carry_rates_faults_and_neighbours(device_history: History) -> None:
    rows = load_detail(device_history.database, DEGRADED).interfaces
    assert [r.index for r in rows] == list(range(1, PORTS + 1))
    by_name = {r.name: r for r in rows}
    assert by_name[device_history.down_port].fault == "down"
    assert by_name[device_history.error_port].fault == "errors"
    assert [r.name for r in faulty(rows)] == [device_history.down_port, device_history.error_port]
    # Declared demo cabling: port 3 goes to the second county's access switch, port 1 to the core.
    assert by_name[device_history.down_port].neighbour.device == "WH-C02-EXT-AS01"
    assert by_name["GigabitEthernet1/0/1"].neighbour.label() == "AH-EXT-CORE-02 GigabitEthernet0/0/3"
    assert by_name["GigabitEthernet1/0/1"].in_bps > 0 and by_name["GigabitEthernet1/0/1"].speed_bps == 1_000_000_000


def test_a_discovered_link_that_vanished_marks_its_port(device_history: History) -> None:
    InventoryRepository(device_history.database).save_links([
        Link(DEGRADED, "GigabitEthernet1/0/8", "WH-C07-EXT-AS01", "GigabitEthernet1/0/1", LinkSource.DISCOVERED, missing_since=1.0)])
    rows = {r.name: r for r in load_detail(device_history.database, DEGRADED).interfaces}
    assert rows["GigabitEthernet1/0/8"].neighbour.missing and rows["GigabitEthernet1/0/8"].fault == "neighbour-missing"


def test_recent_transitions_and_alarms_are_this_devices_only(device_history: History) -> None:
    detail = load_detail(device_history.database, DEGRADED)
    assert detail.transitions and {t.device for t in detail.transitions} == {DEGRADED}
    assert detail.transitions[0].state == "degraded"
    kinds = {a.kind for a in detail.alarms}
    assert kinds == {"cpu-high", "interface-down"} and all(a.device == DEGRADED for a in detail.alarms)
    root = load_detail(device_history.database, ROOT)
    assert [a.kind for a in root.alarms] == ["device-down"] and root.interfaces == []


def test_series_windows_read_raw_samples_then_hourly_rollups(device_history: History) -> None:
    db, now = device_history.database, device_history.now
    hour = load_series(db, DEGRADED, "1h", now=now)
    assert hour.source == "raw" and len(hour.times) == 13  # every five minutes, both ends included
    assert hour.cpu[-1] == 93.0 and all(hour.start <= t <= now for t in hour.times)
    assert set(hour.traffic) == set(range(1, PORTS + 1))
    down = hour.traffic[3]
    assert down.name == device_history.down_port and down.in_bps[-1] == 0.0
    day = load_series(db, DEGRADED, "24h", now=now)
    assert day.source == "raw" and 13 + 20 <= len(day.times) <= 13 + 23  # hourly cycles of the day and the last hour
    week = load_series(db, DEGRADED, "7d", now=now)
    assert week.source == "hourly"
    assert 160 <= len(week.times) <= 170
    assert all(abs(b - a - 3600) < 1 for a, b in zip(week.times, week.times[1:]))  # one point per hour
    assert len(week.traffic[1].times) == len(week.times)


def test_unknown_window_and_device_are_named(device_history: History) -> None:
    with pytest.raises(ValueError, match="2w"):
        load_series(device_history.database, DEGRADED, "2w")
    with pytest.raises(NotFoundError, match="NO-SUCH"):
        load_detail(device_history.database, "NO-SUCH")
    assert DEGRADED in device_names(device_history.database)


def test_a_city_scope_covers_its_counties_and_nothing_else(demo_store) -> None:  # type: ignore[no-untyped-def]
    from egovops.device_detail.scope import city_of, devices_of_city

    devices = InventoryRepository(demo_store).devices()
    wuhu = devices_of_city(InventoryRepository(demo_store).device(DEGRADED), devices)
    assert DEGRADED in wuhu and "WH-C07-EXT-AS01" in wuhu and "WH-INT-AGG-01" in wuhu
    assert all(d.site.startswith("安徽省/芜湖市") for d in devices if d.name in wuhu)
    assert len(wuhu) == sum(1 for d in devices if d.site.startswith("安徽省/芜湖市"))
    assert city_of("安徽省/合肥市/肥东县") == "安徽省/合肥市" and city_of("安徽省") == "安徽省"
