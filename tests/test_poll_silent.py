"""Hand-started pollers (``egovops poll --name``) on a shared store watch each other as collectors
do: one that stops reporting is a ``collector_silent`` alarm, with no ``egovops collector`` running."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from egovops.collector.coverage import SILENT_KIND, host_device
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from tests.fixtures.store import store_env
from tests.test_collector_helpers import STATUS_S, Running, fast_settings, snmp_devices, wait_for

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("postgresql")]


def start_poller(data_dir: Path, database_url: str, name: str) -> Running:
    log = data_dir / f"poll-{name}.out"
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir), **store_env(database_url))
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "egovops", "poll", "--name", name], env=env, text=True,
                                   stdout=out, stderr=subprocess.STDOUT)
    return Running(name, process, log)


def silent(database: Database) -> dict[str, str]:
    """{silent poller: the device its alarm hangs on}."""
    return {a.subject: a.device for a in AlarmRepository(database).list(active_only=True) if a.kind == SILENT_KIND}


def test_a_killed_hand_started_poller_is_a_silent_alarm_raised_by_the_other(
        database: Database, database_url: str, data_dir: Path, snmpd_factory) -> None:
    snmp_devices(database, snmpd_factory(ports=2), ["extranet"])
    fast_settings(database)  # no workstation watched: the host row must come from the poller itself
    running = [start_poller(data_dir, database_url, "p-a"), start_poller(data_dir, database_url, "p-b")]
    try:
        wait_for("both pollers to finish a cycle", lambda: all(r.text().count("\n") >= 2 for r in running), seconds=60)
        assert silent(database) == {}  # both report: nothing is silent
        running[0].signal(signal.SIGKILL)
        running[0].process.wait(10)
        found = wait_for("the collector_silent alarm about p-a", lambda: silent(database), seconds=4 * STATUS_S + 30)
        assert found == {"p-a": host_device(socket.gethostname())}, found
        assert running[1].process.poll() is None, running[1].text()
        assert "p-a" in running[1].text()  # the survivor said so on its stderr
    finally:
        for r in running:
            r.stop()
