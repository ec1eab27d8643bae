"""Benchmark: varbinds read per device per full cycle (status, interfaces, health), before and after
the static interface columns are kept between cycles.

    python -m benchmarks.poll_varbinds [--devices 40] [--cycles 3]

The demo's simulator agents (real SNMP on 127.N.x.y) answer the real client, which counts the
values it receives (``tests.fixtures.snmp_count``). "Before" reads all 16 ifTable/ifXTable columns
every cycle (what every cycle did until the static columns were kept); "after" is the steady
state: the first cycle reads everything, the following ones only counters and statuses.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import tempfile
import time
from pathlib import Path

from egovops.credentials.profiles import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, INTERFACES, STATUS, poll_details, poll_status
from egovops.polling.interfaces import StaticColumns
from egovops.polling.model import DeviceStatus
from egovops.polling.oids import IF_TABLE_MARKS
from egovops.snmp import SnmpLoop, SnmpTarget
from tests.fixtures.snmp_count import CountingClient

KINDS = {STATUS, INTERFACES, HEALTH}


def target_of(device: Device, community: str) -> SnmpTarget:
    return SnmpTarget(device.name, device.address, device.snmp_port, community=Secret(community), timeout=3, retries=1)


async def one_cycle(client: CountingClient, devices: list[Device], community: str, last: dict[str, DeviceStatus],
                    static: StaticColumns | None, at: float) -> None:
    async def one(device: Device) -> None:
        target = target_of(device, community)
        previous = last.get(device.name)
        status, system = await poll_status(client, device, target, None, previous, None, at, IF_TABLE_MARKS)
        if system is not None:
            await poll_details(client, target, status, KINDS, previous, at, system, static, 86400.0)
        last[device.name] = status

    limit = asyncio.Semaphore(32)

    async def bounded(device: Device) -> None:
        async with limit:
            await one(device)

    await asyncio.gather(*(bounded(d) for d in devices))


def per_device_cycles(client: CountingClient, devices: list[Device], community: str, cycles: int,
                      keep_static: bool) -> list[float]:
    """Varbinds per device of each cycle."""
    last: dict[str, DeviceStatus] = {}
    static = StaticColumns() if keep_static else None
    found = []
    for n in range(cycles):
        client.reset()
        client.snmp_loop.run(one_cycle(client, devices, community, last, static, time.time() + n * 300))
        found.append(client.varbinds / len(devices))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devices", type=int, default=40)
    parser.add_argument("--cycles", type=int, default=3)
    args = parser.parse_args()
    from benchmarks.demo_simulator import start_demo

    community = secrets.token_urlsafe(12)
    with tempfile.TemporaryDirectory(prefix="egovops-bench-varbinds-") as tmp:
        runner, _seconds, devices = start_demo(args.devices, Path(tmp), community)
        loop = SnmpLoop("bench-varbinds").start()
        try:
            client = CountingClient(loop)
            before = per_device_cycles(client, devices, community, args.cycles, keep_static=False)
            after = per_device_cycles(client, devices, community, args.cycles, keep_static=True)
        finally:
            loop.stop()
            runner.stop()
    print(f"varbinds per device per full cycle (status, interfaces, health), {len(devices)} demo devices:")
    print("  before (every column every cycle): " + ", ".join(f"{v:.1f}" for v in before))
    print("  after (static columns kept):       " + ", ".join(f"{v:.1f}" for v in after)
          + "   (first cycle reads everything)")
    print(f"  steady state: {after[-1]:.1f} vs {before[-1]:.1f} = {after[-1] / max(before[-1], 1e-9):.2f} of before")


if __name__ == "__main__":
    sys.exit(main())
