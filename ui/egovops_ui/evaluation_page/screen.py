"""Installs the evaluation page: "Monthly evaluation" in the Tools menu, beside the availability reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from egovops_ui.evaluation_page.page import EvaluationPage
    from egovops_ui.main_window import MainWindow

TAB_KEY = "evaluation"


class EvaluationScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: EvaluationPage | None = None
        self.action = QAction(window)
        self.action.setObjectName("openEvaluation")
        self.action.triggered.connect(self.open)
        window.menus["tools"].addAction(self.action)
        self.retranslate()

    def open(self) -> EvaluationPage:
        from egovops_ui.evaluation_page.page import EvaluationPage  # matplotlib: paid when the page opens

        page = self.window.open_tab(TAB_KEY, self.title(), lambda: EvaluationPage(self.window.session, self.window))
        if page is not self.page:
            self.page = page  # type: ignore[assignment]
            page.destroyed.connect(self._closed)
        return page  # type: ignore[return-value]

    def _closed(self) -> None:
        self.page = None

    def title(self) -> str:
        return self.tr("Monthly evaluation")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Monthly evaluation…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: MainWindow) -> EvaluationScreen:
    return EvaluationScreen(window)
