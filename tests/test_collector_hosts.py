"""The collector hosts the trap receiver and the notifier (issues 19 and 20): a real collector
process, a real snmpd and a real ``snmptrap``, a real SMTP server; no console and no ``events
listen`` or ``notify run`` process."""

from __future__ import annotations

import dataclasses
import os
import signal
import socket
import subprocess
import time

import pytest
from sqlalchemy import select

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.events.repo import EventRepository
from egovops.notify.config import NotifyConfig
from egovops.notify.model import ChannelConfig, Recipient, RotaEntry, Rule
from egovops.polling.workstation import workstation_device
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.polling import poller_stats
from tests.fixtures.smtp import PASSWORD, SmtpSink
from tests.fixtures.snmpd import free_udp_port
from tests.test_collector_helpers import fast_settings, snmp_devices, start_collector, wait_for

pytestmark = pytest.mark.usefixtures("secret_service")

CITY = "安徽省/合肥市"
LINK_DOWN = ["1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.2.2.1.2.3", "s",
             "GigabitEthernet0/0/3"]


def _cycles(database: Database, label: str) -> int:
    with database.read() as conn:
        return len(conn.execute(select(poller_stats.c.id).where(poller_stats.c.cycle == label)).all())


def test_a_collector_with_receiver_ports_raises_the_interface_alarm_and_confirms_with_its_own_poll(
        database: Database, database_url: str, data_dir, snmpd_factory) -> None:
    agent = snmpd_factory(ports=1)
    (device,) = snmp_devices(database, agent, ["intranet"])
    _loopback_host_row(database)
    fast_settings(database, status_s=30.0)  # no scheduled cycle soon after the first two: the trap's poll shows
    port, syslog_port = free_udp_port(), free_udp_port()
    running = start_collector(data_dir, database_url, "traps", "network=intranet", "--trap-port", str(port),
                              "--syslog-port", str(syslog_port), "--listen-host", "127.0.0.1", "--no-notify")
    try:
        wait_for("the trap receiver", lambda: f"traps: udp 127.0.0.1:{port}" in running.text(), seconds=30)
        assert f"syslog: udp and tcp 127.0.0.1:{syslog_port}/{syslog_port}" in running.text()
        wait_for("the first cycles", lambda: "cycle 2 " in running.text(), seconds=40)
        before = _cycles(database, "event")
        _trap(port, agent.community)
        alarms = AlarmRepository(database)
        (alarm,) = wait_for("the interface alarm", lambda: alarms.list(active_only=True), seconds=10)
        assert (alarm.device, alarm.kind, alarm.subject) == (device.name, "interface_down", "GigabitEthernet0/0/3")
        # The confirming poll ran on the collector's own poller (its "event" cycle), not a cycle later.
        wait_for("the confirming poll", lambda: _cycles(database, "event") > before, seconds=10)
        subprocess.run(["logger", "--server", "127.0.0.1", "--port", str(syslog_port), "--udp", "-t", "sshd",
                        "认证失败 for admin"], check=True, timeout=15)
        events = wait_for("the syslog line", lambda: [e for e in EventRepository(database).list()
                                                       if e.kind == "syslog"] and EventRepository(database).list())
        assert sorted((e.kind, e.device) for e in events) == [("syslog", device.name), ("trap", device.name)]
        sent = time.monotonic()
        running.signal(signal.SIGTERM)
        assert running.process.wait(30) == 0, running.text()
        assert time.monotonic() - sent < 6.0
        text = running.text()
        assert "receivers stopped, 2 events stored" in text and "Traceback" not in text
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", port))  # the receiver let its port go
    finally:
        running.stop()


def _trap(port: int, community: str) -> None:
    subprocess.run(["snmptrap", "-v", "2c", "-c", community, f"127.0.0.1:{port}", "", *LINK_DOWN],
                   check=True, capture_output=True, timeout=15, env=dict(os.environ, MIBS=""))


def _loopback_host_row(database: Database) -> None:
    """The collector's own host row would also be 127.0.0.1, the traps' source: another loopback
    address for it, or a trap would be this host's and not the device's."""
    InventoryRepository(database).save_devices([dataclasses.replace(workstation_device(CITY, "intranet"),
                                                                    address="127.0.0.9")])


def test_a_trap_from_a_device_outside_its_zone_is_stored_but_not_polled_here(
        database: Database, database_url: str, data_dir, snmpd_factory) -> None:
    agent = snmpd_factory(ports=1)
    (device,) = snmp_devices(database, agent, ["extranet"])
    _loopback_host_row(database)
    fast_settings(database, status_s=30.0)
    port = free_udp_port()
    running = start_collector(data_dir, database_url, "intra", "network=intranet", "--trap-port", str(port),
                              "--listen-host", "127.0.0.1", "--no-notify")
    try:
        wait_for("the start", lambda: "started: zone" in running.text(), seconds=40)
        _trap(port, agent.community)
        wait_for("the interface alarm", lambda: AlarmRepository(database).list(active_only=True), seconds=10)
        wait_for("the hand-over", lambda: f"{device.name} is polled by another collector" in running.text(),
                 seconds=10)
        assert _cycles(database, "event") == 0  # its holder's next cycle confirms it, not this collector
    finally:
        running.stop()


