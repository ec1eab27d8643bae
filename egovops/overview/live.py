"""The poller running inside the console's process (``egovops console --demo``).

It polls in its own thread on the core's asyncio loop, exactly as ``egovops poll`` does (root-cause
analysis attached), and calls ``on_cycle`` from that thread after each cycle; the console turns that
into a refresh on its GUI thread. A ``wait_for`` callable runs first in the same thread, so the
window opens at once while, for example, the demo network is still starting.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

from egovops.credentials.service import CredentialService
from egovops.storage.database import Database

log = logging.getLogger(__name__)
STOP_TIMEOUT_S = 30.0


class LivePolling:
    def __init__(
        self, database: Database, credentials: CredentialService,
        on_cycle: Callable[[], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.database, self.credentials = database, credentials
        self.on_cycle, self.on_error = on_cycle, on_error
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, wait_for: Callable[[], None] | None = None) -> None:
        self._thread = threading.Thread(target=self._run, args=(wait_for,), name="egovops-console-poller", daemon=True)
        self._thread.start()

    def _run(self, wait_for: Callable[[], None] | None) -> None:
        # Imported here: the SNMP stack is heavy and only the live console needs it.
        from egovops.polling.poller import Poller
        from egovops.snmp import SnmpClient, SnmpLoop
        from egovops.topology.poller_hook import attach as attach_root_cause

        loop = None
        try:
            if wait_for is not None:
                wait_for()
            if self._stop.is_set():
                return
            loop = SnmpLoop("egovops-console-snmp").start()
            poller = Poller(self.database, SnmpClient(loop), self.credentials)
            attach_root_cause(poller)
            poller.run_forever(self._stop, lambda _result: self.on_cycle() if self.on_cycle else None)
        except Exception as exc:  # reported to the operator, never lost in a thread
            log.exception("console poller stopped")
            if self.on_error is not None:
                self.on_error(exc)
        finally:
            if loop is not None:
                loop.stop()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_S)
