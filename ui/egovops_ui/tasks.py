"""The console's one way to run work off the GUI thread.

``TaskRunner.run(fn, ..., owner=widget)`` runs a blocking function (store reads and writes) on a
worker thread; ``run_long`` does the same for work that may take minutes (procedure runs, SSH
sessions, credential tests) on a pool of its own, so it never holds the threads the 5-second
refreshes need; ``run_async(coro, loop, owner=...)`` runs a coroutine on the core's asyncio loop
thread. Either way the result or the error comes back to the GUI thread through a queued signal,
so slots never wait on the network or the disk and never touch widgets from another thread.

Every task has an owner: the widget or window that asked for it. A result whose owner Qt has
deleted meanwhile (a closed tab, a closed window) is dropped, because the slots it was meant for
would touch deleted widgets. Screens therefore need no ``alive()`` checks of their own.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Coroutine

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]

SHORT_THREADS = 2  # store reads and writes: the refreshes, dialogs' loads and saves
LONG_THREADS = 4  # procedure runs, SSH sessions, credential tests: each may wait on timeouts


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from a worker reach it queued."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ident: int, relay: _Relay, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.ident, self.relay, self.fn, self.args = ident, relay, fn, args

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(*self.args)
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            self.relay.failed.emit(self.ident, exc)
        else:
            self.relay.finished.emit(self.ident, result)


@dataclass
class _Pending:
    owner: QObject
    on_done: Done | None
    on_error: Failed | None


class TaskRunner(QObject):
    """Background tasks with callbacks on the GUI thread. Create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = SHORT_THREADS,
                 long_threads: int = LONG_THREADS) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.long_pool = QThreadPool(self)
        self.long_pool.setMaxThreadCount(long_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._pending: dict[int, _Pending] = {}
        self._next = 0

    def _register(self, owner: QObject | None, on_done: Done | None, on_error: Failed | None) -> int:
        self._next += 1
        # No owner given: the runner's own parent (the session), which lives as long as the runner.
        self._pending[self._next] = _Pending(owner if owner is not None else (self.parent() or self), on_done, on_error)
        return self._next

    def run(self, fn: Callable[..., Any], *args: Any, owner: QObject | None = None,
            on_done: Done | None = None, on_error: Failed | None = None) -> None:
        """A store read or write: seconds at most."""
        self.pool.start(_Job(self._register(owner, on_done, on_error), self._relay, fn, args))

    def run_long(self, fn: Callable[..., Any], *args: Any, owner: QObject,
                 on_done: Done | None = None, on_error: Failed | None = None) -> None:
        """Work on devices (procedure runs, SSH, credential tests): on its own pool."""
        self.long_pool.start(_Job(self._register(owner, on_done, on_error), self._relay, fn, args))

    def run_async(
        self, coro: Coroutine[Any, Any, Any], loop: asyncio.AbstractEventLoop,
        on_done: Done | None = None, on_error: Failed | None = None, owner: QObject | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Run ``coro`` on ``loop`` (the core's loop thread); callbacks still come on the GUI thread."""
        ident = self._register(owner, on_done, on_error)
        future = asyncio.run_coroutine_threadsafe(coro, loop)

        def deliver(done: concurrent.futures.Future[Any]) -> None:  # loop thread
            exc = done.exception() if not done.cancelled() else concurrent.futures.CancelledError()
            if exc is not None:
                self._relay.failed.emit(ident, exc)
            else:
                self._relay.finished.emit(ident, done.result())

        future.add_done_callback(deliver)
        return future

    def _claim(self, ident: int) -> _Pending | None:
        """The task's callbacks, or None when its owner is gone (its result is dropped)."""
        pending = self._pending.pop(ident, None)
        if pending is None or not shiboken6.isValid(pending.owner):
            return None
        return pending

    @Slot(int, object)
    def _on_finished(self, ident: int, result: object) -> None:
        pending = self._claim(ident)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, ident: int, exc: object) -> None:
        pending = self._claim(ident)
        if pending is None:
            log.debug("background task failed after its owner was closed: %s", exc)
        elif pending.on_error is not None:
            pending.on_error(exc)  # type: ignore[arg-type]
        else:
            log.error("background task failed: %s", exc)

    def pending(self) -> int:
        """Tasks whose results have not been delivered (or dropped) yet."""
        return len(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for running tasks (shutdown, tests)."""
        return self.pool.waitForDone(msecs) and self.long_pool.waitForDone(msecs)
