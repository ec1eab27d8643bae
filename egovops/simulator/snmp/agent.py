"""One simulator process: renders its share of the province's devices and answers for them.

Started by ``egovops demo run`` as ``python -m egovops.simulator.snmp.agent --demo-dir D --shard K
--shards N``; the community arrives on standard input (never on the command line, where every
user could read it in the process list). It prints ``READY <devices>`` once every endpoint is
bound, follows ``faults.json`` once a second, and exits on SIGTERM/SIGINT or when its parent dies.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from pathlib import Path

from snmpsim.error import SnmpsimError

from egovops.simulator.faults import FaultSet, faults_path, read_faults
from egovops.errors import EgovopsError
from egovops.inventory.model import Link
from egovops.simulator.snmp.recordings import default_cache_dir
from egovops.simulator.snmp.render import render
from egovops.simulator.snmp.responder import DeviceData, Endpoint, load_numeric_module, raise_file_limit
from egovops.simulator.snmp.topology import Province, SimDevice

log = logging.getLogger("egovops.simulator.snmp")
WATCH_INTERVAL_S = 1.0


def load_province(demo_dir: Path) -> Province:
    spec = json.loads((demo_dir / "province.json").read_text("utf-8"))
    devices = [SimDevice(**d) for d in spec["devices"]]
    return Province.build(devices, [Link(*row) for row in spec["links"]])


def affected(province: Province, before: FaultSet, after: FaultSet) -> set[str]:
    """Devices whose answers may differ: every device a changed fault names, and their neighbours."""
    changed = set(before.faults) ^ set(after.faults)
    named = {t for f in changed for t in f.targets if t in province.devices}
    return named | {n.device for name in named for n in province.cables.get(name, [])}


class Agent:
    def __init__(self, demo_dir: Path, shard: int, shards: int, community: bytes) -> None:
        self.demo_dir = demo_dir
        self.province = load_province(demo_dir)
        self.mine = [d for d in self.province.devices.values() if d.index % shards == shard]
        self.community = community
        self.records_dir = demo_dir / "snmprec"
        self.cache_dir = default_cache_dir()
        self.faults = read_faults(demo_dir)
        self.faults_stamp = self._stamp()
        self._silent_for: FaultSet | None = None
        self._silent: set[str] = set()
        self.modules = load_numeric_module()
        self.data: dict[str, DeviceData] = {}
        self.endpoints: list[asyncio.DatagramTransport] = []
        raise_file_limit(len(self.mine) + 64)

    def _stamp(self) -> int:
        try:
            return os.stat(faults_path(self.demo_dir)).st_mtime_ns
        except FileNotFoundError:
            return 0

    def _write(self, device: SimDevice) -> Path:
        path = self.records_dir / f"{device.index}.snmprec"
        render(device, self.province, self.faults, self.cache_dir).write(path)
        return path

    def prepare(self) -> None:
        self.records_dir.mkdir(parents=True, exist_ok=True)
        for device in self.mine:
            self.data[device.name] = DeviceData(self._write(device), self.modules)

    def silent(self, name: str) -> bool:
        # Asked for every request: recomputed only when the faults changed.
        if self._silent_for is not self.faults:
            self._silent = self.province.silenced(self.faults)
            self._silent_for = self.faults
        return name in self._silent

    async def bind(self) -> None:
        loop = asyncio.get_running_loop()
        for device in self.mine:
            transport, _ = await loop.create_datagram_endpoint(
                lambda d=device: Endpoint(d.name, self.community, self.data[d.name], self.silent),
                local_addr=(device.address, device.snmp_port),
            )
            self.endpoints.append(transport)

    def follow_faults(self) -> None:
        stamp = self._stamp()
        if stamp == self.faults_stamp:
            return
        self.faults_stamp = stamp
        try:
            after = read_faults(self.demo_dir)
        except EgovopsError as exc:
            log.error("%s; keeping the previous faults", exc)
            return
        before, self.faults = self.faults, after
        for name in sorted(affected(self.province, before, after)):
            if name in self.data:
                try:
                    self._write(self.province.devices[name])
                    self.data[name].reload()
                except (OSError, EgovopsError, SnmpsimError) as exc:  # one device's data must not stop the rest
                    log.error("%s: could not apply the faults: %s", name, exc)
        log.info("faults now: %s", ", ".join(f.describe() for f in after.faults) or "none")

    def close(self) -> None:
        for transport in self.endpoints:
            transport.close()


async def _serve(agent: Agent) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    parent = os.getppid()
    await agent.bind()
    print(f"READY {len(agent.mine)}", flush=True)
    try:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), WATCH_INTERVAL_S)
            except asyncio.TimeoutError:
                pass
            if os.getppid() != parent:
                log.warning("the demo runner is gone; stopping")
                break
            agent.follow_faults()
    finally:
        agent.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="egovops-demo-agent")
    parser.add_argument("--demo-dir", type=Path, required=True)
    parser.add_argument("--shard", type=int, required=True)
    parser.add_argument("--shards", type=int, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format=f"%(asctime)s agent {args.shard}: %(message)s")
    community = sys.stdin.readline().rstrip("\r\n").encode()
    if not community:
        print("ERROR no community on standard input", flush=True)
        return 2
    try:
        agent = Agent(args.demo_dir, args.shard, args.shards, community)
        agent.prepare()
        asyncio.run(_serve(agent))
    except (EgovopsError, OSError) as exc:
        print(f"ERROR {exc}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
