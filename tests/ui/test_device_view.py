"""The device view on a store a poller filled, with a real sshd answering as the device.

The engineer's path of the acceptance list, through the widgets: an alarm on the desk → "Open
device" → the interface at fault is marked → a read-only command runs over SSH (host key asked,
answer shown, audited), and a configuration command is refused for the operator role.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.configs.store import ConfigStore
from egovops.audit.repo import AuditRepository
from egovops_ui.device_view.interfaces_model import COLUMNS, FAULT_COLOURS
from egovops_ui.device_view.view import DeviceView
from egovops_ui.main_window import MainWindow
from tests.fixtures.device_view import DeviceSsh, History
from tests.fixtures.outage import DEGRADED, ROOT
from tests.ui.console import WAIT_MS

OPERATOR = Operator("zhang.wei", Role.OPERATOR, "local")


def _as_operator(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    window.session.operator = OPERATOR


class _WhenShown:
    """Act on a popup or dialog once it is up. It runs its own event loop (menu.exec, getItem), so
    a timer keeps looking until it appears; if it never does, whatever is up is closed so the test
    fails on its assertion instead of hanging in that loop until the suite's timeout."""

    def __init__(self, find, act, timeout_ms: int = WAIT_MS) -> None:  # type: ignore[no-untyped-def]
        self.find, self.act, self.shown = find, act, False
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.start(timeout_ms)
        self.timer = QTimer()
        self.timer.timeout.connect(self._look)
        self.timer.start(50)

    def _look(self) -> None:
        widget = self.find()
        if widget is not None:
            self.timer.stop()
            self.shown = True
            self.act(widget)
        elif not self.deadline.isActive():
            self.timer.stop()
            for stuck in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
                if stuck is not None:
                    stuck.close()


def _open_from_alarm_menu(qtbot: QtBot, window: MainWindow, device: str, kind: str) -> DeviceView:
    desk = window.alarms
    row = next(r for r, a in enumerate(desk.visible_alarms()) if a.device == device and a.kind == kind)
    index = desk.proxy.index(row, 1)

    def choose_open(menu: QMenu) -> None:
        next(a for a in menu.actions() if a.text() == "Open device").trigger()
        menu.close()

    menu = _WhenShown(lambda: m if isinstance(m := QApplication.activePopupWidget(), QMenu) else None, choose_open)
    desk.view.customContextMenuRequested.emit(desk.view.visualRect(index).center())
    assert menu.shown
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), DeviceView), timeout=WAIT_MS)
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    return view


def _answer_host_key(qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=WAIT_MS * 3)
    box = QApplication.activeModalWidget()
    shown = box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    return shown


def _send(qtbot: QtBot, view: DeviceView, command: str) -> bool:
    panel = view.commands
    panel.command.setText(command)
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS * 4) as finished:
        qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    return bool(finished.args[0])


