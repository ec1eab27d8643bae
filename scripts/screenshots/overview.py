"""Screenshots of the console on a demo store with an outage, for a person to look at.

Run from the repository's root under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.overview [OUT_DIR] [--lang zh_CN|en]

The store is a fresh demo province with the outage of scripts/screenshots/common.py. Saves
overview.png, city.png, alarms.png (root-cause group unfolded) and crossnet.png (Wuhu, where the
cross-network cable is). PNGs go to /tmp/shots/overview/ unless OUT_DIR is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from egovops_ui.testing import open_console
from scripts.screenshots.common import CITY, demo_store, list_shots, write_outage


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, nargs="?", default=Path("/tmp/shots/overview"))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--devices", type=int, default=300)
    args = parser.parse_args()
    console = open_console(demo_store(args.devices, write_outage), args.lang)
    window = console.window
    console.settle(0.6)  # the map fits itself to the window once it has its size
    console.shoot(args.out / "overview.png")
    window.map.show_scope(CITY)
    console.shoot(args.out / "city.png")
    window.alarms.fold.setChecked(False)
    window.alarm_dock.raise_()
    window.resizeDocks([window.alarm_dock], [420], Qt.Orientation.Vertical)
    console.shoot(args.out / "alarms.png")
    window.alarms.fold.setChecked(True)
    window.resizeDocks([window.alarm_dock], [260], Qt.Orientation.Vertical)
    window.map.show_scope("安徽省/芜湖市")
    console.shoot(args.out / "crossnet.png")
    console.close()
    return list_shots(args.out)


if __name__ == "__main__":
    sys.exit(main())
