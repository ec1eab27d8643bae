"""Benchmark: the console's province map with thousands of devices (issue 8: first paint under 1 s,
a full status update under 50 ms, RSS under 400 MB), offscreen.

    python -m benchmarks.console_map [--devices 10000] [--repeat 3]

The store holds a demo province of --devices devices; the map shows one network layer of it whole
(every level of sites), so the default puts over 5,000 nodes on the screen. Timed, best of --repeat:

* first paint — egovops: ``MapPanel.set_overview`` (scene built from the core's map model on the
  stored layout) and the first paint of the view; reference: Qt's stock QGraphicsEllipseItem and
  QGraphicsLineItem for the same nodes and links at the same positions, added and painted the same way;
* status update — egovops: ``MapPanel.apply_health`` with every node's state changed, then the
  repaint; reference: ``setBrush`` on every stock ellipse, then the repaint;
* memory — how much the process's RSS grew for the map, and for the reference picture.

Printed: times, the ratio egovops/reference (below 1 means egovops is faster), whether each target is
met, and the process's RSS at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil

from benchmarks.timing import best_of
from egovops.demo.inventory import build_demo, store_demo
from egovops.overview.health import DeviceHealth
from egovops.overview.service import OverviewService
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository

FIRST_PAINT_S, UPDATE_S, RSS_MB = 1.0, 0.050, 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QBrush, QColor, QPen
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    import egovops_ui  # noqa: F401  (PySide6 work-arounds first)
    from egovops_ui.map_view import MapPanel

    db = open_database(Path(tempfile.mkdtemp(prefix="egovops-bench-")) / "egovops.sqlite3")
    store_demo(InventoryRepository(db), build_demo(args.devices))
    started = time.perf_counter()
    overview = OverviewService(db).load()
    load_s = time.perf_counter() - started

    app = QApplication.instance() or QApplication(sys.argv[:1])
    process = psutil.Process()
    rss_before = process.memory_info().rss
    panel = MapPanel()
    panel.depth = 99  # the whole province at once
    panel.resize(1400, 900)
    panel.show()
    app.processEvents()

    def egovops_first_paint() -> None:
        panel.overview = None
        panel.set_overview(overview)
        panel.view.viewport().grab()

    def empty_map() -> None:
        panel.scene.clear()
        panel.nodes = {}  # a fresh map: fitted to the window like the first time

    first_s = best_of(args.repeat, egovops_first_paint, empty_map)
    nodes, links = len(panel.nodes), len(panel.links)
    flipped = {name: DeviceHealth(name, "down" if i % 2 else "degraded") for i, name in enumerate(overview.devices)}
    normal = {name: DeviceHealth(name, "up") for name in overview.devices}
    health = [normal]

    def swap() -> None:
        health[0] = flipped if health[0] is normal else normal

    apply_s = best_of(args.repeat, lambda: panel.apply_health(health[0]), swap)
    update_s = best_of(args.repeat, lambda: (panel.apply_health(health[0]), panel.view.viewport().grab()), swap)

    rss_map = process.memory_info().rss - rss_before

    # Reference: Qt's stock items for the same picture.
    points = [(item.x(), item.y()) for item in panel.nodes.values()]
    ends = [(link.line().p1(), link.line().p2()) for link in panel.links]
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.setRenderHints(panel.view.renderHints())  # same antialiasing as the map
    view.resize(panel.view.size())
    view.show()
    stock: list = []

    def reference_first_paint() -> None:
        stock.clear()
        for a, b in ends:
            scene.addLine(a.x(), a.y(), b.x(), b.y(), QPen(QColor("#6fae7f")))
        for x, y in points:
            stock.append(scene.addEllipse(x - 8, y - 8, 16, 16, QPen(QColor("#1d6b31")), QBrush(QColor("#2e9d4a"))))
        view.fitInView(scene.itemsBoundingRect())
        view.viewport().grab()

    ref_first_s = best_of(args.repeat, reference_first_paint, scene.clear)
    colours = [QBrush(QColor("#d62f2f")), QBrush(QColor("#2e9d4a"))]

    def reference_update() -> None:
        brush = colours[0] if stock[0].brush().color() != colours[0].color() else colours[1]
        for item in stock:
            item.setBrush(brush)
        view.viewport().grab()

    ref_update_s = best_of(args.repeat, reference_update)
    rss_reference = process.memory_info().rss - rss_before - rss_map
    rss_mb = process.memory_info().rss / 2**20

    print(f"store: {len(overview.devices)} devices; map layer '{panel.network}' shows {nodes} nodes and {links} links")
    print(f"overview load from the store (worker thread): {load_s * 1000:.0f} ms")
    print(f"first paint   egovops {first_s * 1000:7.1f} ms   reference {ref_first_s * 1000:7.1f} ms   ratio {first_s / ref_first_s:.2f}   target < {FIRST_PAINT_S * 1000:.0f} ms: {'met' if first_s < FIRST_PAINT_S else 'NOT met'}")
    print(f"status update egovops {update_s * 1000:7.1f} ms   reference {ref_update_s * 1000:7.1f} ms   ratio {update_s / ref_update_s:.2f}   target < {UPDATE_S * 1000:.0f} ms: {'met' if update_s < UPDATE_S else 'NOT met'}  (recolouring alone {apply_s * 1000:.1f} ms)")
    print(f"memory        egovops map {rss_map / 2**20:6.1f} MB   reference {rss_reference / 2**20:6.1f} MB   ratio {rss_map / max(rss_reference, 1):.2f}   (RSS growth of each picture)")
    print(f"RSS at the end (store, overview, both pictures): {rss_mb:.0f} MB   target < {RSS_MB} MB: {'met' if rss_mb < RSS_MB else 'NOT met'}")


if __name__ == "__main__":
    main()
