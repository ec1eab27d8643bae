"""The console's link to the core: one change signal, and the overview reloaded in the background.

Every write this process makes through the store publishes what it changed (``Database.changes``,
see ``egovops.storage.changes``); so do the sources of other writers' changes: the store watcher
(``egovops.storage.watch``), which hears every commit of another desk, a poller or the command
line; the live poller's watcher; a periodic tick. The session relays those notices to the GUI
thread, merges the ones that arrive together, and emits them as ONE signal, ``changed(Changes)``:
each screen connects to it and reloads only what concerns it. The map, the site tree, the alarm
desk and the status bar share one ``Overview``, which the session reloads on the notices that
concern it and hands out with ``overviewChanged``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from egovops.accounts.identity import Operator
from egovops.accounts.service import AccountService
from egovops.overview.live import LivePolling
from egovops.overview.service import Overview, OverviewService
from egovops.storage.changes import NOTHING, Changes, ChangeSource, Periodic
from egovops.storage.database import Database
from egovops.storage.watch import StoreWatcher
from egovops_ui.tasks import TaskRunner

REFRESH_MS = 5_000  # how often states and alarms written by another process are looked for
# What the overview shows; collectors for the status bar's writer and "not monitored" devices.
OVERVIEW = Changes.ALARMS | Changes.STATES | Changes.INVENTORY | Changes.LAYOUT | Changes.COLLECTORS


class ConsoleSession(QObject):
    changed = Signal(object)  # Changes: the one change notice every screen refreshes from
    overviewChanged = Signal(object)  # Overview: reloaded after a notice that concerns it
    acknowledged = Signal(int)
    moved = Signal(str)
    failed = Signal(str)

    operatorKnown = Signal(object)  # Operator: screens enable what the operator's role allows
    _published = Signal(object)  # Changes, from whichever thread wrote: reaches the GUI thread queued
    liveFailed = Signal(str)

    def __init__(
        self, database: Database, parent: QObject | None = None, refresh_ms: int = REFRESH_MS,
        live: LivePolling | None = None, wait_for: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        if database.is_shared:
            # A shared store is polled by its collectors (issue 18): a desk that also polled would
            # compete with them for leases and stop watching the moment the operator closes it.
            live = None
        self.live = live
        self.database = database
        self.service = OverviewService(database)
        self.tasks = TaskRunner(self)
        self.overview: Overview | None = None
        self.operator: Operator | None = None
        self._busy = False
        self._again = False
        self._pending = NOTHING
        # Other processes' writes: the store watcher hears each commit (another desk, a poller, the
        # command line); the periodic notice stays as the floor should the watcher lose the server.
        self.sources: list[ChangeSource] = [StoreWatcher(database), Periodic(database.changes, refresh_ms / 1000)]
        if live is not None:
            live.wait_for = wait_for or live.wait_for
            live.on_error = lambda exc: self.liveFailed.emit(f"{type(exc).__name__}: {exc}")
            self.liveFailed.connect(self.failed)
            self.sources.append(live)
        self._published.connect(self._collect)
        self.changed.connect(self._reload_if_concerned)  # first: the overview starts loading before screens look
        unsubscribe = database.changes.subscribe(self._published.emit)
        self._unsubscribe = unsubscribe
        self.destroyed.connect(lambda *_: unsubscribe())  # a session dropped without stop() is not called

    def start(self) -> None:
        if self.operator is None:  # nobody signed in (an embedded store): the OS user, as the core rates it
            self.tasks.run(AccountService(self.database).os_operator, on_done=self.set_operator, on_error=self._report)
        else:
            self.operatorKnown.emit(self.operator)
        self._reload()
        for source in self.sources:
            source.start()

    def stop(self) -> None:
        self._unsubscribe()
        for source in self.sources:
            source.stop()
        self.tasks.wait()

    def set_operator(self, operator: Operator) -> None:
        """Who operates the console from now on: the OS user, the account signed in at start, or the
        one that unlocked the lock screen (egovops_ui.lock_screen)."""
        self.operator = operator
        self.operatorKnown.emit(operator)

    def refresh(self) -> None:
        """The operator asked to see the store as it is now: anything may have changed. Not said of
        the inventory: every load compares its fingerprint anyway, and a full re-read (and the map
        rebuilt) is for the inventory notices that edits publish."""
        self.database.changes.publish(Changes.ALL & ~Changes.INVENTORY)

    @Slot(object)
    def _collect(self, changes: Changes) -> None:
        """Notices arriving in the same turn of the event loop (a write's, a cycle's) go out as one."""
        if not self._pending:
            QTimer.singleShot(0, self._emit)
        self._pending |= changes

    def _emit(self) -> None:
        changes, self._pending = self._pending, NOTHING
        if changes:
            self.changed.emit(changes)

    def _reload_if_concerned(self, changes: Changes) -> None:
        if changes & Changes.INVENTORY:
            self.service.invalidate_inventory()  # edits the inventory's fingerprint cannot see
        if changes & OVERVIEW:
            self._reload()

    def _reload(self) -> None:
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
            self._reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._report(exc)

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(f"{type(exc).__name__}: {exc}")

    report = _report  # for the console's parts that run core work on the session's tasks

    def acknowledge(self, alarm_ids: list[int], comment: str) -> None:
        if self.operator is None:
            self.failed.emit(self.tr("Cannot acknowledge yet: the operator is not known"))
            return
        self.tasks.run(self.service.acknowledge, alarm_ids, self.operator, comment, on_done=self._acked, on_error=self._report)

    def move_device(self, device: str, x: float, y: float) -> None:
        """Store the operator's drag (pinned) so the next layout keeps the device there."""
        self.tasks.run(self.service.move_device, device, x, y, on_done=lambda _: self.moved.emit(device), on_error=self._report)

    def _acked(self, count: int) -> None:
        self.acknowledged.emit(count)  # the alarms it changed come as a notice, like any write's
