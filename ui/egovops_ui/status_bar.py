"""Status bar: the latest poll cycle (time, duration) and how many devices are up and down."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from egovops.overview.service import Overview


class ConsoleStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cycle = QLabel(self)
        self.devices = QLabel(self)
        self.cycle.setObjectName("cycleLabel")
        self.devices.setObjectName("devicesLabel")
        self.addPermanentWidget(self.devices)
        self.addPermanentWidget(self.cycle)
        self.overview: Overview | None = None
        self.retranslate()

    def set_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.retranslate()

    def retranslate(self) -> None:
        o = self.overview
        if o is None:
            self.devices.setText(self.tr("Loading…"))
            self.cycle.setText("")
            return
        counts = o.device_counts()
        self.devices.setText(self.tr("Devices: {up} up, {down} down, {unreachable} unreachable, {degraded} degraded").format(**counts))
        silent = o.poll is not None and o.poll.silent(time.time())
        # Red when no poller writes: the map then shows the past, not the network.
        self.cycle.setStyleSheet("color: #c62828; font-weight: bold;" if silent else "")
        if o.poll is None:
            self.cycle.setText(self.tr("No poll cycle yet"))
        elif silent:
            self.cycle.setText(self.tr("No poller has written for {minutes} min: last cycle {at}").format(
                minutes=int((time.time() - o.poll.at - o.poll.duration_s) // 60),
                at=time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(o.poll.at))))
        else:
            self.cycle.setText(self.tr("Last cycle {at}: {seconds:.1f} s, {failed} of {devices} failed").format(
                at=time.strftime("%H:%M:%S", time.localtime(o.poll.at)), seconds=o.poll.duration_s,
                failed=o.poll.failed, devices=o.poll.devices,
            ))
