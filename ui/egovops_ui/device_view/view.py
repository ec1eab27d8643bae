"""One device's tab: summary on top, actions beside it, and tabs for interfaces, charts, history,
commands and configurations. Everything it shows is loaded by the core on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTabWidget, QVBoxLayout, QWidget

from egovops.device_detail.actions import DeviceActions, PingResult
from egovops.device_detail.detail import DeviceDetail, load_detail
from egovops.device_detail.scope import city_of, devices_of_city
from egovops.overview.alarm_text import localized_detail
from egovops.storage.changes import Changes
from egovops_ui.device_view.charts_panel import ChartsPanel
from egovops_ui.device_view.command_panel import CommandPanel
from egovops_ui.device_view.config_panel import ConfigPanel
from egovops_ui.device_view.events_panel import DeviceEventsPanel
from egovops_ui.device_view.history_panel import HistoryPanel
from egovops_ui.device_view.interfaces_panel import InterfacesPanel
from egovops_ui.device_view.summary_panel import SummaryPanel
from egovops_ui.host_key_prompt import HostKeyPrompt
from egovops_ui.states import state_label

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


def _ssh_context(actions: DeviceActions, name: str) -> tuple[list[str], str | None]:
    return actions.ssh_profiles(), actions.default_ssh_profile(name)


class DeviceView(QWidget):
    loaded = Signal()  # the detail was (re)loaded and shown
    actionDone = Signal(str)  # the message of a finished poll or ping

    def __init__(self, window: "MainWindow", name: str, prompt: HostKeyPrompt) -> None:
        super().__init__(window)
        self.setObjectName(f"deviceView:{name}")
        self.window_, self.name = window, name
        session = window.session
        self.database, run = session.database, self._run_guarded
        self.summary = SummaryPanel(self)
        self.refresh_button, self.poll_button = QPushButton(self), QPushButton(self)
        self.ping_button, self.procedure_button = QPushButton(self), QPushButton(self)
        self.status = QLabel(self)
        self._said: Callable[[], str] | None = None  # how the last outcome shown is worded (see _say)
        self.status.setObjectName("deviceStatus")
        self.status.setWordWrap(True)
        self.interfaces = InterfacesPanel(self)
        self.charts = ChartsPanel(run, self.database, name, self)
        self.history = HistoryPanel(self)
        self.commands = CommandPanel(run, self.actions, name, prompt, self)
        self.configs = ConfigPanel(run, self.database, name, self)
        self.events = DeviceEventsPanel(session, name, self.open_events_tab, self)
        self.tabs = QTabWidget(self)
        for panel in (self.interfaces, self.charts, self.history, self.commands, self.configs, self.events):
            self.tabs.addTab(panel, "")
        buttons = QVBoxLayout()
        for button in (self.refresh_button, self.poll_button, self.ping_button, self.procedure_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.poll_button.clicked.connect(self.poll_now)
        self.ping_button.clicked.connect(self.ping)
        self.procedure_menu = QMenu(self)
        self.procedure_on_device = self.procedure_menu.addAction("", lambda: window.procedureRequested.emit([name]))
        self.procedure_on_city = self.procedure_menu.addAction("", self.run_procedure_on_city)
        self.procedure_button.setMenu(self.procedure_menu)
        self.detail: DeviceDetail | None = None
        self._seen_poll: float | None = None
        self._charts_stale = False
        self.tabs.currentChanged.connect(self._charts_if_shown)
        session.overviewChanged.connect(self._overview_changed)  # the picture says when this device was polled
        session.changed.connect(self._store_changed)
        self.retranslate()
        self.reload()
        self.charts.reload()

    # -- the core, for this operator ----------------------------------------------------------------
    def actions(self) -> DeviceActions | None:
        operator = self.window_.session.operator
        return None if operator is None else DeviceActions(self.database, operator)

    def _run(self, fn, *args, on_done, on_error=None, long=False) -> None:  # type: ignore[no-untyped-def]
        self._run_guarded(fn, *args, on_done=on_done, on_error=on_error or self._failed, long=long)

    def _run_guarded(self, fn, *args, on_done=None, on_error=None, long=False) -> None:  # type: ignore[no-untyped-def]
        """session.tasks.run owned by this tab (a result arriving after it was closed is dropped);
        ``long`` for work on the device itself (SSH, polls, pings), on the pool of its own."""
        start = self.window_.session.tasks.run_long if long else self.window_.session.tasks.run
        start(fn, *args, owner=self, on_done=on_done, on_error=on_error)

    # -- loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._run(load_detail, self.database, self.name, on_done=self._show)
        actions = self.actions()
        if actions is not None:
            self._run(_ssh_context, actions, self.name, on_done=self._ssh_ready)

    def _show(self, detail: DeviceDetail) -> None:
        # Whatever brought this load (a cycle, an edit, Reload), a newer poll means newer samples.
        newer_poll = self.detail is not None and detail.summary.last_poll != self._seen_poll
        self.detail = detail
        self._seen_poll = detail.summary.last_poll
        self.summary.show_summary(detail.summary)
        self.interfaces.set_rows(detail.interfaces)
        first_fault = next((row.name for row in detail.interfaces if row.fault), "")
        if first_fault and not self.charts.preferred:
            self.charts.prefer(first_fault)  # the traffic chart opens on the port at fault
        self.history.show_history(detail.transitions, detail.alarms)
        self.configs.set_versions(detail.configs)
        self.commands.set_vendor(detail.vendor)
        self._city_text()
        if newer_poll:
            self._charts_stale = True
            self._charts_if_shown()
        self.loaded.emit()

    def _overview_changed(self, overview: object) -> None:
        """A poll cycle that read this device brings the view up to date; other cycles cost nothing."""
        health = getattr(overview, "health", {}).get(self.name)
        polled = health.last_poll if health is not None else None
        if polled is not None and self.detail is not None and polled != self._seen_poll:
            self.reload()  # _show marks the charts stale when the poll it brings is newer

    def _store_changed(self, changes: Changes) -> None:
        """Its record edited or a configuration saved, here or elsewhere: shown at once. Events
        stored: the configuration changes it reported are read again (its events tab follows
        the store by itself, like the Events tab)."""
        if changes & (Changes.INVENTORY | Changes.CONFIGS):
            self.reload()
        if changes & Changes.EVENTS:
            self.configs.reload_changes()

    def open_events_tab(self, device: str) -> None:
        """The Events tab, filtered to this device (the Tools menu's tab, not a second one)."""
        from egovops_ui.events_page import EventsScreen

        screen = next((s for s in getattr(self.window_, "screens", []) if isinstance(s, EventsScreen)), None)
        if screen is not None:
            screen.open(device)

    def _charts_if_shown(self, *_: object) -> None:
        """New samples are read when the charts are looked at, not for every cycle behind a tab."""
        if self._charts_stale and self.tabs.currentWidget() is self.charts and not self.charts.loading:
            self._charts_stale = False
            self.charts.reload()

    def _ssh_ready(self, context: tuple[list[str], str | None]) -> None:
        operator = self.window_.session.operator
        self.commands.set_context(context[0], context[1], operator.role if operator else None)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(lambda: self.tr("{device}: {error}").format(device=self.name, error=exc))

    def _say(self, message: Callable[[], str]) -> None:
        """Show the outcome of an action. It is kept as the way to word it, not as words: after a
        switch of language, retranslate() words it again in the new one."""
        self._said = message
        text = message()
        self.status.setText(text)
        self.actionDone.emit(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.poll_button, self.ping_button):
            button.setEnabled(not busy)

    # -- actions ------------------------------------------------------------------------------------
    def poll_now(self) -> None:
        actions = self.actions()
        if actions is None:
            self._say(lambda: self.tr("The operator is not known yet; try again in a moment."))
            return
        self._busy(True)
        self.status.setText(self.tr("Polling {device}…").format(device=self.name))
        self._run(actions.poll_now, self.name, on_done=self._polled, long=True)

    def _polled(self, status: object) -> None:
        self._busy(False)
        state = getattr(status, "state", "unknown")
        error = getattr(status, "error", None)
        self._say(lambda: self.tr("Polled just now: {state}").format(state=state_label(state))
                  + (f" — {localized_detail(error)}" if error else ""))
        self.reload()
        self.charts.reload()  # the map and the alarm desk hear of the new state from the store's change notice

    def ping(self) -> None:
        actions = self.actions()
        if actions is None:
            self._say(lambda: self.tr("The operator is not known yet; try again in a moment."))
            return
        self._busy(True)
        self.status.setText(self.tr("Pinging {device}…").format(device=self.name))
        self._run(actions.ping, self.name, on_done=self._pinged, long=True)

    def _pinged(self, result: PingResult) -> None:
        self._busy(False)
        def method() -> str:
            return {"icmp": self.tr("ICMP echo"), "snmp": self.tr("SNMP sysUpTime")}.get(result.method, result.method)
        if result.answered:
            self._say(lambda: self.tr("{device} answered {method} in {ms:.1f} ms").format(
                device=self.name, method=method(), ms=result.rtt_ms or 0.0))
        else:
            self._say(lambda: self.tr("{device} did not answer {method}: {detail}").format(
                device=self.name, method=method(), detail=localized_detail(result.detail)))

    def city_devices(self) -> list[str]:
        """From the overview already in memory, so the hand-off never waits on the store."""
        overview = self.window_.session.overview
        device = overview.devices.get(self.name) if overview is not None else None
        return devices_of_city(device, overview.devices.values()) if device is not None else [self.name]

    def _city_text(self) -> None:
        city = city_of(self.detail.summary.site).rsplit("/", 1)[-1] if self.detail is not None else ""
        self.procedure_on_city.setText(self.tr("On every device of {city}").format(city=city) if city
                                       else self.tr("On every device of its city"))

    def run_procedure_on_city(self) -> None:
        self.window_.procedureRequested.emit(self.city_devices())

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Reload"))
        self.procedure_on_device.setText(self.tr("On this device"))
        self._city_text()
        self.poll_button.setText(self.tr("Poll now"))
        self.ping_button.setText(self.tr("Ping"))
        self.procedure_button.setText(self.tr("Run a procedure…"))
        for index, text in enumerate((self.tr("Interfaces"), self.tr("Charts"), self.tr("History"),
                                      self.tr("Command"), self.tr("Configurations"), self.tr("Events"))):
            self.tabs.setTabText(index, text)
        for panel in (self.summary, self.interfaces, self.charts, self.history, self.commands, self.configs,
                      self.events):
            panel.retranslate()
        if self._said is not None:
            self.status.setText(self._said())
