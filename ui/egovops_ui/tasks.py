"""The console's one way to run work off the GUI thread.

``TaskRunner.run(fn, ...)`` runs a blocking function (store reads and writes) on a worker thread;
``TaskRunner.run_async(coro)`` runs a coroutine on the core's asyncio loop thread. Either way the
result or the error comes back to the GUI thread through a queued signal, so slots never wait on
the network or the disk and never touch widgets from another thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import traceback
from typing import Any, Callable, Coroutine

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


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


class TaskRunner(QObject):
    """Background tasks with callbacks on the GUI thread. Create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next = 0

    def _register(self, on_done: Done | None, on_error: Failed | None) -> int:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        return self._next

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self.pool.start(_Job(self._register(on_done, on_error), self._relay, fn, args))

    def run_async(
        self, coro: Coroutine[Any, Any, Any], loop: asyncio.AbstractEventLoop,
        on_done: Done | None = None, on_error: Failed | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Run ``coro`` on ``loop`` (the core's loop thread); callbacks still come on the GUI thread."""
        ident = self._register(on_done, on_error)
        future = asyncio.run_coroutine_threadsafe(coro, loop)

        def deliver(done: concurrent.futures.Future[Any]) -> None:  # loop thread
            exc = done.exception() if not done.cancelled() else concurrent.futures.CancelledError()
            if exc is not None:
                self._relay.failed.emit(ident, exc)
            else:
                self._relay.finished.emit(ident, done.result())

        future.add_done_callback(deliver)
        return future

    @Slot(int, object)
    def _on_finished(self, ident: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(ident, (None, None))
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, ident: int, exc: object) -> None:
        _, on_error = self._callbacks.pop(ident, (None, None))
        if on_error is not None:
            on_error(exc)  # type: ignore[arg-type]
        else:
            log.error("background task failed: %s", exc)

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for running tasks (shutdown, tests)."""
        return self.pool.waitForDone(msecs)
