"""Installs notifications in the Tools menu: the delivery log ("Notifications…") and the editors of
recipients, rules and rota ("Notification settings…"), each opened as a tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from egovops_ui.notifications.editors import EditorPage
from egovops_ui.notifications.page import DeliveryLogPage

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

TAB_KEY = "notifications"
EDITOR_KEY = "notification-settings"


class NotificationsScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: DeliveryLogPage | None = None
        self.action = window.menus["tools"].addAction("")
        self.action.setObjectName("openNotifications")
        self.action.triggered.connect(self.open)
        self.editor: EditorPage | None = None
        self.settings_action = window.menus["tools"].addAction("")
        self.settings_action.setObjectName("openNotificationSettings")
        self.settings_action.triggered.connect(self.open_settings)
        self.retranslate()

    def open(self) -> DeliveryLogPage:
        page = self.window.open_tab(TAB_KEY, self.title(), lambda: DeliveryLogPage(self.window.session, self.window))
        assert isinstance(page, DeliveryLogPage)
        if page is not self.page:
            self.page = page
            page.destroyed.connect(self._closed)
        else:
            page.reload()
        return page

    def _closed(self) -> None:
        self.page = None

    def open_settings(self) -> EditorPage:
        page = self.window.open_tab(EDITOR_KEY, self.settings_title(),
                                    lambda: EditorPage(self.window.session, self.window))
        assert isinstance(page, EditorPage)
        if page is not self.editor:
            self.editor = page
            page.destroyed.connect(self._editor_closed)
        else:
            page.reload()
        return page

    def _editor_closed(self) -> None:
        self.editor = None

    def settings_title(self) -> str:
        return self.tr("Notification settings")

    def title(self) -> str:
        return self.tr("Notifications")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Notifications…"))
        self.settings_action.setText(self.tr("Notification settings…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())
        if self.editor is not None:
            self.editor.retranslate()
            self.window.set_tab_title(self.editor, self.settings_title())


def install(window: MainWindow) -> NotificationsScreen:
    return NotificationsScreen(window)
