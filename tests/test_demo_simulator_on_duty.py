"""Acceptance on the demo (issue 15, items 3 and 4): ``egovops poll`` running as the console runs it
finds a cross-network cable by itself, and a device going down (and back) reaches the store's
state and alarms within its status interval + 5 s."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from egovops.polling.repo import PollingRepository
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.simulator.faults import add_fault, clear_faults
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database, open_database

STATUS_S = 10.0
NEIGHBOUR_S = 20.0  # shorter than the shipped 180 s so the test ends; the mechanism is the same


@pytest.fixture(scope="module")
def running_poller(demo_province) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    db = open_database(demo_province.data_dir / "egovops.sqlite3")
    repo = PollingSettingsRepository(db)
    before = repo.polling()
    intervals = replace(before.intervals, status_s=STATUS_S, interfaces_s=60.0, health_s=60.0, timeout_s=1.0, retries=1)
    repo.save_polling(replace(before, intervals=intervals, neighbour_interval_s=NEIGHBOUR_S))
    env = dict(os.environ, EGOVOPS_HOME=str(demo_province.data_dir))
    with open(demo_province.data_dir / "test-poller.log", "w") as log:  # the poller holds its own copy
        process = subprocess.Popen([sys.executable, "-m", "egovops", "poll"], env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "neighbour tables:" in (demo_province.data_dir / "test-poller.log").read_text(),
                        180), "no first sweep"
        yield db
    finally:
        process.terminate()
        process.wait(10)
        repo.save_polling(before)
        db.close()


def wait_for(check: Callable[[], bool], timeout: float, step: float = 0.2) -> float | None:
    """Seconds until ``check`` held, or None if it did not within ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(step)
    return None


def test_cross_connect_raises_the_cross_network_alarm_with_no_manual_command(  # type: ignore[no-untyped-def]
        running_poller, demo_province, demo_inventory) -> None:
    ext = next(d for d in demo_inventory.devices if d.network == "extranet" and d.role.value == "aggregation")
    intra = next(d for d in demo_inventory.devices if d.network == "intranet" and d.role.value == "aggregation")
    alarms = AlarmRepository(running_poller)

    def cross() -> list:  # type: ignore[type-arg]
        return [a for a in alarms.list(active_only=True) if a.kind == "cross_network_link"]

    assert cross() == []
    done = demo_province.cli("demo", "fault", "cross-connect", ext.name, intra.name)
    assert done.returncode == 0, done.stderr
    # Within one interval the next sweep starts; the alarm is raised when it ends.
    found = wait_for(lambda: bool(cross()), NEIGHBOUR_S + 15)
    assert found is not None, (demo_province.data_dir / "test-poller.log").read_text()[-2000:]
    (alarm,) = cross()
    assert alarm.device == intra.name and alarm.severity == "critical" and ext.name in alarm.subject
    print(f"cross-connect → alarm: {found:.1f} s (interval {NEIGHBOUR_S:g} s)")
    demo_province.cli("demo", "fault", "clear")
    assert wait_for(lambda: cross() == [], NEIGHBOUR_S + 15) is not None  # the cable pulled: the alarm clears by itself


def test_a_device_down_and_back_reaches_state_and_alarms_within_the_interval_plus_5_s(  # type: ignore[no-untyped-def]
        running_poller, demo_province, demo_inventory) -> None:
    leaf = demo_inventory.devices[-1]
    folder = demo_province.data_dir / "demo"
    polling, alarms = PollingRepository(running_poller), AlarmRepository(running_poller)

    def state() -> str | None:
        return polling.state_since().get(leaf.name, (None, 0.0))[0]

    def down_alarm() -> bool:
        return any(a.device == leaf.name and a.kind == "device_down" for a in alarms.list(active_only=True))

    assert wait_for(lambda: state() == "up", 60) is not None
    fault = add_fault(folder, "device-down", (leaf.name,)).id
    try:
        # +1: the agents read faults once a second
        went = wait_for(lambda: state() == "down" and down_alarm(), STATUS_S + 5 + 1)
    finally:
        clear_faults(folder, fault)
    came = wait_for(lambda: state() == "up" and not down_alarm(), STATUS_S + 5 + 1)
    print(f"device-down → down+alarm: {went} s; clear → up+cleared: {came} s (status interval {STATUS_S:g} s)")
    assert went is not None and came is not None


def test_a_full_discovery_shows_its_progress_on_the_command_line(demo_province) -> None:  # type: ignore[no-untyped-def]
    done = demo_province.cli("topology", "discover", "--json", timeout=300)
    lines = [line for line in done.stderr.splitlines() if line.startswith("walked ")]
    # not a terminal: a line every tenth of the way, and the last one at 100 %
    assert 2 <= len(lines) <= 11 and "(100 %)" in lines[-1], done.stderr
    total = lines[-1].split()[1]
    assert total.split("/")[0] == total.split("/")[1] and int(total.split("/")[0]) >= 40


@pytest.mark.usefixtures("secret_service")
def test_after_the_first_sweep_only_the_remote_tables_are_read(demo_province, demo_inventory) -> None:  # type: ignore[no-untyped-def]
    from egovops.credentials.service import CredentialService
    from egovops.snmp import SnmpClient, SnmpLoop
    from egovops.topology.neighbour_watch import NeighbourWatch

    db = open_database(demo_province.data_dir / "egovops.sqlite3")
    loop = SnmpLoop("test-neighbours").start()
    try:
        client = SnmpClient(loop)
        watch = NeighbourWatch(db, client, CredentialService(db))
        first = watch.sweep()
        full = client.requests_sent
        second = watch.sweep()
        remote_only = client.requests_sent - full
    finally:
        loop.stop()
        db.close()
    assert not first.discovery.failures.keys() & {d.name for d in demo_inventory.devices}
    assert second.summary.links_confirmed == first.summary.links_confirmed + first.summary.links_new  # the same links
    assert second.summary.links_missing == 0
    assert remote_only < full / 3, (full, remote_only)
    print(f"requests: first sweep {full}, later sweeps {remote_only}; durations {watch.last_duration_s:.1f} s")
