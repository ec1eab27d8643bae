"""What the screenshot scripts share: the demo store they start from, the outage on it, where PNGs go.

The outage (Hefei's extranet aggregation switch down, its counties cut off, a CPU alarm in Wuhu,
busy links from the province core, a cable from Wuhu's intranet into its extranet) is written
through the poller's and the topology area's own code, as they write it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from egovops.demo.inventory import build_demo, store_demo
from egovops.inventory.model import Link
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import StateRepository, Transition
from egovops.topology.service import TopologyService
from egovops_ui.testing import in_each_language

ROOT, CITY = "HF-EXT-AGG-01", "安徽省/合肥市"


def shots_folder(name: str) -> Path:
    """The folder named on the command line, else /tmp/shots/<name>; created."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots") / name
    out.mkdir(parents=True, exist_ok=True)
    return out


def list_shots(out: Path) -> int:
    print("\n".join(str(p) for p in sorted(out.rglob("*.png"))))
    return 0


def shoot_each_language(name: str, shoot: Callable[[Path, str], object]) -> int:
    """``shoot(out, language)`` in Chinese, then in English, each in a process of its own; lists the PNGs."""
    out = shots_folder(name)
    in_each_language(partial(shoot, out))
    return list_shots(out)


def demo_store(devices: int = 300, *writers: Callable[[Database], object], folder: Path | None = None) -> Path:
    """A fresh demo province of ``devices`` in ``folder`` (or a temporary one), then each writer's
    history written into it; returns the store's file, closed, for the console to open."""
    folder = folder or Path(tempfile.mkdtemp(prefix="egovops-shots-"))
    path = folder / "egovops.sqlite3"
    db = open_database(path)
    store_demo(InventoryRepository(db), build_demo(devices))
    for write in writers:
        write(db)
    db.close()
    return path


def write_outage(db: Database) -> None:
    now = time.time()
    devices = InventoryRepository(db).devices()
    counties = [d.name for d in devices if d.site.startswith(CITY + "/") and d.network == "extranet"]
    states = {d.name: "up" for d in devices}
    states[ROOT] = "down"
    states.update(dict.fromkeys(counties, "unreachable"))
    states["WH-EXT-AGG-01"] = "degraded"
    statuses = [DeviceStatus(n, state=s, polled_at=now, uptime_s=3 * 86400.0,
                             root_cause=ROOT if n in counties else None) for n, s in states.items()]
    PollingRepository(db).save_cycle(statuses, dict.fromkeys(states, now))
    PollingRepository(db).record_stats(CycleStats(now, "status", 60.0, len(states), len(counties) + 1, 4.2, False))
    StateRepository(db).record_transitions([Transition(n, now, s, root_cause=ROOT if n in counties else None)
                                            for n, s in states.items()])
    alarms = AlarmRepository(db)
    root = alarms.reconcile({ROOT: [AlarmCondition("device_down", "critical", "device does not answer (no response)")]},
                            now)[0][0]
    for name in counties:
        symptom = alarms.reconcile({name: [AlarmCondition("device_unreachable", "major",
                                                          f"unreachable behind failed device {ROOT}")]}, now)[0][0]
        alarms.link_root(symptom.id, root.id, suppressed=True)
    alarms.reconcile({"WH-EXT-AGG-01": [AlarmCondition("cpu_high", "minor", "CPU 93% over 85%")]}, now)
    write_link_loads(db, now)
    # A cable from Wuhu's intranet switch into its extranet switch, found by topology's own check.
    InventoryRepository(db).save_links([Link("WH-INT-AGG-01", "GigabitEthernet1/0/24", "WH-EXT-AGG-01",
                                             "GigabitEthernet1/0/24")])
    TopologyService(db).check_cross_network(now)


def write_link_loads(db: Database, now: float) -> None:
    """Interface rates on the province core's links to a few cities: one over 80 %, one over 50 %, the rest quiet."""
    core = "AH-EXT-CORE-01"
    shares = {"BB-EXT-AGG-01": 0.9, "MAS-EXT-AGG-01": 0.62}
    ends: dict[str, list[InterfaceStatus]] = {}
    for link in InventoryRepository(db).links():
        if core not in (link.a_device, link.b_device):
            continue
        other, interface = ((link.a_device, link.a_interface) if link.b_device == core
                            else (link.b_device, link.b_interface))
        if other == ROOT or "EXT-AGG" not in other:
            continue
        share = shares.get(other, 0.18)
        ends.setdefault(other, []).append(InterfaceStatus(1, interface, speed_bps=10**9, admin_status=1, oper_status=1,
                                                          in_bps=share * 1e9, out_bps=share * 0.4e9, sampled_at=now))
    statuses = [DeviceStatus(n, state="degraded" if n == "WH-EXT-AGG-01" else "up", polled_at=now, uptime_s=3 * 86400.0,
                             interfaces=found, measured_interfaces=True) for n, found in ends.items()]
    PollingRepository(db).save_cycle(statuses, dict.fromkeys(ends, now))
