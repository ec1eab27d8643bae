"""The console's one change signal: screens refresh on the notices that concern them, and only those.

The console's periodic source is set to a minute here (tests.ui.console), so anything shown within
a test's wait came through a change notice, not a timer.
"""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from egovops.accounts import Operator, Role
from egovops.duty import DutyService
from egovops.storage.changes import Changes
from egovops.storage.database import open_database
from egovops.storage.watch import StoreWatcher
from egovops_ui.duty_log.page import DutyLogPage
from egovops_ui.main_window import MainWindow
from tests.fixtures.outage import CITY
from tests.ui.console import WAIT_MS
from tests.ui.test_duty_log import duty_screen, loaded
from tests.ui.test_inventory_edit import NEW, open_add_dialog, ready, save

QUIET_MS = 400  # how long a screen is watched for a refresh that must not come
NIGHT = Operator("zhao.lei", Role.ENGINEER, "local")


def test_notices_arriving_together_are_one_signal_on_the_gui_thread(qtbot: QtBot, console: MainWindow) -> None:
    feed, emitted = console.session.database.changes, []
    console.session.changed.connect(lambda changes: emitted.append((changes, threading.current_thread())))
    feed.publish(Changes.DUTY)
    feed.publish(Changes.CONFIGS)
    qtbot.waitUntil(lambda: bool(emitted), timeout=WAIT_MS)
    worker = threading.Thread(target=feed.publish, args=(Changes.SETTINGS,))  # a write on a worker thread
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(emitted) == 2, timeout=WAIT_MS)
    qtbot.wait(50)
    assert emitted == [(Changes.DUTY | Changes.CONFIGS, threading.main_thread()),
                       (Changes.SETTINGS, threading.main_thread())]


def test_the_overview_reloads_on_states_and_not_on_a_duty_note(qtbot: QtBot, console: MainWindow) -> None:
    session = console.session
    with qtbot.assertNotEmitted(session.overviewChanged, wait=QUIET_MS):
        session.database.changes.publish(Changes.DUTY | Changes.SETTINGS)
    with qtbot.waitSignal(session.overviewChanged, timeout=WAIT_MS):
        session.database.changes.publish(Changes.STATES)


def test_the_duty_log_shows_a_note_on_its_notice_and_not_on_an_unrelated_one(qtbot: QtBot, console: MainWindow) -> None:
    page = loaded(qtbot, console)
    DutyService(console.session.database).start(NIGHT)
    qtbot.waitUntil(lambda: page.view.current is not None and page.view.current.operator == NIGHT.label(),
                    timeout=WAIT_MS)
    watcher = next(s for s in console.session.sources if isinstance(s, StoreWatcher))
    watcher.stop()  # deaf to other processes for a moment: only the notices below may reload the page
    # Another process's note: written through its own store handle.
    elsewhere = open_database(console.session.database.engine.url.database)
    try:
        DutyService(elsewhere).note(NIGHT, "外网防火墙策略已回滚")
    finally:
        elsewhere.close()
    console.session.database.changes.publish(Changes.SETTINGS | Changes.CONFIGS)
    qtbot.wait(QUIET_MS)
    assert [n.text for n in page.view.notes] == []  # not reloaded for a notice that does not concern it
    console.session.database.changes.publish(Changes.DUTY)  # what the store watcher publishes for that write
    qtbot.waitUntil(lambda: [n.text for n in page.view.notes] == ["外网防火墙策略已回滚"], timeout=WAIT_MS)


def test_another_desks_note_appears_through_the_store_watcher(qtbot: QtBot, console: MainWindow) -> None:
    page = loaded(qtbot, console)
    elsewhere = open_database(console.session.database.engine.url.database)
    try:
        service = DutyService(elsewhere)
        service.start(NIGHT)
        service.note(NIGHT, "省中心：核心链路割接完成")
    finally:
        elsewhere.close()
    # Nothing is published by the test and the periodic tick is a minute away: only the watcher can.
    qtbot.waitUntil(lambda: [n.text for n in page.view.notes] == ["省中心：核心链路割接完成"], timeout=2000)


def test_the_duty_log_updates_without_polling(qtbot: QtBot, console: MainWindow) -> None:
    page = loaded(qtbot, console)
    service = DutyService(console.session.database)
    # Writes from worker threads of this console, where every screen's writes run.
    worker = threading.Thread(target=service.start, args=(NIGHT,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: page.view.current is not None, timeout=WAIT_MS)
    worker = threading.Thread(target=service.note, args=(NIGHT, "核心交换机巡检完成"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: [n.text for n in page.view.notes] == ["核心交换机巡检完成"], timeout=WAIT_MS)
    assert isinstance(console.tabs.currentWidget(), DutyLogPage)


def test_an_inventory_edit_reaches_the_map_through_the_notice(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    dialog = open_add_dialog(qtbot, screen)
    qtbot.keyClicks(dialog.name, NEW)
    qtbot.keyClicks(dialog.address, "127.31.9.9")
    dialog.network.setCurrentIndex(dialog.network.findData("extranet"))
    dialog.select_site(CITY)
    dialog.role.setCurrentIndex(dialog.role.findData("access"))
    dialog.vendor.setCurrentText("ruijie")
    dialog.level.setCurrentIndex(dialog.level.findData("3"))
    with qtbot.waitSignal(console.session.changed, timeout=WAIT_MS,
                          check_params_cb=lambda c: bool(c & Changes.INVENTORY)):
        save(qtbot, dialog)
    qtbot.waitUntil(lambda: console.map.overview is not None and NEW in console.map.overview.devices, timeout=WAIT_MS)
    console.map.set_network("extranet")
    assert console.map.focus_device(NEW)
    assert NEW in console.map.nodes


def test_a_closed_screen_is_not_called_by_later_notices(qtbot: QtBot, console: MainWindow) -> None:
    page = loaded(qtbot, console)
    console.tabs.tabCloseRequested.emit(console.tabs.indexOf(page))
    qtbot.waitUntil(lambda: duty_screen(console).page is None, timeout=WAIT_MS)
    with qtbot.waitSignal(console.session.changed, timeout=WAIT_MS):
        console.session.database.changes.publish(Changes.DUTY)  # would raise in a deleted page's slot
