"""Messages in the recipient's language, the SMS in one segment, quiet hours, and who is on call."""

from __future__ import annotations

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.duty import DutyService
from egovops.duty.repo import DutyRepository
from egovops.inventory.model import Device
from egovops.notify.messages import SMS_LIMIT, compose
from egovops.notify.model import Recipient, RotaEntry
from egovops.notify.repo import NotifyRepository
from egovops.notify.routing import Router, quiet_until
from egovops.storage.alarms_repo import Alarm
from egovops.storage.database import Database

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
DEVICE = Device("HF-EXT-AGG-01", "10.34.1.1", "extranet", "安徽省/合肥市", owner_unit="合肥市数据资源局",
                contact="张三 0551-1234567")
ALARM = Alarm(4711, "HF-EXT-AGG-01", "device_down", "", "critical", True,
              "device does not answer (no response)", 1_760_000_000.0, 1_760_000_100.0, 3)
FOLDED = [f"HF-C0{i}-EXT-AS01" for i in range(1, 10)]


def test_chinese_message_names_everything_an_engineer_needs() -> None:
    m = compose("alarm", ALARM, DEVICE, FOLDED, "zh_CN", "Asia/Shanghai")
    assert m.subject.startswith("【紧急】 合肥市 HF-EXT-AGG-01 设备宕机") and "9 台设备中断" in m.subject
    for needed in ("10.34.1.1", "安徽省/合肥市", "合肥市数据资源局", "张三 0551-1234567", "设备宕机", "4711",
                   "2025-10-09 16:53", *FOLDED):
        assert needed in m.text, needed
    assert len(m.short) <= SMS_LIMIT and "4711" in m.short and "9台" in m.short


def test_english_recipient_gets_no_chinese_but_the_data() -> None:
    m = compose("recovery", ALARM, DEVICE, [], "en", "Asia/Shanghai")
    data = [DEVICE.site, DEVICE.owner_unit, DEVICE.contact, "合肥市"]
    text = m.subject + m.text
    for value in data:
        text = text.replace(value, "")
    assert not CJK.search(text) and "[recovered]" in m.subject and "Alarm id: 4711" in m.text


def test_a_long_device_name_is_shortened_to_fit_one_sms() -> None:
    long = Alarm(**{**ALARM.__dict__, "device": "ANHUI-HEFEI-FEIDONG-EXTRANET-AGGREGATION-SWITCH-01", "id": 123456})
    m = compose("escalation", long, DEVICE, FOLDED, "zh_CN", "Asia/Shanghai", level=2)
    assert len(m.short) <= SMS_LIMIT and "123456" in m.short and "第3级" in m.subject


@pytest.mark.parametrize(("clock", "quiet"), [("23:30", True), ("06:59", True), ("07:00", False), ("12:00", False)])
def test_quiet_hours_across_midnight(clock: str, quiet: bool) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    at = datetime.fromisoformat(f"2026-12-06T{clock}").replace(tzinfo=zone).timestamp()
    ends = quiet_until(Recipient("li", quiet_hours="22:00-07:00", tz="Asia/Shanghai"), at)
    assert (ends is not None) == quiet
    if ends is not None:
        assert datetime.fromtimestamp(ends, zone).strftime("%H:%M") == "07:00" and 0 < ends - at <= 9 * 3600


def test_on_call_by_rota_then_the_duty_shift(database: Database) -> None:
    repo = NotifyRepository(database)
    repo.save_recipient(Recipient("zhang", operator="local:zhang"))
    repo.save_recipient(Recipient("wang", operator="local:wang"))
    now = time.time()
    router = Router(repo, DutyRepository(database), now)
    assert router.on_call("安徽省/合肥市/肥东县", 1) == []  # no rota, no shift: nobody
    DutyService(database).start(Operator("wang", Role.ENGINEER, "local"))
    assert Router(repo, DutyRepository(database), now).on_call("安徽省/合肥市/肥东县", 1) == ["wang"]
    repo.add_rota(RotaEntry("安徽省/合肥市", 1, "zhang", now - 60, now + 3600))
    router = Router(repo, DutyRepository(database), now)
    assert router.on_call("安徽省/合肥市/肥东县", 1) == ["zhang"]  # the rota first
    assert router.on_call("安徽省/芜湖市", 1) == ["wang"]  # outside the subtree: the desk's shift
    assert router.on_call("安徽省/合肥市", 2) == []  # level 2 has no fallback
    assert Router(repo, DutyRepository(database), now + 3601).on_call("安徽省/合肥市", 1) == ["wang"]  # rota ended
