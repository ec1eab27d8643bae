"""Health read with its meaning (issue 16, items 1, 3 and 7), on real recordings served by snmpsim.

Expectations are computed here from the recording files, independently of health.yaml.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from egovops.credentials import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, STATUS, poll_device
from egovops.polling.health import cpu_window, health_table
from egovops.polling.model import DeviceStatus
from egovops.polling.readings import celsius, percent
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from tests.fixtures.snmpsim import SnmpsimAgent, read_recording

HH3C = "1.3.6.1.4.1.25506.2.6.1.1.1.1"  # hh3cEntityExtStateEntry
H3C_OLD = "1.3.6.1.4.1.2011.10.2.6.1.1.1.1"
HW = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1"  # hwEntityStateEntry
ENT_NAME = "1.3.6.1.2.1.47.1.1.1.1.7"


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-health").start()
    yield SnmpClient(loop)
    loop.stop()


def poll(client: SnmpClient, agent: SnmpsimAgent, community: str) -> DeviceStatus:
    device = Device(community, agent.address, "intranet", "安徽省", snmp_port=agent.port, credential_profile="x")
    target = SnmpTarget(community, agent.address, agent.port, community=Secret(community), timeout=5, retries=1)
    status = client.snmp_loop.run(poll_device(client, device, target, None, {STATUS, HEALTH}, None, None, time.time()))
    assert status.error is None, status.error
    return status


def column(agent: SnmpsimAgent, name: str, base: str) -> dict[str, str]:
    return {oid[len(base) + 1:]: value for oid, _tag, value in agent.lines(name) if oid.startswith(base + ".")}


def text(agent: SnmpsimAgent, name: str, base: str) -> dict[str, str]:
    found = {}
    for oid, tag, value in agent.lines(name):
        if oid.startswith(base + "."):
            found[oid[len(base) + 1:]] = bytes.fromhex(value).decode() if tag.endswith("x") else value
    return found


# -- item 1: sentinels ---------------------------------------------------------------------------

def test_comware7_65535_not_supported_is_no_temperature(client, vendor_agents) -> None:
    temps = [int(v) for v in column(vendor_agents, "h3c-comware7", f"{HH3C}.12").values()]
    assert 65535 in temps  # the recording's "not supported" rows, read before as 65535 °C
    status = poll(client, vendor_agents, "h3c-comware7")
    assert status.temperature_c == max(t for t in temps if t != 65535) < 150


def test_wireless_controller_with_one_real_sensor_among_31_sentinels(client, vendor_agents) -> None:
    temps = [int(v) for v in column(vendor_agents, "h3c-wx6103", f"{H3C_OLD}.12").values()]
    assert temps.count(65535) == len(temps) - 1
    assert poll(client, vendor_agents, "h3c-wx6103").temperature_c == next(t for t in temps if t != 65535)


def test_entity_sensor_mib_hottest_working_celsius_sensor(client, vendor_agents) -> None:
    sensors: dict[str, dict[int, int]] = {}
    for index_column, value in column(vendor_agents, "arista-7150s", "1.3.6.1.2.1.99.1.1.1").items():
        col, index = index_column.split(".", 1)
        if col in ("1", "2", "3", "4", "5"):
            sensors.setdefault(index, {})[int(col)] = int(value)
    celsius_ok = [s[4] / 10 ** s[3] for s in sensors.values() if s[1] == 8 and s[5] == 1 and s[2] == 9]
    assert len(celsius_ok) > 10 and len(sensors) > len(celsius_ok)  # volts, amperes, rpm share the table
    assert poll(client, vendor_agents, "arista-7150s").temperature_c == max(celsius_ok)


@pytest.mark.parametrize("value, expected", [(65535, None), (2147483647, None), (-1, None), (0, None), (151, None),
                                             (-41, None), (150, 150), (-40, -40), (37, 37)])
def test_temperature_edges(value, expected) -> None:
    assert celsius(value) == expected


@pytest.mark.parametrize("value, expected", [(101, None), (-1, None), (65535, None), (100, 100), (0, 0)])
def test_percent_edges(value, expected) -> None:
    assert percent(value) == expected


# -- item 3: boards ------------------------------------------------------------------------------

def test_every_board_of_a_huawei_chassis_with_its_name_and_no_empty_slot(client, vendor_agents) -> None:
    cpus, names = column(vendor_agents, "huawei-s12704", f"{HW}.5"), text(vendor_agents, "huawei-s12704", ENT_NAME)
    mems = column(vendor_agents, "huawei-s12704", f"{HW}.7")
    present = {i for i in cpus if int(cpus[i]) or int(mems[i])}
    assert len(cpus) - len(present) > 60  # empty slots and non-board entities report 0
    status = poll(client, vendor_agents, "huawei-s12704")
    assert {b.name: b.cpu_percent for b in status.boards} == {names[i]: float(cpus[i]) for i in present}
    assert "MPU Board 5" in {b.name for b in status.boards}


def test_stacked_comware_boards_are_told_apart(client, vendor_agents) -> None:
    boards = poll(client, vendor_agents, "h3c-comware7").boards
    assert len({b.name for b in boards}) == len(boards) > 9
    assert all(b.temperature_c is None or b.temperature_c < 150 for b in boards)


def test_ruijie_with_cpu_only_per_slot_gets_its_cpu_from_the_slot(client, vendor_agents) -> None:
    slot_5min = column(vendor_agents, "ruijie-slots-only", "1.3.6.1.4.1.4881.1.1.10.2.36.1.2.1.5")
    assert not column(vendor_agents, "ruijie-slots-only", "1.3.6.1.4.1.4881.1.1.10.2.36.1.1")  # no scalars
    status = poll(client, vendor_agents, "ruijie-slots-only")
    assert status.cpu_percent == max(float(v) for v in slot_5min.values())
    assert [b.name for b in status.boards] == ["number 1"]


def test_ruijie_chassis_shows_each_slot(client, vendor_agents) -> None:
    names = text(vendor_agents, "ruijie-n18010", "1.3.6.1.4.1.4881.1.1.10.2.36.1.2.1.2")
    boards = poll(client, vendor_agents, "ruijie-n18010").boards
    assert len(boards) == len(names) > 1
    assert boards[0].name == names["1"].split(",")[0]


def test_zte_chassis_main_board_is_the_busiest_here(client, vendor_agents) -> None:
    status = poll(client, vendor_agents, "zte-9908")
    main = [b for b in status.boards if b.name.startswith("MP: on the slot 27")]
    assert main and status.cpu_percent == max(b.cpu_percent for b in status.boards) == main[0].cpu_percent


def test_cisco_board_memory_from_its_cpu_table(client, vendor_agents) -> None:
    used = float(column(vendor_agents, "cisco-n5000", "1.3.6.1.4.1.9.9.109.1.1.1.1.12")["1"])
    free = float(column(vendor_agents, "cisco-n5000", "1.3.6.1.4.1.9.9.109.1.1.1.1.13")["1"])
    (board,) = poll(client, vendor_agents, "cisco-n5000").boards
    assert board.mem_percent == pytest.approx(100 * used / (used + free))


# -- item 7: one CPU window ----------------------------------------------------------------------

def test_cisco_cpu_is_the_5_minute_average_not_the_1_minute_one(client, vendor_agents) -> None:
    recorded = {oid: value for oid, _tag, value in read_recording("cisco-c3560")}  # the whole file: .7 is not served
    one, five = float(recorded["1.3.6.1.4.1.9.9.109.1.1.1.1.7.1"]), float(recorded["1.3.6.1.4.1.9.9.109.1.1.1.1.8.1"])
    assert one != five
    assert poll(client, vendor_agents, "cisco-c3560").cpu_percent == five


def test_huawei_cpu_is_hwAvgDuty5min(client, vendor_agents) -> None:
    five = [float(v) for v in column(vendor_agents, "huawei-s12704", "1.3.6.1.4.1.2011.6.3.4.1.4").values()]
    assert poll(client, vendor_agents, "huawei-s12704").cpu_percent == max(five)


def test_every_vendor_documents_its_cpu_window() -> None:
    for vendor, entry in health_table().items():
        assert entry.get("cpu_window"), f"{vendor}: no cpu_window in health.yaml"
    assert cpu_window("cisco").startswith("5 min") and cpu_window("nobody") == cpu_window("default")
