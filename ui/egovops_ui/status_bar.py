"""Status bar: the latest poll cycle (time, duration, which collector wrote it), how many devices
are up and down, and a red warning when no poller writes or a collector stopped reporting."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from egovops.overview.collectors import STALE
from egovops.overview.service import Overview

ALARM_STYLE = "color: #c62828; font-weight: bold;"


class ConsoleStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cycle = QLabel(self)
        self.devices = QLabel(self)
        self.collectors = QLabel(self)
        self.cycle.setObjectName("cycleLabel")
        self.devices.setObjectName("devicesLabel")
        self.collectors.setObjectName("collectorsLabel")
        self.collectors.setStyleSheet(ALARM_STYLE)
        self.addPermanentWidget(self.collectors)
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
            self.collectors.setText("")
            return
        self._devices(o)
        self._cycle(o, time.time())
        self._stale(o, time.time())

    def _devices(self, o: Overview) -> None:
        counts = o.device_counts()
        text = self.tr("Devices: {up} up, {down} down, {unreachable} unreachable, {degraded} degraded").format(**counts)
        if counts["unmonitored"]:
            text += self.tr(", {unmonitored} not monitored").format(**counts)
        self.devices.setText(text)

    def _cycle(self, o: Overview, now: float) -> None:
        silent = o.poll is not None and o.poll.silent(now)
        # Red when no poller writes: the map then shows the past, not the network.
        self.cycle.setStyleSheet(ALARM_STYLE if silent else "")
        if o.poll is None:
            self.cycle.setText(self.tr("No poll cycle yet"))
        elif silent:
            self.cycle.setText(self.tr("No poller has written for {minutes} min: last cycle {at}").format(
                minutes=int((now - o.poll.at - o.poll.duration_s) // 60),
                at=time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(o.poll.at))))
        else:
            text = self.tr("Last cycle {at}: {seconds:.1f} s, {failed} of {devices} failed").format(
                at=time.strftime("%H:%M:%S", time.localtime(o.poll.at)), seconds=o.poll.duration_s,
                failed=o.poll.failed, devices=o.poll.devices,
            )
            writer = next((c for c in o.collectors if c.name == o.poll.writer), None)
            if writer is not None:
                text += self.tr(" (by {name} on {host})").format(name=writer.name, host=writer.host)
            self.cycle.setText(text)

    def _stale(self, o: Overview, now: float) -> None:
        """A collector that stopped reporting without saying it stops is an alarm: its devices go
        unwatched until another of its zone takes them (or nobody does)."""
        stale = [c for c in o.collectors if c.state(now, o.interval_s) == STALE]
        if not stale:
            self.collectors.setText("")
            self.collectors.setVisible(False)
            return
        self.collectors.setVisible(True)
        self.collectors.setText(self.tr("Collectors stopped reporting: {names}").format(
            names=", ".join(f"{c.name} ({c.host})" for c in stale)))
