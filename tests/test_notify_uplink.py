"""Acknowledging by replying to the SMS: the gateway posts the reply (real HTTP on loopback) to the
endpoint the notifier serves; the number names a person, the person a desk identity, which goes
through the console's role check and audit; escalation stops. Wrong token, unknown number, words it
cannot read, a person without a (still enabled) account: refused and audited."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.accounts.service import AccountService
from egovops.audit.repo import AuditRepository
from egovops.notify.config import NotifyConfig
from egovops.notify.engine import Timing
from egovops.notify.model import ChannelConfig, Recipient, RotaEntry, Rule
from egovops.notify.service import Notifier
from egovops.notify.uplink import UplinkServer, alarm_in_reply, phone_key
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from tests.fixtures.http_sink import HttpSink
from tests.fixtures.outage import CITY, Outage

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")
TOKEN = "uplink-s3cret"
ZHANG, LI, STRANGER = "13800000001", "13800000002", "13900000009"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def configure(database: Database, gateway: HttpSink, port: int) -> None:
    config = NotifyConfig(database)
    config.save_channel(ENGINEER, ChannelConfig("sms", "sms", {
        "url": gateway.url + "/send", "body": '{"to": "$phone", "msg": "$text", "id": "$key"}',
        "uplink_port": port, "uplink_phone_field": "mobile", "uplink_text_field": "content"}),
        {"uplink_token": TOKEN})
    config.save_recipient(ENGINEER, Recipient("zhang", operator="local:zhang", addresses={"sms": ZHANG}))
    config.save_recipient(ENGINEER, Recipient("li", operator="local:li", addresses={"sms": LI}))
    config.save_recipient(ENGINEER, Recipient("nobody-at-a-desk", addresses={"sms": "13800000003"}))
    config.add_rota(ENGINEER, RotaEntry(CITY, 1, "zhang", time.time() - 3600))
    config.add_rota(ENGINEER, RotaEntry(CITY, 2, "li", time.time() - 3600))
    config.save_rule(ENGINEER, Rule("city", (("oncall",), ("oncall:2",)), severities=("critical",),
                                    escalate_after_s=120.0, repeat_s=120.0))


def reply(port: int, phone: str, text: str, token: str = TOKEN, as_json: bool = False) -> tuple[int, dict[str, object]]:
    """The gateway's uplink post, as a form (or JSON) with the token in the URL."""
    fields = {"mobile": phone, "content": text}
    body = json.dumps(fields).encode() if as_json else urllib.parse.urlencode(fields).encode()
    kind = "application/json" if as_json else "application/x-www-form-urlencoded"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/uplink/sms?token={urllib.parse.quote(token)}",
                                     data=body, method="POST", headers={"Content-Type": kind})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def actions(database: Database) -> list[str]:
    return [row.action for row in AuditRepository(database).rows()]


def test_reply_acknowledges_as_the_person_and_stops_escalation(outage: Outage, http_sink: HttpSink) -> None:
    port = free_port()
    configure(outage.database, http_sink, port)
    notifier = Notifier(outage.database, interval_s=3600, timing=Timing(settle_s=30.0, flap_s=120.0))
    notifier.start()  # the component serves the uplink its SMS channel names
    try:
        now = time.time()
        notifier.run_once(now + 31)
        assert [r.json()["to"] for r in http_sink.requests] == [ZHANG]
        status, answer = reply(port, "+86 138-0000-0001", f"确认 {outage.root_alarm}")
        assert (status, answer["ok"]) == (200, True), answer
        alarm = AlarmRepository(outage.database).by_ids([outage.root_alarm])[0]
        assert alarm.acked_by == "local:zhang"
        [row] = [r for r in AuditRepository(outage.database).rows() if r.action == "alarm.acknowledge"]
        assert row.actor == "local:zhang" and "SMS reply from +86 138-0000-0001" in row.details
        for step in range(150, 1000, 100):
            notifier.run_once(now + step)
        assert [r.json()["to"] for r in http_sink.requests] == [ZHANG]  # li never woken
        assert "notify.escalation-stopped" in actions(outage.database)
        status, answer = reply(port, ZHANG, f"ACK {outage.root_alarm}", as_json=True)
        assert (status, answer["ok"]) == (200, False)  # already acknowledged: said, not done twice
    finally:
        notifier.stop()
    with pytest.raises(OSError):
        reply(port, ZHANG, "ACK 1")  # stopped with the component