def test_alarm_to_device_view_to_fault_to_read_only_command(qtbot: QtBot, device_ssh: DeviceSsh, device_history: History, console: MainWindow) -> None:
    _as_operator(qtbot, console)
    view = _open_from_alarm_menu(qtbot, console, DEGRADED, "interface-down")
    assert console.tabs.tabText(console.tabs.currentIndex()) == DEGRADED
    assert view.summary.values["credential_profile"].text() == "demo-snmp"
    assert view.summary.values["owner_unit"].text() == "芜湖市数据资源局"

    panel = view.interfaces
    assert len(panel.visible_rows()) == 8
    model = panel.model
    down_row = next(r for r, i in enumerate(model.rows) if i.name == device_history.down_port)
    assert model.index(down_row, 0).data(Qt.ItemDataRole.BackgroundRole) == FAULT_COLOURS["down"]
    assert model.index(down_row, COLUMNS.index("fault")).data() == "down while admin up"
    assert model.index(down_row, COLUMNS.index("neighbour")).data().startswith("WH-C02-EXT-AS01")
    assert panel.view.currentIndex().data() == device_history.down_port  # the first fault is made current
    assert panel.view.selectionModel().selectedRows() == []  # not selected: its tint stays visible
    panel.faults_only.setChecked(True)
    assert [r.name for r in panel.visible_rows()] == [device_history.down_port, device_history.error_port]

    view.tabs.setCurrentWidget(view.commands)
    qtbot.waitUntil(lambda: view.commands.profile.currentText() == device_ssh.profile, timeout=WAIT_MS)
    assert "read-only" in view.commands.hint.text() and "show, traceroute" in view.commands.hint.text()  # Cisco verbs
    view.commands.command.setText("show ip interface brief")
    with qtbot.waitSignal(view.commands.finished, timeout=WAIT_MS * 4) as finished:
        qtbot.mouseClick(view.commands.send, Qt.MouseButton.LeftButton)
        shown = _answer_host_key(qtbot)
    assert finished.args == [True] and "SHA256:" in shown
    assert device_history.down_port in view.commands.text()
    audited = [r for r in AuditRepository(console.session.database).rows() if r.action == "device.ssh-command"]
    assert [(r.actor, r.subject, r.details_dict()["command"]) for r in audited] == [("local:zhang.wei", DEGRADED, "show ip interface brief")]

    assert _send(qtbot, view, "configure terminal") is False
    assert "may not" in view.commands.text() and "engineer" in view.commands.text()
    assert "configure terminal" not in device_ssh.lab.server_of(DEGRADED).command_log(DEGRADED)


def test_charts_load_on_a_worker_and_switch_windows(qtbot: QtBot, device_history: History, console: MainWindow) -> None:
    view = console.screens[0].open(DEGRADED)
    charts = view.charts
    qtbot.waitUntil(lambda: charts.data is not None and not charts.loading, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: charts.interface.currentText() == device_history.down_port, timeout=WAIT_MS)  # the fault first
    cpu, mem = charts.health_axes.get_lines()
    assert 12 <= len(cpu.get_xdata()) <= 13 and cpu.get_ydata()[-1] == 93.0  # the oldest may have just left the hour
    with qtbot.waitSignal(charts.drawn, timeout=WAIT_MS) as drawn:
        charts.period.setCurrentIndex(charts.period.findData("7d"))
    assert drawn.args == ["7d"] and 160 <= len(charts.health_axes.get_lines()[0].get_xdata()) <= 170
    with qtbot.waitSignal(charts.drawn, timeout=WAIT_MS):
        charts.period.setCurrentIndex(charts.period.findData("1h"))
    charts.select_interface(device_history.down_port)
    traffic_in = charts.traffic_axes.get_lines()[0]
    assert traffic_in.get_ydata()[-1] == 0.0
    assert device_history.down_port in charts.traffic_axes.get_title(loc="left")


