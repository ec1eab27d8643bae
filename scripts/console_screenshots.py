"""Screenshots of the console on a demo store with an outage, for a person to look at.

Run under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/console_screenshots.py OUT_DIR [--lang zh_CN]

The store is a fresh demo province; the outage (Hefei's extranet aggregation switch down, its
counties cut off, a CPU alarm in Wuhu, busy links from the province core, a cable from Wuhu's
intranet into its extranet) is written through the poller's and the topology area's own code, as
they write it. Saves overview.png, city.png, alarms.png (root-cause group unfolded) and
crossnet.png (Wuhu, where the cross-network cable is).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from egovops.demo.inventory import build_demo, store_demo
from egovops.inventory.model import Link
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.storage.state_repo import StateRepository, Transition
from egovops.topology.service import TopologyService

ROOT, CITY = "HF-EXT-AGG-01", "安徽省/合肥市"


def write_outage(db: Database) -> None:
    now = time.time()
    devices = InventoryRepository(db).devices()
    counties = [d.name for d in devices if d.site.startswith(CITY + "/") and d.network == "extranet"]
    states = {d.name: "up" for d in devices}
    states[ROOT] = "down"
    states.update(dict.fromkeys(counties, "unreachable"))
    states["WH-EXT-AGG-01"] = "degraded"
    statuses = [DeviceStatus(n, state=s, polled_at=now, uptime_s=3 * 86400.0, root_cause=ROOT if n in counties else None) for n, s in states.items()]
    PollingRepository(db).save_cycle(statuses, dict.fromkeys(states, now))
    PollingRepository(db).record_stats(CycleStats(now, "status", 60.0, len(states), len(counties) + 1, 4.2, False))
    StateRepository(db).record_transitions([Transition(n, now, s, root_cause=ROOT if n in counties else None) for n, s in states.items()])
    alarms = AlarmRepository(db)
    root = alarms.reconcile({ROOT: [AlarmCondition("device_down", "critical", "device does not answer (no response)")]}, now)[0][0]
    for name in counties:
        symptom = alarms.reconcile({name: [AlarmCondition("device_unreachable", "major", f"unreachable behind failed device {ROOT}")]}, now)[0][0]
        alarms.link_root(symptom.id, root.id, suppressed=True)
    alarms.reconcile({"WH-EXT-AGG-01": [AlarmCondition("cpu_high", "minor", "CPU 93% over 85%")]}, now)
    write_link_loads(db, now)
    # A cable from Wuhu's intranet switch into its extranet switch, found by topology's own check.
    InventoryRepository(db).save_links([Link("WH-INT-AGG-01", "GigabitEthernet1/0/24", "WH-EXT-AGG-01", "GigabitEthernet1/0/24")])
    TopologyService(db).check_cross_network(now)


def write_link_loads(db: Database, now: float) -> None:
    """Interface rates on the province core's links to a few cities: one over 80 %, one over 50 %, the rest quiet."""
    core = "AH-EXT-CORE-01"
    shares = {"BB-EXT-AGG-01": 0.9, "MAS-EXT-AGG-01": 0.62}
    ends: dict[str, list[InterfaceStatus]] = {}
    for link in InventoryRepository(db).links():
        if core not in (link.a_device, link.b_device):
            continue
        other, interface = (link.a_device, link.a_interface) if link.b_device == core else (link.b_device, link.b_interface)
        if other == ROOT or "EXT-AGG" not in other:
            continue
        share = shares.get(other, 0.18)
        ends.setdefault(other, []).append(InterfaceStatus(1, interface, speed_bps=10**9, admin_status=1, oper_status=1,
                                                          in_bps=share * 1e9, out_bps=share * 0.4e9, sampled_at=now))
    statuses = [DeviceStatus(n, state="degraded" if n == "WH-EXT-AGG-01" else "up", polled_at=now, uptime_s=3 * 86400.0,
                             interfaces=found, measured_interfaces=True) for n, found in ends.items()]
    PollingRepository(db).save_cycle(statuses, dict.fromkeys(ends, now))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--devices", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = open_database(Path(tempfile.mkdtemp(prefix="egovops-shots-")) / "egovops.sqlite3")
    store_demo(InventoryRepository(db), build_demo(args.devices))
    write_outage(db)

    from PySide6.QtCore import QSettings, Qt, QTimer
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)
    switcher.apply(args.lang)
    session = ConsoleSession(db)
    window = MainWindow(session, switcher)
    window.resize(1600, 1000)
    window.show()

    def settle(ms: int = 600) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()

    def shoot() -> None:
        if shots_taken:
            return
        shots_taken.append(True)
        settle()
        window.grab().save(str(args.out / "overview.png"))
        window.map.show_scope(CITY)
        settle()
        window.grab().save(str(args.out / "city.png"))
        window.alarms.fold.setChecked(False)
        window.alarm_dock.raise_()
        window.resizeDocks([window.alarm_dock], [420], Qt.Orientation.Vertical)
        settle()
        window.grab().save(str(args.out / "alarms.png"))
        window.alarms.fold.setChecked(True)
        window.resizeDocks([window.alarm_dock], [260], Qt.Orientation.Vertical)
        window.map.show_scope("安徽省/芜湖市")
        settle()
        window.grab().save(str(args.out / "crossnet.png"))
        app.quit()

    shots_taken: list[bool] = []
    session.overviewChanged.connect(lambda _o: QTimer.singleShot(300, shoot))
    session.start()
    app.exec()
    session.stop()
    print("\n".join(str(p) for p in sorted(args.out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
