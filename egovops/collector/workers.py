"""``egovops collector --workers N``: N collector processes of one zone on one host, run by a parent.

One poller process is CPU-bound at one core (decoding SNMP replies); the leases already split a
zone's devices among several collectors, so N processes with names ``NAME-1`` … ``NAME-N`` use N
cores without anything new in the store. The parent polls nothing itself. It:

* starts each worker as ``egovops collector --worker`` (the same command, so a worker is exactly
  a collector), with the store and data folder in its environment, never in argv;
* relays each worker's standard output, line by line, into its own log (the data folder's file and
  its standard output, the journal under systemd): one log, each line tagged with the worker's
  name; workers write no log file of their own (several processes rotating one file lose lines);
* writes one status line when every running worker has finished a cycle since the last one;
* restarts a worker that exits without being asked, after 1, 2, 4 … at most 60 s (the delay starts
  over once a worker has run a minute), and says so in the log;
* on SIGTERM/SIGINT, passes SIGTERM on to every worker and waits for them (each finishes its cycle
  in progress and gives its leases back), killing any still running after ``STOP_GRACE_S``.

Once-per-zone work: the scheduled jobs are claimed per slot in the store (``ScheduleStore.claim``),
so every worker may run the scheduler; the notifier and the trap/syslog receivers run in worker 1
only (two processes cannot hold one port, and one notifier per host is enough).
"""

from __future__ import annotations

import logging
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("egovops.collector")
STOP_GRACE_S = 20.0
MAX_BACKOFF_S = 60.0
STABLE_S = 60.0  # a worker up this long starts its next restart delay at 1 s again
CHILD_FORMAT = "%(levelname)s %(message)s"  # what a worker prints; the parent adds the time
_LEVEL = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) (.*)$")
_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING, "ERROR": logging.ERROR,
           "CRITICAL": logging.CRITICAL}
_CYCLE = re.compile(r"cycle \d+ \([^)]*\): (\d+) devices, (\d+) failed, ([\d.]+) s")


@dataclass
class Worker:
    name: str
    argv: list[str]
    process: subprocess.Popen[str] | None = None
    started: float = 0.0
    backoff_s: float = 1.0
    restart_at: float | None = None
    restarts: int = 0
    last_cycle: tuple[int, int, float] | None = None  # devices, failed, seconds of its latest cycle
    relay: threading.Thread | None = field(default=None, repr=False)


class Workers:
    """The parent of N collector workers; ``run`` returns the exit code of the whole."""

    def __init__(self, name: str, argv_for: Callable[[int, str], list[str]], count: int, env: dict[str, str]) -> None:
        self.name, self.env = name, env
        self.workers = [Worker(f"{name}-{i}", argv_for(i, f"{name}-{i}")) for i in range(1, count + 1)]
        self._status_lock = threading.Lock()

    # -- one worker ------------------------------------------------------------------------------

    def _start(self, worker: Worker) -> None:
        worker.process = subprocess.Popen(worker.argv, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
        worker.started, worker.restart_at = time.monotonic(), None
        worker.relay = threading.Thread(target=self._relay, args=(worker, worker.process),
                                        name=f"egovops-relay-{worker.name}", daemon=True)
        worker.relay.start()
        log.info("collector %s: worker %s started (pid %d)", self.name, worker.name, worker.process.pid)

    def _relay(self, worker: Worker, process: subprocess.Popen[str]) -> None:
        """Each line of the worker into this process's log at the worker's level; a line without a
        level (a traceback's) keeps the level of the line before it."""
        assert process.stdout is not None
        level = logging.INFO
        for line in process.stdout:
            text = line.rstrip("\n")
            found = _LEVEL.match(text)
            if found:
                level, text = _LEVELS[found.group(1)], found.group(2)
            log.log(level, "[%s] %s", worker.name, text)
            cycle = _CYCLE.search(text)
            if cycle:
                self._cycled(worker, int(cycle.group(1)), int(cycle.group(2)), float(cycle.group(3)))

    def _cycled(self, worker: Worker, devices: int, failed: int, seconds: float) -> None:
        """One status line for the whole once every running worker has reported a cycle since the last."""
        with self._status_lock:
            worker.last_cycle = (devices, failed, seconds)
            running = [w for w in self.workers if w.process is not None and w.process.poll() is None]
            if not running or any(w.last_cycle is None for w in running):
                return
            cycles = [w.last_cycle for w in running if w.last_cycle is not None]
            log.info("collector %s: %d workers: %d devices, %d failed, slowest cycle %.2f s", self.name,
                     len(running), sum(c[0] for c in cycles), sum(c[1] for c in cycles), max(c[2] for c in cycles))
            for w in running:
                w.last_cycle = None

    def _check(self, worker: Worker, now: float) -> None:
        """Restart a worker that ended, once its delay is over."""
        process = worker.process
        if process is not None and process.poll() is None:
            if now - worker.started >= STABLE_S:
                worker.backoff_s = 1.0
            return
        if worker.restart_at is None:
            code = process.returncode if process is not None else None
            worker.restart_at = now + worker.backoff_s
            log.error("collector %s: worker %s exited with code %s; restarting it in %.0f s",
                      self.name, worker.name, code, worker.backoff_s)
            worker.backoff_s = min(MAX_BACKOFF_S, worker.backoff_s * 2)
        elif now >= worker.restart_at:
            worker.restarts += 1
            self._start(worker)

    def signal_all(self, number: int) -> None:
        for worker in self.workers:
            if worker.process is not None and worker.process.poll() is None:
                worker.process.send_signal(number)

    # -- the whole -------------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> int:
        for worker in self.workers:
            self._start(worker)
        log.info("collector %s: %d workers: %s", self.name, len(self.workers), ", ".join(w.name for w in self.workers))
        while not stop.wait(0.2):
            now = time.monotonic()
            for worker in self.workers:
                self._check(worker, now)
        return self._stop_all()

    def _stop_all(self) -> int:
        running = [w for w in self.workers if w.process is not None and w.process.poll() is None]
        for worker in running:
            assert worker.process is not None
            worker.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        code = 0
        for worker in running:
            assert worker.process is not None
            try:
                worker.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("collector %s: worker %s did not stop within %.0f s: killed", self.name, worker.name,
                          STOP_GRACE_S)
                worker.process.kill()
                worker.process.wait()
            if worker.process.returncode not in (0, -signal.SIGTERM):
                code = 1
        for worker in self.workers:
            if worker.relay is not None:
                worker.relay.join(5)
        log.info("collector %s: all workers stopped", self.name)
        return code
