"""Installs the DR readiness tab: "DR readiness" in the Tools menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from egovops_ui.dr_page.page import DrPage

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

TAB_KEY = "dr-readiness"


class DrScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: DrPage | None = None
        self.action = window.menus["tools"].addAction("")
        self.action.setObjectName("openDrReadiness")
        self.action.triggered.connect(self.open)
        self.retranslate()

    def open(self) -> DrPage:
        page = self.window.open_tab(TAB_KEY, self.title(), lambda: DrPage(self.window.session, self.window))
        if page is not self.page:
            self.page = page  # type: ignore[assignment]
            page.destroyed.connect(self._closed)
        return page  # type: ignore[return-value]

    def _closed(self) -> None:
        self.page = None

    def title(self) -> str:
        return self.tr("DR readiness")

    def retranslate(self) -> None:
        self.action.setText(self.tr("DR readiness…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: MainWindow) -> DrScreen:
    return DrScreen(window)
