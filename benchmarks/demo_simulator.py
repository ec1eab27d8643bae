"""Benchmark: the demo simulator's start-up and its CPU while polled at egovops's default intervals.

    python -m benchmarks.demo_simulator [--devices 1000] [--startup 300] [--window 60]

What is measured:

* start-up — ``Runner.start`` for N devices (render every device, start the agents, until every
  endpoint is bound), for --startup devices and for --devices devices (targets: 300 in < 15 s);
* polling CPU — the agents' CPU time (psutil, all agent processes) during --window seconds of the
  request mix egovops's poller sends at its default intervals (Intervals: status every 60 s,
  interfaces and health every 300 s), spread evenly as the scheduler spreads it: per device a
  status GET, the 16 IF-MIB columns in GETBULKs of 4 rows, and two health GETs. Target: under
  half a core for 1,000 devices.
* reference — the same request stream, same rate, same shapes, sent to net-snmp's snmpd on
  loopback in the same script; printed as the ratio simulator CPU / snmpd CPU.

Requests are pre-encoded and replies only counted, so the load generator itself stays light.
Every packet goes to 127.0.0.0/8.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import psutil

from egovops.credentials.profiles import Secret
from egovops.demo.inventory import build_demo
from egovops.demo.runner import Runner
from egovops.polling.oids import IF_COLUMNS, SYS_NAME, SYS_UPTIME
from egovops.polling.settings import Intervals
from egovops.simulator.snmp import ber
from egovops.simulator.snmp.families import family_for
from egovops.simulator.snmp.topology import DEFAULT_PORTS
from tests.fixtures.demo_sim import _free_block

ROWS_PER_BULK = 4


def _oid(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def _request(community: bytes, pdu: int, oids: list[tuple[int, ...]], a: int = 0, b: int = 0) -> bytes:
    bindings = b"".join(ber.tlv(ber.SEQUENCE, ber.encode_oid(o) + ber.NULL_VALUE) for o in oids)
    body = ber.encode_int(ber.INTEGER, 1) + ber.encode_int(ber.INTEGER, a) + ber.encode_int(ber.INTEGER, b)
    pdu_bytes = ber.tlv(pdu, body + ber.tlv(ber.SEQUENCE, bindings))
    return ber.tlv(ber.SEQUENCE, ber.encode_int(ber.INTEGER, 1) + ber.tlv(ber.OCTETS, community) + pdu_bytes)


def device_requests(community: bytes, vendor: str, model: str, role: str) -> tuple[list[bytes], list[bytes], list[bytes]]:
    """(status, interfaces, health) requests for one device, as the poller would send per cycle."""
    status = [_request(community, ber.GET, [_oid(SYS_UPTIME), _oid(SYS_NAME)])]
    ports = DEFAULT_PORTS.get(role, 24) + 1
    columns = [_oid(c) for c in IF_COLUMNS.values()]
    interfaces = [
        _request(community, ber.GET_BULK, [c + ((row,) if row else ()) for c in columns], 0, ROWS_PER_BULK)
        for row in range(0, ports, ROWS_PER_BULK)
    ]
    family = family_for(vendor, model)
    health = [_request(community, ber.GET, [_oid(o) for o in (family.cpu + family.memory)[:2] or (SYS_UPTIME,)]),
              _request(community, ber.GET_NEXT, [_oid(family.cpu[0] if family.cpu else SYS_UPTIME)[:-1]])]
    return status, interfaces, health


def schedule(targets: list[tuple[tuple[str, int], tuple[list[bytes], list[bytes], list[bytes]]]], window: float) -> list[tuple[float, bytes, tuple[str, int]]]:
    """Every request due within ``window`` seconds at the default intervals, spread evenly."""
    intervals = Intervals()
    events = []
    for n, (addr, (status, interfaces, health)) in enumerate(targets):
        phase = n / len(targets)
        for requests, every in ((status, intervals.status_s), (interfaces, intervals.interfaces_s), (health, intervals.health_s)):
            t = phase * every
            while t < window:
                events += [(t + i * 0.01, r, addr) for i, r in enumerate(requests)]
                t += every
    return sorted(events, key=lambda e: e[0])


class _Counter(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.replies = 0

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.replies += 1


async def _drive(events: list[tuple[float, bytes, tuple[str, int]]]) -> int:
    loop = asyncio.get_running_loop()
    transport, counter = await loop.create_datagram_endpoint(_Counter, local_addr=("127.0.0.1", 0))
    start = loop.time()
    for at, payload, addr in events:
        delay = start + at - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        transport.sendto(payload, addr)
    await asyncio.sleep(2.0)
    transport.close()
    return counter.replies  # type: ignore[attr-defined]


def cpu_seconds(pids: list[int]) -> float:
    return sum(sum(psutil.Process(p).cpu_times()[:2]) for p in pids)


def measure(pids: list[int], events: list[tuple[float, bytes, tuple[str, int]]]) -> tuple[float, int]:
    before = cpu_seconds(pids)
    replies = asyncio.run(_drive(events))
    return cpu_seconds(pids) - before, replies


def start_demo(count: int, folder: Path, community: str) -> tuple[Runner, float, list]:
    octet = _free_block()  # the tests' own choice of a free 127.N block
    demo = build_demo(count)
    devices = [replace(d, address=d.address.replace("127.20.", f"127.{octet}.", 1)) for d in demo.devices]
    runner = Runner(folder, devices, Secret(community))
    seconds = runner.start(demo.links)
    return runner, seconds, devices


def start_snmpd(folder: Path, community: str) -> tuple[subprocess.Popen[bytes], int]:
    if shutil.which("snmpd") is None:
        raise SystemExit("snmpd (net-snmp) is not installed")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = folder / "snmpd.conf"
    conf.write_text(f"rocommunity {community} 127.0.0.1\nsysName reference\n", "utf-8")
    (folder / "persist").mkdir(exist_ok=True)
    env = dict(os.environ, SNMP_PERSISTENT_DIR=str(folder / "persist"), MIBS="", MIBDIRS=str(folder))
    process = subprocess.Popen(["snmpd", "-f", "-Lf", str(folder / "snmpd.log"), "-C", "-c", str(conf), f"udp:127.0.0.1:{port}"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        probe = subprocess.run(["snmpget", "-v2c", "-c", community, "-t", "0.3", "-r", "0", f"127.0.0.1:{port}", "1.3.6.1.2.1.1.5.0"],
                               capture_output=True, env=dict(os.environ, MIBS=""))
        if probe.returncode == 0:
            return process, port
        time.sleep(0.1)
    raise SystemExit("snmpd did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--startup", type=int, default=300)
    parser.add_argument("--window", type=float, default=60.0)
    args = parser.parse_args()
    community = secrets.token_urlsafe(12)
    with tempfile.TemporaryDirectory(prefix="egovops-bench-") as tmp:
        root = Path(tmp)
        small, seconds, _ = start_demo(args.startup, root / "small", community)
        small.stop()
        print(f"start-up, {args.startup} devices: {seconds:.1f} s (target < 15 s)")
        runner, seconds_all, devices = start_demo(args.devices, root / "big", community)
        print(f"start-up, {args.devices} devices: {seconds_all:.1f} s ({len(runner.agents)} agent processes)")
        try:
            targets = [((d.address, d.snmp_port), device_requests(community.encode(), d.vendor, d.model, d.role.value)) for d in devices]
            events = schedule(targets, args.window)
            sim_cpu, sim_replies = measure([a.pid for a in runner.agents], events)
        finally:
            runner.stop()
        snmpd, port = start_snmpd(root, community)
        try:
            ref_events = [(at, payload, ("127.0.0.1", port)) for at, payload, _addr in events]
            ref_cpu, ref_replies = measure([snmpd.pid], ref_events)
        finally:
            snmpd.terminate()
            snmpd.wait(10)
    print(f"polling at default intervals: {len(events)} requests in {args.window:.0f} s ({len(events) / args.window:.1f}/s)")
    print(f"  simulator: {sim_cpu:.2f} CPU s = {sim_cpu / args.window:.3f} cores for {args.devices} devices "
          f"(target < 0.5), {sim_replies}/{len(events)} answered")
    print(f"  net-snmp snmpd, same stream: {ref_cpu:.2f} CPU s, {ref_replies}/{len(events)} answered")
    print(f"  ratio simulator / snmpd CPU: {sim_cpu / max(ref_cpu, 1e-3):.2f}")


if __name__ == "__main__":
    sys.exit(main())
