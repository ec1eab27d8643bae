"""Benchmark: a full cycle (status, interfaces, health) over 5,000 devices of 48 interfaces each,
with 1 and 2 poller processes on PostgreSQL.

    python -m benchmarks.poll_48 [--devices 5000] [--agents 2] [--workers 1,2] [--reference 100]

Run as root (it creates a network namespace). Inside a namespace of its own the benchmark makes
24 veth pairs (48 interfaces: this machine's kernel has no dummy module; a veth is what net-snmp
reports like any Ethernet port) and starts --agents net-snmp ``snmpd`` there, each listening on
UDP 161+k of 0.0.0.0; device i is 127.1.x.y on agent i % agents: 5,000 distinct targets served
by C agents whose own CPU stays small next to the poller's. The poller, PostgreSQL (the tests'
server, started here) and a private gnome-keyring holding the community run in the same
namespace; no packet can leave it (its only interfaces are lo and the unaddressed veths).

For each worker count N: N processes (``multiprocessing``, spawn) each build a ``Poller`` on the
store and take 1/N of the devices, as the leases of N collectors would; each runs one full cycle
first (it reads every column: a fresh process knows no static columns) and then, all released at
once, the measured full cycle: after the first, a cycle reads only counters and statuses of the
interfaces, as every cycle does between the daily static reads. Printed: cycle time (first start
to last end), CPU of each process (workers, snmpd, PostgreSQL), the ratio to one process,
varbinds/s per core of the workers and devices/s; and net-snmp's ``snmpbulkwalk`` on the same
walks of --reference devices as the reference CPU per varbind.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NS = f"egv-bench48-{os.getpid()}"
PAIRS = 24
COMMUNITY = "bench48"


def _run(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True, timeout=30)


def outer(argv: list[str]) -> int:
    """Make the namespace and its interfaces, run the benchmark inside, always remove it."""
    _run("ip", "netns", "add", NS)
    try:
        _run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up")
        for k in range(PAIRS):
            _run("ip", "netns", "exec", NS, "ip", "link", "add", f"ge{k}a", "type", "veth", "peer", "name", f"ge{k}b")
            _run("ip", "netns", "exec", NS, "ip", "link", "set", f"ge{k}a", "up")
            _run("ip", "netns", "exec", NS, "ip", "link", "set", f"ge{k}b", "up")
        return subprocess.run(["ip", "netns", "exec", NS, sys.executable, "-m", "benchmarks.poll_48", "--inside",
                               *argv]).returncode
    finally:
        subprocess.run(["ip", "netns", "del", NS], capture_output=True, timeout=30)


# -- inside the namespace --------------------------------------------------------------------------

def address(i: int) -> str:
    return f"127.1.{i // 250}.{i % 250 + 1}"


def start_agents(folder: Path, count: int) -> list[subprocess.Popen[bytes]]:
    agents = []
    for k in range(count):
        home = folder / f"snmpd-{k}"
        (home / "persist").mkdir(parents=True)
        (home / "snmpd.conf").write_text(f"rocommunity {COMMUNITY} 127.0.0.0/8\nsysName bench48\n", "utf-8")
        agents.append(subprocess.Popen(
            ["snmpd", "-f", "-C", "-c", str(home / "snmpd.conf"), "-Lf", str(home / "snmpd.log"),
             "--persistentDir=" + str(home / "persist"), f"udp:0.0.0.0:{161 + k}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, MIBS="")))
    for k in range(count):
        deadline = time.monotonic() + 30
        while subprocess.run(["snmpget", "-v2c", "-c", COMMUNITY, "-t", "0.5", "-r", "0", f"127.1.0.1:{161 + k}",
                              "1.3.6.1.2.1.2.1.0"], capture_output=True, env=dict(os.environ, MIBS="")).returncode:
            if time.monotonic() > deadline:
                raise SystemExit(f"snmpd {k} did not answer")
            time.sleep(0.2)
    return agents


def prepare(url: str, devices: int, agents: int) -> list[str]:
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
        rows = [Device(f"B48-{i:05d}", address(i), "extranet", "安徽省/合肥市", snmp_port=161 + i % agents,
                       credential_profile="v2c") for i in range(devices)]
        InventoryRepository(db).save_devices(rows)
        PollingSettingsRepository(db).save_polling(PollingSettings(
            intervals=Intervals(60.0, 60.0, 60.0, timeout_s=5.0, retries=1), watch_workstation=False,
            neighbour_interval_s=0.0))
        return [d.name for d in rows]
    finally:
        db.close()


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def thread_cpu() -> dict[str, float]:
    """CPU seconds of this process's threads by name: the SNMP loop's (requests, replies, decoding,
    the poll logic) apart from the caller's and the executor's (states, alarms, store writes)."""
    import threading

    import psutil

    names = {t.native_id: t.name.split(" (")[0].rstrip("_0123456789-") or t.name for t in threading.enumerate()}
    found: dict[str, float] = {}
    for t in psutil.Process().threads():
        name = names.get(t.id, "other")
        found[name] = found.get(name, 0.0) + t.user_time + t.system_time
    return found


def worker(url: str, names: list[str], barrier: multiprocessing.synchronize.Barrier,
           results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from egovops.polling.poller import ALL_KINDS, Poller
    from egovops.snmp import SnmpLoop
    from egovops.storage import open_database
    from tests.fixtures.snmp_count import CountingClient

    db = open_database(url)
    loop = SnmpLoop("bench48").start()
    client = CountingClient(loop)
    poller = Poller(db, client)
    warm_started = time.monotonic()
    warm = poller.run_cycle(ALL_KINDS, names, label="bench48 first")
    warm_s = time.monotonic() - warm_started
    barrier.wait()
    client.reset()
    cpu, started, threads = cpu_self(), time.time(), thread_cpu()
    result = poller.run_cycle(ALL_KINDS, names, label="bench48")
    ended = time.time()
    after = thread_cpu()
    split = {name: after[name] - threads.get(name, 0.0) for name in after}
    results.put((os.getpid(), len(names), started, ended, cpu_self() - cpu, client.varbinds, len(result.failed),
                 warm_s, len(warm.failed), split))
    loop.stop()
    db.close()


def tree_cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds of each process of these trees (PostgreSQL's backends come and go: the
    difference of two readings is taken per process, over those alive at both)."""
    import psutil

    found: dict[int, float] = {}
    for pid in pids:
        try:
            parent = psutil.Process(pid)
            for p in [parent, *parent.children(recursive=True)]:
                t = p.cpu_times()
                found[p.pid] = t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return found


