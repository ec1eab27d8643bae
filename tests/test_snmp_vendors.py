"""Each vendor family is identified and its CPU/memory read from its own recording (snmpsim).

Expected values are read straight from the recording files here, independently of the poller's
tables, so a wrong OID in resources/vendors/health.yaml fails the test.
"""

from __future__ import annotations

import time
from typing import Iterator

import pytest

from egovops.credentials import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, INTERFACES, STATUS, poll_device
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from tests.fixtures.snmpsim import SnmpsimAgent

AGENT: SnmpsimAgent | None = None  # set by the autouse fixture: expectations read its served files


@pytest.fixture(autouse=True)
def _served(vendor_agents: SnmpsimAgent) -> None:
    global AGENT
    AGENT = vendor_agents


def read_recording(name: str) -> list[tuple[str, str, str]]:
    assert AGENT is not None
    return AGENT.lines(name)


def column(name: str, base: str) -> list[float]:
    values = []
    for oid, _tag, value in read_recording(name):
        if oid.startswith(base + "."):
            text = bytes.fromhex(value).decode() if _tag.endswith("x") else value
            values.append(float(text))
    return values


def scalar(name: str, oid: str) -> float:
    (value,) = column(name, oid.rsplit(".", 1)[0])[:1] or [None]
    return value


def max_nonzero(name: str, base: str) -> float:
    return max(v for v in column(name, base) if v > 0)


def if_count(name: str) -> int:
    indexes = {oid.rsplit(".", 1)[1] for oid, _t, _v in read_recording(name)
               if oid.startswith(("1.3.6.1.2.1.2.2.1.2.", "1.3.6.1.2.1.31.1.1.1.1."))}
    return len(indexes)


def cisco_memory(name: str) -> float:
    used = scalar(name, "1.3.6.1.4.1.9.9.48.1.1.1.5.1")
    free = scalar(name, "1.3.6.1.4.1.9.9.48.1.1.1.6.1")
    return round(100 * used / (used + free), 2)


HW, H3C, H3C_OLD = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1", "1.3.6.1.4.1.25506.2.6.1.1.1.1", "1.3.6.1.4.1.2011.10.2.6.1.1.1.1"
HW_CPU_5MIN = "1.3.6.1.4.1.2011.6.3.4.1.4"  # hwAvgDuty5min: every vendor's CPU is its 5-minute average
CISCO_CPU_5MIN = "1.3.6.1.4.1.9.9.109.1.1.1.1.8.1"  # cpmCPUTotal5minRev
ZTE9900 = "1.3.6.1.4.1.3902.3.600.2.1.1"

# recording: (vendor, model, expected cpu, expected memory) — expectations as functions of the file
CASES = {
    "huawei-s5720": ("huawei", "S5720-36C-EI-AC", lambda n: max(column(n, HW_CPU_5MIN)), lambda n: max_nonzero(n, f"{HW}.7")),
    "huawei-s12704": ("huawei", "S12704", lambda n: max(column(n, HW_CPU_5MIN)), lambda n: max_nonzero(n, f"{HW}.7")),
    "h3c-comware7": ("h3c", "SR8808-X", lambda n: max_nonzero(n, f"{H3C}.6"), lambda n: max_nonzero(n, f"{H3C}.8")),
    "h3c-e528": ("h3c", "E528", lambda n: max_nonzero(n, f"{H3C_OLD}.6"), lambda n: max_nonzero(n, f"{H3C_OLD}.8")),
    "ruijie-s5750": ("ruijie", "S5750-24GT/12SFP", lambda n: scalar(n, "1.3.6.1.4.1.4881.1.1.10.2.36.1.1.3.0"),
                     lambda n: max(column(n, "1.3.6.1.4.1.4881.1.1.10.2.35.1.1.1.3"))),
    "zte-5250": ("zte", "ZXR10 5250-52TM-H", lambda n: scalar(n, "1.3.6.1.4.1.3902.15.2.30.1.3.0"),
                 lambda n: scalar(n, "1.3.6.1.4.1.3902.15.2.30.1.5.0")),
    "zte-9908": ("zte", "ZXR10 9908", lambda n: max(column(n, f"{ZTE9900}.7")), lambda n: max(column(n, f"{ZTE9900}.4"))),
    # Cisco: the chassis's entPhysicalModelName, not the sysObjectID's product line
    "cisco-c3560": ("cisco", "WS-C3560G-48TS-E", lambda n: scalar(n, CISCO_CPU_5MIN), cisco_memory),
    "cisco-c3750": ("cisco", "WS-C3750G-12S-S", lambda n: scalar(n, CISCO_CPU_5MIN), cisco_memory),
}


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-vendors").start()
    yield SnmpClient(loop)
    loop.stop()


def poll(client: SnmpClient, agent, community: str):
    device = Device(community, agent.address, "intranet", "安徽省", snmp_port=agent.port, credential_profile="x")
    target = SnmpTarget(community, agent.address, agent.port, community=Secret(community), timeout=5, retries=1)
    return client.snmp_loop.run(poll_device(client, device, target, None, {STATUS, INTERFACES, HEALTH}, None, None, time.time()))


@pytest.mark.parametrize("recording", sorted(CASES))
def test_vendor_model_cpu_memory_and_interfaces(client: SnmpClient, vendor_agents, recording: str) -> None:
    vendor, model, cpu, memory = CASES[recording]
    status = poll(client, vendor_agents, recording)
    assert status.error is None, status.error
    assert (status.vendor, status.model) == (vendor, model)
    assert status.cpu_percent == pytest.approx(cpu(recording), abs=0.01)
    assert status.mem_percent == pytest.approx(memory(recording), abs=0.01)
    assert len(status.interfaces) == if_count(recording) > 0
    assert status.os


def test_linux_host_resources(client: SnmpClient, vendor_agents) -> None:
    status = poll(client, vendor_agents, "linux-001")
    assert (status.vendor, status.model) == ("linux", "")
    # This recording's hrProcessorLoad is a snmpsim variation (a moving sine), so only its range is known.
    assert status.cpu_percent is not None and 0 <= status.cpu_percent <= 100
    assert status.mem_percent is not None and 0 < status.mem_percent <= 100
    assert len(status.interfaces) == if_count("linux-001")
