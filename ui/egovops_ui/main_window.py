"""The console's main window: a thin shell of docks, menus and actions wiring the panels together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QWidget

from egovops.overview.service import Overview
from egovops_ui.alarm_desk import AlarmDesk
from egovops_ui.app import LanguageSwitcher, settings
from egovops_ui.help_menu import HelpMenu
from egovops_ui.lock_screen import ConsoleLock
from egovops_ui.map_view import NETWORKS, MapPanel
from egovops_ui.notifier import AlarmNotifier
from egovops_ui.screens import install_screens
from egovops_ui.session import ConsoleSession
from egovops_ui.site_tree import SiteTreePanel
from egovops_ui.status_bar import ConsoleStatusBar

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}  # each in its own language, never translated


class MainWindow(QMainWindow):
    deviceOpenRequested = Signal(str)  # from the map, the alarm desk or a search: the device view opens it
    procedureRequested = Signal(list)  # device names to preselect as targets: the procedure runner opens

    def __init__(self, session: ConsoleSession, switcher: LanguageSwitcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session, self.switcher = session, switcher
        self.map = MapPanel(self)
        self.sites = SiteTreePanel(self)
        self.alarms = AlarmDesk(self)
        self.status = ConsoleStatusBar(self)
        self.notifier = AlarmNotifier(self)
        self.tabs = QTabWidget(self)  # the map first and always; device views, reports… as closable tabs
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.addTab(self.map, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self._tab_keys: dict[str, QWidget] = {}
        self.setCentralWidget(self.tabs)
        self.setStatusBar(self.status)
        self.site_dock = self._dock("siteDock", self.sites, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.alarm_dock = self._dock("alarmDock", self.alarms, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._actions()
        self._wire()
        self.screens, self.screen_errors = install_screens(self)
        for module, error in self.screen_errors.items():
            self.status.showMessage(self.tr("A console screen could not be loaded ({module}): {error}").format(module=module, error=error))
        self.retranslate()
        self._restore()

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)  # saveState() keys docks by object name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _actions(self) -> None:
        bar = self.menuBar()
        self.file_menu, self.view_menu = bar.addMenu(""), bar.addMenu("")
        # Screens (screens.py) add their actions to these.
        self.menus: dict[str, QMenu] = {"inventory": bar.addMenu(""), "device": bar.addMenu(""), "tools": bar.addMenu("")}
        self.language_menu = bar.addMenu("")
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.refresh_action = QAction(self, shortcut=QKeySequence.StandardKey.Refresh, triggered=self.session.refresh)
        self.lock = ConsoleLock(self, self.session)  # Ctrl+L at a shared desk
        self.file_menu.addActions([self.refresh_action, self.lock.action, self.quit_action])
        self.fit_action = QAction(self, triggered=self.map.view.fit)
        self.layer_group = QActionGroup(self)
        self.layer_actions = {}
        for network in NETWORKS:
            action = QAction(self, checkable=True, triggered=lambda _=False, n=network: self.map.set_network(n))
            action.setChecked(network == self.map.network)
            self.layer_group.addAction(action)
            self.layer_actions[network] = action
        self.view_menu.addAction(self.fit_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions(list(self.layer_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.site_dock.toggleViewAction(), self.alarm_dock.toggleViewAction()])
        self.sound_action = QAction(self, checkable=True, toggled=self._sound_toggled)
        self.view_menu.addAction(self.sound_action)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for language, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True, triggered=lambda _=False, lang=language: self.switch_language(lang))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language] = action
        self.help_menu = HelpMenu(self)
        bar.addMenu(self.help_menu)

    def _wire(self) -> None:
        self.session.overviewChanged.connect(self.show_overview)
        self.session.failed.connect(lambda message: self.status.showMessage(message, 10_000))
        self.sites.siteSelected.connect(self._site_selected)
        self.map.scopeChanged.connect(self.sites.select)
        self.alarms.deviceActivated.connect(self._focus_on_map)
        self.alarms.deviceOpened.connect(self.deviceOpenRequested)
        self.map.deviceOpened.connect(self.deviceOpenRequested)
        self.alarms.acknowledgeRequested.connect(self.session.acknowledge)
        self.alarms.mute.toggled.connect(lambda muted: self.sound_action.setChecked(not muted))
        self.map.deviceMoved.connect(self.session.move_device)

    def open_tab(self, key: str, title: str, create: Callable[[], QWidget]) -> QWidget:
        """Bring the tab ``key`` forward, creating it with ``create()`` the first time."""
        widget = self._tab_keys.get(key)
        if widget is None or self.tabs.indexOf(widget) < 0:
            widget = create()
            self._tab_keys[key] = widget
            self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def set_tab_title(self, widget: QWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget is self.map:
            return
        self._tab_keys = {k: w for k, w in self._tab_keys.items() if w is not widget}
        self.tabs.removeTab(index)
        widget.deleteLater()

    def current_site(self) -> str:
        return self.sites.current_path()

    def show_map(self) -> None:
        self.tabs.setCurrentWidget(self.map)

    def _sound_toggled(self, on: bool) -> None:
        self.notifier.sound = on
        self.alarms.mute.setChecked(not on)  # the desk's mute button and View's menu item are one switch
        settings().setValue("alarms/sound", on)

    def _focus_on_map(self, name: str) -> None:
        self.show_map()
        self.map.focus_device(name)

    def _site_selected(self, path: str) -> None:
        self.alarms.set_site_filter(path if "/" in path else "")  # the province root means everything
        self.map.show_scope(path)

    def show_overview(self, overview: Overview) -> None:
        self.sites.set_tree(overview.site_tree)
        self.map.set_overview(overview)
        self.alarms.set_alarms(overview.alarms)
        self.status.set_overview(overview)
        self.notifier.show(overview)

    def switch_language(self, language: str) -> None:
        self.switcher.apply(language)  # LanguageChange reaches changeEvent below

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("egovops — e-government network operations"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.menus["inventory"].setTitle(self.tr("&Inventory"))
        self.menus["device"].setTitle(self.tr("&Device"))
        self.menus["tools"].setTitle(self.tr("&Tools"))
        self.tabs.setTabText(0, self.tr("Map"))
        self.refresh_action.setText(self.tr("&Refresh now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.lock.retranslate()
        self.fit_action.setText(self.tr("&Fit map"))
        self.layer_actions["intranet"].setText(self.tr("Intranet layer"))
        self.layer_actions["extranet"].setText(self.tr("Extranet layer"))
        self.site_dock.setWindowTitle(self.tr("Sites"))
        self.alarm_dock.setWindowTitle(self.tr("Alarms"))
        self.sound_action.setText(self.tr("Sound on new critical alarms"))
        self.language_actions[self.switcher.language].setChecked(True)
        for panel in (self.map, self.alarms, self.status):
            panel.retranslate()
        self.sites.model.retranslate()
        for screen in getattr(self, "screens", []):
            screen.retranslate()

    def _restore(self) -> None:
        stored = settings()
        geometry, state = stored.value("window/geometry"), stored.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 950)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:  # first start: room for county names and counts, and for a dozen alarms
            self.resizeDocks([self.site_dock], [440], Qt.Orientation.Horizontal)
            self.resizeDocks([self.alarm_dock], [max(260, self.height() * 2 // 5)], Qt.Orientation.Vertical)
        # On by default: a desk that misses a critical alarm because nobody turned the sound on is worse.
        self.sound_action.setChecked(stored.value("alarms/sound", True) in (True, "true"))
        # also when unchanged: the notifier and the desk's mute follow
        self._sound_toggled(self.sound_action.isChecked())
        network = stored.value("map/network")
        if network in NETWORKS:
            self.map.network = network
            self.layer_actions[network].setChecked(True)
            self.map.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        stored = settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/state", self.saveState())
        stored.setValue("map/network", self.map.network)
        super().closeEvent(event)