def cpu_since(before: dict[int, float], pids: list[int]) -> float:
    after = tree_cpu(pids)
    return sum(after[pid] - before.get(pid, 0.0) for pid in after)


def run_count(url: str, names: list[str], count: int, agents: list[int], server_pid: int) -> dict:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(count + 1), ctx.Queue()
    shares = [names[k::count] for k in range(count)]
    procs = [ctx.Process(target=worker, args=(url, share, barrier, results)) for share in shares]
    for p in procs:
        p.start()
    barrier.wait(timeout=3600)  # every worker's first cycle is done
    agent_before, pg_before = tree_cpu(agents), tree_cpu([server_pid])
    rows = [results.get(timeout=3600) for _ in procs]
    agent_cpu, pg_cpu = cpu_since(agent_before, agents), cpu_since(pg_before, [server_pid])
    for p in procs:
        p.join(60)
    cycle = max(r[3] for r in rows) - min(r[2] for r in rows)
    return {"count": count, "cycle": cycle, "rows": rows, "agent_cpu": agent_cpu, "pg_cpu": pg_cpu}


def reference(devices: int, agents: int) -> tuple[float, int]:
    """net-snmp's snmpbulkwalk over the measured cycle's walks of ``devices`` devices: (CPU s, varbinds)."""
    from egovops.polling.oids import IF_COLUMNS, IF_COUNTERS_64, IF_DYNAMIC, SYSTEM

    columns = [IF_COLUMNS[f] for f in (*IF_DYNAMIC, *IF_COUNTERS_64)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    varbinds = 0
    env = dict(os.environ, MIBS="")
    for i in range(devices):
        target = f"{address(i)}:{161 + i % agents}"
        got = subprocess.run(["snmpget", "-v2c", "-c", COMMUNITY, "-On", target, *SYSTEM], capture_output=True,
                             text=True, env=env)
        varbinds += got.stdout.count("\n")
        for column in columns:  # one walk per column: the tool walks one subtree at a time
            got = subprocess.run(["snmpbulkwalk", "-v2c", "-c", COMMUNITY, "-On", "-Cr10", target, column],
                                 capture_output=True, text=True, env=env)
            varbinds += got.stdout.count("\n")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), varbinds


