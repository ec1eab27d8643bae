"""The console's link to the core: refreshes the overview in the background and hands it to widgets."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from egovops.accounts.identity import Operator
from egovops.accounts.service import AccountService
from egovops.overview.live import LivePolling
from egovops.overview.service import Overview, OverviewService
from egovops.storage.database import Database
from egovops_ui.tasks import TaskRunner

REFRESH_MS = 5_000


class ConsoleSession(QObject):
    overviewChanged = Signal(object)  # Overview
    acknowledged = Signal(int)
    moved = Signal(str)
    failed = Signal(str)

    operatorKnown = Signal(object)  # Operator: screens enable what the operator's role allows
    cycleDone = Signal()  # from the live poller's thread: reaches the GUI thread queued
    liveFailed = Signal(str)

    def __init__(
        self, database: Database, parent: QObject | None = None, refresh_ms: int = REFRESH_MS,
        live: LivePolling | None = None, wait_for: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.live, self._wait_for = live, wait_for
        if live is not None:
            live.on_cycle = self.cycleDone.emit
            live.on_error = lambda exc: self.liveFailed.emit(f"{type(exc).__name__}: {exc}")
            self.cycleDone.connect(self.refresh)
            self.liveFailed.connect(self.failed)
        self.database = database
        self.service = OverviewService(database)
        self.tasks = TaskRunner(self)
        self.overview: Overview | None = None
        self.operator: Operator | None = None
        self._busy = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.tasks.run(AccountService(self.database).os_operator, on_done=self._set_operator, on_error=self._report)
        self.refresh()
        self.timer.start()
        if self.live is not None:
            self.live.start(self._wait_for)

    def stop(self) -> None:
        self.timer.stop()
        if self.live is not None:
            self.live.stop()
        self.tasks.wait()

    def _set_operator(self, operator: Operator) -> None:
        self.operator = operator
        self.operatorKnown.emit(operator)

    def inventory_changed(self) -> None:
        """After an edit of devices, sites or links: reload them too, not only states and alarms."""
        self.service.invalidate_inventory()
        self.refresh()

    def refresh(self) -> None:
        """Reload in the background; at most one load runs, a request meanwhile runs after it."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.tasks.run(self.service.load, on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, overview: Overview) -> None:
        self._busy = False
        self.overview = overview
        self.overviewChanged.emit(overview)
        if self._again:
            self._again = False
            self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._report(exc)

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(f"{type(exc).__name__}: {exc}")

    def acknowledge(self, alarm_ids: list[int], comment: str) -> None:
        if self.operator is None:
            self.failed.emit(self.tr("Cannot acknowledge yet: the operator is not known"))
            return
        self.tasks.run(self.service.acknowledge, alarm_ids, self.operator, comment, on_done=self._acked, on_error=self._report)

    def move_device(self, device: str, x: float, y: float) -> None:
        """Store the operator's drag (pinned) so the next layout keeps the device there."""
        self.tasks.run(self.service.move_device, device, x, y, on_done=lambda _: self.moved.emit(device), on_error=self._report)

    def _acked(self, count: int) -> None:
        self.acknowledged.emit(count)
        self.refresh()
