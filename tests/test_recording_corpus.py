"""Acceptance (issue 16): no device of any recording in the test corpus shows a temperature outside
-40…150 °C or a CPU/memory figure that is a sentinel.

The corpus is every device recording of snmpsim-data (network equipment, operating systems,
UPSes, storage, cameras…) and every recording built in tests/recordings, each polled as the
poller polls it, served by snmpsim.
"""

from __future__ import annotations

import asyncio
import time

from egovops.credentials import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, STATUS, poll_device
from egovops.polling.model import DeviceStatus
from egovops.polling.readings import SENTINELS
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget


def _poll_all(agent, names: list[str]) -> dict[str, DeviceStatus]:
    loop = SnmpLoop("test-corpus").start()
    client = SnmpClient(loop)
    gate = asyncio.Semaphore(8)

    async def one(name: str) -> tuple[str, DeviceStatus]:
        device = Device(name, agent.address, "intranet", "安徽省", snmp_port=agent.port, credential_profile="x")
        target = SnmpTarget(name, agent.address, agent.port, community=Secret(name), timeout=10, retries=1)
        async with gate:
            return name, await poll_device(client, device, target, None, {STATUS, HEALTH}, None, None, time.time())

    async def every() -> dict[str, DeviceStatus]:
        return dict(await asyncio.gather(*(one(n) for n in names)))

    try:
        return loop.run(every())
    finally:
        loop.stop()


def _problems(status: DeviceStatus) -> list[str]:
    found = []
    figures = [("device", status.cpu_percent, status.mem_percent, status.temperature_c)]
    figures += [(b.name, b.cpu_percent, b.mem_percent, b.temperature_c) for b in status.boards]
    for where, cpu, memory, temperature in figures:
        if temperature is not None and not -40 <= temperature <= 150:
            found.append(f"{where}: {temperature} °C")
        for what, value in (("cpu", cpu), ("memory", memory)):
            if value is not None and (value in SENTINELS or not 0 <= value <= 100):
                found.append(f"{where}: {what} {value}")
    return found


def test_no_recording_shows_a_sentinel_or_an_impossible_temperature(corpus_agent) -> None:
    agent, paths = corpus_agent
    statuses = _poll_all(agent, sorted(paths))
    answered = {n: s for n, s in statuses.items() if s.reachable and s.error is None}
    # every recording read in full: a failed read would hide its figures
    assert sorted(set(paths) - set(answered)) == []
    assert sum(s.temperature_c is not None for s in answered.values()) >= 15
    problems = {name: p for name, status in answered.items() if (p := _problems(status))}
    assert problems == {}