def inside(args: argparse.Namespace) -> None:
    from tests.fixtures.postgres import running_server
    from tests.fixtures.secret_service import private_keyring

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    with tempfile.TemporaryDirectory(prefix="egovops-bench48-") as tmp:
        folder = Path(tmp)
        folder.chmod(0o755)
        agents = start_agents(folder, args.agents)
        try:
            with private_keyring(folder / "keyring"), running_server() as pg:
                server_pid = int((pg.folder / "data" / "postmaster.pid").read_text().split()[0])
                results = []
                for count in [int(c) for c in args.workers.split(",")]:
                    url = pg.fresh_database()
                    names = prepare(url, args.devices, args.agents)
                    results.append(run_count(url, names, count, [a.pid for a in agents], server_pid))
                    report_one(results[-1], args.devices)
                ref_cpu, ref_varbinds = reference(args.reference, args.agents)
        finally:
            for a in agents:
                a.terminate()
                a.wait(10)
    report(results, args.devices, ref_cpu, ref_varbinds, args.reference)


def report_one(r: dict, devices: int) -> None:
    rows = r["rows"]
    print(f"{r['count']} worker(s): cycle {r['cycle']:.1f} s for {devices} devices; first (full) cycles "
          + ", ".join(f"{row[7]:.1f} s" for row in rows)
          + "; CPU " + ", ".join(f"worker {row[0]} {row[4]:.1f} s ({row[1]} devices, {row[6]} failed)" for row in rows)
          + f", snmpd {r['agent_cpu']:.1f} s, PostgreSQL {r['pg_cpu']:.1f} s", flush=True)
    for row in rows:
        busy = sorted(((n, c) for n, c in row[9].items() if c >= 0.05), key=lambda x: -x[1])
        print(f"  worker {row[0]} CPU by thread: " + ", ".join(f"{n} {c:.1f} s" for n, c in busy), flush=True)


def report(results: list[dict], devices: int, ref_cpu: float, ref_varbinds: int, ref_devices: int) -> None:
    one = results[0]
    ref_us = ref_cpu / max(ref_varbinds, 1) * 1e6
    print(f"\n{devices} devices x {PAIRS * 2} interfaces (+lo), {os.cpu_count()} cores, PostgreSQL; "
          "measured cycle = status + counters/statuses + health")
    print("workers  cycle s  ratio  devices/s  varbinds  worker CPU s  varbinds/s/core  us/varbind  snmpd CPU s")
    for r in results:
        cpu = sum(row[4] for row in r["rows"])
        varbinds = sum(row[5] for row in r["rows"])
        print(f"{r['count']:>7}  {r['cycle']:7.1f}  {r['cycle'] / one['cycle']:5.2f}  {devices / r['cycle']:9.0f}  "
              f"{varbinds:8d}  {cpu:12.1f}  {varbinds / max(cpu, 1e-9):15.0f}  {cpu / max(varbinds, 1) * 1e6:10.1f}  "
              f"{r['agent_cpu']:11.1f}")
    print(f"snmpbulkwalk/snmpget, same walks of {ref_devices} devices: {ref_varbinds} varbinds, "
          f"{ref_cpu:.1f} CPU s = {ref_us:.1f} us/varbind ({ref_varbinds / max(ref_cpu, 1e-9):.0f} varbinds/s/core; "
          "includes each tool's start-up)")
    two = [r for r in results if r["count"] == 2]
    if two:
        cycle = two[0]["cycle"]
        met = cycle <= 60 and devices >= 5000
        print(f"acceptance (5,000 devices in <= 60 s with 2 workers): {'met' if met else 'NOT met'}"
              f" ({devices} devices: {cycle:.1f} s; on a loaded machine the workers' CPU is the sounder figure)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=5000)
    parser.add_argument("--agents", type=int, default=2, help="snmpd processes (ports 161, 162, …)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--reference", type=int, default=100, help="devices walked by snmpbulkwalk")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        inside(args)
        return
    if os.geteuid() != 0:
        raise SystemExit("run as root: the benchmark creates a network namespace")
    sys.exit(outer([a for a in sys.argv[1:]]))


if __name__ == "__main__":
    main()
