"""The core's one asyncio event loop for SNMP, running in a background thread.

pysnmp's engine, transport and timers belong to the loop they were created on, so every SNMP
request of the process goes through one loop here; synchronous callers (the command line, the
poller's scheduler, the console's worker threads) hand it coroutines with ``run``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from typing import Any, Awaitable, Callable, Coroutine, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def _quiet_late_datagrams(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # A reply that arrives after its engine was closed is reported by pysnmp as an "Unregistered
    # transport" error in a loop callback; it means nothing, the request was already answered.
    exc = context.get("exception")
    if "Unregistered transport" in str(exc or ""):
        return
    # Anything else raised in a callback of this loop comes from pysnmp or pyasn1 handling what an
    # agent sent: one line in the log file, never a library traceback on the operator's terminal.
    # (The receive path itself records hostile datagrams as malformed replies: snmp/garbled.py.)
    log.warning("SNMP loop: %s", context.get("message", "callback failed") + (f": {exc!r}" if exc else ""))
    log.debug("SNMP loop callback failure", exc_info=exc if isinstance(exc, BaseException) else None)


class SnmpLoop:
    """An event loop in a daemon thread. ``start`` and ``stop`` may be called again later."""

    def __init__(self, name: str = "egovops-snmp") -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._on_stop: list[Callable[[], Awaitable[None]]] = []

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None or not self.running:
            raise RuntimeError("the SNMP loop is not running; call start() first")
        return self._loop

    def start(self) -> "SnmpLoop":
        with self._lock:
            if self.running:
                return self
            ready = threading.Event()
            loop = asyncio.new_event_loop()

            def run() -> None:
                asyncio.set_event_loop(loop)
                loop.set_exception_handler(_quiet_late_datagrams)
                loop.call_soon(ready.set)
                loop.run_forever()
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

            self._loop = loop
            self._thread = threading.Thread(target=run, name=self.name, daemon=True)
            self._thread.start()
            ready.wait()
            return self

    def on_stop(self, hook: Callable[[], Awaitable[None]]) -> None:
        """Run ``hook`` on the loop when it stops (the client closes its engine here)."""
        self._on_stop.append(hook)

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            if not self.running or self._loop is None or self._thread is None:
                return
            hooks, self._on_stop = self._on_stop, []
            for hook in hooks:
                try:
                    asyncio.run_coroutine_threadsafe(hook(), self._loop).result(timeout)  # type: ignore[arg-type]
                except Exception:  # noqa: BLE001 - stopping must not fail because a hook did
                    pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
            self._thread = None
            self._loop = None

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run ``coro`` on the loop and wait for its result (from any thread but the loop's own)."""
        if self._thread is threading.current_thread():
            raise RuntimeError("SnmpLoop.run() called from the loop's own thread; await the coroutine instead")
        return self.submit(coro).result(timeout)


_shared: SnmpLoop | None = None
_shared_lock = threading.Lock()


def shared_loop() -> SnmpLoop:
    """The process-wide loop, started on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SnmpLoop()
        return _shared.start()
