"""Device-view actions against real servers: OpenSSH sshd with the vendor CLI emulator, net-snmp snmpd.

Each action that reaches the device leaves an audit row naming the operator, and an operator's
command that is not read-only is refused by the core before any connection is opened.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role
from egovops.audit import verify_store
from egovops.credentials.profiles import build_profile
from egovops.device_detail import DeviceActions, SshLimits
from egovops.inventory.model import Device
from egovops.ssh import HostKeyUnknownError, SshTimeoutError
from egovops.audit.repo import AuditRepository
from egovops.polling.repo import PollingRepository
from tests.fixtures.sshd import KEY_PASSPHRASE

pytestmark = pytest.mark.stores("sqlite", "postgresql")

OPERATOR = Operator("zhang.wei", Role.OPERATOR, "local")
ENGINEER = Operator("li.na", Role.ENGINEER, "local")


def _rows(database, action: str):  # type: ignore[no-untyped-def]
    return [r for r in AuditRepository(database).rows() if r.action == action]


@pytest.fixture
def cisco(sshd, ssh_credentials, inventory) -> Device:  # type: ignore[no-untyped-def]
    device = sshd.device("CISCO-OK")
    inventory.save_devices([device])
    return device


def test_an_operator_runs_a_read_only_command_and_it_is_audited(database, sshd, cisco) -> None:
    actions = DeviceActions(database, OPERATOR)
    assert actions.default_ssh_profile(cisco.name) == "lab-ssh"  # the device's own profile is not an SSH one
    result = actions.run_command(cisco.name, "show ip interface brief", trust_new_host_key=True)
    assert "GigabitEthernet1/0/1" in result.output and "CISCO-OK#" not in result.output
    row = _rows(database, "device.ssh-command")[-1]
    assert row.id == result.audit_id and row.actor == "local:zhang.wei" and row.role == "operator" and row.subject == cisco.name
    assert row.details_dict() == {"command": "show ip interface brief", "profile": "lab-ssh", "vendor": "cisco"}
    assert row.output_digest and KEY_PASSPHRASE not in row.details
    assert "show ip interface brief" in sshd.server("CISCO-OK").command_log("CISCO-OK")
    assert verify_store(database).ok


def test_an_operators_configuration_command_is_refused_before_connecting(database, sshd, cisco) -> None:
    with pytest.raises(PermissionDenied, match="configure terminal"):
        DeviceActions(database, OPERATOR).run_command(cisco.name, "configure terminal", trust_new_host_key=True)
    assert "configure terminal" not in sshd.server("CISCO-OK").command_log("CISCO-OK")
    refused = _rows(database, "device.ssh-command.refused")
    assert [(r.actor, r.details_dict()["command"]) for r in refused] == [("local:zhang.wei", "configure terminal")]
    assert _rows(database, "device.ssh-command") == []


def test_an_engineer_may_send_it(database, sshd, cisco) -> None:
    result = DeviceActions(database, ENGINEER).run_command(cisco.name, "configure terminal", trust_new_host_key=True)
    assert "configuration commands" in result.output
    assert _rows(database, "device.ssh-command")[-1].role == "engineer"


def test_an_unknown_host_key_is_refused_without_the_operators_yes(database, cisco) -> None:
    with pytest.raises(HostKeyUnknownError, match="SHA256:"):
        DeviceActions(database, OPERATOR).run_command(cisco.name, "show version")
    failed = _rows(database, "device.ssh-command")[-1].details_dict()
    assert failed["error"] == "HostKeyUnknownError"


def test_a_hung_server_ends_in_a_timeout_naming_the_device(database, inventory, ssh_credentials, hung_server) -> None:
    hung = Device("WH-HUNG-01", "127.0.0.1", "intranet", "安徽省/芜湖市", ssh_port=hung_server.port, vendor="huawei")
    inventory.save_devices([hung])
    started = time.monotonic()
    with pytest.raises(SshTimeoutError, match="WH-HUNG-01.*connect"):
        DeviceActions(database, OPERATOR).run_command(hung.name, "display version", trust_new_host_key=True,
                                                       limits=SshLimits(connect_timeout=2.0))
    assert time.monotonic() - started < 5.0
    assert _rows(database, "device.ssh-command")[-1].details_dict()["error"] == "SshTimeoutError"


@pytest.fixture
def snmp_device(secret_service, database, inventory, snmpd) -> Device:  # type: ignore[no-untyped-def]
    from egovops.credentials.service import CredentialService

    CredentialService(database).add(build_profile("v2c", "snmp-v2c", {}), {"community": "public"})
    device = Device("HF-SNMPD-01", "127.0.0.1", "intranet", "安徽省/合肥市", snmp_port=snmpd.port, credential_profile="v2c")
    inventory.save_devices([device])
    return device


def test_ping_answers_from_a_live_agent_and_not_from_a_dead_port(database, inventory, snmp_device) -> None:
    actions = DeviceActions(database, OPERATOR)
    live = actions.ping(snmp_device.name)
    assert live.answered and live.rtt_ms is not None and live.method in ("icmp", "snmp")
    dead = replace(snmp_device, name="HF-DEAD-01", address="127.0.0.1", snmp_port=9)
    inventory.save_devices([dead])
    if live.method == "snmp":  # ICMP to 127.0.0.1 always answers; only SNMP can tell a dead agent
        result = actions.ping(dead.name, timeout=0.5)
        assert not result.answered and "HF-DEAD-01" in result.detail
    rows = _rows(database, "device.ping")
    assert rows[0].subject == snmp_device.name and rows[0].details_dict()["answered"] is True
    assert "public" not in rows[0].details


def test_poll_now_stores_a_fresh_status_and_is_audited(database, snmp_device, snmpd) -> None:
    before = time.time()
    status = DeviceActions(database, OPERATOR).poll_now(snmp_device.name)
    assert status.state in ("up", "degraded") and status.sys_name == snmpd.sys_name
    stored = PollingRepository(database).load_statuses([snmp_device.name])[snmp_device.name]
    assert stored.polled_at >= before
    assert any(i.name == "lo" for i in stored.interfaces)
    row = _rows(database, "poll.once")[-1]
    assert row.subject == snmp_device.name and row.actor == "local:zhang.wei"


def test_secrets_in_command_output_are_masked_but_the_digest_is_of_the_real_reply(database, sshd, cisco) -> None:
    from egovops.audit.chain import digest_text

    result = DeviceActions(database, OPERATOR).run_command(cisco.name, "show running-config", trust_new_host_key=True)
    assert "enable secret 9 ******" in result.output and "username admin privilege 15 secret 9 ******" in result.output
    assert "$9$" not in result.output
    row = _rows(database, "device.ssh-command")[-1]
    assert row.output_digest != digest_text(result.output)  # the masked text is not what the device sent
