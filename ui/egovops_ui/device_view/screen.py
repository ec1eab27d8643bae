"""Installs the device view: a tab per device, opened from the map, the alarm desk or a search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from egovops_ui.host_key_prompt import HostKeyPrompt

if TYPE_CHECKING:
    from egovops_ui.device_view.view import DeviceView
    from egovops_ui.main_window import MainWindow


class DeviceViewScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.prompt = HostKeyPrompt(window)  # one, on the GUI thread: SSH workers ask through it
        self.open_action = QAction(window)
        self.open_action.setObjectName("openDeviceAction")
        self.open_action.triggered.connect(self.ask_device)
        window.menus["device"].addAction(self.open_action)
        window.deviceOpenRequested.connect(self.open)
        self.views: dict[str, "DeviceView"] = {}

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open device…"))
        for view in list(self.views.values()):
            try:
                view.retranslate()
            except RuntimeError:  # the tab was closed and its widget deleted
                self.views = {k: v for k, v in self.views.items() if v is not view}

    def device_names(self) -> list[str]:
        """From the overview already in memory: the search never waits on the store."""
        overview = self.window.session.overview
        return sorted(overview.devices) if overview is not None else []

    def ask_device(self) -> None:
        names = self.device_names()
        name, ok = QInputDialog.getItem(self.window, self.tr("Open device"), self.tr("Device name:"), names, 0, True)
        name = name.strip()
        if not ok or not name:
            return
        if names and name not in names:
            QMessageBox.warning(self.window, self.tr("Open device"), self.tr("No device is named {name}.").format(name=name))
            return
        self.open(name)

    def open(self, name: str) -> "DeviceView":
        # matplotlib and the SSH stack are loaded with the first device opened, not at start-up.
        from egovops_ui.device_view.view import DeviceView

        def create() -> DeviceView:
            view = DeviceView(self.window, name, self.prompt)
            self.views[name] = view
            return view

        return self.window.open_tab(f"device:{name}", name, create)  # type: ignore[return-value]


def install(window: "MainWindow") -> DeviceViewScreen:
    screen = DeviceViewScreen(window)
    screen.retranslate()
    return screen