@pytest.mark.parametrize(("phone", "text", "why"), [
    (STRANGER, "ACK {id}", "13900000009"),  # a number nobody has
    (ZHANG, "yes", "ACK"),  # words it cannot read
    (ZHANG, "ACK {id} NACK", "ACK"),
    ("13800000003", "ACK {id}", "nobody-at-a-desk"),  # a person with no desk identity
])
def test_replies_that_are_refused_and_audited(outage: Outage, http_sink: HttpSink, phone: str, text: str,
                                              why: str) -> None:
    port = free_port()
    configure(outage.database, http_sink, port)
    server = UplinkServer(outage.database, "127.0.0.1", port).start()
    try:
        status, answer = reply(port, phone, text.format(id=outage.root_alarm))
    finally:
        server.stop()
    assert (status, answer["ok"]) == (200, False) and why in str(answer["message"])
    assert AlarmRepository(outage.database).by_ids([outage.root_alarm])[0].acked_by is None
    [row] = [r for r in AuditRepository(outage.database).rows() if r.action == "notify.reply-refused"]
    assert row.actor == f"sms:{phone}"


def test_wrong_token_unknown_channel_and_a_disabled_account_are_refused(outage: Outage, http_sink: HttpSink) -> None:
    port = free_port()
    configure(outage.database, http_sink, port)
    accounts = AccountService(outage.database)
    admin = accounts.os_operator()
    accounts.add(admin, "admin1", "admin", "Correct-Horse-7-Battery")
    accounts.add(Operator("admin1", Role.ADMIN, "local"), "li", "operator", "Correct-Horse-8-Battery")
    server = UplinkServer(outage.database, "127.0.0.1", port).start()
    try:
        assert reply(port, ZHANG, f"ACK {outage.root_alarm}", token="guess")[0] == 401
        assert reply(port, ZHANG, f"ACK {outage.root_alarm}", token="")[0] == 401
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/uplink/mail?token={TOKEN}", timeout=10)
        assert missing.value.code == 404
        # zhang has no account now that accounts exist: the guard refuses, as it would at a desk.
        status, answer = reply(port, ZHANG, f"ACK {outage.root_alarm}")
        assert (status, answer["ok"]) == (200, False) and "zhang" in str(answer["message"])
        assert "alarms.refused" in actions(outage.database)
        status, answer = reply(port, LI, f"ａｃｋ　{outage.root_alarm}")  # full-width, as a phone may type it
        assert (status, answer["ok"]) == (200, True), answer
    finally:
        server.stop()
    assert AlarmRepository(outage.database).by_ids([outage.root_alarm])[0].acked_by == "local:li"


def test_reply_words_and_numbers() -> None:
    assert alarm_in_reply("ACK 12") == alarm_in_reply("ack#12") == alarm_in_reply("确认：12") == 12
    assert alarm_in_reply(" ＡＣＫ　１２ ") == 12
    assert alarm_in_reply("ACK") is None and alarm_in_reply("ACK 12 13") is None and alarm_in_reply("NACK 12") is None
    assert alarm_in_reply("ACK 1234567890123") is None
    assert phone_key("+86 138-0000-0001") == phone_key("008613800000001") == phone_key("13800000001") == "13800000001"
    assert phone_key("861380000000") == "861380000000"  # 12 digits: not a Chinese mobile behind +86
