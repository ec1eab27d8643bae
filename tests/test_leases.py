"""Device leases: one writer per device on a shared store (issue 17, item 4).

Times are passed in (``now``) so the edges are exact: a lease is held while ``now < expires_at``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import update

from egovops.inventory.model import Device
from egovops.polling.leases import Leases
from egovops.polling.presence import NameInUse, Presence
from egovops.polling.settings import Intervals, PollingSettings
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors
from tests.fixtures.store import Cli

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def add_devices(database: Database, count: int) -> list[int]:
    InventoryRepository(database).save_devices(
        [Device(f"d{n:03}", "127.0.0.1", "intranet", "安徽省/合肥市", snmp_port=20000 + n) for n in range(count)])
    return sorted(InventoryRepository(database).device_ids().values())


def test_a_lease_is_free_at_its_expiry_exactly(database: Database) -> None:
    ids = add_devices(database, 6)
    leases = Leases(database)
    assert leases.claim("a", ids, ttl_s=10, now=100) == set(ids)
    assert leases.claim("b", ids, ttl_s=10, now=109.999) == set()  # a still holds every one
    assert leases.held("a", now=109.999) == set(ids) and leases.held("a", now=110) == set()
    assert leases.claim("b", ids, ttl_s=10, now=110) == set(ids)  # and a no longer counts as live
    assert leases.holders(now=110) == {"b": 6}


def test_own_leases_are_renewed_and_others_wait(database: Database) -> None:
    ids = add_devices(database, 4)
    leases = Leases(database)
    leases.claim("a", ids, ttl_s=10, now=100)
    assert leases.claim("a", ids, ttl_s=10, now=108) == set(ids)
    assert leases.claim("b", ids, ttl_s=10, now=115) == set()  # without the renewal they expired at 110
    assert leases.held("a", now=117.9) == set(ids)


def test_renewal_extends_only_the_holders_own_leases(database: Database) -> None:
    ids = add_devices(database, 4)
    leases = Leases(database)
    leases.claim("a", ids[:2], ttl_s=10, now=100)
    leases.claim("b", ids[2:], ttl_s=10, now=100)
    assert leases.renew("a", ids, ttl_s=10, now=109) == 2  # b's two are not a's to renew
    assert leases.held("a", now=118) == set(ids[:2]) and leases.held("b", now=110) == set()
    assert leases.renew("a", [], ttl_s=10, now=109) == 0


def test_a_second_poller_gets_half_after_the_first_gives_back_its_excess(database: Database) -> None:
    ids = add_devices(database, 11)
    leases, presence = Leases(database), Presence(database)
    presence.register("a", now=100)
    assert leases.claim("a", ids, ttl_s=10, zone="", now=100) == set(ids)  # alone: everything
    presence.register("b", now=101)
    assert leases.claim("b", ids, ttl_s=10, zone="", now=101) == set()  # nothing is free yet
    presence.heartbeat("a", 11, now=105)
    kept = leases.claim("a", ids, ttl_s=10, zone="", hand_over_s=4, now=105)
    assert len(kept) == 6  # ceil(11 / 2); the other five are handed over 4 s (a status interval) on
    presence.heartbeat("b", 0, now=106)
    assert leases.claim("b", ids, ttl_s=10, zone="", now=108.9) == set()  # a polled them < 4 s ago
    assert leases.claim("a", ids, ttl_s=10, zone="", hand_over_s=4, now=108) == kept  # hand-over not extended
    taken = leases.claim("b", ids, ttl_s=10, zone="", now=109)
    assert len(taken) == 5 and not taken & kept and taken | kept == set(ids)
    assert leases.holders(now=109) == {"a": 6, "b": 5}


def test_a_stopped_or_silent_collector_does_not_count_in_the_share(database: Database) -> None:
    ids = add_devices(database, 4)
    leases, presence = Leases(database), Presence(database)
    presence.register("gone", now=100)
    presence.stopped("gone", now=101)
    presence.register("silent", now=100)  # heartbeat at 100: older than the 10 s TTL at 110
    presence.register("other-zone", zone="network=extranet", now=110)
    assert leases.claim("a", ids, ttl_s=10, zone="", now=110) == set(ids)


def test_limit_release_and_devices_leaving_the_zone(database: Database) -> None:
    ids = add_devices(database, 8)
    leases = Leases(database)
    assert len(leases.claim("a", ids, ttl_s=10, limit=3, now=100)) == 3
    assert leases.claim("a", ids, ttl_s=10, now=101) == set(ids)
    assert leases.claim("a", ids[:5], ttl_s=10, now=102) == set(ids[:5])  # the zone shrank
    assert leases.held("a", now=102) == set(ids[:5])
    assert leases.release("a") == 5 and leases.holders(now=102) == {}
    assert leases.claim("b", ids, ttl_s=10, now=103) == set(ids)


def test_a_live_name_is_refused_and_a_stale_or_dead_one_taken_over(database: Database) -> None:
    presence = Presence(database)

    def held_by(pid: int) -> None:  # as if that process had registered the name
        with database.write() as conn:
            conn.execute(update(collectors).values(pid=pid))

    presence.register("hf-poller", now=100)
    held_by(os.getppid())  # alive: pytest's parent
    with pytest.raises(NameInUse, match="hf-poller is already running"):
        presence.register("hf-poller", fresh_s=25, now=124.9)
    presence.register("hf-poller", fresh_s=25, now=125)  # its heartbeat is 25 s old: a dead process
    assert presence.get("hf-poller").started_at == 125  # type: ignore[union-attr]
    exited = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    held_by(int(exited.stdout))
    presence.register("hf-poller", fresh_s=25, now=126)  # restarted after a crash on this host: at once
    row = presence.get("hf-poller")
    assert row is not None and row.started_at == 126 and row.pid == os.getpid() and row.stopped_at is None


@pytest.mark.stores("postgresql")
def test_a_claimer_skips_rows_another_transaction_holds_instead_of_waiting(database_url: str,
                                                                            database: Database) -> None:
    ids = add_devices(database, 10)
    Leases(database).claim("dead", ids, ttl_s=1, now=0)  # all expired long ago
    url = database.engine.url
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database) as other:
        other.execute("SELECT device_id FROM device_leases WHERE device_id = ANY(%s) FOR UPDATE", (ids[:4],))
        got: list[set[int]] = []
        worker = threading.Thread(target=lambda: got.append(Leases(database).claim("b", ids, ttl_s=10, now=100)))
        worker.start()
        worker.join(20)
        assert not worker.is_alive(), "the claim waited for the other transaction's row locks"
        other.rollback()
    assert got == [set(ids[4:])]


@pytest.mark.stores("postgresql")
def test_concurrent_claimers_never_get_the_same_device(database_url: str, database: Database) -> None:
    ids = add_devices(database, 200)
    stores = [open_database(database_url) for _ in range(6)]  # one store each: no shared write lock
    try:
        for round_at in (100.0, 200.0, 300.0):  # free rows, then everyone's expired ones
            start = threading.Barrier(len(stores))
            results: dict[str, set[int]] = {}

            def claim(n: int, at: float = round_at, gate: threading.Barrier = start,
                      into: dict[str, set[int]] = results) -> None:
                gate.wait()
                into[f"p{n}"] = Leases(stores[n]).claim(f"p{n}", ids, ttl_s=50, now=at)

            threads = [threading.Thread(target=claim, args=(n,)) for n in range(len(stores))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert len(results) == len(stores)
            taken = [d for got in results.values() for d in got]
            assert len(taken) == len(set(taken)), "a device was claimed twice"
            for holder, got in results.items():
                assert Leases(database).held(holder, now=round_at) == got
    finally:
        for store in stores:
            store.close()


@pytest.mark.stores("postgresql")
def test_poll_refuses_a_live_name_in_one_line_and_a_clean_once_leaves_nothing_held(database: Database,
                                                                                     cli: Cli) -> None:
    done = cli("poll", "--once", "--name", "hf-desk")
    assert done.returncode == 0, done.stderr
    row = Presence(database).get("hf-desk")
    assert row is not None and row.stopped_at is not None and Leases(database).holders() == {}
    Presence(database).register("hf-live")  # this test's process, alive with a fresh heartbeat
    refused = cli("poll", "--once", "--name", "hf-live")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (f"error: a poller named hf-live is already running (process {os.getpid()} on "
                                      f"{socket.gethostname()}); give this one another --name")


@pytest.mark.stores("postgresql")
def test_a_clean_stop_gives_every_lease_back_at_once(database: Database, database_url: str, data_dir: Path) -> None:
    add_devices(database, 3)  # nothing answers on their ports: the cycles are timeouts, cheap on CPU
    PollingSettingsRepository(database).save_polling(PollingSettings(
        intervals=Intervals(status_s=5, timeout_s=0.5, retries=0), watch_workstation=False, prefer_icmp=False,
        neighbour_interval_s=0))
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir), EGOVOPS_DATABASE=database_url)
    poller = subprocess.Popen([sys.executable, "-m", "egovops", "poll", "--name", "hf"], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while Leases(database).holders() != {"hf": 3}:
            assert time.monotonic() < deadline and poller.poll() is None, "the poller never held its leases"
            time.sleep(0.2)
    finally:
        poller.send_signal(signal.SIGTERM)  # as systemd stops it: like Ctrl-C
        output, _ = poller.communicate(timeout=60)
    assert poller.returncode == 0, output
    assert Leases(database).holders() == {}, output
    row = Presence(database).get("hf")
    assert row is not None and row.stopped_at is not None and row.devices_held == 0


@pytest.mark.stores("postgresql")
def test_one_poller_of_this_host_watches_its_workstation_and_only_leased_devices(database: Database) -> None:
    from egovops.polling.poller import Poller
    from egovops.polling.workstation import workstation_name
    from egovops.snmp import SnmpClient, SnmpLoop

    ids = add_devices(database, 2)  # nothing answers on their ports
    settings = PollingSettings(intervals=Intervals(status_s=5, timeout_s=0.3, retries=0), prefer_icmp=False)
    loop = SnmpLoop("test-leases").start()
    try:
        first, second = (Poller(database, SnmpClient(loop), settings=settings, holder=name) for name in ("a", "b"))
        polled_first = {s.name for s in first.run_cycle().statuses}
        polled_second = {s.name for s in second.run_cycle().statuses}
    finally:
        loop.stop()
    assert workstation_name() in polled_first and workstation_name() not in polled_second
    assert polled_first | polled_second == {"d000", "d001", workstation_name()}
    assert not polled_first & polled_second
    assert set(Leases(database).holders()) == {"a"}  # b found nothing free: a, alone, took all
    assert Leases(database).held("a") >= set(ids)


@pytest.mark.stores("postgresql")
def test_polling_a_device_another_poller_holds_is_refused(database: Database) -> None:
    from egovops.errors import EgovopsError
    from egovops.polling.poller import Poller
    from egovops.snmp import SnmpClient, SnmpLoop

    add_devices(database, 2)
    settings = PollingSettings(intervals=Intervals(status_s=5, timeout_s=0.3, retries=0), prefer_icmp=False,
                               watch_workstation=False)
    loop = SnmpLoop("test-leases").start()
    try:
        Poller(database, SnmpClient(loop), settings=settings, holder="a").run_cycle()
        second = Poller(database, SnmpClient(loop), settings=settings, holder="b")
        with pytest.raises(EgovopsError, match=r"^d001: polled by another poller on this shared store$"):
            second.run_cycle(names=["d001"])
        with pytest.raises(EgovopsError, match="no device named d404"):
            second.run_cycle(names=["d404"])
    finally:
        loop.stop()
