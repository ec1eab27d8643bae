"""Baseline items over emulated Huawei, H3C, Cisco, Ruijie and ZTE configurations, one weakness at a time."""

from __future__ import annotations

import pytest

from egovops.simulator import VENDORS, DeviceSpec, VendorCli
from egovops_plugins.baseline_check.rules import check_baseline

# Which baseline item each of the emulator's weaknesses must make fail.
WEAKNESS_ITEMS = {
    "telnet": {"ssh-only"},
    "snmp-v2c-weak": {"snmp"},
    "no-ntp": {"ntp"},
    "no-syslog": {"syslog"},
    "no-idle-timeout": {"idle-timeout"},
    "no-lockout": {"login-lockout", "password-complexity"},
    "unused-ports-up": {"unused-ports"},
}


def config(vendor: str, *weak: str) -> str:
    return VendorCli(DeviceSpec(vendor, f"{vendor.upper()}-T1", weaknesses=frozenset(weak))).running_config()


@pytest.mark.parametrize("vendor", VENDORS)
def test_compliant_configuration_passes_every_item(vendor: str) -> None:
    report = check_baseline(config(vendor), vendor, "intranet")
    assert report.score == 100.0 and not report.failed, [(i.id, i.detail) for i in report.items]
    assert len(report.items) == 8


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("weakness", sorted(WEAKNESS_ITEMS))
def test_each_weakness_fails_exactly_its_items(vendor: str, weakness: str) -> None:
    report = check_baseline(config(vendor, weakness), vendor, "intranet")
    assert {i.id for i in report.failed} == WEAKNESS_ITEMS[weakness]
    assert report.score == round(100 * (8 - len(WEAKNESS_ITEMS[weakness])) / 8, 1)


def test_snmp_v2c_without_acl_fails_on_the_intranet_only() -> None:
    text = "ip ssh version 2\nsnmp-server community Str0ngCommunity RO\nline vty 0 4\n transport input ssh\n"
    intranet = {i.id: i for i in check_baseline(text, "cisco", "intranet").items}
    extranet = {i.id: i for i in check_baseline(text, "cisco", "extranet").items}
    assert intranet["snmp"].passed is False and "without an ACL" in intranet["snmp"].detail
    assert extranet["snmp"].passed is True
    with_acl = {i.id: i for i in check_baseline(text.replace(" RO", " RO 10"), "cisco", "intranet").items}
    assert with_acl["snmp"].passed is True and "ACL" in with_acl["snmp"].detail


def test_long_idle_timeout_and_missing_vty_transport_fail() -> None:
    text = "stelnet server enable\nuser-interface vty 0 4\n protocol inbound ssh\n idle-timeout 60 0\n#\n"
    item = {i.id: i for i in check_baseline(text, "huawei").items}["idle-timeout"]
    assert item.passed is False and "60 min" in item.detail
    ios = {i.id: i for i in check_baseline("ip ssh version 2\nline vty 0 4\n exec-timeout 5 0\n", "cisco").items}
    assert ios["ssh-only"].passed is False and "line vty 0 4" in ios["ssh-only"].detail
