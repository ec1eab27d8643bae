"""Installs the first-run panel over the map while the store holds no devices.

The panel's buttons reuse the other screens' actions (inventory import, credential profiles), so
the roles that grey those out grey the buttons out too. "Open the demo" starts
``egovops console --demo`` on the same data folder in a new process and closes this window: the
demo's network and poller belong to that command, which already starts and stops them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QProcess
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from egovops.overview.service import Overview
from egovops_ui.first_run.panel import FirstRunPanel

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


def demo_command(database_url: str) -> list[str] | None:
    """``python -m egovops --data-dir DIR console --demo`` for a SQLite store at DIR/…, else None."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or database_url == prefix:
        return None
    folder = Path(database_url[len(prefix):]).parent
    return [sys.executable, "-m", "egovops", "--data-dir", str(folder), "console", "--demo"]


class FirstRunScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = FirstRunPanel(window.map)
        self.panel.hide()
        window.map.installEventFilter(self)  # the panel covers the whole map panel, whatever its size
        self.import_action: QAction | None = None
        self.credentials_action: QAction | None = None
        self._bound = False
        self.panel.importRequested.connect(lambda: self.import_action and self.import_action.trigger())
        self.panel.credentialsRequested.connect(lambda: self.credentials_action and self.credentials_action.trigger())
        self.panel.demoRequested.connect(self.open_demo)
        self.demo = demo_command(window.session.database.engine.url.render_as_string(hide_password=True))
        self.panel.demo_button.setEnabled(self.demo is not None)
        window.session.overviewChanged.connect(self.show_overview)

    def _bind(self) -> None:
        """Find the other screens' actions: only once the window holds its screens, after install()."""
        self._bound = True
        screens = getattr(self.window, "screens", [])
        self.import_action = next((s.import_action for s in screens
                                   if isinstance(getattr(s, "import_action", None), QAction)), None)
        self.credentials_action = self.window.findChild(QAction, "credentialProfilesAction")
        self._follow(self.panel.import_button, self.import_action)
        self._follow(self.panel.credentials_button, self.credentials_action)

    @staticmethod
    def _follow(button: QPushButton, action: QAction | None) -> None:
        """The button is usable exactly when the action is (a role may disable it later)."""
        button.setEnabled(action is not None and action.isEnabled())
        if action is not None:
            action.changed.connect(lambda: button.setEnabled(action.isEnabled()))

    def show_overview(self, overview: Overview) -> None:
        empty = not overview.devices
        if empty and not self._bound:
            self._bind()
        if empty:
            self.panel.setGeometry(self.window.map.rect())
            self.panel.raise_()
        self.panel.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self.panel.setGeometry(self.window.map.rect())
        return False

    def open_demo(self) -> bool:
        """Start the demo console in a process of its own; this window closes once it has started."""
        if self.demo is None or not QProcess.startDetached(self.demo[0], self.demo[1:]):
            self.window.status.showMessage(self.tr("The demo console could not be started."), 10_000)
            return False
        self.window.close()
        return True

    def retranslate(self) -> None:
        self.panel.retranslate()


def install(window: MainWindow) -> FirstRunScreen:
    return FirstRunScreen(window)
