"""The Collectors panel (View ▸ Collectors): who polls which zone, and whether it still does.

A thin view over ``egovops.collector.panel.CollectorsPanelService``: loaded on the session's task
runner (never in a slot), reloaded on the change notices about collectors and leases (each
heartbeat is one) and on the periodic notice, so a collector turns stale on screen without anyone
writing. Installed as a console screen (screens.py).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from egovops.collector.panel import CollectorsPanelService, CollectorsPicture, PanelRow
from egovops.overview.collectors import LIVE, STALE
from egovops.storage.changes import POLL_CYCLE, Changes
from egovops_ui.session import ConsoleSession

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

log = logging.getLogger(__name__)
TAB_KEY = "collectors"
RELOAD_ON = Changes.COLLECTORS | Changes.INVENTORY | POLL_CYCLE
STATE_COLOURS = {LIVE: QColor("#2e9d4a"), STALE: QColor("#c62828")}  # stopped: the default text colour
MIB = 1 << 20


class CollectorsPanel(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectorsPanel")
        self.session = session
        self.service = CollectorsPanelService(session.database)
        self.picture: CollectorsPicture | None = None
        self._busy = self._again = False
        self.summary = QLabel(self)
        self.summary.setObjectName("collectorsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("collectorsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        session.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes & Changes.INVENTORY:
            self.service.invalidate()
        if changes & RELOAD_ON:
            self.reload()

    def reload(self) -> None:
        """One load at a time; a notice meanwhile loads once more after it."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.session.tasks.run(self.service.load, owner=self, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, picture: CollectorsPicture) -> None:
        self._busy = False
        self.picture = picture
        self._draw()
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("collectors panel: not loaded: %s", exc)
        self.summary.setText(self.tr("The collectors could not be read: {error}").format(error=exc))

    def headers(self) -> list[str]:
        return [self.tr("Collector"), self.tr("Zone"), self.tr("Host"), self.tr("Version"), self.tr("State"),
                self.tr("Last cycle"), self.tr("Devices held"), self.tr("Overruns"), self.tr("CPU"), self.tr("Memory"),
                self.tr("Profiles missing")]

    def state_label(self, state: str) -> str:
        return {LIVE: self.tr("live"), STALE: self.tr("stale: stopped reporting")}.get(state, self.tr("stopped"))

    def retranslate(self) -> None:
        self.table.setColumnCount(len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self._draw()

    def _draw(self) -> None:
        picture = self.picture
        if picture is None:
            self.summary.setText(self.tr("Loading…"))
            self.table.setRowCount(0)
            return
        self.summary.setText(self._summary(picture))
        self.summary.setStyleSheet("color: #c62828; font-weight: bold;" if picture.unmonitored else "")
        self.table.setRowCount(len(picture.rows))
        for row, item in enumerate(picture.rows):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                if column == 4 and item.state in STATE_COLOURS:
                    cell.setForeground(STATE_COLOURS[item.state])
                if column == 10 and item.missing_profiles:
                    cell.setForeground(STATE_COLOURS[STALE])
                    cell.setToolTip(self.tr("Devices of this zone need these credential profiles, which the "
                                            "collector's keyring does not hold: their polls fail."))
                if column in (6, 7, 8, 9):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    def _summary(self, picture: CollectorsPicture) -> str:
        live = sum(r.state == LIVE for r in picture.rows)
        text = self.tr("Collectors live: {live}").format(live=live)
        if not picture.shared:
            return text + self.tr("; this desk's own store: its one poller watches every device")
        if picture.unmonitored:
            return text + self.tr("; devices not monitored (no live collector holds them): {count}").format(
                count=len(picture.unmonitored))
        return text + self.tr("; every device is held by a live collector")

    def _cells(self, item: PanelRow) -> list[str]:
        s = item.collector
        last = (self.tr("{at} ({seconds:.1f} s)").format(at=_clock(s.last_cycle_at), seconds=s.last_cycle_s or 0.0)
                if s.last_cycle_at is not None else self.tr("none yet"))
        return [
            s.name, s.zone or self.tr("everything"), f"{s.host} ({s.pid})", s.version, self.state_label(item.state),
            last, str(s.devices_held), str(s.overruns),
            "" if s.cpu_percent is None else f"{s.cpu_percent:.1f} %",
            "" if s.rss_bytes is None else f"{s.rss_bytes / MIB:.0f} MiB",
            ", ".join(item.missing_profiles),
        ]


def _clock(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


class CollectorsScreen(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel: CollectorsPanel | None = None
        self.action = window.view_menu.addAction("")
        self.action.setObjectName("openCollectors")
        self.action.triggered.connect(self.open)
        self.retranslate()

    def open(self) -> CollectorsPanel:
        panel = self.window.open_tab(TAB_KEY, self.title(), lambda: CollectorsPanel(self.window.session, self.window))
        if panel is not self.panel:
            self.panel = panel  # type: ignore[assignment]
            panel.destroyed.connect(self._closed)
        return panel  # type: ignore[return-value]

    def _closed(self) -> None:
        self.panel = None

    def title(self) -> str:
        return self.tr("Collectors")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Collectors…"))
        if self.panel is not None:
            self.panel.retranslate()
            self.window.set_tab_title(self.panel, self.title())


def install(window: MainWindow) -> CollectorsScreen:
    return CollectorsScreen(window)
