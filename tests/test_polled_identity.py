"""What polling learns fills the inventory's empty fields, is shown as discovered, never replaces an
operator's value, and selectors and support checks use it (issue 16, item 4).

Devices are polled from real recordings served by snmpsim and the cycle stored as the poller stores it.
"""

from __future__ import annotations

import json
import time

import pytest

from egovops.credentials import Secret
from egovops.device_detail import load_detail
from egovops.inventory.model import Device, Site, SiteKind
from egovops.polling.device_poll import HEALTH, STATUS, poll_device
from egovops.polling.discovered import known_devices
from egovops.polling.repo import PollingRepository
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget

PROVINCE = "安徽省"
# device: (recording it answers as, the operator's vendor and model)
DEVICES = {"HW-POLLED": ("huawei-s5720", "", ""), "OP-CISCO": ("huawei-s12704", "cisco", "Catalyst 9300")}


@pytest.fixture
def polled_store(database, inventory, vendor_agents):
    inventory.save_sites([Site(PROVINCE, SiteKind.PROVINCE)])
    devices = [Device(name, vendor_agents.address, "intranet", PROVINCE, snmp_port=vendor_agents.port, ssh_port=9,
                      vendor=vendor, model=model) for name, (_rec, vendor, model) in DEVICES.items()]
    inventory.save_devices(devices)
    loop = SnmpLoop("test-polled-identity").start()
    client = SnmpClient(loop)
    try:
        statuses = []
        for device in devices:
            community = DEVICES[device.name][0]
            target = SnmpTarget(device.name, vendor_agents.address, vendor_agents.port, community=Secret(community),
                                timeout=5, retries=1)
            statuses.append(loop.run(poll_device(client, device, target, None, {STATUS, HEALTH}, None, None,
                                                 time.time())))
    finally:
        loop.stop()
    PollingRepository(database).save_cycle(statuses, {})
    return {s.name: s for s in statuses}


def _targets(cli, selector: str) -> dict[str, tuple[str, str]]:
    done = cli("run", "clock-check", "--targets", selector, "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    return {t["device"]: (t["status"], t["message"]) for t in json.loads(done.stdout)["targets"]}


def test_vendor_selector_selects_a_device_only_polling_identified(polled_store, cli) -> None:
    # OP-CISCO answers as Huawei, but the operator said cisco
    assert set(_targets(cli, "vendor:huawei")) == {"HW-POLLED"}
    assert set(_targets(cli, "vendor:cisco")) == {"OP-CISCO"}


def test_support_check_uses_the_polled_vendor(polled_store, cli) -> None:
    status, message = _targets(cli, "HW-POLLED")["HW-POLLED"]
    assert status == "ok", message  # was: skipped, "vendor '?' is not supported"


def test_polling_fills_only_empty_fields_and_never_the_inventory_row(polled_store, inventory, database) -> None:
    assert (inventory.device("HW-POLLED").vendor, inventory.device("HW-POLLED").model) == ("", "")
    known = {d.name: d for d in known_devices(database)}
    assert (known["HW-POLLED"].vendor, known["HW-POLLED"].model) == ("huawei", "S5720-36C-EI-AC")
    assert (known["OP-CISCO"].vendor, known["OP-CISCO"].model) == ("cisco", "Catalyst 9300")
    polled = PollingRepository(database).identities()["HW-POLLED"]
    assert (polled.version, polled.serial) == ("V200R007C00SPC500", "210235956210F7000410")


def test_the_device_view_marks_what_polling_found(polled_store, database) -> None:
    found = load_detail(database, "HW-POLLED").summary
    assert (found.vendor, found.model, found.version, found.serial) == (
        "huawei", "S5720-36C-EI-AC", "V200R007C00SPC500", "210235956210F7000410")
    assert set(found.discovered) == {"vendor", "model", "os", "version", "serial"}
    entered = load_detail(database, "OP-CISCO").summary
    assert (entered.vendor, entered.model) == ("cisco", "Catalyst 9300")
    assert "vendor" not in entered.discovered and "model" not in entered.discovered


def test_boards_are_stored_and_read_back(polled_store, database) -> None:
    loaded = PollingRepository(database).load_statuses(["OP-CISCO"])["OP-CISCO"]
    assert loaded.boards == polled_store["OP-CISCO"].boards and len(loaded.boards) == 7
    assert load_detail(database, "OP-CISCO").summary.boards == tuple(loaded.boards)
