"""The duty log tab on the real console: handover shown at start, shifts and notes, export, roles, Chinese."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from egovops.accounts import Operator, Role
from egovops.duty import DutyService
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.audit.repo import AuditRepository
from egovops_ui.duty_log.page import DutyLogPage
from egovops_ui.main_window import MainWindow
from tests.fixtures.outage import ROOT
from tests.ui.console import WAIT_MS, open_console

NIGHT = Operator("zhao.lei", Role.ENGINEER, "local")


def duty_screen(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.screens if type(s).__name__ == "DutyLogScreen")


def loaded(qtbot: QtBot, window: MainWindow) -> DutyLogPage:
    """The duty log tab, once it shows the desk for the session's operator."""
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    page = duty_screen(window).open()
    qtbot.waitUntil(lambda: page.view is not None and page.view.operator == window.session.operator, timeout=WAIT_MS)
    return page


def after(qtbot: QtBot, page: DutyLogPage, action, shown) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` and wait until the page shows what ``shown(view)`` expects."""
    action()
    qtbot.waitUntil(lambda: page.view is not None and shown(page.view), timeout=WAIT_MS)


def test_the_previous_shift_is_handed_over_when_the_console_starts(qtbot: QtBot, outage) -> None:  # type: ignore[no-untyped-def]
    duty = DutyService(outage.database)
    shift = duty.start(NIGHT, at=time.time() - 8 * 3600)  # the outage's alarms were raised during it
    duty.note(NIGHT, "合肥外网汇聚交换机宕机，已通知电信")
    duty.end(NIGHT)

    window = open_console(qtbot, outage.database)
    try:
        qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), DutyLogPage), timeout=WAIT_MS)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT_MS)
        assert page.view.summary.shift.id == shift.id
        shown = page.summary_view.toPlainText()
        assert "合肥外网汇聚交换机宕机，已通知电信" in shown and ROOT in shown and "Critical alarms still open at handover (1)" in shown
        assert window.tabs.tabText(window.tabs.currentIndex()) == "Duty log"
        assert "shift 1 by local:zhao.lei" in window.status.currentMessage()
        # The engineer starting the console is not on duty yet: they start, not take over or end.
        assert page.start_button.isEnabled() and not page.end_button.isEnabled() and not page.take_over_button.isEnabled()
    finally:
        window.session.stop()


def test_start_note_and_end_from_the_tab(qtbot: QtBot, console: MainWindow, tmp_path: Path) -> None:
    assert not any(isinstance(console.tabs.widget(i), DutyLogPage) for i in range(console.tabs.count()))  # no shift yet
    page = loaded(qtbot, console)
    assert "nothing to hand over" in page.summary_view.toPlainText() and not page.add_note_button.isEnabled()
    me = console.session.operator.label()
    after(qtbot, page, page.start_button.click, lambda view: view.current is not None)
    assert page.view.current.operator == me and f"On duty: {me}" in page.status.text()
    page.note_edit.setPlainText("芜湖-马鞍山外网链路 22:00 割接，已完成")
    after(qtbot, page, page.add_note_button.click, lambda view: len(view.notes) == 1)
    assert page.notes.rowCount() == 1 and page.notes.item(0, 2).text() == "芜湖-马鞍山外网链路 22:00 割接，已完成"
    assert page.note_edit.toPlainText() == ""
    page.note_edit.setPlainText("   ")
    page.note_edit.setFocus()
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "needs some text" in page.message.text(), timeout=WAIT_MS)

    # A poll cycle's new alarm reaches the open shift's summary with the console's next refresh.
    AlarmRepository(console.session.database).reconcile({"AQ-EXT-AGG-01": [AlarmCondition("link-down", "major", "上联口中断", "GE0/0/1")]}, time.time())
    console.session.refresh()
    qtbot.waitUntil(lambda: "AQ-EXT-AGG-01 GE0/0/1" in page.summary_view.toPlainText(), timeout=WAIT_MS)

    # Acknowledging from the alarm desk shows up in the shift's summary.
    console.session.acknowledge([console.session.overview.alarms[0].id], "已派单")
    qtbot.waitUntil(lambda: "已派单" in page.summary_view.toPlainText(), timeout=WAIT_MS)
    page._pick(page.shift_picker.findData(page.view.current.id))
    qtbot.waitUntil(lambda: "芜湖-马鞍山外网链路" in page.summary_view.toPlainText(), timeout=WAIT_MS)

    after(qtbot, page, page.end_button.click, lambda view: view.current is None)
    assert page.view.current is None and "Nobody is on duty" in page.status.text()
    def duty_actions() -> list[str]:
        return [r.action for r in AuditRepository(console.session.database).rows() if r.action.startswith("duty.")]
    # The shift's end is committed (and the page told) just before the service appends its audit row.
    qtbot.waitUntil(lambda: len(duty_actions()) >= 2, timeout=WAIT_MS)
    assert duty_actions() == ["duty.start", "duty.end"]

    target = tmp_path / "交接.csv"
    page.export_to(target)
    qtbot.waitUntil(lambda: "exported" in page.message.text(), timeout=WAIT_MS)
    assert "芜湖-马鞍山外网链路 22:00 割接，已完成" in target.read_text("utf-8-sig")


def test_an_operator_may_take_over_but_not_end_anothers_shift(qtbot: QtBot, console: MainWindow) -> None:
    DutyService(console.session.database).start(NIGHT)
    qtbot.waitUntil(lambda: console.session.operator is not None, timeout=WAIT_MS)
    console.session.operator = Operator("sun.li", Role.OPERATOR, "local")
    page = loaded(qtbot, console)
    assert not page.start_button.isEnabled() and not page.end_button.isEnabled() and page.take_over_button.isEnabled()
    assert "On duty: local:zhao.lei (engineer)" in page.status.text()
    # The core refuses too, whatever the buttons say.
    page._act(page.service.end)
    qtbot.waitUntil(lambda: "may not end the shift of local:zhao.lei" in page.message.text(), timeout=WAIT_MS)
    after(qtbot, page, page.take_over_button.click, lambda view: view.current.operator == "local:sun.li")
    assert page.view.current.operator == "local:sun.li" and page.end_button.isEnabled()


def test_the_duty_log_in_chinese(qtbot: QtBot, outage) -> None:  # type: ignore[no-untyped-def]
    duty = DutyService(outage.database)
    duty.start(NIGHT, at=time.time() - 3600)
    # As the poller writes it: kind code and English message; the summary shows both in Chinese.
    AlarmRepository(outage.database).reconcile({"AQ-EXT-AGG-01": [AlarmCondition("cpu_high", "minor", "CPU 93% over 85%")]}, time.time() - 60)
    duty.end(NIGHT)
    window = open_console(qtbot, outage.database, language="zh_CN")
    try:
        qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), DutyLogPage), timeout=WAIT_MS)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT_MS)
        assert window.tabs.tabText(window.tabs.currentIndex()) == "值班日志"
        shown = page.summary_view.toPlainText()
        assert page.start_button.text() == "开始我的值班" and "交接时仍未消除的紧急告警" in shown
        assert "CPU 过高" in shown and "CPU 93%，超过 85%" in shown and "次要" in shown
    finally:
        window.session.stop()
        window.switcher.apply("en")
