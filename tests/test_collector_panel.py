"""The Collectors panel's core: collector states, missing credential profiles, devices nobody polls,
and the overview's "not monitored" state, on both stores.

Collector rows and leases are written here as a collector and the poller's leases write them
(tables in egovops/storage/tables/collectors.py), into a real store.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from sqlalchemy import select

from egovops.collector.panel import CollectorsPanelService, missing_profiles
from egovops.overview.service import OverviewService
from egovops.polling.workstation import TAG as WORKSTATION_TAG
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors, device_leases
from egovops.storage.tables.inventory import devices
from tests.fixtures.overview import StatusWriter

pytestmark = pytest.mark.stores("sqlite", "postgresql")
HEFEI, WUHU = "安徽省/合肥市", "安徽省/芜湖市"
INTERVAL = 60.0  # the default status interval: stale after 120 s of silence


def add_collector(db: Database, name: str, now: float, *, zone: str = "", heartbeat_age: float = 5.0,
                  stopped: bool = False, profiles: object = (), last_cycle_age: float | None = 10.0) -> None:
    with db.write() as conn:
        conn.execute(collectors.insert().values(
            name=name, host=f"{name}-host", pid=4242, version="0.9", zone=zone, started_at=now - 3600,
            heartbeat_at=now - heartbeat_age, stopped_at=now - 1 if stopped else None,
            last_cycle_at=None if last_cycle_age is None else now - last_cycle_age, last_cycle_s=2.5,
            devices_held=7, overruns=1, cpu_percent=12.5, rss_bytes=80 << 20,
            profiles=profiles if isinstance(profiles, str) else json.dumps(list(profiles)),
        ))


def lease(db: Database, holder: str, names: list[str], now: float, expires_in: float = 90.0) -> None:
    with db.write() as conn:
        query = select(devices.c.name, devices.c.id).where(devices.c.name.in_(names))
        ids = dict(conn.execute(query).all())
        conn.execute(device_leases.insert(), [
            {"device_id": ids[n], "holder": holder, "acquired_at": now - 30, "expires_at": now + expires_in}
            for n in names
        ])


def set_profile(db: Database, names: list[str], profile: str) -> None:
    with db.write() as conn:
        conn.execute(devices.update().where(devices.c.name.in_(names)).values(credential_profile=profile))


def device_names(db: Database) -> list[str]:
    with db.read() as conn:
        return list(conn.scalars(select(devices.c.name).order_by(devices.c.id)))


def test_missing_profiles_are_the_needed_names_not_held() -> None:
    assert missing_profiles(["snmp-a"], ["snmp-a", "snmp-b", "snmp-b"]) == ("snmp-b",)
    assert missing_profiles(["snmp-a", "snmp-b"], ["snmp-b"]) == ()
    assert missing_profiles([], ["", "ssh-z", "snmp-a"]) == ("snmp-a", "ssh-z")  # "" is a device without one
    assert missing_profiles(["SNMP-A"], ["snmp-a"]) == ("snmp-a",)  # exact names: the keyring's are exact


def test_states_live_stale_stopped_at_two_intervals(demo_store: Database) -> None:
    now = time.time()
    add_collector(demo_store, "live", now, heartbeat_age=2 * INTERVAL - 1)
    add_collector(demo_store, "stale", now, heartbeat_age=2 * INTERVAL + 1)
    add_collector(demo_store, "stopped", now, heartbeat_age=1, stopped=True)
    rows = {r.collector.name: r for r in CollectorsPanelService(demo_store).load(now).rows}
    assert {n: r.state for n, r in rows.items()} == {"live": "live", "stale": "stale", "stopped": "stopped"}
    live = rows["live"].collector
    shown = (live.host, live.version, live.overruns, live.cpu_percent, live.rss_bytes)
    assert shown == ("live-host", "0.9", 1, 12.5, 80 << 20)


def site_devices(db: Database, prefix: str) -> list[str]:
    return [d.name for d in InventoryRepository(db).devices() if d.site == prefix or d.site.startswith(prefix + "/")]


def test_held_devices_and_missing_profiles_of_each_zone(demo_store: Database) -> None:
    now = time.time()
    names, hefei, wuhu = device_names(demo_store), site_devices(demo_store, HEFEI), site_devices(demo_store, WUHU)
    set_profile(demo_store, names, "")
    set_profile(demo_store, hefei + wuhu, "snmp-city")
    inventory = InventoryRepository(demo_store).devices()
    county = next(d.name for d in inventory if d.name in hefei and d.network == "extranet")
    set_profile(demo_store, [county], "snmp-county")
    outside = next(n for n in names if n not in hefei + wuhu)
    set_profile(demo_store, [outside], "ssh-core")
    add_collector(demo_store, "hefei", now, zone=HEFEI, profiles=["snmp-city"])
    add_collector(demo_store, "hefei-2", now, zone=f"site={HEFEI},network=intranet", profiles=["snmp-city"])
    add_collector(demo_store, "wuhu", now, zone=WUHU, profiles=["snmp-city", "snmp-county"])
    add_collector(demo_store, "all", now, profiles=["snmp-city", "snmp-county"])
    add_collector(demo_store, "odd", now, zone="colour=blue", profiles="not json")  # a broken row breaks no desk
    lease(demo_store, "hefei", [n for n in hefei if n != county][:4], now)  # not county's: needed all the same
    lease(demo_store, "wuhu", wuhu[:1], now)
    lease(demo_store, "odd", [outside], now)  # a zone this version cannot read: what it holds is its zone
    rows = {r.collector.name: r for r in CollectorsPanelService(demo_store).load(now).rows}
    assert rows["hefei"].missing_profiles == ("snmp-county",)
    assert rows["hefei-2"].missing_profiles == ()  # Hefei's intranet only: the extranet device is not its
    assert rows["wuhu"].missing_profiles == ()
    assert rows["all"].missing_profiles == ("ssh-core",)  # zone "" is the whole inventory
    assert rows["odd"].missing_profiles == ("ssh-core",) and rows["odd"].collector.profiles == ()
    if demo_store.is_shared:
        assert [rows[n].collector.devices_held for n in ("hefei", "wuhu", "all")] == [4, 1, 0]
    else:
        assert rows["hefei"].collector.devices_held == 7  # no leases on one desk's file: what it reported


def test_devices_nobody_live_holds_are_not_monitored_on_a_shared_store(status_writer: StatusWriter) -> None:
    db, now = status_writer.database, time.time()
    names = device_names(db)
    status_writer.cycle(dict.fromkeys(names, "up"), at=now - 10)
    add_collector(db, "live", now)
    add_collector(db, "crashed", now, heartbeat_age=3 * INTERVAL)
    add_collector(db, "stopped", now, stopped=True)
    lease(db, "live", names[:100], now)
    lease(db, "crashed", names[100:110], now)  # its leases have not expired yet, but nobody polls
    lease(db, "stopped", names[110:112], now)
    lease(db, "live", names[112:113], now, expires_in=-0.5)  # expired half a second ago
    with db.write() as conn:  # a desk's own machine: read by psutil on that desk, never leased
        conn.execute(devices.update().where(devices.c.name == names[-1]).values(tags=[WORKSTATION_TAG]))
    picture = CollectorsPanelService(db).load(now)
    overview = OverviewService(db).load()
    expected = set(names[100:-1]) if db.is_shared else set()
    assert picture.unmonitored == expected
    assert {n for n in names if overview.state_of(n) == "unmonitored"} == expected
    assert overview.device_counts()["unmonitored"] == len(expected)
    assert overview.device_counts()["up"] == len(names) - len(expected)
    assert overview.health[names[100]].last_poll == pytest.approx(now - 10)  # when it was last polled stays


def test_once_every_collector_is_gone_nothing_is_monitored(status_writer: StatusWriter) -> None:
    db, now = status_writer.database, time.time()
    names = device_names(db)
    status_writer.cycle(dict.fromkeys(names, "up"))
    assert OverviewService(db).load().device_counts()["unmonitored"] == 0  # no collector ever: states as written
    add_collector(db, "crashed", now, heartbeat_age=2 * INTERVAL + 5)
    lease(db, "crashed", names, now)
    overview = OverviewService(db).load()
    assert overview.device_counts()["unmonitored"] == (len(names) if db.is_shared else 0)
    assert overview.site_tree.roots[0].state == ("unmonitored" if db.is_shared else "up")


def test_the_latest_cycle_names_the_running_collector_that_wrote_last(status_writer: StatusWriter) -> None:
    db, now = status_writer.database, time.time()
    status_writer.cycle({device_names(db)[0]: "up"})
    add_collector(db, "early", now, last_cycle_age=50)
    add_collector(db, "late", now, last_cycle_age=5)
    add_collector(db, "gone", now, last_cycle_age=1, stopped=True)  # stopped: no longer the one writing
    add_collector(db, "new", now, last_cycle_age=None)  # no cycle yet
    overview = OverviewService(db).load()
    assert overview.poll is not None and overview.poll.writer == "late"
    assert [c.name for c in overview.collectors] == ["early", "gone", "late", "new"]


def test_the_zones_profiles_are_read_again_after_an_inventory_change(demo_store: Database) -> None:
    now = time.time()
    names = device_names(demo_store)
    set_profile(demo_store, names, "snmp-city")
    add_collector(demo_store, "all", now, profiles=["snmp-city"])
    service = CollectorsPanelService(demo_store)
    assert service.load(now).rows[0].missing_profiles == ()
    set_profile(demo_store, names[:1], "snmp-new")  # an edit the inventory's fingerprint cannot see
    service.invalidate()  # what the panel does on the inventory change notice the edit publishes
    assert service.load(now).rows[0].missing_profiles == ("snmp-new",)
    InventoryRepository(demo_store).save_devices([replace(InventoryRepository(demo_store).device(names[1]),
                                                          name="NEW-DEVICE-01", credential_profile="ssh-new")])
    assert service.load(now).rows[0].missing_profiles == ("snmp-new", "ssh-new")  # a new device: fingerprint
