"""Vendor, model, OS, version and serial of real and built recordings (issue 16, items 2 and 6).

snmpsim-data recordings are real walks; tests/recordings/*.snmprec are built from the vendors'
published MIB objects where snmpsim-data has none (see tests/recordings/README.md).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from egovops.credentials import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import HEALTH, STATUS, poll_device
from egovops.polling.identify import identify, parse_rules
from egovops.polling.model import DeviceStatus
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget

# recording: (vendor, model, OS starts with, version, serial) — serial "" where the device publishes none
IDENTITIES = {
    # item 2: models and versions the old rules got wrong
    "cisco-c3560": ("cisco", "WS-C3560G-48TS-E", "Cisco IOS Software", "12.2(55)SE3", "FOC1408Z61U"),
    "cisco-c3750": ("cisco", "WS-C3750G-12S-S", "Cisco IOS Software", "12.2(50)SE5", "FDO1622Y10H"),
    "hp-a5120": ("h3c", "A5120-24G EI", "Comware", "5.20.99 Release 2221P05", "CN12BYH0F1"),
    # no ENTITY-MIB: the part number is all there is
    "h3c-lsq1wcmd0": ("h3c", "LSQ1WCMD0", "Comware", "Release 2509P61", ""),
    "zte-5250": ("zte", "ZXR10 5250-52TM-H", "ZXROS", "V2.05.11B19", ""),
    "zte-9908": ("zte", "ZXR10 9908", "ZXROS", "V1.01.10.B19P06", ""),
    "h3c-comware7": ("h3c", "SR8808-X", "Comware", "7.1.075 Release 7751P01", "210235A0YVX18A00000B"),
    "huawei-s5720": ("huawei", "S5720-36C-EI-AC", "VRP", "V200R007C00SPC500", "210235956210F7000410"),
    # item 6: firewalls and security gateways
    # no ENTITY-MIB: its own
    "hillstone-sg6000": ("hillstone", "SG-6000-E3960", "StoneOS", "5.5R8P9", "0010123456789012"),
    "sangfor-ad1800": ("sangfor", "AD-1800-FP2", "Linux", "2.6.30", ""),
    "topsec-ngfw4000": ("topsec", "NGFW4000-UF", "TOS", "V3.2073N.2060N_NGFW.1", "Q1610474303"),
    "dptech-dpx8000": ("dptech", "DPX8000-A5", "Conplat", "V100R004B01D007P02PATCH03", "02010037P183000022"),
    "venus-vsos": ("venustech", "", "VSOS", "V0600R0705B20180507", ""),
    "h3c-secpath-f1000": ("h3c", "SecPath F1000-AK1110", "Comware", "7.1.064 Release 9333P25", "210235A1Y4H19C000011"),
    "huawei-usg6330": ("huawei", "USG6330", "VRP", "V500R001C30SPC600", "210235G7LN10H5000034"),
    # item 6: YunShan OS, wireless controllers, GPON OLTs
    "huawei-yunshan-s5735": ("huawei", "S5735-L24T4S-A1", "Huawei YunShan OS", "V600R022C10SPC500",
                             "2102353170DMP3000123"),
    "h3c-wx6103": ("h3c", "WX6103", "Comware", "Release 2509P33", "210231A76JX091000041"),
    "huawei-acu2": ("huawei", "ACU2", "VRP", "V200R007C20SPC200", ""),
    "ruijie-m18000": ("ruijie", "M18000-WS-ED", "RGOS", "", ""),
    "sangfor-wac": ("sangfor", "Wac", "Linux", "", ""),
    "huawei-ma5600t": ("huawei", "MA5600T", "Huawei Integrated Access Software", "", "21023518320000001"),
    "zte-c320": ("zte", "ZXA10 C320", "ZXROS", "V2.1.0", ""),
}
# recording: (cpu, memory, temperature) from the vendor's own MIB, None where it publishes none
HEALTH_OF = {
    "hillstone-sg6000": (27, 61, 58),  # sysCPU, sysMemRatio, hottest hillstoneTemperatureValue (a -1 row skipped)
    "dptech-dpx8000": (5, 29, 37),  # dpCpuRatio, dpMemRatio, dpCpuTemperature
    "venus-vsos": (1.52, 18.8, None),  # "cpu-usage: 1.522843%" DisplayStrings
    "h3c-secpath-f1000": (15, 47, 52),  # a sensor entity is the hottest; 65535 rows skipped
    "huawei-usg6330": (15, 52, 46),  # hwAvgDuty5min; board memory and temperature
    "huawei-yunshan-s5735": (9, 38, 41),  # the fan's 65535 skipped
    "h3c-wx6103": (12, 23, 26),
    "huawei-acu2": (8, 5, 34),
    "ruijie-m18000": (9, 50, None),
    "huawei-ma5600t": (23, 45, 48),  # the busiest board; the empty slot's zeros are no board
    "zte-c320": (31, 57, 43),
    "sangfor-ad1800": (8.5, None, None),  # HOST-RESOURCES; memory checked to be a percentage below
}


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-identify").start()
    yield SnmpClient(loop)
    loop.stop()


@pytest.fixture(scope="module")
def polled(client, vendor_agents) -> dict[str, DeviceStatus]:
    found = {}
    for name in sorted(set(IDENTITIES) | set(HEALTH_OF)):
        device = Device(name, vendor_agents.address, "intranet", "安徽省", snmp_port=vendor_agents.port,
                        credential_profile="x")
        target = SnmpTarget(name, vendor_agents.address, vendor_agents.port, community=Secret(name), timeout=5,
                            retries=1)
        found[name] = client.snmp_loop.run(poll_device(client, device, target, None, {STATUS, HEALTH}, None, None,
                                                       time.time()))
    return found


@pytest.mark.parametrize("recording", sorted(IDENTITIES))
def test_identity(polled, recording: str) -> None:
    vendor, model, os_start, version, serial = IDENTITIES[recording]
    status = polled[recording]
    assert status.error is None, status.error
    assert (status.vendor, status.model, status.version, status.serial) == (vendor, model, version, serial)
    assert status.os.startswith(os_start), status.os


@pytest.mark.parametrize("recording", sorted(HEALTH_OF))
def test_health_from_the_vendors_own_mib(polled, recording: str) -> None:
    cpu, memory, temperature = HEALTH_OF[recording]
    status = polled[recording]
    assert (status.cpu_percent, status.temperature_c) == (cpu, temperature)
    assert status.mem_percent == memory if memory is not None else 0 < status.mem_percent < 100


def test_olt_boards_skip_the_empty_slot(polled) -> None:
    assert [b.name for b in polled["huawei-ma5600t"].boards] == ["SCUN 0/7", "GPBD 0/1"]
    assert [b.name for b in polled["zte-c320"].boards] == ["GTGO #1.1.1", "GTGO #1.1.2", "SMXA"]


@pytest.mark.parametrize("descr, version", [
    ("ZTE Ethernet Switch  ZXR10 5250-52TM-H, Version: V2.05.11B19", "V2.05.11B19"),
    ("ZTE Ethernet Switch  ZXR10 5250-52TM-H, Version V2.05.11B19", "V2.05.11B19"),
    ("ZTE ZXR10 9908 Software, 9900 Version : V1.01.10", "V1.01.10"),
])
def test_zte_version_with_or_without_a_colon(descr: str, version: str) -> None:
    assert identify("1.3.6.1.4.1.3902.3.100.614", descr).version == version


def test_a_maintainer_fixes_a_rule_in_the_table_not_the_code() -> None:
    rules = parse_rules({"vendors": [{"vendor": "acme", "enterprises": ["1.3.6.1.4.1.99999"], "descr": [],
                                      "model": ["^(?P<model>AX\\d+)"], "version": ["Rel (?P<version>[\\d.]+)"]}]})
    found = identify("1.3.6.1.4.1.99999.1", "AX200 Rel 3.1", rules)
    assert (found.vendor, found.model, found.version) == ("acme", "AX200", "3.1")
