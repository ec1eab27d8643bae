"""Installs the reports page: "Availability reports" in the Tools menu opens it as a tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow
    from egovops_ui.reports_page.page import ReportsPage

TAB_KEY = "reports"


class ReportsScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.page: "ReportsPage | None" = None
        self.action = QAction(window)
        self.action.setObjectName("openReports")
        self.action.triggered.connect(self.open)
        window.menus["tools"].addAction(self.action)
        self.retranslate()

    def open(self) -> "ReportsPage":
        from egovops_ui.reports_page.page import ReportsPage  # matplotlib: paid when the page opens, not at start

        page = self.window.open_tab(TAB_KEY, self.title(), lambda: ReportsPage(self.window.session, self.window))
        if page is not self.page:
            self.page = page  # type: ignore[assignment]
            page.destroyed.connect(self._closed)
        return page  # type: ignore[return-value]

    def _closed(self) -> None:
        self.page = None

    def title(self) -> str:
        return self.tr("Availability reports")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Availability reports…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: "MainWindow") -> ReportsScreen:
    return ReportsScreen(window)
