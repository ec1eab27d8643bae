"""A configuration backup run when a device says its configuration changed (a rule with
``backup: true``), through the same ``ProcedureRunner`` and ``config-backup`` procedure as
``egovops run`` and the collector's nightly job, so the run, its audit rows and the version it
stores are the same.

Rate limited: one run per device at a time, at most one per device in ``min_interval_s`` (a storm
of config-change lines, or an engineer typing commands each logged, starts one run, and the next
change after the interval starts the next), and at most ``max_pending`` devices waiting; what is
turned away is counted (``skipped``). Runs go one after another in one thread of their own, never
in the events writer's: a backup takes seconds, storing events must not wait for it.

As in the collector's jobs, the operator is the process's own OS account with its role in the
store, and unknown host keys are refused (nobody is there to answer).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from egovops.accounts import AccountService
from egovops.audit.log import AuditLog
from egovops.credentials.service import CredentialService
from egovops.procedures import ProcedureRunner, RunRequest, RunServices, discover
from egovops.storage.database import Database

log = logging.getLogger(__name__)
BACKUP_PROCEDURE = "config-backup"
MIN_INTERVAL_S = 600.0
MAX_PENDING = 50


def procedure_backup(database: Database, data_dir: Path, credentials: CredentialService | None = None,
                     ) -> Callable[[str], str]:
    """A function that runs ``config-backup`` on one device and returns a line for the log."""

    def run(device: str) -> str:
        operator = AccountService(database).os_operator()
        AuditLog(database).record(actor=operator.label(), role=operator.role.value, action="events.backup",
                                  subject=device, details={"procedure": BACKUP_PROCEDURE,
                                                           "reason": "the device reported a configuration change"})
        services = RunServices(database, operator, data_dir / "runs", trust_new_host_key=False,
                               credential_service=credentials)
        report = ProcedureRunner(discover(), services).run(RunRequest(BACKUP_PROCEDURE, f"name:{device}"))
        counts = report.counts()
        return f"{device}: {BACKUP_PROCEDURE} run {report.run_id}: {counts['ok']} ok, {counts['failed']} failed"

    return run


class BackupOnChange:
    def __init__(self, run: Callable[[str], str], min_interval_s: float = MIN_INTERVAL_S,
                 max_pending: int = MAX_PENDING) -> None:
        self.run, self.min_interval_s, self.max_pending = run, min_interval_s, max_pending
        self._queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}  # device → when its last run was asked for (monotonic)
        self._pending: set[str] = set()
        self._thread: threading.Thread | None = None
        self.started = 0
        self.skipped = 0
        self.results: list[str] = []  # the last runs' lines, newest last

    def ask(self, device: str) -> bool:
        """Any thread. True when a run was queued; False when the limits turned it away."""
        now = time.monotonic()
        with self._lock:
            last = self._last.get(device)
            if (device in self._pending or (last is not None and now - last < self.min_interval_s)
                    or len(self._pending) >= self.max_pending):
                self.skipped += 1
                return False
            self._pending.add(device)
            self._last[device] = now
        self._queue.put(device)
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="egovops-events-backup", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _work(self) -> None:
        while (device := self._queue.get()) is not None:
            try:
                self.started += 1
                line = self.run(device)
                log.info("backup after a configuration change: %s", line)
            except Exception as exc:  # noqa: BLE001 - one device's failed run must not stop the next
                log.exception("backup after a configuration change of %s", device)
                line = f"{device}: {exc}"
            finally:
                with self._lock:
                    self._pending.discard(device)
            self.results = [*self.results[-19:], line]
