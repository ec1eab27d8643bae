"""The console's own workstation as a device (psutil), and the intranet/extranet bridging alarm."""

from __future__ import annotations

import ipaddress

import psutil
import pytest

from egovops.inventory.model import Network, NetworkKind
from egovops.polling.poller import Poller
from egovops.polling.settings import PollingSettings, Thresholds
from egovops.polling.workstation import addresses, workstation_name
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.alarms_repo import AlarmRepository


@pytest.fixture
def poller(database):
    loop = SnmpLoop("test-ws").start()
    # Thresholds out of reach: a busy CI machine must not make the workstation "degraded" here.
    relaxed = Thresholds(cpu_percent=101, mem_percent=101, temperature_c=1000, if_errors_ps=10**9)
    yield Poller(database, SnmpClient(loop), settings=PollingSettings(watch_workstation=True, thresholds=relaxed))
    loop.stop()


def own_addresses() -> list[str]:
    found = [a for addrs in addresses().values() for a in addrs if not ipaddress.ip_address(a).is_loopback]
    if not found:
        pytest.fail("this machine has no non-loopback address to test the bridging check with")
    return found


def single(address: str) -> str:
    return str(ipaddress.ip_network(f"{address}/{32 if ':' not in address else 128}"))


def test_workstation_is_a_device_with_its_interfaces_and_counters(poller, inventory) -> None:
    status = next(s for s in poller.run_cycle().statuses if s.name == workstation_name())
    assert status.reach_method == "local" and status.state == "up" and status.mem_percent is not None
    counters = psutil.net_io_counters(pernic=True)
    by_name = {i.name: i for i in status.interfaces}
    assert set(by_name) == set(psutil.net_if_stats())
    assert 0 <= counters["lo"].bytes_recv - by_name["lo"].in_octets < 10**9
    second = next(s for s in poller.run_cycle().statuses if s.name == workstation_name())
    assert next(i for i in second.interfaces if i.name == "lo").in_bps is not None
    assert "workstation" in inventory.device(workstation_name()).tags


def test_addresses_in_both_networks_raise_a_critical_alarm_that_clears(poller, inventory) -> None:
    mine = own_addresses()
    inventory.save_network(Network("intranet", NetworkKind.INTRANET, (single(mine[0]),)))
    inventory.save_network(Network("extranet", NetworkKind.EXTRANET, (single(mine[-1]),)))
    result = poller.run_cycle()
    status = next(s for s in result.statuses if s.name == workstation_name())
    assert status.state == "degraded" and status.bridging
    raised = [a for a in result.raised if a.kind == "network_bridging"]
    assert len(raised) == 1 and raised[0].severity == "critical" and mine[0] in raised[0].message
    inventory.save_network(Network("extranet", NetworkKind.EXTRANET, ("198.51.100.0/24",)))  # documentation range: not ours
    after = poller.run_cycle()
    assert [a.kind for a in after.cleared] == ["network_bridging"]
    assert not [a for a in AlarmRepository(inventory.db).list(active_only=True) if a.kind == "network_bridging"]
