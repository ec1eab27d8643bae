"""The collector process on the embedded store: SIGTERM mid-cycle, SIGHUP and store-change reloads,
and a nightly backup run with no console, its run, configuration and audit rows in the store."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
import signal
import sqlite3
import time

import pytest
from sqlalchemy import func, select

from egovops.accounts import os_user_name
from egovops.audit.repo import AuditRepository
from egovops.collector.schedule import SCHEDULES_KEY, Job
from egovops.configs import ConfigStore
from egovops.polling.presence import Presence
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.ssh_repo import KnownHostKey, SshKnownHostsRepository
from egovops.storage.tables.collectors import device_leases
from egovops.storage.tables.polling import poller_stats
from tests.fixtures.snmpd import free_udp_port
from tests.fixtures.store import Cli
from tests.test_collector_helpers import fast_settings, snmp_devices, start_collector, wait_for

pytestmark = pytest.mark.usefixtures("secret_service")


def cycles_stored(database: Database) -> int:
    with database.read() as conn:
        return conn.execute(select(func.count()).select_from(poller_stats)
                            .where(poller_stats.c.cycle != "status part")).scalar_one()


def test_sigterm_ends_the_cycle_in_progress_within_seconds_and_gives_everything_back(
        database: Database, database_url: str, data_dir, snmpd_factory) -> None:
    agent = snmpd_factory(ports=3)
    snmp_devices(database, agent, ["intranet"])
    dead = [dataclasses.replace(d, name=f"dead-{i}", snmp_port=free_udp_port())
            for i, d in enumerate(InventoryRepository(database).devices()[:2])]
    InventoryRepository(database).save_devices(dead)
    fast_settings(database)
    # A 3 s timeout on 2 s intervals: every cycle overruns, so the signal always lands mid-cycle.
    from egovops.polling.settings_repo import PollingSettingsRepository
    repo = PollingSettingsRepository(database)
    settings = repo.polling()
    repo.save_polling(dataclasses.replace(settings, intervals=dataclasses.replace(settings.intervals, timeout_s=3.0)))
    running = start_collector(data_dir, database_url, "term")
    try:
        wait_for("two cycles", lambda: "cycle 2 " in running.text(), seconds=90)
        before = cycles_stored(database)
        sent = time.monotonic()
        running.signal(signal.SIGTERM)
        code = running.process.wait(30)
        took = time.monotonic() - sent
        print(f"SIGTERM to exit: {took:.2f} s (cycle in progress: up to a 3 s timeout)")
        assert code == 0, running.text()
        assert took < 6.0
        assert cycles_stored(database) > before  # the cycle in progress was finished and stored
        row = Presence(database).get("term")
        assert row is not None and row.stopped_at is not None and row.devices_held == 0
        with database.read() as conn:
            assert conn.execute(select(func.count()).select_from(device_leases)).scalar_one() == 0
        assert "signal SIGTERM" in running.text() and "Traceback" not in running.text()
        assert "SIGTERM" in (data_dir / "logs" / "egovops.log").read_text("utf-8")  # and the rotating file
    finally:
        running.stop()


def _raw_set_schedules(database: Database, jobs: list[Job]) -> None:
    """Write the schedules as another tool would, bypassing egovops: no change notice at all."""
    with sqlite3.connect(database.location) as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (SCHEDULES_KEY,))
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)",
                     (SCHEDULES_KEY, json.dumps([j.to_json() for j in jobs])))


def test_sighup_and_a_store_change_reload_the_schedules(database: Database, database_url: str, data_dir,
                                                       cli: Cli) -> None:
    # No default nightly job: started within its catch-up window (e.g. at 02:13 for 02:00) it runs at
    # once, and the collector's own write of that run is a store change that reloads the schedules.
    _raw_set_schedules(database, [])
    running = start_collector(data_dir, database_url, "hup")
    try:
        wait_for("the start", lambda: "started: zone everything" in running.text())
        _raw_set_schedules(database, [Job("probe", "discovery", "04:00")])
        time.sleep(2.0)  # the store watcher would have noticed a notice by now: there is none
        assert "probe at 04:00" not in running.text()
        running.signal(signal.SIGHUP)
        wait_for("the SIGHUP reload", lambda: "1 scheduled job(s): probe at 04:00" in running.text(), seconds=20)
        saved = cli("collector", "schedule", "set", "zz-nightly", "--action", "discovery", "--at", "05:00")
        assert saved.returncode == 0, saved.stderr
        wait_for("the store-change reload",
                 lambda: "2 scheduled job(s): probe at 04:00, zz-nightly at 05:00" in running.text(), seconds=20)
        assert running.process.poll() is None
    finally:
        running.stop()


def _trust(database: Database, server) -> None:  # type: ignore[no-untyped-def]
    key_type, key_base64 = server.host_key.with_name(server.host_key.name + ".pub").read_text().split()[:2]
    digest = base64.b64encode(hashlib.sha256(base64.b64decode(key_base64)).digest()).decode().rstrip("=")
    for device in server.devices:
        SshKnownHostsRepository(database).add(KnownHostKey(device.address, device.port, key_type, key_base64,
                                                           f"SHA256:{digest}", time.time(), "test"))


def test_a_scheduled_nightly_backup_runs_with_no_console(database: Database, database_url: str, data_dir, cli: Cli,
                                                         sshd, ssh_credentials) -> None:
    device = dataclasses.replace(sshd.device("HW-OK"), credential_profile="lab-ssh")
    other = dataclasses.replace(sshd.device("H3C-OK"), network="extranet", credential_profile="lab-ssh")
    InventoryRepository(database).save_devices([device, other])
    _trust(database, sshd.server("HW-OK"))
    fast_settings(database, status_s=30.0)
    now = dt.datetime.now()
    assert cli("collector", "schedule", "set", "nightly-backup", "--action", "procedure", "--procedure",
               "config-backup", "--at", now.strftime("%H:%M")).returncode == 0
    running = start_collector(data_dir, database_url, "night", "network=intranet")
    try:
        line = wait_for("the backup", lambda: [ln for ln in running.text().splitlines()
                                               if "nightly-backup: config-backup run" in ln], seconds=120)[0]
        assert "1 ok, 0 failed" in line, running.text()
        run_id = line.split(" run ", 1)[1].split()[0]
        starts = [r for r in AuditRepository(database).rows() if r.action == "procedure.start"]
        ends = [r for r in AuditRepository(database).rows() if r.action == "procedure.run"]
        assert [json.loads(r.details)["run_id"] for r in starts] == [run_id]
        assert json.loads(starts[0].details)["targets"] == ["HW-OK"]  # its zone only: H3C-OK is extranet
        assert starts[0].actor == os_user_name() and ends and ends[0].actor == os_user_name()
        versions = ConfigStore(database).versions("HW-OK")
        assert len(versions) == 1 and ConfigStore(database).versions("H3C-OK") == []
        assert (data_dir / "runs" / run_id / "report.json").exists()
        listed = json.loads(cli("collector", "schedule", "list", "--json").stdout)
        assert [r["collector"] for r in listed[0]["last_runs"]] == ["night"]
    finally:
        running.stop()
