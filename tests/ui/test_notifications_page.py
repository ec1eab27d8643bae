"""The console's delivery log on the real outage, and "send test message" to a real SMTP server."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.audit.repo import AuditRepository
from egovops.notify.config import NotifyConfig
from egovops.notify.engine import Timing
from egovops.notify.model import ChannelConfig, Recipient, Rule
from egovops.notify.outbox import Sender
from egovops.notify.repo import NotifyRepository
from egovops.notify.service import Notifier
from egovops_ui.main_window import MainWindow
from egovops_ui.notifications.page import DeliveryLogPage
from tests.fixtures.outage import Outage
from tests.fixtures.smtp import PASSWORD, SmtpSink
from tests.ui.console import WAIT_MS

pytestmark = pytest.mark.usefixtures("secret_service")

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")


def screen(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.screens if type(s).__name__ == "NotificationsScreen")


def cells(page: DeliveryLogPage, row: int) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def test_delivery_log_and_test_message(qtbot: QtBot, console: MainWindow, outage: Outage,
                                       smtp_server: SmtpSink) -> None:
    config = NotifyConfig(outage.database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp_server.settings()), {"password": PASSWORD})
    config.save_recipient(ENGINEER, Recipient("zhang", addresses={"mail": "zhang@ah.gov.cn"}))
    config.save_rule(ENGINEER, Rule("all", (("zhang",),), severities=("critical",)))
    Notifier(outage.database, timing=Timing(settle_s=0)).run_once(time.time())
    page = screen(console).open()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.channel.count() == 1, timeout=WAIT_MS)
    row = cells(page, 0)
    assert row[1:7] == [str(outage.root_alarm), "alarm", "zhang", "mail", "sent", "1"]
    qtbot.waitUntil(lambda: console.session.operator is not None, timeout=WAIT_MS)
    page.address.setText("desk@ah.gov.cn")
    page.send_button.click()
    qtbot.waitUntil(lambda: page.result.text() == "Test message sent.", timeout=WAIT_MS)
    assert [m["To"] for m in smtp_server.wait_for(2)] == ["zhang@ah.gov.cn", "desk@ah.gov.cn"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT_MS)
    assert cells(page, 0)[2:6] == ["test", console.session.operator.label(), "mail", "sent"]
    page.alarm_filter.setText(str(outage.root_alarm))
    page.reload()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)


def test_delivery_log_in_chinese(qtbot: QtBot, console: MainWindow, outage: Outage, smtp_server: SmtpSink) -> None:
    config = NotifyConfig(outage.database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp_server.settings()), {"password": PASSWORD})
    config.save_recipient(ENGINEER, Recipient("zhang", addresses={"mail": "zhang@ah.gov.cn"}))
    config.save_rule(ENGINEER, Rule("all", (("zhang",),), severities=("critical",)))
    Notifier(outage.database, timing=Timing(settle_s=0)).run_once(time.time())
    page = screen(console).open()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
    console.switcher.apply("zh_CN")
    qtbot.waitUntil(lambda: page.table.horizontalHeaderItem(5).text() == "状态", timeout=WAIT_MS)
    assert cells(page, 0)[2] == "告警" and cells(page, 0)[5] == "已发送" and page.send_button.text() == "发送测试消息"
    assert console.tabs.tabText(console.tabs.indexOf(page)) == "通知"
    editor = screen(console).open_settings()
    assert editor.r_save.text() == "保存接收人" and console.tabs.tabText(console.tabs.indexOf(editor)) == "通知设置"
    assert editor.rules.horizontalHeaderItem(4).text() == "升级等待（分钟）"


def test_editors_add_a_recipient_a_rule_and_a_rota_entry(qtbot: QtBot, console: MainWindow, outage: Outage) -> None:
    from egovops.notify.repo import NotifyRepository

    page = screen(console).open_settings()
    qtbot.waitUntil(lambda: console.session.operator is not None, timeout=WAIT_MS)
    page.r_name.setText("zhang")
    page.r_addresses.setText("mail=zhang@ah.gov.cn; sms=13800000001")
    page.r_quiet.setText("22:00-07:00")
    page.r_save.click()
    qtbot.waitUntil(lambda: page.recipients.rowCount() == 1 and page.o_recipient.count() == 1, timeout=WAIT_MS)
    page.u_name.setText("city")
    page.u_levels.setText("oncall | oncall:2, zhang")
    page.u_severities.setText("critical")
    page.u_after.setValue(10)
    page.u_save.click()
    qtbot.waitUntil(lambda: page.rules.rowCount() == 1, timeout=WAIT_MS)
    page.o_site.setText("安徽省/合肥市")
    page.o_add.click()
    qtbot.waitUntil(lambda: page.rota.rowCount() == 1, timeout=WAIT_MS)
    repo = NotifyRepository(outage.database)
    assert repo.recipients()[0].addresses == {"mail": "zhang@ah.gov.cn", "sms": "13800000001"}
    [rule] = repo.rules()
    assert rule.levels == (("oncall",), ("oncall:2", "zhang")) and rule.escalate_after_s == 600
    assert [(e.site, e.level, e.recipient, e.ends_at) for e in repo.rota()] == [("安徽省/合肥市", 1, "zhang", None)]
    page.rota.selectRow(0)
    page.o_end.click()
    qtbot.waitUntil(lambda: page.rota.item(0, 5) is not None and page.rota.item(0, 5).text() != "", timeout=WAIT_MS)
    # The table refreshes on the store's change notice, which can come before the task's own "ended"
    # message: wait for that too, or it may land after the next message and replace it.
    qtbot.waitUntil(lambda: page.status.text() == "Rota entry ended.", timeout=WAIT_MS)
    page.u_name.setText("broken")
    page.u_levels.setText("")
    page.u_save.click()
    qtbot.waitUntil(lambda: "at least one level" in page.status.text(), timeout=WAIT_MS)
    assert len(repo.rules()) == 1


def test_an_uncertain_message_is_sent_again_only_when_the_operator_says(
        qtbot: QtBot, console: MainWindow, outage: Outage, smtp_server: SmtpSink) -> None:
    config = NotifyConfig(outage.database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp_server.settings()), {"password": PASSWORD})
    key = config.queue_test(ENGINEER, "mail", "zhang@ah.gov.cn")
    repo = NotifyRepository(outage.database)
    row = repo.by_key(key)
    # A sender that reached the commit point and was never heard of again (its process died).
    assert row is not None and repo.claim(row, "gone", time.time() - 600) and repo.committing(row.id, "gone")
    Sender(outage.database, "collector-b").run_once(time.time())
    page = screen(console).open()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
    assert cells(page, 0)[5] == "uncertain" and "gone" in cells(page, 0)[9]
    assert not page.resend_button.isEnabled()  # nothing chosen yet
    qtbot.waitUntil(lambda: console.session.operator is not None, timeout=WAIT_MS)
    page.table.selectRow(0)
    assert page.resend_button.isEnabled()
    page.resend_button.click()
    qtbot.waitUntil(lambda: page.result.text().startswith("Queued again"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and cells(page, 0)[5] == "pending", timeout=WAIT_MS)
    page.table.selectRow(0)
    assert not page.resend_button.isEnabled()  # pending: not uncertain any more
    assert Sender(outage.database, "collector-b").run_once(time.time()) == 1
    [mail] = smtp_server.wait_for(1)
    assert mail["Message-ID"] == f"<{key}@egovops>"
    assert "notify.resend" in [r.action for r in AuditRepository(outage.database).rows()]
