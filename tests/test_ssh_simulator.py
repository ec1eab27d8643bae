"""The vendor CLI emulator on its own: configurations, weaknesses, and replies the SSH layer expects."""

from __future__ import annotations

import re
import time

import pytest

from egovops.simulator.naming import interface_name
from egovops.simulator import VENDORS, WEAKNESSES, DeviceSpec, VendorCli
from egovops.ssh.vendors import profile_for

# A line that is in the configuration exactly when the device has the weakness (per vendor family).
VRP_MARKERS = {
    "huawei": {"telnet": "\ntelnet server enable", "snmp-v2c-weak": "community read cipher public",
               "no-ntp": "!ntp-service unicast-server", "no-syslog": "!info-center loghost 10.",
               "no-idle-timeout": "idle-timeout 0 0", "no-lockout": "!wrong-password retry-interval"},
    "h3c": {"telnet": "telnet server enable", "snmp-v2c-weak": "community read simple public",
            "no-ntp": "!ntp-service unicast-server", "no-syslog": "!info-center loghost",
            "no-idle-timeout": "idle-timeout 0 0", "no-lockout": "!password-control login-attempt"},
}
IOS_MARKERS = {"telnet": "transport input telnet ssh", "snmp-v2c-weak": "snmp-server community public RO",
               "no-ntp": "!ntp server", "no-syslog": "!logging host", "no-idle-timeout": "exec-timeout 0 0",
               "no-lockout": "!attempts max-fail"}


def _has(config: str, marker: str) -> bool:
    return (marker[1:] not in config) if marker.startswith("!") else (marker in config)


@pytest.mark.parametrize("vendor", VENDORS)
def test_configuration_is_consistent_with_the_device(vendor: str) -> None:
    spec = DeviceSpec(vendor, "AH-HF-C01-EXT-AS01", ports=10, used_ports=3)
    config = VendorCli(spec).running_config()
    assert re.search(rf"^\s*(sysname|hostname) AH-HF-C01-EXT-AS01$", config, re.MULTILINE)
    for n in range(1, 11):
        assert f"interface {interface_name(vendor, n)}\n" in config + "\n"
    assert config.split("\n").count(" shutdown") == 7  # the unused ports only


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("weakness", sorted(WEAKNESSES))
def test_each_weakness_shows_in_the_configuration(vendor: str, weakness: str) -> None:
    good = VendorCli(DeviceSpec(vendor, "X1")).running_config()
    bad = VendorCli(DeviceSpec(vendor, "X1", weaknesses=frozenset({weakness}))).running_config()
    assert good != bad
    if weakness == "unused-ports-up":
        assert " shutdown" in good.split("\n") and " shutdown" not in bad.split("\n")
        return
    marker = VRP_MARKERS.get(vendor, IOS_MARKERS)[weakness]
    assert _has(bad, marker) and not _has(good, marker)


@pytest.mark.parametrize("vendor", VENDORS)
def test_prompts_and_errors_match_what_the_ssh_layer_expects(vendor: str) -> None:
    cli = VendorCli(DeviceSpec(vendor, "AH-INT-CORE-01"))
    profile = profile_for(vendor)
    found = profile.prompt.search(b"\n" + cli.prompt().encode())
    assert found and found.group(1) == b"AH-INT-CORE-01"
    assert profile.error.search(cli.handle("display bogus-thing").text)
    assert not profile.error.search(cli.handle(profile.show_running).text)
    assert not profile.error.search(cli.handle(profile.paging_off).text) and cli.paging is False


def test_enable_needs_the_secret_and_the_clock_follows_the_offset() -> None:
    cli = VendorCli(DeviceSpec("cisco", "C1", clock_offset=3600.0), enable_secret="s3cret")
    assert cli.prompt() == "C1>"
    assert "Invalid input" in cli.handle("show running-config").text
    assert cli.handle("enable").ask_password and "denied" in cli.handle("wrong").text and cli.prompt() == "C1>"
    cli.handle("enable")
    cli.handle("s3cret")
    assert cli.prompt() == "C1#" and "hostname C1" in cli.handle("show running-config").text
    shown = cli.handle("show clock").text  # *HH:MM:SS.mmm BJ Thu Nov 26 2026, Beijing time
    device_time = time.strptime(shown[1:9] + shown[-11:], "%H:%M:%S%b %d %Y")
    expected = time.gmtime(time.time() + 3600 + 8 * 3600)
    assert abs(time.mktime(device_time) - time.mktime(expected)) < 5


@pytest.mark.parametrize("vendor", VENDORS)
def test_only_an_error_right_under_the_command_counts_as_a_rejection(vendor: str) -> None:
    profile = profile_for(vendor)
    error = VendorCli(DeviceSpec(vendor, "X1")).handle("display bogus-thing").text
    assert profile.rejection(error) == error.strip().split("\n")[-1].strip()
    # The same text deep inside real output (a log buffer, a login banner) is data, not a rejection.
    assert profile.rejection("line 1\nline 2\nline 3\nline 4\n" + error) is None