def test_history_configurations_and_procedure_hand_off(qtbot: QtBot, device_history: History, console: MainWindow) -> None:
    store = ConfigStore(console.session.database)
    store.save(DEGRADED, "hostname WH-EXT-AGG-01\nsnmp-server community Secret123 RO\n!\n", run_id="r1", command="show run")
    store.save(DEGRADED, "hostname WH-EXT-AGG-01\nntp server 10.0.0.1\n!\n", run_id="r2", command="show run")
    view = console.screens[0].open(DEGRADED)
    qtbot.waitUntil(lambda: view.detail is not None and len(view.configs.versions) == 2, timeout=WAIT_MS)
    history = view.history
    assert history.transitions.rowCount() >= 1 and history.transitions.item(0, 2).text() == "degraded"
    assert {history.alarms.item(r, 4).text() for r in range(history.alarms.rowCount())} >= {"CPU 93 % for 5 minutes"}
    with qtbot.waitSignal(view.configs.diffShown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(view.configs.compare, Qt.MouseButton.LeftButton)
    diff = shown.args[0]
    assert "+ntp server 10.0.0.1" in diff and "Secret123" not in diff  # stored masked
    assert "1b6e2e" in view.configs.diff.toHtml()  # added lines in green
    with qtbot.waitSignal(console.procedureRequested, timeout=WAIT_MS) as asked:
        view.procedure_on_device.trigger()  # the "Run a procedure…" button's first choice
    assert asked.args == [[DEGRADED]]


def test_poll_now_and_ping_report_what_happened_and_are_audited(qtbot: QtBot, console: MainWindow) -> None:
    _as_operator(qtbot, console)
    console.deviceOpenRequested.emit(ROOT)  # as the map's double-click does
    view = console.tabs.currentWidget()
    assert isinstance(view, DeviceView) and view.name == ROOT
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(view.actionDone, timeout=WAIT_MS * 3) as done:
        qtbot.mouseClick(view.ping_button, Qt.MouseButton.LeftButton)
    assert f"{ROOT} did not answer" in done.args[0] and "demo-snmp" in done.args[0]  # the keyring holds no such profile here
    with qtbot.waitSignal(view.actionDone, timeout=WAIT_MS * 3) as done:
        qtbot.mouseClick(view.poll_button, Qt.MouseButton.LeftButton)
    assert done.args[0].startswith("Polled just now") and "demo-snmp" in done.args[0]
    # The outcome follows a switch of language, like every other text of the view.
    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: view.status.text().startswith("刚刚轮询"), timeout=5000)
    console.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: view.status.text().startswith("Polled just now"), timeout=5000)
    actions = [(r.action, r.subject, r.actor) for r in AuditRepository(console.session.database).rows()]
    assert ("device.ping", ROOT, "local:zhang.wei") in actions and ("poll.once", ROOT, "local:zhang.wei") in actions
    again = console.screens[0].open(ROOT)
    assert again is view and console.tabs.count() == 2  # one tab per device


