"""The poller the console starts for ``egovops console --demo``: ``egovops poll`` as a child process.

Polling 1,000 devices is CPU-bound Python (SNMP decoding, state and alarm bookkeeping); in the
console's own process it held the interpreter lock long enough to stall the GUI thread for over
400 ms at the 99th percentile (benchmarks/console_latency.py). In its own process the poller
competes with the console for nothing but the store, which SQLite's WAL mode lets both use at
once. A watcher thread notices each finished cycle in ``poller_stats`` (and each neighbour sweep
in ``topology_runs``, which may raise a cross-network alarm) and publishes it into the store's
change feed (``database.changes``) from that thread: it is a ``ChangeSource`` for writes made in
another process. ``wait_for`` runs first on the same thread, so the window opens at once while,
for example, the demo network starts.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.overview.repo import OverviewRepository
from egovops.paths import log_dir
from egovops.storage.changes import POLL_CYCLE
from egovops.storage.database import Database

log = logging.getLogger(__name__)
WATCH_S = 0.25  # one indexed read of the latest cycle: cheap, and the operator sees a cycle at once
DEMO_WAIT_S = 180.0
STOP_TIMEOUT_S = 5.0


class LivePolling:
    def __init__(
        self, database: Database, data_dir: Path,
        wait_for: Callable[[], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.repo, self.data_dir, self.feed = OverviewRepository(database), data_dir, database.changes
        self.wait_for, self.on_error = wait_for, on_error
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, args=(self.wait_for,), name="egovops-console-poller",
                                        daemon=True)
        self._thread.start()

    def _run(self, wait_for: Callable[[], None] | None) -> None:
        try:
            # The poller starts at once and waits for the demo network itself (poll --after-demo):
            # its own start-up (imports, store) overlaps the agents'.
            last = self.repo.change_mark()  # before the poller can write its first cycle
            self._spawn(after_demo=wait_for is not None)
            if wait_for is not None:
                wait_for()
            if self._stop.is_set():
                self._terminate()  # stop() may have run before the process existed
                return
            self._watch(last)
        except Exception as exc:  # reported to the operator, never lost in a thread
            log.exception("console poller stopped")
            self._terminate()
            if self.on_error is not None:
                self.on_error(exc)

    def _spawn(self, after_demo: bool) -> None:
        log_path = log_dir(self.data_dir) / "console-poller.log"
        wait = ["--after-demo", str(DEMO_WAIT_S)] if after_demo else []
        with open(log_path, "ab") as out:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "egovops", "--data-dir", str(self.data_dir), "poll", *wait],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            )

    def _watch(self, last: tuple[int, int]) -> None:
        assert self._process is not None
        while not self._stop.wait(WATCH_S):
            if self._process.poll() is not None:
                raise EgovopsError(tr("the poller stopped (exit code {code}); see {log}", code=self._process.returncode,
                                      log=log_dir(self.data_dir) / "console-poller.log"))
            latest = self.repo.change_mark()
            if latest != last:
                last = latest
                self.feed.publish(POLL_CYCLE)

    def stop(self) -> None:
        self._stop.set()
        self._terminate()
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_S)

    def _terminate(self) -> None:
        if self._process is not None and self._process.poll() is None:
            # SIGTERM ends `egovops poll` at once, mid-cycle: every write is one transaction, so it
            # loses at most the cycle in progress, and the operator closing the window does not
            # wait for a cycle of a thousand devices to finish (SIGINT would).
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
