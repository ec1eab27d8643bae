"""Latency, jitter and loss of the inter-centre links, measured by ICMP echo from the collector.

The collector stands at the operations centre, not at either end of a link, so what it measures is
its own path to each end's management address; the link's figures are the worse end's (a failover
goes over whichever end is worse). The devices' own probes (Huawei NQA, Cisco IP SLA), measured
from one end to the other, are the better source where they exist: egovops.dr.nqa and
egovops.dr.ipsla read them over SNMP. ICMP uses the OS's unprivileged ping socket
(egovops.polling.reachability): where the kernel refuses it (net.ipv4.ping_group_range) nothing is
measured and the view says "not measured".
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time

from egovops.dr import ipsla, nqa
from egovops.dr.model import Measured
from egovops.dr.readiness import Snapshot, evaluate
from egovops.dr.repo import DrRepository
from egovops.dr.service import DrService
from egovops.polling.reachability import Pinger, icmp_allowed
from egovops.storage.database import Database

log = logging.getLogger(__name__)
COUNT, INTERVAL_S, TIMEOUT_S = 5, 0.2, 1.0


def summarise(round_trips: list[float | None]) -> Measured:
    """Figures of one series of echo requests (seconds per reply, None per request lost)."""
    got = [rtt * 1000 for rtt in round_trips if rtt is not None]
    loss = 100.0 * (len(round_trips) - len(got)) / len(round_trips) if round_trips else 100.0
    if not got:
        return Measured(None, None, loss)
    steps = [abs(b - a) for a, b in itertools.pairwise(got)]
    return Measured(sum(got) / len(got), sum(steps) / len(steps) if steps else 0.0, loss)


def worse(a: Measured, b: Measured) -> Measured:
    def top(x: float | None, y: float | None) -> float | None:
        return None if x is None or y is None else max(x, y)
    return Measured(top(a.latency_ms, b.latency_ms), top(a.jitter_ms, b.jitter_ms), max(a.loss_percent, b.loss_percent))


async def _series(pinger: Pinger, address: str, count: int, interval: float, timeout: float) -> Measured:
    trips: list[float | None] = []
    for n in range(count):
        if n:
            await asyncio.sleep(interval)
        trips.append(await pinger.ping(address, timeout))
    return summarise(trips)


async def measure(addresses: list[tuple[str, str]], count: int = COUNT, interval: float = INTERVAL_S,
                  timeout: float = TIMEOUT_S) -> list[Measured]:
    """For each (a, b) pair of addresses, the worse of the two ends; all series run at once."""
    pinger = Pinger()
    try:
        ends = await asyncio.gather(*(_series(pinger, x, count, interval, timeout) for pair in addresses for x in pair))
    finally:
        pinger.close()
    return [worse(ends[2 * i], ends[2 * i + 1]) for i in range(len(addresses))]


def probe_links(db: Database, snapshot: Snapshot | None = None, icmp: bool = True, **options: float) -> int:
    """Measure every inter-centre link once (ICMP when ``icmp``, the Cisco ends' IP SLA operations
    and the Huawei ends' NQA tests) and store the figures; returns how many links were measured."""
    snap = snapshot or DrService(db).snapshot()
    links = evaluate(snap).links
    where = {d.name: d.address for d in snap.devices}
    pairs = [(where[x.a], where[x.b]) for x in links]
    repo, now, measured = DrRepository(db), time.time(), set()
    if pairs and icmp:
        results = asyncio.run(measure(pairs, **options))  # type: ignore[arg-type]
        repo.record_probes(now, [(x.label, f"{a},{b}", m) for x, (a, b), m in zip(links, pairs, results, strict=True)])
        measured |= {x.label for x in links}
    for method, read in (("ipsla", ipsla.device_probes), ("nqa", nqa.device_probes)):
        from_devices = read(db, snap.devices, links)
        if from_devices:
            repo.record_probes(now, from_devices, method=method)
            measured |= {label for label, _target, _m in from_devices}
    return len(measured)


_running = threading.Lock()


def after_cycle(db: Database) -> bool:
    """The collector's hook after a poll cycle, on a thread of its own (the poller's thread must not
    wait seconds for echo replies), never two rounds at once: probe the inter-centre links where
    ICMP is allowed, then judge readiness so that the month's history holds every change of
    verdict even while no console looks at it."""
    if not _running.acquire(blocking=False):
        return False

    def run() -> None:
        try:
            probe_links(db, icmp=icmp_allowed())
            DrService(db).readiness()
        except Exception:  # noqa: BLE001 - a failed round is logged; the next cycle tries again
            log.exception("DR readiness round failed")
        finally:
            _running.release()
    threading.Thread(target=run, name="egovops-dr-probes", daemon=True).start()
    return True
