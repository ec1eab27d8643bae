"""The device view's events tab: the traps and syslog lines this device sent, with the Events tab's
own filters and live tail (an EventsPage fixed to the device), and a button that opens the Events
tab on the device for a wider look beside other devices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from egovops_ui.events_page import EventsPage

if TYPE_CHECKING:
    from egovops_ui.session import ConsoleSession


class DeviceEventsPanel(QWidget):
    def __init__(self, session: ConsoleSession, device: str, open_tab: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.page = EventsPage(session, self, device=device)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("deviceEventsOpenTab")
        self.open_button.clicked.connect(lambda: open_tab(device))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.page, 1)
        layout.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.page.retranslate()
        self.open_button.setText(self.tr("Open in the Events tab"))
