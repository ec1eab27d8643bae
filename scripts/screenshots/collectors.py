"""Screenshots of the console as a client of its collectors, in Chinese and in English, for a
person to look at: the Collectors panel and the map with a device that nobody polls.

Run from the repository's root under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.collectors [OUT_DIR]

"Not monitored" exists on a shared store only, so this starts a throwaway PostgreSQL server (the
test suite's, tests/fixtures/postgres.py) and writes into it the demo province with the usual
outage, a live Hefei collector holding every device but Wuhu's extranet aggregation switch, a Wuhu
collector that stopped reporting (its lease on that switch no longer counts), and one stopped
cleanly. PNGs (collectors-<lang>.png, map-<lang>.png) go to /tmp/shots/collectors/.
"""

from __future__ import annotations

import contextlib
import sys
from functools import partial
from pathlib import Path

from egovops.demo.inventory import build_demo, store_demo
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.testing import in_each_language, open_console
from scripts.screenshots.common import list_shots, write_outage
from tests.fixtures.postgres import postgres_server
from tests.ui.test_collectors_panel import collectors_on

WUHU = "安徽省/芜湖市"
URL_FILE = "store-url"


def shoot(out: Path, language: str) -> None:
    console = open_console(open_database((out / URL_FILE).read_text("utf-8")), language)
    window = console.window
    window.map.show_scope(WUHU)
    window.sites.select(WUHU)
    window.findChild(type(window.quit_action), "openCollectors").trigger()
    panel = window.tabs.currentWidget()
    console.wait_for(lambda: getattr(panel, "picture", None) is not None, what="the collectors")
    console.shoot(out / f"collectors-{language}.png")
    window.show_map()
    console.settle(0.6)
    console.shoot(out / f"map-{language}.png")
    console.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/collectors")
    out.mkdir(parents=True, exist_ok=True)
    with contextlib.contextmanager(postgres_server.__wrapped__)() as server:
        url = server.fresh_database()
        db = open_database(url)
        store_demo(InventoryRepository(db), build_demo(300))
        write_outage(db)
        collectors_on(db)
        db.close()
        (out / URL_FILE).write_text(url, "utf-8")  # for each language's process
        try:
            in_each_language(partial(shoot, out))  # one process per language, as a desk has
        finally:
            (out / URL_FILE).unlink()
    return list_shots(out)


if __name__ == "__main__":
    sys.exit(main())
