"""Benchmark: 1, 2 and 4 collector processes sharing one zone of simulated devices on PostgreSQL.

    python -m benchmarks.collectors [--devices 2000] [--counts 1,2,4] [--agents 4] [--interval 60] [--window 3]

--agents snmpd processes (default: as many as the largest count) share the --devices loopback
ports between them, one port per device (SNMP v2c, the community in a private gnome-keyring). The
first version of this benchmark had one snmpd answer all 2,000 ports, and every count gave the
same ~40 s cycle: the agent was the suspected limit. The agents are the same for every count, so
only the number of collectors changes; leases give a collector devices of every agent. A
PostgreSQL server of the benchmark's own (the tests' fixture, started here) holds a fresh store
for each count. For each count N, N real ``egovops collector`` processes are started on the same
zone; once their leases have settled (each holds its share), --window cycles of each are
measured: each collector's CPU (user + system, psutil) is read the moment its ``collectors`` row
shows a finished cycle, with that cycle's duration and devices held.
Printed per N: the median cycle time of one collector's share, the collectors' CPU per device poll,
the agents' CPU per device poll over the same window, and the first two as a ratio to one collector.

On two cores shared with the agents and PostgreSQL, two collectors should come close to halving
the cycle; four cannot halve it again (there are no more cores), which the ratios show. The
agents' column says how much of the machine the simulated network itself took: on a real network
that CPU is the devices', not the collector host's.
Every packet goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks.snmp_poll import start_snmpd
from tests.fixtures.postgres import postgres_server
from tests.fixtures.secret_service import private_keyring
from tests.fixtures.snmpd import COMMUNITY, free_udp_port


def prepare(url: str, ports: list[int], interval: float) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile
    from egovops.inventory.model import Device
    from egovops.polling.settings import Intervals, PollingSettings
    from egovops.polling.settings_repo import PollingSettingsRepository
    from egovops.storage import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    db = open_database(url)
    try:
        CredentialService(db).add(build_profile("v2c", "snmp-v2c", {}), {"community": COMMUNITY})
        InventoryRepository(db).save_devices([
            Device(f"SIM-{i:05d}", "127.0.0.1", "extranet", "安徽省/合肥市", snmp_port=p, credential_profile="v2c")
            for i, p in enumerate(ports)])
        PollingSettingsRepository(db).save_polling(PollingSettings(
            intervals=Intervals(interval, interval, interval, timeout_s=5.0, retries=1), watch_workstation=False,
            neighbour_interval_s=0.0))
    finally:
        db.close()


def held_by(url: str) -> dict[str, int]:
    from egovops.polling.leases import Leases
    from egovops.storage import open_database

    db = open_database(url)
    try:
        return Leases(db).holders()
    finally:
        db.close()


def cpu_seconds(processes: list[psutil.Process]) -> float:
    return sum(t.user + t.system for t in (p.cpu_times() for p in processes))


def observe(url: str, processes: dict[str, psutil.Process], interval: float, cycles: int,
            agents: list[psutil.Process]) -> tuple[float, float, float]:
    """Each collector's CPU read the moment its row shows a finished cycle (within 0.2 s), for
    ``cycles`` cycles after the first seen: (median cycle seconds, CPU seconds per device poll,
    the agents' CPU seconds per device poll from the first mark to the last)."""
    from egovops.polling.presence import Presence
    from egovops.storage import open_database

    db = open_database(url)
    try:
        presence = Presence(db)
        seen = {r.name: r.last_cycle_at for r in presence.collectors()}  # cycles before the window: no mark
        marks: dict[str, list[tuple[float, int, float]]] = {name: [] for name in processes}
        agent_cpu: list[float] = []
        deadline = time.monotonic() + (cycles + 3) * max(interval, 1.0) * 4
        while any(len(m) < cycles + 1 for m in marks.values()):
            if time.monotonic() > deadline:
                raise SystemExit(f"too few cycles observed: { {n: len(m) for n, m in marks.items()} }")
            for row in presence.collectors():
                if row.name in processes and row.last_cycle_at != seen.get(row.name):
                    seen[row.name] = row.last_cycle_at
                    times = processes[row.name].cpu_times()
                    marks[row.name].append((times.user + times.system, row.devices_held, row.last_cycle_s or 0.0))
                    agent_cpu.append(cpu_seconds(agents))
            time.sleep(0.2)
    finally:
        db.close()
    cpu = sum(m[-1][0] - m[0][0] for m in marks.values())
    polled = sum(held for m in marks.values() for _cpu, held, _s in m[1:])
    median = statistics.median(s for m in marks.values() for _cpu, _held, s in m[1:])
    return median, cpu / polled, (agent_cpu[-1] - agent_cpu[0]) / polled


def measure(url: str, folder: Path, count: int, devices: int, interval: float, window: int,
            agents: list[psutil.Process]) -> tuple[float, float, float]:
    env = dict(os.environ, EGOVOPS_HOME=str(folder), EGOVOPS_DATABASE=url)
    # One process per collector: the figure is per collector process, not per core.
    children = [subprocess.Popen([sys.executable, "-m", "egovops", "collector", "--workers", "1", "--name", f"c{i}"],
                                 env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(count)]
    try:
        share = -(-devices // count)
        deadline = time.monotonic() + 60 * interval
        while True:  # settled: every collector holds its share, every device is held
            held = held_by(url)
            if len(held) == count and sum(held.values()) == devices and max(held.values()) <= share:
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{count} collectors did not settle: {held}")
            time.sleep(1.0)
        return observe(url, {f"c{i}": psutil.Process(c.pid) for i, c in enumerate(children)}, interval, window,
                       agents)
    finally:
        for c in children:
            c.send_signal(signal.SIGTERM)
        for c in children:
            try:
                c.wait(60)
            except subprocess.TimeoutExpired:
                c.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=2000)
    parser.add_argument("--counts", default="1,2,4")
    parser.add_argument("--agents", type=int, default=0, help="snmpd processes (default: the largest count)")
    parser.add_argument("--interval", type=float, default=60.0, help="status (and walk) interval, seconds")
    parser.add_argument("--window", type=int, default=3, help="cycles measured per collector")
    args = parser.parse_args()
    # A TERM (or a background job's interrupt) must still stop the collectors, snmpd and the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    counts = [int(c) for c in args.counts.split(",")]
    agent_count = args.agents or max(counts)
    with tempfile.TemporaryDirectory(prefix="egovops-bench-collectors-") as tmp:
        folder = Path(os.environ.get("EGOVOPS_BENCH_KEEP") or tmp)  # keep the logs: set it to a folder
        ports: list[int] = []
        while len(ports) < args.devices:  # a port just freed may be handed out again: no duplicates
            port = free_udp_port()
            if port not in ports:
                ports.append(port)
        agents: list[subprocess.Popen[bytes]] = []
        server = contextlib.contextmanager(postgres_server.__wrapped__)()
        try:
            for a in range(agent_count):  # ports a, a+N, a+2N…: every agent serves an equal slice
                (folder / f"agent-{a}").mkdir()
                agents.append(start_snmpd(folder / f"agent-{a}", ports[a::agent_count]))
            watched = [psutil.Process(a.pid) for a in agents]
            with private_keyring(folder / "keyring"), server as pg:
                rows = []
                for count in counts:
                    url = pg.fresh_database()
                    prepare(url, ports, args.interval)
                    data = folder / f"data-{count}"
                    data.mkdir()
                    cycle, cpu, agent = measure(url, data, count, args.devices, args.interval, args.window, watched)
                    rows.append((count, cycle, cpu, agent))
                    # The machine's load beside the figures: on a shared machine other work takes cores
                    # too, and then the cycle is set by the collectors' share of the CPU, not by them.
                    print(f"{count} collector(s): cycle {cycle:.2f} s, CPU {cpu * 1000:.2f} ms/device, "
                          f"agents {agent * 1000:.2f} ms/device, load average {os.getloadavg()[1]:.1f}", flush=True)
        finally:
            for snmpd in agents:
                snmpd.send_signal(signal.SIGTERM)
            for snmpd in agents:
                snmpd.wait(30)
    one_cycle, one_cpu = rows[0][1], rows[0][2]
    print(f"\n{args.devices} devices on PostgreSQL, {agent_count} snmpd, {os.cpu_count()} cores; "
          f"ratios to {rows[0][0]} collector(s)")
    print("collectors  cycle s  ratio  CPU ms/device  ratio  agents ms/device")
    for count, cycle, cpu, agent in rows:
        print(f"{count:>10}  {cycle:7.2f}  {cycle / one_cycle:5.2f}  {cpu * 1000:13.2f}  {cpu / one_cpu:5.2f}"
              f"  {agent * 1000:16.2f}")


if __name__ == "__main__":
    main()