def test_sighup_restarts_the_receiver_with_the_credentials_read_again(
        database: Database, database_url: str, data_dir, snmpd_factory) -> None:
    agent = snmpd_factory(ports=1)
    snmp_devices(database, agent, ["intranet"])
    _loopback_host_row(database)
    fast_settings(database, status_s=30.0)
    port = free_udp_port()
    running = start_collector(data_dir, database_url, "hup", "", "--trap-port", str(port),
                              "--listen-host", "127.0.0.1", "--no-notify")
    events = EventRepository(database)
    try:
        wait_for("the start", lambda: "started: zone" in running.text(), seconds=40)
        _trap(port, "added-later")
        wait_for("the wrong community counted", lambda: events.counters(), seconds=10)
        assert events.list() == []
        CredentialService(database).add(build_profile("later", "snmp-v2c", {}), {"community": "added-later"})
        running.signal(signal.SIGHUP)
        wait_for("the receiver again", lambda: running.text().count(f"traps: udp 127.0.0.1:{port}") == 2, seconds=20)
        _trap(port, "added-later")
        wait_for("the trap stored", lambda: events.list(), seconds=10)
        assert "the trap credentials changed" in running.text()
        reloads = running.text().count("scheduled job(s)")
        running.signal(signal.SIGHUP)  # nothing changed: the receiver keeps running, no trap is lost
        wait_for("the second reload", lambda: running.text().count("scheduled job(s)") > reloads, seconds=20)
        time.sleep(1.0)
        assert running.text().count(f"traps: udp 127.0.0.1:{port}") == 2
        assert running.process.poll() is None
    finally:
        running.stop()


def test_a_trap_port_in_use_is_one_line_and_exit_1(database: Database, database_url: str, data_dir) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        running = start_collector(data_dir, database_url, "busy", "", "--trap-port", str(port),
                                  "--listen-host", "127.0.0.1", "--no-notify")
        try:
            assert running.process.wait(30) == 1
        finally:
            running.stop()
    text = running.text()
    assert "cannot listen on 127.0.0.1" in text and "Traceback" not in text, text


def test_the_collectors_notifier_mails_a_device_down_found_by_its_own_poll(
        database: Database, database_url: str, data_dir, snmpd_factory, smtp_server: SmtpSink) -> None:
    agent = snmpd_factory(ports=1)
    (alive,) = snmp_devices(database, agent, ["intranet"])
    dead = dataclasses.replace(alive, name="hf-dead-1", snmp_port=free_udp_port())
    InventoryRepository(database).save_devices([dead])
    fast_settings(database)
    engineer = Operator("wang.wu", Role.ENGINEER, "local")
    config = NotifyConfig(database)
    config.save_channel(engineer, ChannelConfig("mail", "email", smtp_server.settings()), {"password": PASSWORD})
    config.save_recipient(engineer, Recipient("zhang", addresses={"mail": "zhang@ah.gov.cn"}))
    config.add_rota(engineer, RotaEntry(CITY, 1, "zhang", time.time() - 3600))
    config.save_rule(engineer, Rule("outages", (("oncall",),), kinds=("device_down",)))
    running = start_collector(data_dir, database_url, "mailer", "", "--notify-settle", "1")
    try:
        [mail] = wait_for("the mail", lambda: smtp_server.received, seconds=45)
        assert mail["To"] == "zhang@ah.gov.cn"
        assert "hf-dead-1" in mail["Subject"] + mail.get_content()
        assert alive.name not in mail["Subject"]
        assert "notifier started" in running.text()
        running.signal(signal.SIGTERM)
        assert running.process.wait(30) == 0, running.text()
    finally:
        running.stop()
    assert len(smtp_server.received) == 1  # one device down, one mail


@pytest.mark.parametrize(("stopped_at", "age", "expected"), [(None, 60.0, "live"), (None, 60.001, "stale"),
                                                             (5.0, 0.0, "stopped"), (5.0, 999.0, "stopped")])
def test_the_collector_and_the_desks_share_one_live_stale_rule(stopped_at: float | None, age: float,
                                                               expected: str) -> None:
    from egovops.collector.coverage import state_of
    from egovops.polling.presence import CollectorRow

    now, status_s = 1_000_000.0, 30.0  # stale after two intervals: 60 s is still live, a moment more is not
    row = CollectorRow("c1", "host", 1, "1.0", "", now - 3600, now - age, stopped_at, None, None, 0, 0, None, None)
    assert state_of(row, now, status_s).state == row.state(now, status_s) == expected
