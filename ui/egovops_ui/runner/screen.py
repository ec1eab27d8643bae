"""Installs the procedure runner: Tools → Run procedure…, and the window's ``procedureRequested`` signal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from egovops.procedures.choices import selector_for_devices, selector_for_site

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow
    from egovops_ui.runner.panel import RunnerPanel

TAB_KEY = "runner"


class RunnerScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.panel: RunnerPanel | None = None
        self.action = QAction(window, objectName="runProcedureAction", triggered=lambda: self.open())
        window.menus["tools"].addAction(self.action)
        window.procedureRequested.connect(self.open_for_devices)
        self.retranslate()

    def open(self, selector: str | None = None) -> RunnerPanel:
        """Bring the runner forward; a new one starts on ``selector`` or the site selected in the tree."""
        # Imported here: the panel brings the SSH layer (paramiko) for its host-key prompt, and the
        # window must not pay for that at start-up, only when the runner is first opened.
        from egovops_ui.runner.panel import RunnerPanel

        created: list[RunnerPanel] = []

        def create() -> RunnerPanel:
            panel = RunnerPanel(self.window, selector or selector_for_site(self.window.current_site()))
            created.append(panel)
            panel.destroyed.connect(self._forget)  # the tab was closed
            return panel

        panel = self.window.open_tab(TAB_KEY, self._title(), create)
        assert isinstance(panel, RunnerPanel)
        if selector and not created and panel.cancel_token is None:
            panel.set_targets(selector)  # an open runner, idle: the new request's devices replace the old
        self.panel = panel
        return panel

    def _forget(self) -> None:
        self.panel = None

    def open_for_devices(self, names: list[str]) -> RunnerPanel:
        return self.open(selector_for_devices(list(names)) if names else None)

    def _title(self) -> str:
        return self.tr("Procedures")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Run &procedure…"))
        if self.panel is not None:
            self.window.set_tab_title(self.panel, self._title())
            self.panel.retranslate()


def install(window: "MainWindow") -> RunnerScreen:
    return RunnerScreen(window)
