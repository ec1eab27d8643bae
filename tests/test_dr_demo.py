"""Acceptance on the demo's simulator: DR readiness is ready, turns "at risk" naming the link when
``demo fault link-down`` cuts an inter-centre link, and is ready again once the fault is cleared.

The real agents answer the real poller (``egovops poll --once``); the DR peers' backups are stored
through the configuration store the backup procedure writes to.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace

import pytest

from egovops.configs.store import ConfigStore
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.database import open_database

PROD, SAME_CITY, REMOTE = "AH-DC1-EXT-CORE-01", "AH-DC2-EXT-CORE-01", "AH-DC3-EXT-CORE-01"
WATCHED = (PROD, SAME_CITY, REMOTE, "AH-EXT-CORE-01")  # the centres' cores and where their uplinks land
CONFIG = "#\nsysname {name}\n#\nvlan batch 10 20\n#\nip route-static 0.0.0.0 0.0.0.0 10.1.1.1\n#\nreturn\n"


@pytest.fixture(scope="module")
def backed_up(demo_province):  # type: ignore[no-untyped-def]
    db = open_database(demo_province.data_dir / "egovops.sqlite3")
    try:
        repo = PollingSettingsRepository(db)  # patient under load, as in test_demo_simulator_poll
        settings = repo.polling()
        repo.save_polling(replace(settings, intervals=replace(settings.intervals, timeout_s=5.0, retries=2)))
        for name in (PROD, SAME_CITY, REMOTE):
            ConfigStore(db).save(name, CONFIG.format(name=name), run_id="dr-test",
                                 command="display current-configuration")
    finally:
        db.close()
    return demo_province


def _status_after_poll(demo) -> dict:  # type: ignore[no-untyped-def]
    args = [a for name in WATCHED for a in ("--device", name)]
    done = demo.cli("poll", "--once", "--json", *args, timeout=300)
    assert done.returncode == 0, done.stderr
    done = demo.cli("dr", "status", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_readiness_turns_at_risk_on_an_inter_centre_link_fault_and_back(backed_up) -> None:
    demo = backed_up
    status = _status_after_poll(demo)
    assert (status["verdict"], status["reasons"]) == ("ready", []), status["reasons"]
    link = next(x for x in status["links"] if {x["a"], x["b"]} == {PROD, SAME_CITY})
    assert link["state"] == "up" and link["speed_bps"]

    done = demo.cli("demo", "fault", "link-down", SAME_CITY, PROD)
    assert done.returncode == 0, done.stderr
    fault_id = re.search(r"(\d+)", done.stdout).group(1)  # type: ignore[union-attr]
    try:
        time.sleep(2.5)  # agents read the fault file once a second
        status = _status_after_poll(demo)
        assert status["verdict"] == "at-risk"
        texts = [r["text"] for r in status["reasons"]]
        assert texts == [f"inter-centre link {SAME_CITY} {link['a_interface']} — {PROD} {link['b_interface']} is down"]
        remote = next(x for x in status["links"] if {x["a"], x["b"]} == {PROD, REMOTE})
        assert remote["state"] == "up"  # the other DR centre's link is untouched
    finally:
        assert demo.cli("demo", "fault", "clear", fault_id).returncode == 0
    time.sleep(2.5)
    status = _status_after_poll(demo)
    assert (status["verdict"], status["reasons"]) == ("ready", [])
