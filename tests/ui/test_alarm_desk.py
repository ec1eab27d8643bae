"""The alarm desk over the real alarms table: root-cause folding, filters, sorting, acknowledge, jump to map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from egovops.audit.repo import AuditRepository
from egovops.storage.alarms_repo import AlarmRepository
from egovops_ui.main_window import MainWindow
from egovops_ui.states import SEVERITY_COLOURS
from tests.fixtures.outage import CITY, COUNTIES, DEGRADED, ROOT, Outage
from tests.ui.console import WAIT_MS, refreshed


def _devices(window: MainWindow) -> list[str]:
    return [a.device for a in window.alarms.visible_alarms()]


def test_symptoms_fold_under_their_root(console: MainWindow) -> None:
    desk = console.alarms
    assert sorted(_devices(console)) == sorted([ROOT, DEGRADED])
    root_row = _devices(console).index(ROOT)
    state = desk.proxy.index(root_row, 8).data()
    assert state == "open (+9 folded)"
    assert desk.proxy.index(root_row, 0).data(Qt.ItemDataRole.BackgroundRole) == SEVERITY_COLOURS["critical"]
    desk.fold.setChecked(False)
    shown = _devices(console)
    assert len(shown) == 11
    start = shown.index(ROOT)
    assert sorted(shown[start + 1 : start + 10]) == sorted(COUNTIES)  # directly under their root
    assert desk.proxy.index(start + 1, 1).data().startswith("    └ ")


def test_sorting_keeps_groups_together(console: MainWindow) -> None:
    desk = console.alarms
    desk.fold.setChecked(False)
    desk.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # severity: critical first
    assert _devices(console)[0] == ROOT and _devices(console)[-1] == DEGRADED
    desk.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = _devices(console)
    assert shown[0] == DEGRADED and shown[1] == ROOT and set(shown[2:]) == set(COUNTIES)
    desk.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # device name
    shown = _devices(console)
    assert shown.index(ROOT) < shown.index(COUNTIES[0])


def test_filters_by_severity_network_site_and_text(qtbot: QtBot, console: MainWindow) -> None:
    desk = console.alarms
    desk.severity.setCurrentIndex(desk.severity.findData("minor"))
    assert _devices(console) == [DEGRADED]
    desk.severity.setCurrentIndex(0)
    desk.network.setCurrentIndex(desk.network.findData("intranet"))
    assert _devices(console) == []
    desk.network.setCurrentIndex(0)
    console.sites.select(CITY)  # choosing a site in the tree narrows the desk to it
    assert _devices(console) == [ROOT]
    console.sites.select("安徽省")
    qtbot.keyClicks(desk.text, "cpu 93")
    assert _devices(console) == [DEGRADED]
    desk.text.clear()
    desk.fold.setChecked(False)
    qtbot.keyClicks(desk.text, COUNTIES[3])
    assert _devices(console) == [COUNTIES[3]]  # a symptom is still findable when unfolded


def test_acknowledge_records_operator_and_comment(qtbot: QtBot, console: MainWindow, outage: Outage) -> None:
    desk = console.alarms
    desk.view.selectRow(_devices(console).index(ROOT))
    with qtbot.waitSignal(console.session.acknowledged, timeout=WAIT_MS) as done:
        ids = desk.acknowledge_selected("合肥市汇聚交换机断电，已派人")
    assert sorted(ids) == sorted([outage.root_alarm, *outage.symptom_alarms])  # the folded symptoms go with it
    assert done.args == [10]
    qtbot.waitUntil(lambda: desk.proxy.index(_devices(console).index(ROOT), 8).data().startswith("acknowledged"), timeout=WAIT_MS)
    stored = AlarmRepository(outage.database).get(outage.root_alarm)
    assert stored.acked_by == console.session.operator.label()
    assert stored.ack_comment == "合肥市汇聚交换机断电，已派人"
    assert [r.action for r in AuditRepository(outage.database).rows()][-1] == "alarm.acknowledge"


def test_an_empty_comment_is_refused_with_a_message(qtbot: QtBot, console: MainWindow, outage: Outage) -> None:
    console.alarms.view.selectRow(0)
    with qtbot.waitSignal(console.session.failed, timeout=WAIT_MS) as failed:
        console.alarms.acknowledge_selected("")
    assert "comment" in failed.args[0]
    assert AlarmRepository(outage.database).get(outage.root_alarm).acked_by is None


def test_double_click_jumps_to_the_device_on_the_map(qtbot: QtBot, console: MainWindow) -> None:
    desk = console.alarms
    row = _devices(console).index(ROOT)
    rect = desk.view.visualRect(desk.proxy.index(row, 1))
    qtbot.mouseClick(desk.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(desk.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert console.map.scope == "安徽省" and console.map.nodes[ROOT].isSelected()


def test_a_new_critical_alarm_notifies_once_and_symptoms_never(qtbot: QtBot, console: MainWindow, status_writer) -> None:  # type: ignore[no-untyped-def]
    announced: list[list[int]] = []
    console.notifier.notified.connect(announced.append)
    refreshed(qtbot, console)
    assert announced == []  # what was open when the console started is not news
    fresh = status_writer.alarm("AQ-EXT-AGG-01", "device_down", "critical", "device does not answer")
    symptom = status_writer.alarm("AQ-C01-EXT-AS01", "device_down", "critical", "cut off")
    status_writer.fold(symptom, fresh)
    status_writer.alarm("BB-EXT-AGG-01", "cpu_high", "major", "CPU 95%")
    refreshed(qtbot, console)
    assert announced == [[fresh]]
    refreshed(qtbot, console)
    assert announced == [[fresh]]


def test_kinds_and_messages_follow_the_language(qtbot: QtBot, console: MainWindow, status_writer) -> None:  # type: ignore[no-untyped-def]
    status_writer.alarm("AQ-EXT-AGG-01", "device_down", "critical", "device does not answer (no response)")
    refreshed(qtbot, console)
    desk = console.alarms
    row = _devices(console).index("AQ-EXT-AGG-01")
    assert (desk.proxy.index(row, 3).data(), desk.proxy.index(row, 4).data()) == ("device down", "device does not answer (no response)")
    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: desk.proxy.index(row, 3).data() == "设备宕机", timeout=WAIT_MS)
    assert desk.proxy.index(row, 4).data() == "设备无应答（无应答）"
    assert desk.proxy.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "设备无应答（无应答）"
    desk.text.setText("宕机")  # the operator filters by what the desk shows
    assert _devices(console) == ["AQ-EXT-AGG-01"]


def _column(name: str) -> int:
    from egovops_ui.alarm_model import COLUMNS

    return COLUMNS.index(name)


def test_columns_fit_their_content_in_either_language(qtbot: QtBot, console: MainWindow) -> None:
    desk = console.alarms
    for language in ("en", "zh_CN"):
        console.switch_language(language)
        header = "Severity" if language == "en" else "级别"
        qtbot.waitUntil(lambda header=header: desk.model.headerData(0, Qt.Orientation.Horizontal) == header,
                        timeout=WAIT_MS)
        metrics = desk.view.fontMetrics()
        for name in ("site", "state", "kind", "device"):
            column = _column(name)
            widest = max(metrics.horizontalAdvance(desk.model.index(r, column).data())
                         for r in range(desk.model.rowCount()))
            assert desk.view.columnWidth(column) >= widest + 8, (language, name)  # "open (+9 folded)" is never cut
    console.switch_language("en")


def test_the_operators_widths_are_kept_across_refreshes_and_restarts(qtbot: QtBot, console: MainWindow) -> None:
    from egovops_ui.alarm_desk import AlarmDesk

    desk = console.alarms
    desk.view.horizontalHeader().resizeSection(_column("message"), 333)
    refreshed(qtbot, console)
    assert desk.view.columnWidth(_column("message")) == 333
    again = AlarmDesk(console)  # the next start: the same settings
    again.set_alarms(desk.model.rows)
    assert again.view.columnWidth(_column("message")) == 333
    assert again.view.columnWidth(_column("state")) == desk.view.columnWidth(_column("state"))  # not resized: fitted
    again.reset_widths()
    assert again.view.columnWidth(_column("message")) != 333


def test_open_alarms_first_and_who_acknowledged(qtbot: QtBot, console: MainWindow, status_writer) -> None:  # type: ignore[no-untyped-def]
    desk = console.alarms
    import time

    status_writer.alarm("AQ-EXT-AGG-01", "device_down", "critical", "device does not answer")
    AlarmRepository(status_writer.database).reconcile({"AQ-EXT-AGG-01": []}, time.time(), kinds=["device_down"])
    refreshed(qtbot, console)
    assert _devices(console)[-1] == "AQ-EXT-AGG-01"  # a cleared critical sorts below an open minor
    assert _devices(console)[:2] == [ROOT, DEGRADED]
    desk.view.selectRow(_devices(console).index(ROOT))
    with qtbot.waitSignal(console.session.acknowledged, timeout=WAIT_MS):
        desk.acknowledge_selected("on it")
    qtbot.waitUntil(lambda: _devices(console)[:2] == [DEGRADED, ROOT], timeout=WAIT_MS)  # open before acknowledged
    row = _devices(console).index(ROOT)
    assert desk.proxy.headerData(_column("acked_by"), Qt.Orientation.Horizontal) == "Acknowledged by"
    assert desk.proxy.index(row, _column("acked_by")).data() == console.session.operator.label()
    assert desk.proxy.index(_devices(console).index(DEGRADED), _column("acked_by")).data() == ""


def test_a_new_critical_alarm_sounds_unless_muted(qtbot: QtBot, console: MainWindow, status_writer) -> None:  # type: ignore[no-untyped-def]
    assert console.sound_action.isChecked() and not console.alarms.mute.isChecked()  # on by default
    status_writer.alarm("AQ-EXT-AGG-01", "device_down", "critical", "device does not answer")
    refreshed(qtbot, console)
    assert console.notifier.rang == 1
    console.alarms.mute.click()
    assert not console.sound_action.isChecked() and not console.notifier.sound
    status_writer.alarm("BB-EXT-AGG-01", "device_down", "critical", "device does not answer")
    refreshed(qtbot, console)
    assert console.notifier.rang == 1


def test_the_alarm_sound_is_a_real_short_wav(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import wave

    from egovops_ui.notifier import alarm_wav

    with wave.open(str(alarm_wav(tmp_path))) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2 and 0.5 < seconds < 2
        assert max(abs(v) for v in memoryview(sound.readframes(sound.getnframes())).cast("h")) > 10_000  # audible


def test_the_acknowledge_dialog_has_room_for_a_comment(qtbot: QtBot, console: MainWindow) -> None:
    desk = console.alarms
    desk.view.selectRow(0)
    desk.ack.click()
    dialog = desk.ack_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.width() >= 500 and dialog.height() >= 220
    dialog.reject()


def test_the_desk_takes_a_good_part_of_the_window_at_first_start(console: MainWindow) -> None:
    assert console.alarm_dock.height() >= console.height() * 0.3


def test_the_desk_can_take_most_of_the_window(qtbot: QtBot, console: MainWindow) -> None:
    console.resize(1500, 950)
    qtbot.waitUntil(lambda: console.height() == 950, timeout=WAIT_MS)
    console.resizeDocks([console.alarm_dock], [900], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: console.alarm_dock.height() >= console.height() * 0.7, timeout=WAIT_MS)  # the map gives way
