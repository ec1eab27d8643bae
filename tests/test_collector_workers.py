"""``egovops collector --workers N``: one command, N collector processes of the zone sharing its
devices through the leases, one log, SIGTERM ends them all, a dead worker comes back. Real
PostgreSQL, real snmpd, real processes; the SQLite store refuses more than one worker."""

from __future__ import annotations

import json
import os
import re
import signal
import time

import pytest

from tests.fixtures.store import Cli
from tests.test_collector_helpers import Running, fast_settings, snmp_devices, start_collector, wait_for
from tests.test_collector_takeover import holders

pytestmark = pytest.mark.usefixtures("secret_service")


def worker_pids(running: Running) -> dict[str, int]:
    """The latest pid of each worker, as the parent's log says it started it."""
    return {name: int(pid) for name, pid in re.findall(r"worker (\S+) started \(pid (\d+)\)", running.text())}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) is not alive either.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


@pytest.mark.stores("postgresql")
def test_two_workers_share_the_zone_log_through_the_parent_and_stop_together(
        database, database_url: str, data_dir, snmpd_factory, cli: Cli) -> None:
    agent = snmpd_factory(ports=6)
    names = {d.name for d in snmp_devices(database, agent, ["extranet"])}
    fast_settings(database)
    parent = start_collector(data_dir, database_url, "pool", "", "--workers", "2")
    try:
        wait_for("the two workers to hold half the zone each", lambda: sorted(
            list(holders(database).values()).count(n) for n in ("pool-1", "pool-2")) == [3, 3], seconds=90)
        assert set(holders(database)) == names
        listed = json.loads(cli("collectors", "list", "--json").stdout)["collectors"]
        assert {(c["name"], c["state"]) for c in listed} >= {("pool-1", "live"), ("pool-2", "live")}
        assert "pool" not in {c["name"] for c in listed}  # the parent polls nothing and has no row
        pids = worker_pids(parent)
        assert sorted(pids) == ["pool-1", "pool-2"] and all(alive(p) for p in pids.values())
        # One log: the workers' lines come out of the parent, tagged, and one line sums them up.
        wait_for("a status line of both workers", lambda: "collector pool: 2 workers: 6 devices" in parent.text())
        log = parent.text()
        assert "[pool-1] collector pool-1: cycle" in log and "[pool-2] collector pool-2: cycle" in log
        stopping = time.monotonic()
        parent.signal(signal.SIGTERM)
        assert parent.process.wait(30) == 0, parent.text()[-2000:]
        assert time.monotonic() - stopping < 15
        assert not any(alive(p) for p in pids.values())
        states = {c["name"]: c["state"] for c in json.loads(cli("collectors", "list", "--json").stdout)["collectors"]}
        assert states["pool-1"] == states["pool-2"] == "stopped"
    finally:
        parent.stop()
        for pid in worker_pids(parent).values():
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.stores("postgresql")
def test_a_worker_that_dies_is_reported_and_started_again(database, database_url: str, data_dir,
                                                           snmpd_factory) -> None:
    agent = snmpd_factory(ports=2)
    snmp_devices(database, agent, ["extranet"])
    fast_settings(database)
    parent = start_collector(data_dir, database_url, "pool", "", "--workers", "2")
    try:
        first = wait_for("both workers", lambda: len(worker_pids(parent)) == 2 and worker_pids(parent))
        os.kill(first["pool-2"], signal.SIGKILL)
        wait_for("the report of its death", lambda: "worker pool-2 exited with code -9; restarting it in 1 s"
                 in parent.text())
        again = wait_for("pool-2 started again", lambda: worker_pids(parent)["pool-2"] != first["pool-2"]
                         and worker_pids(parent))
        assert again["pool-1"] == first["pool-1"] and alive(again["pool-2"])
        wait_for("pool-2 polling again", lambda: "[pool-2] collector pool-2: cycle 1 " in
                 parent.text().split(f"pid {again['pool-2']}")[-1])
        parent.signal(signal.SIGTERM)
        assert parent.process.wait(30) == 0
    finally:
        parent.stop()
        for pid in worker_pids(parent).values():
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.stores("sqlite")
def test_sqlite_refuses_more_than_one_worker(cli: Cli) -> None:
    done = cli("collector", "--workers", "2")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--workers 2" in lines[0] and "SQLite" in lines[0], done.stderr
    assert "Traceback" not in done.stderr + done.stdout
