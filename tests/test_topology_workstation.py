"""`topology discover` on an install that has polled: the console's workstation row is not walked.

The workstation is read through psutil and has no SNMP credential profile; before, discovery
counted it as a failure and exited 1 on every such install.
"""

from __future__ import annotations

import json

import pytest

from egovops.credentials.profiles import CredentialKind, CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device, Site, SiteKind
from egovops.polling.poller import Poller
from egovops.polling.settings import PollingSettings, Thresholds
from egovops.polling.workstation import workstation_name
from egovops.snmp import SnmpClient, SnmpLoop

PROVINCE = "安徽省"


@pytest.fixture
def polled_store(database, inventory, secret_service, vendor_agents):
    """A store holding one snmpsim device with credentials and the workstation the poller added."""
    inventory.save_sites([Site(PROVINCE, SiteKind.PROVINCE)])
    CredentialService(database).add(CredentialProfile("sim", CredentialKind.SNMP_V2C), {"community": "h3c-e528"})
    inventory.save_devices([Device("SW-E528", vendor_agents.address, "intranet", PROVINCE,
                                   snmp_port=vendor_agents.port, credential_profile="sim")])
    loop = SnmpLoop("test-topo-ws").start()
    try:
        relaxed = Thresholds(cpu_percent=101, mem_percent=101, temperature_c=1000, if_errors_ps=10**9)
        Poller(database, SnmpClient(loop),
               settings=PollingSettings(watch_workstation=True, thresholds=relaxed)).run_cycle()
    finally:
        loop.stop()
    assert workstation_name() in {d.name for d in inventory.devices()}
    return inventory


def test_discover_exits_0_when_the_only_unwalkable_device_is_the_workstation(polled_store, cli) -> None:
    done = cli("topology", "discover", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failures"] == {}
    assert report["summary"]["walked"] == 1


def test_a_real_device_without_credentials_still_fails_discovery(polled_store, cli) -> None:
    polled_store.save_devices([Device("SW-NOCRED", "127.0.0.1", "intranet", PROVINCE)])
    done = cli("topology", "discover", "--json")
    assert done.returncode == 1
    assert set(json.loads(done.stdout)["failures"]) == {"SW-NOCRED"}
