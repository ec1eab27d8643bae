"""Installs the notification delivery log: "Notifications…" in the Tools menu opens it as a tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from egovops_ui.notifications.page import DeliveryLogPage

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

TAB_KEY = "notifications"


class NotificationsScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: DeliveryLogPage | None = None
        self.action = window.menus["tools"].addAction("")
        self.action.setObjectName("openNotifications")
        self.action.triggered.connect(self.open)
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

    def title(self) -> str:
        return self.tr("Notifications")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Notifications…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: MainWindow) -> NotificationsScreen:
    return NotificationsScreen(window)
