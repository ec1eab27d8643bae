"""The read-only check decides in the core which CLI commands an operator may send."""

from __future__ import annotations

import pytest

from egovops.accounts.roles import PermissionDenied, Role
from egovops.device_detail.commands import check_command, is_read_only
from egovops.errors import ValidationError


@pytest.mark.parametrize("vendor, command", [
    ("huawei", "display interface brief"), ("huawei", "dis cur"), ("h3c", "display version"), ("huawei", "ping 10.1.1.1"),
    ("huawei", "tracert 10.1.1.1"), ("cisco", "show ip interface brief"), ("cisco", "sh run | include snmp"),
    ("ruijie", "show version"), ("zte", "show interface"), ("cisco", "traceroute 10.2.2.2"), ("linux", "uptime"),
    ("", "uname -a"),
])
def test_read_only_commands_pass(vendor: str, command: str) -> None:
    assert is_read_only(command, vendor)
    assert check_command(f"  {command} ", vendor, Role.OPERATOR, "op") == command


@pytest.mark.parametrize("vendor, command", [
    ("huawei", "system-view"), ("huawei", "reset saved-configuration"), ("huawei", "reboot"), ("huawei", "save"),
    ("huawei", "d interface"),  # too short to be display: VRP would call it ambiguous
    ("huawei", "displayx"), ("huawei", "display current | redirect flash:/x.cfg"), ("h3c", "undo info-center enable"),
    ("cisco", "configure terminal"), ("cisco", "write memory"), ("cisco", "reload"), ("cisco", "copy run start"),
    ("cisco", "show running-config > flash:x"), ("ruijie", "clear counters"), ("zte", "display version"),
    ("huawei", "show version"),  # another vendor's verb is not this vendor's read-only one
    ("linux", "uptime; reboot"), ("linux", "rm -rf /tmp/x"), ("linux", "cat $(reboot)"),
])
def test_anything_else_needs_an_engineer(vendor: str, command: str) -> None:
    assert not is_read_only(command, vendor)
    with pytest.raises(PermissionDenied, match=r"operator.*engineer"):
        check_command(command, vendor, Role.OPERATOR, "op")
    assert check_command(command, vendor, Role.ENGINEER, "eng") == command
    assert check_command(command, vendor, Role.ADMIN, "adm") == command


def test_the_refusal_names_the_command_and_what_is_allowed() -> None:
    with pytest.raises(PermissionDenied) as refused:
        check_command("system-view", "huawei", Role.OPERATOR, "zhang")
    message = str(refused.value)
    assert "system-view" in message and "display" in message and "zhang" in message


@pytest.mark.parametrize("command", ["", "   ", "display version\nsystem-view"])
def test_empty_or_several_commands_are_refused_for_every_role(command: str) -> None:
    with pytest.raises(ValidationError):
        check_command(command, "huawei", Role.ADMIN, "adm")
