"""The notifier as a component: the engine and the sender on their own thread, for the collector
(``start()``/``stop()``) or ``egovops notify run``; ``run_once(now)`` for tests and single passes."""

from __future__ import annotations

import logging
import threading
import time

from egovops.notify.engine import Engine, Timing
from egovops.notify.outbox import Sender
from egovops.notify.repo import NotifyRepository
from egovops.notify.uplink import UplinkServer, uplink_addresses
from egovops.storage.database import Database

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, database: Database, interval_s: float = 5.0, timing: Timing | None = None,
                 name: str | None = None, lease_s: float = 120.0) -> None:
        self.engine = Engine(database, timing)
        self.sender = Sender(database, name, lease_s)
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.db = database
        self.uplinks: list[UplinkServer] = []

    def run_once(self, now: float | None = None) -> tuple[int, int]:
        """(rows queued, rows delivered) of one pass."""
        at = time.time() if now is None else now
        queued = self.engine.run_once(at)
        return queued, self.sender.run_once(at)

    def start(self) -> None:
        self._start_uplinks()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="egovops-notify", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - a bad pass (store gone a moment) must not end notifications
                log.exception("notification pass failed")
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        for uplink in self.uplinks:
            uplink.stop()
        self.uplinks = []

    def _start_uplinks(self) -> None:
        """The SMS replies endpoint(s) the channels ask for (read at start: a change applies when the
        collector starts again). Several collectors on one host: the first binds, the others say so."""
        for host, port in sorted(uplink_addresses(NotifyRepository(self.db).channels())):
            try:
                self.uplinks.append(UplinkServer(self.db, host, port).start())
                log.info("SMS replies served on %s:%s", host, port)
            except OSError as exc:
                log.warning("SMS replies cannot be served on %s:%s: %s", host, port, exc)
