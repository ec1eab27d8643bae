"""Acceptance of issue 20 on the outage every console test looks at (Hefei's aggregation switch down,
9 counties cut off): one notification to Hefei's on-call naming the 9, one recovery notice; escalation
stopped by an acknowledgement; nothing in maintenance; a mail server down for a while."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role
from egovops.audit.repo import AuditRepository
from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.repo import AvailabilityRepository
from egovops.notify.config import NotifyConfig
from egovops.notify.engine import Timing
from egovops.notify.model import ChannelConfig, Recipient, RotaEntry, Rule
from egovops.notify.outbox import backoff
from egovops.notify.repo import NotifyRepository
from egovops.notify.service import Notifier
from egovops.overview.service import OverviewService
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from tests.fixtures.http_sink import HttpSink
from tests.fixtures.outage import CITY, COUNTIES, ROOT, Outage
from tests.fixtures.smtp import PASSWORD, SmtpSink

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")
TIMING = Timing(settle_s=30.0, flap_s=120.0)


def configure(database: Database, smtp: SmtpSink, escalate_after_s: float = 300.0) -> None:
    config = NotifyConfig(database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp.settings()), {"password": PASSWORD})
    for name in ("zhang", "li", "zhao", "chen"):
        config.save_recipient(ENGINEER, Recipient(name, addresses={"mail": f"{name}@ah.gov.cn"}))
    config.add_rota(ENGINEER, RotaEntry(CITY, 1, "zhang", time.time() - 3600))
    config.add_rota(ENGINEER, RotaEntry(CITY, 2, "li", time.time() - 3600))
    config.add_rota(ENGINEER, RotaEntry("安徽省", 1, "zhao", time.time() - 3600))  # less specific: not Hefei's
    config.add_rota(ENGINEER, RotaEntry(CITY, 1, "chen", time.time() - 7200, time.time() - 3600))  # handed over
    config.save_rule(ENGINEER, Rule("city-outages", (("oncall",), ("oncall:2",)), severities=("critical", "major"),
                                    escalate_after_s=escalate_after_s, repeat_s=escalate_after_s))


def mails_to(smtp: SmtpSink, who: str) -> list[str]:
    return [m.get_content() for m in smtp.received if m["To"] == f"{who}@ah.gov.cn"]


def actions(database: Database) -> list[str]:
    return [row.action for row in AuditRepository(database).rows() if row.action.startswith("notify.")]


def test_one_notification_per_root_cause_and_one_recovery(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server)
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    assert notifier.run_once(now) == (0, 0)  # still settling: root-cause analysis may not have folded yet
    assert notifier.run_once(now + 31) == (1, 1)
    assert notifier.run_once(now + 40) == (0, 0)
    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "zhang@ah.gov.cn" and ROOT in mail["Subject"]
    body = mail.get_content()
    assert all(county in body for county in COUNTIES) and " 9 " in body and str(outage.root_alarm) in body
    AlarmRepository(outage.database).reconcile({name: [] for name in [ROOT, *COUNTIES]}, now + 50)
    assert notifier.run_once(now + 60) == (0, 0)  # cleared only 10 s ago: could still be a flap
    assert notifier.run_once(now + 50 + 121) == (1, 1)
    assert notifier.run_once(now + 400) == (0, 0)
    recovery = smtp_server.wait_for(2)[1]
    assert recovery["To"] == "zhang@ah.gov.cn" and str(outage.root_alarm) in recovery.get_content()
    assert len(smtp_server.received) == 2
    assert actions(outage.database).count("notify.queued") == 1
    assert actions(outage.database).count("notify.recovery") == 1
    assert [r.purpose for r in NotifyRepository(outage.database).outbox(outage.root_alarm)] == ["recovery", "alarm"]


def test_flapping_alarm_notifies_once(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server)
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    notifier.run_once(now + 31)
    alarms = AlarmRepository(outage.database)
    alarms.reconcile({ROOT: []}, now + 40)
    notifier.run_once(now + 45)
    from egovops.storage.alarms_repo import AlarmCondition
    alarms.reconcile({ROOT: [AlarmCondition("device-down", "critical", "no answer")]}, now + 60)  # back in 20 s
    for step in range(100, 400, 30):
        notifier.run_once(now + step)
    assert len(mails_to(smtp_server, "zhang")) == 1
    assert "notify.flap" in actions(outage.database)


def test_escalates_after_n_minutes_until_acknowledged(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server, escalate_after_s=120.0)
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    notifier.run_once(now + 31)
    notifier.run_once(now + 31 + 119)
    assert mails_to(smtp_server, "li") == []  # not yet N
    notifier.run_once(now + 31 + 121)
    smtp_server.wait_for(2)
    assert len(mails_to(smtp_server, "li")) == 1 and "2" in smtp_server.received[-1]["Subject"]
    notifier.run_once(now + 31 + 121 + 121)  # repeats at the last level
    assert len(smtp_server.wait_for(3)) == 3 and len(mails_to(smtp_server, "li")) == 2
    OverviewService(outage.database).acknowledge([outage.root_alarm], ENGINEER, "on site, replacing the PSU")
    for step in range(400, 2000, 100):
        notifier.run_once(now + step)
    assert len(smtp_server.received) == 3
    assert actions(outage.database).count("notify.escalated") == 2
    assert "notify.escalation-stopped" in actions(outage.database)


def test_maintenance_window_no_notification_no_escalation(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server, escalate_after_s=60.0)
    start = datetime.now().replace(microsecond=0)  # naive local wall time, in the system's zone
    AvailabilityRepository(outage.database).add_window(
        MaintenanceWindow("site", CITY, start, 2 * 3600.0, "核心割接", _local_zone()))
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    for step in range(31, 1800, 60):
        assert notifier.run_once(now + step) == (0, 0)
    assert smtp_server.received == [] and NotifyRepository(outage.database).states() == {}


def test_escalation_timer_frozen_while_in_maintenance(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server, escalate_after_s=600.0)
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    notifier.run_once(now + 31)  # told; escalation due at now + 631
    notifier.run_once(now + 100)
    window = datetime.fromtimestamp(now + 101).replace(microsecond=0)
    AvailabilityRepository(outage.database).add_window(
        MaintenanceWindow("device", ROOT, window, 3000.0, "割接", _local_zone()))
    for step in range(160, 3100, 300):
        notifier.run_once(now + step)  # inside the window (until now + 3101): the timer stands still
    assert len(smtp_server.received) == 1
    notifier.run_once(now + 3200)  # thawed: 471 s were left when it froze at now + 160
    state = NotifyRepository(outage.database).states()[outage.root_alarm]
    assert state.escalate_at == pytest.approx(now + 3200 + 471) and len(smtp_server.received) == 1
    notifier.run_once(now + 3200 + 470)
    assert len(smtp_server.received) == 1
    notifier.run_once(now + 3200 + 472)
    assert len(smtp_server.wait_for(2)) == 2 and smtp_server.received[1]["To"] == "li@ah.gov.cn"


def test_escalation_timer_frozen_while_the_alarm_is_suppressed(outage: Outage, smtp_server: SmtpSink) -> None:
    """Folded under a newer root cause (the provincial link behind the city went down too), the city's
    alarm is a symptom: its timer stands still until root-cause analysis unfolds it."""
    configure(outage.database, smtp_server, escalate_after_s=600.0)
    notifier = Notifier(outage.database, timing=TIMING)
    alarms = AlarmRepository(outage.database)
    now = time.time()
    notifier.run_once(now + 31)  # told; escalation due at now + 631
    alarms.link_root(outage.root_alarm, outage.cpu_alarm, suppressed=True)
    notifier.run_once(now + 131)  # froze here with 500 s left
    for step in range(200, 2000, 300):
        notifier.run_once(now + step)
    assert len(smtp_server.wait_for(1)) == 1
    alarms.link_root(outage.root_alarm, None, suppressed=False)
    notifier.run_once(now + 2000)  # thawed
    state = NotifyRepository(outage.database).states()[outage.root_alarm]
    assert state.escalate_at == pytest.approx(now + 2000 + 500) and state.frozen_since is None
    notifier.run_once(now + 2000 + 499)
    assert len(smtp_server.received) == 1
    notifier.run_once(now + 2000 + 501)
    assert len(smtp_server.wait_for(2)) == 2 and smtp_server.received[1]["To"] == "li@ah.gov.cn"


def test_mail_server_down_then_up_delivered_once_attempts_logged(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server)
    smtp_server.stop()
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    assert notifier.run_once(now + 31) == (1, 0)
    assert notifier.run_once(now + 31 + backoff(1) - 1) == (0, 0)  # not before its backoff
    assert notifier.run_once(now + 31 + backoff(1) + 1) == (0, 0)
    smtp_server.start()
    later = now + 31 + backoff(1) + 1 + backoff(2) + 1
    assert notifier.run_once(later) == (0, 1)
    assert notifier.sender.run_once(later + 3600) == 0  # nothing left to send: not again
    assert len(smtp_server.wait_for(1)) == 1
    repo = NotifyRepository(outage.database)
    [row] = repo.outbox(outage.root_alarm)
    assert (row.state, row.attempts) == ("sent", 3)
    assert [a.ok for a in repo.attempts([row.id])] == [False, False, True]
    assert "notify.delivered" in actions(outage.database)


def test_changing_notifications_takes_an_engineer(database: Database) -> None:
    with pytest.raises(PermissionDenied):
        NotifyConfig(database).save_rule(Operator("liu", Role.OPERATOR, "local"), Rule("r", (("oncall",),)))
    assert NotifyRepository(database).rules() == []
    assert "notify.refused" in [r.action for r in AuditRepository(database).rows()]


def _local_zone() -> str:
    from egovops.availability.periods import system_zone, zone_name

    return zone_name(system_zone())


def test_two_notifiers_on_one_store_tell_once(outage: Outage, smtp_server: SmtpSink, database_url: str) -> None:
    """Two collectors run the notifier on one store: each decision (tell, escalate, recover) is made once."""
    from egovops.storage.database import open_database

    configure(outage.database, smtp_server, escalate_after_s=120.0)
    other_store = open_database(database_url)
    try:
        first, second = Notifier(outage.database, timing=TIMING), Notifier(other_store, timing=TIMING)
        now = time.time()
        # The second pass starts before the first has decided: both see the alarm as new.
        second_view = second.engine.repo.known_alarm_ids()
        first.engine.run_once(now + 31)
        second.engine.repo.known_alarm_ids = lambda: second_view  # type: ignore[method-assign]
        assert second.engine.run_once(now + 31) == 0
        for step in (160, 161, 300, 301):
            for notifier in (first, second):
                notifier.engine.run_once(now + step)
        for notifier in (first, second):
            notifier.sender.run_once(now + 400)
        purposes = [r.purpose for r in NotifyRepository(outage.database).outbox(outage.root_alarm)]
        assert sorted(purposes) == ["alarm", "escalation", "escalation"]
    finally:
        other_store.close()


def test_quiet_hours_hold_non_critical_for_a_group_and_sms_is_short(outage: Outage, smtp_server: SmtpSink,
                                                                     http_sink: HttpSink) -> None:
    config = NotifyConfig(outage.database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp_server.settings()), {"password": PASSWORD})
    config.save_channel(ENGINEER, ChannelConfig("sms", "sms", {
        "url": http_sink.url + "/sms", "body": '{"to": "$phone", "text": "$text"}', "success_contains": "ok"}), {})
    zone = _local_zone()
    hour = datetime.now().hour
    quiet = f"{hour:02d}:00-{(hour + 2) % 24:02d}:00"  # now is inside
    config.save_recipient(ENGINEER, Recipient("sun", addresses={"mail": "sun@ah.gov.cn"}, quiet_hours=quiet, tz=zone))
    config.save_recipient(ENGINEER, Recipient("qian", addresses={"sms": "13800000001"}))
    config.save_recipient(ENGINEER, Recipient("wuhu-team", kind="group", members=("sun", "qian", "wuhu-team")))
    config.save_rule(ENGINEER, Rule("minor", (("wuhu-team",),), severities=("minor",)))
    notifier = Notifier(outage.database, timing=TIMING)
    now = time.time()
    assert notifier.run_once(now + 31) == (2, 1)  # the group's two members; sun's mail waits for the quiet end
    [sms] = http_sink.requests
    assert len(sms.json()["text"]) <= 70 and str(outage.cpu_alarm) in sms.json()["text"]
    held = next(r for r in NotifyRepository(outage.database).outbox(outage.cpu_alarm) if r.recipient == "sun")
    assert held.state == "pending" and held.next_attempt_at > now + 31
    assert smtp_server.received == []
    assert notifier.sender.run_once(held.next_attempt_at) == 1
    assert smtp_server.wait_for(1)[0]["To"] == "sun@ah.gov.cn"


def test_the_component_sends_from_its_own_thread_until_stopped(outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server)
    notifier = Notifier(outage.database, interval_s=0.1, timing=Timing(settle_s=0.0, flap_s=0.0))
    notifier.start()
    try:
        assert smtp_server.wait_for(1)[0]["To"] == "zhang@ah.gov.cn"
    finally:
        notifier.stop()
    assert notifier._thread is None
    AlarmRepository(outage.database).reconcile({ROOT: []}, time.time())
    time.sleep(0.5)
    assert len(smtp_server.received) == 1  # stopped: the recovery waits for the next start