def test_a_hung_device_ends_in_a_timeout_message(qtbot: QtBot, secret_service, hung_server, console: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from egovops.credentials.profiles import build_profile
    from egovops.credentials.service import CredentialService
    from egovops.device_detail import SshLimits
    from egovops.storage.inventory_repo import InventoryRepository

    db = console.session.database
    CredentialService(db).add(build_profile("hung-ssh", "ssh", {"user": "netadmin"}), {"password": "Unused-pass-4821"})
    inventory = InventoryRepository(db)
    inventory.save_devices([replace(inventory.device(ROOT), address="127.0.0.1", ssh_port=hung_server.port)])
    _as_operator(qtbot, console)
    view = console.screens[0].open(ROOT)
    qtbot.waitUntil(lambda: view.commands.profile.currentText() == "hung-ssh", timeout=WAIT_MS)
    view.commands.limits = SshLimits(connect_timeout=1.5)
    assert _send(qtbot, view, "show version") is False  # ZTE: show is its read-only verb
    assert "timed out after 1.5 s" in view.commands.text() and ROOT in view.commands.text()
    assert view.commands.send.isEnabled()  # ready for the next command


def test_open_device_search_city_hand_off_and_chinese(qtbot: QtBot, device_history: History, console: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    screen = console.screens[0]

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue(DEGRADED)
        dialog.accept()

    search = _WhenShown(lambda: d if isinstance(d := QApplication.activeModalWidget(), QInputDialog) else None, answer)
    screen.open_action.trigger()
    assert search.shown
    view = console.tabs.currentWidget()
    assert isinstance(view, DeviceView) and view.name == DEGRADED
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    assert view.procedure_on_city.text() == "On every device of 芜湖市"
    with qtbot.waitSignal(console.procedureRequested, timeout=WAIT_MS) as asked:
        view.procedure_on_city.trigger()
    names = asked.args[0]
    assert DEGRADED in names and "WH-C07-EXT-AS01" in names and not any(n.startswith("HF-") for n in names)
    # The runner screen took the hand-off: its tab counts exactly the city's devices before a run.
    runner = console.tabs.currentWidget()
    qtbot.waitUntil(lambda: getattr(runner, "preview", None) is not None and runner.preview.total == len(names), timeout=WAIT_MS)
    console.tabs.setCurrentWidget(view)

    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "接口", timeout=5000)
    model = view.interfaces.model
    assert model.headerData(COLUMNS.index("neighbour"), Qt.Orientation.Horizontal) == "LLDP 邻居"
    down_row = next(r for r, i in enumerate(model.rows) if i.name == device_history.down_port)
    assert model.index(down_row, COLUMNS.index("fault")).data() == "管理开启但链路中断"
    assert view.procedure_on_city.text() == "在芜湖市的所有设备上"
    assert view.summary.captions["owner_unit"].text() == "责任单位:"


def test_a_new_poll_of_the_device_updates_an_open_view(qtbot: QtBot, device_history: History, console: MainWindow) -> None:
    import time

    from egovops.polling.model import DeviceStatus
    from egovops.polling.repo import PollingRepository
    from tests.ui.console import refreshed

    view = console.screens[0].open(DEGRADED)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    assert view.detail.summary.state == "degraded"
    now = time.time() + 1
    PollingRepository(console.session.database).save_cycle(
        [DeviceStatus(DEGRADED, state="up", reachable=True, polled_at=now, cpu_percent=12.0, measured_health=True)], {DEGRADED: now})
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        refreshed(qtbot, console)  # what the console does after every cycle of its poller
    assert view.detail.summary.state == "up" and view.summary.values["health"].text().startswith("12 %")
    assert view.charts.data.series.cpu[-1] == 93.0  # behind its tab the chart waits…
    with qtbot.waitSignal(view.charts.drawn, timeout=WAIT_MS):
        view.tabs.setCurrentWidget(view.charts)  # …and reads the new sample when shown
    assert view.charts.data.series.cpu[-1] == 12.0


def test_closing_the_tab_while_it_loads_drops_the_late_results(qtbot: QtBot, device_history: History, console: MainWindow) -> None:
    from tests.ui.console import refreshed

    view = console.screens[0].open(DEGRADED)
    console.tabs.tabCloseRequested.emit(console.tabs.indexOf(view))  # before the worker has answered
    assert console.tabs.count() == 1
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the widget is really gone now
    assert not shiboken6.isValid(view)
    assert console.session.tasks.wait(WAIT_MS)
    qtbot.wait(200)  # the queued results arrive for a widget that is gone; pytest-qt fails on any exception
    refreshed(qtbot, console)  # and the overview's signal no longer reaches it
    again = console.screens[0].open(DEGRADED)
    assert again is not view
    qtbot.waitUntil(lambda: again.detail is not None, timeout=WAIT_MS)


def test_poll_now_reads_a_live_agent_into_the_view(qtbot: QtBot, secret_service, snmpd, console: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from egovops.credentials.profiles import build_profile
    from egovops.credentials.service import CredentialService
    from egovops.storage.inventory_repo import InventoryRepository

    db = console.session.database
    CredentialService(db).add(build_profile("lab-v2c", "snmp-v2c", {}), {"community": "public"})
    inventory = InventoryRepository(db)
    inventory.save_devices([replace(inventory.device(ROOT), address="127.0.0.1", snmp_port=snmpd.port, credential_profile="lab-v2c")])
    _as_operator(qtbot, console)
    view = console.screens[0].open(ROOT)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    assert view.detail.summary.state == "down" and view.detail.interfaces == []
    with qtbot.waitSignal(view.actionDone, timeout=WAIT_MS * 3):
        qtbot.mouseClick(view.poll_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("Polled just now")
    qtbot.waitUntil(lambda: view.detail.summary.state in ("up", "degraded"), timeout=WAIT_MS)
    # net-snmp's own interfaces, walked just now: the cycle stores its status part first and the
    # interfaces in its final part, and the view reloads after each, so wait for the second as well
    qtbot.waitUntil(lambda: "lo" in [r.name for r in view.interfaces.visible_rows()], timeout=WAIT_MS)
    assert view.summary.values["credential_profile"].text() == "lab-v2c"
