"""Events through the service on both stores: rules raise and clear alarms, unknown sources are
kept, repeated login failures make a security alarm, and bad rule files give one-line errors."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest

from egovops.errors import ValidationError
from egovops.events.repo import EventRepository
from egovops.events.rules import load_rules, parse_rules
from egovops.events.service import EventService
from egovops.events.syslog_receiver import SyslogReceiver
from egovops.events.traps import TrapReceiver
from egovops.inventory.model import Device
from egovops.storage.alarms_repo import AlarmRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")


class Polls:
    def __init__(self) -> None:
        self.asked: list[tuple[str, float]] = []
        self.cond = threading.Condition()

    def __call__(self, device: str) -> None:
        with self.cond:
            self.asked.append((device, time.monotonic()))
            self.cond.notify_all()


@pytest.fixture
def running(database) -> Iterator[tuple[EventService, TrapReceiver, SyslogReceiver, Polls]]:
    polls = Polls()
    rules = load_rules()
    service = EventService(database, rules, on_poll=polls)
    traps = TrapReceiver(service.submit, service.rejected, ["public"], [], rules.names, "127.0.0.1", 0)
    syslog = SyslogReceiver(service.syslog, "127.0.0.1", 0, None)
    service.start()
    traps.start()
    syslog.start()
    yield service, traps, syslog, polls
    syslog.stop()
    traps.stop()
    service.stop()


def snmptrap(port: int, *trap: str) -> None:
    subprocess.run(["snmptrap", "-v", "2c", "-c", "public", f"127.0.0.1:{port}", "", *trap], check=True,
                   capture_output=True, timeout=15, env=dict(os.environ, MIBS=""))


def wait_for(check, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError("not within the time")


LINK = ["1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.2.2.1.2.3", "s", "GigabitEthernet0/0/3"]


def test_link_down_raises_the_interface_alarm_within_a_second_and_link_up_clears_it(database, inventory,
                                                                                      running) -> None:
    inventory.save_devices([Device(name="hf-core-1", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    _service, traps, _syslog, polls = running
    alarms = AlarmRepository(database)
    sent = time.monotonic()
    snmptrap(traps.port, "1.3.6.1.6.3.1.1.5.3", *LINK)
    (alarm,) = wait_for(lambda: alarms.list(active_only=True))
    took = time.monotonic() - sent
    assert took < 1.0, took  # the acceptance: under a second, snmptrap's own start included
    assert (alarm.device, alarm.kind, alarm.subject, alarm.severity) == ("hf-core-1", "interface_down",
                                                                          "GigabitEthernet0/0/3", "critical")
    with polls.cond:
        assert polls.cond.wait_for(lambda: polls.asked, 5)
    assert polls.asked[0][0] == "hf-core-1"
    snmptrap(traps.port, "1.3.6.1.6.3.1.1.5.4", *LINK)
    wait_for(lambda: not alarms.list(active_only=True))
    assert alarms.get(alarm.id).cleared_at is not None
    stored = EventRepository(database).list()
    assert [(e.mnemonic, e.rule, e.device) for e in stored] == [("linkUp", "link-up", "hf-core-1"),
                                                                ("linkDown", "link-down", "hf-core-1")]
    assert "ifDescr.3=GigabitEthernet0/0/3" in stored[1].text and stored[1].severity == "major"


def test_a_trap_from_an_unknown_source_is_kept_as_such_and_raises_nothing(database, running) -> None:
    _service, traps, _syslog, polls = running
    snmptrap(traps.port, "1.3.6.1.6.3.1.1.5.1")
    (event,) = wait_for(lambda: EventRepository(database).list())
    assert (event.device, event.device_id, event.source, event.rule) == ("", None, "127.0.0.1", "reboot")
    assert AlarmRepository(database).list() == [] and polls.asked == []


def send_syslog(port: int, line: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(line.encode("gbk"), ("127.0.0.1", port))


def test_repeated_login_failures_raise_one_security_alarm_and_config_changes_are_marked(database, inventory,
                                                                                         running) -> None:
    inventory.save_devices([Device(name="hf-acc-1", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    _service, _traps, syslog, _polls = running
    repo, alarms = EventRepository(database), AlarmRepository(database)
    failure = "<36>Dec  6 12:00:00 2026 H3C %%10SSHS/4/SSHS_AUTH_FAIL: 用户 admin 从 10.0.0.9 登录失败。"
    for _ in range(4):
        send_syslog(syslog.udp_port, failure)
    wait_for(lambda: len(repo.list()) == 4)
    assert alarms.list() == []  # four is not yet "repeated"
    send_syslog(syslog.udp_port, failure)
    (alarm,) = wait_for(lambda: alarms.list(active_only=True))
    assert (alarm.kind, alarm.severity, alarm.device) == ("security", "major", "hf-acc-1")
    send_syslog(syslog.udp_port, "<189>123: *Dec  6 12:00:02: %SYS-5-CONFIG_I: Configured from console by vty0")
    send_syslog(syslog.udp_port, "<189>Dec  6 2026 12:00:00 HZ %%01CFM/5/CFGCHANGE(l)[3]:配置已改变。")
    wait_for(lambda: len(repo.list()) == 7)
    assert [e.rule for e in repo.list(limit=2)] == ["config-change", "config-change"]
    assert {e.rule for e in repo.list()[2:]} == {"login-failures"}


def test_vendor_entity_traps_raise_and_clear_hardware_alarms(database, inventory, running) -> None:
    inventory.save_devices([Device(name="hf-core-2", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    _service, traps, _syslog, _polls = running
    alarms = AlarmRepository(database)
    board = ["1.3.6.1.2.1.47.1.1.1.1.7.17", "s", "Fan 1"]
    snmptrap(traps.port, "1.3.6.1.4.1.2011.5.25.219.2.6.3", *board)  # hwFanFail
    (alarm,) = wait_for(lambda: alarms.list(active_only=True))
    assert (alarm.kind, alarm.subject) == ("hardware", "17") and "hwFanFail" in alarm.message
    snmptrap(traps.port, "1.3.6.1.4.1.2011.5.25.219.2.6.4", *board)  # hwFanFailResume
    wait_for(lambda: not alarms.list(active_only=True))
    # OIDs as HUAWEI-ENTITY-TRAP-MIB and HH3C-ENTITY-EXT-MIB define them (not a guessed name)
    snmptrap(traps.port, "1.3.6.1.4.1.2011.5.25.219.2.10.13", *board)
    (alarm,) = wait_for(lambda: alarms.list(active_only=True))
    assert "hwBrdTempAlarm" in alarm.message
    snmptrap(traps.port, "1.3.6.1.4.1.2011.5.25.219.2.10.14", *board)  # hwBrdTempResume
    wait_for(lambda: not alarms.list(active_only=True))
    h3c = ["1.3.6.1.4.1.25506.2.6.1.1.1.1.1.30", "i", "30", "1.3.6.1.2.1.47.1.1.1.1.7.30", "s", "PSU 2"]
    snmptrap(traps.port, "1.3.6.1.4.1.25506.2.6.2.0.16", *h3c)  # hh3cEntityExtFaultAlarmOn
    (alarm,) = wait_for(lambda: alarms.list(active_only=True))
    assert (alarm.kind, alarm.subject) == ("hardware", "30") and "hh3cEntityExtFaultAlarmOn" in alarm.message
    snmptrap(traps.port, "1.3.6.1.4.1.25506.2.6.2.0.17", *h3c)  # hh3cEntityExtFaultAlarmOff
    wait_for(lambda: not alarms.list(active_only=True))


@pytest.mark.parametrize(("text", "message"), [
    ("rules: 3", "events rules: rules.yaml: needs a 'rules' list"),
    ("rules: [{match: {kind: trap}}]", "events rules: rule 1: needs a name"),
    ("rules: [{name: a, match: {kind: mail}}]", "events rules: rule 'a' match.kind: 'mail' is not one of trap, syslog"),
    ("rules: [{name: a, match: {kind: trap}, colour: red}]", "events rules: rule 'a': unknown field 'colour'"),
    ("rules: [{name: a, match: {text: '(('}}]", "events rules: rule 'a' match.text: not a regular expression"),
    ("rules: [{name: a, match: {kind: trap}, alarm: {kind: x, action: raise, severity: huge}}]",
     "events rules: rule 'a' alarm: severity 'huge' is not one of critical"),
    ("rules: [{name: a, match: {kind: trap}, repeat: {count: 0, within_s: 3}}]",
     "events rules: rule 'a': repeat needs {count: N > 0, within_s: S > 0}"),
    ("rules: [\n  {name: a", "events rules: rules.yaml line 2: not valid YAML"),
])
def test_a_bad_rules_file_gets_a_one_line_error(text, message) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rules(text)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_link_down_is_followed_by_a_confirming_poll_of_that_device(database, inventory, snmpd, secret_service) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile
    from egovops.events.runtime import listening, trap_credentials
    from egovops.polling.device_poll import STATUS
    from egovops.polling.poller import Poller
    from egovops.polling.repo import PollingRepository
    from egovops.snmp import SnmpClient, SnmpLoop

    credentials = CredentialService(database)
    credentials.add(build_profile("v2c", "snmp-v2c", {}), {"community": "public"})
    inventory.save_devices([Device(name="hf-core-4", address="127.0.0.1", snmp_port=snmpd.port, network="intranet",
                                   site="安徽省/合肥市", credential_profile="v2c")])
    loop = SnmpLoop("test-events-poll").start()
    poller = Poller(database, SnmpClient(loop), credentials)
    polled: list[float] = []

    def poll(device: str) -> None:
        poller.run_cycle(kinds={STATUS}, names=[device], label="event")
        polled.append(time.monotonic())

    running = listening(database, trap_credentials(database, credentials), load_rules(), "127.0.0.1", 0, None, poll)
    running.start()
    try:
        sent = time.monotonic()
        snmptrap(running.traps.port, "1.3.6.1.6.3.1.1.5.3", *LINK)  # type: ignore[union-attr]
        wait_for(lambda: polled, 15)
    finally:
        running.stop()
        loop.stop()
    status = PollingRepository(database).load_statuses()["hf-core-4"]
    assert status.reachable and status.sys_name == snmpd.sys_name
    assert polled[0] - sent < 10  # the poll followed the trap, it did not wait for a cycle
    assert [a.kind for a in AlarmRepository(database).list(active_only=True)] == ["interface_down"]


def test_event_alarms_of_a_device_behind_a_failed_parent_fold_under_the_root(database, inventory, running) -> None:
    from egovops.polling.model import DeviceStatus
    from egovops.storage.alarms_repo import AlarmCondition
    from egovops.topology.poller_hook import RootCauseAnalysis

    inventory.save_devices([Device(name="hf-agg-1", address="127.0.0.9", network="intranet", site="安徽省/合肥市"),
                            Device(name="hf-acc-2", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    _service, traps, _syslog, _polls = running
    alarms = AlarmRepository(database)
    # A trap while nothing has failed: its alarm stands alone.
    snmptrap(traps.port, "1.3.6.1.6.3.1.1.5.3", *LINK)
    (alone,) = wait_for(lambda: alarms.list(active_only=True))
    assert (alone.kind, alone.root_alarm_id, alone.suppressed) == ("interface_down", None, False)
    # The parent fails: the poller's cycle raises its alarm and folds the child's alarms under it,
    # the one the trap raised among them.
    down = AlarmCondition("device_down", "critical", "no answer")
    alarms.reconcile({"hf-agg-1": [down], "hf-acc-2": [AlarmCondition("device_down", "critical", "no answer")]},
                     time.time(), kinds=["device_down"])
    (root,) = [a for a in alarms.list(active_only=True) if a.device == "hf-agg-1"]
    RootCauseAnalysis(database).link_alarms([DeviceStatus("hf-agg-1", state="down"),
                                             DeviceStatus("hf-acc-2", state="unreachable", root_cause="hf-agg-1")])
    child = {a.kind: a for a in alarms.list(active_only=True, device="hf-acc-2")}
    assert {k: (a.root_alarm_id, a.suppressed) for k, a in child.items()} == {
        "device_down": (root.id, True), "interface_down": (root.id, True)}
    # A trap between cycles: its new alarm is folded at once, not at the next cycle.
    snmptrap(traps.port, "1.3.6.1.4.1.2011.5.25.219.2.6.3", "1.3.6.1.2.1.47.1.1.1.1.7.17", "s", "Fan 1")
    hardware = wait_for(lambda: [a for a in alarms.list(active_only=True, device="hf-acc-2") if a.kind == "hardware"])
    assert (hardware[0].root_alarm_id, hardware[0].suppressed) == (root.id, True)
    assert not [a for a in alarms.list(active_only=True, device="hf-agg-1") if a.suppressed]  # the root notifies
