"""What the collector tests share: real collector processes on a test store, and polling settings
short enough that takeover fits in seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.inventory.model import Device
from egovops.polling.settings import Intervals, PollingSettings
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.store import store_env

STATUS_S = 2.0


def fast_settings(database: Database, status_s: float = STATUS_S) -> None:
    """Every measure due every status interval (so each poll leaves a health sample), one short try."""
    settings = PollingSettings(intervals=Intervals(status_s, status_s, status_s, timeout_s=1.0, retries=0),
                               watch_workstation=False)
    PollingSettingsRepository(database).save_polling(settings)


def snmp_devices(database: Database, agent: Any, networks: list[str], site: str = "安徽省/合肥市") -> list[Device]:
    """One device per port of ``agent`` (a real snmpd), on the given networks in turn."""
    CredentialService(database).add(build_profile("v2c", "snmp-v2c", {}), {"community": agent.community})
    devices = [Device(f"dev-{i:02d}", "127.0.0.1", networks[i % len(networks)], site, snmp_port=port,
                      credential_profile="v2c") for i, port in enumerate(agent.ports)]
    InventoryRepository(database).save_devices(devices)
    return devices


@dataclass
class Running:
    name: str
    process: subprocess.Popen[str]
    log: Path

    def text(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)


def start_collector(data_dir: Path, database_url: str, name: str, zone: str = "", *extra: str) -> Running:
    log = data_dir / f"collector-{name}.out"
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir), **store_env(database_url))
    one = [] if "--workers" in extra else ["--workers", "1"]  # one process named ``name`` unless asked otherwise
    args = [sys.executable, "-m", "egovops", "collector", "--name", name, *(["--zone", zone] if zone else []), *one,
            *extra]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(args, env=env, text=True, stdout=out, stderr=subprocess.STDOUT)
    return Running(name, process, log)


def wait_for(what: str, check: Callable[[], Any], seconds: float = 60.0, every: float = 0.2) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds:g} s waiting for {what}")
