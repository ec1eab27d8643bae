"""One poller per embedded store: a second one refuses to start and names the one that polls.

Two pollers on one SQLite file each polled every device, took twice as long, and stored every state
transition twice. On the embedded store the poller therefore holds an exclusive OS lock on a file
beside the database for as long as it runs. The operating system drops the lock when the process
ends, however it ends (SIGKILL, a crash, a power cut), so a stale lock never blocks the next start;
the file's text only says who holds it.

A shared PostgreSQL store is polled by several pollers at once, each holding leases on its own
devices; this lock is not used there.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from egovops.errors import EgovopsError
from egovops.i18n import tr


class PollerAlreadyRunning(EgovopsError):
    """Another process polls this store."""


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class PollerLock:
    """Held while a poller runs on the SQLite store at ``database_file``."""

    def __init__(self, database_file: Path) -> None:
        self.path = database_file.with_name(database_file.name + ".poller")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open until release()
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or tr("an unknown process")
            handle.close()
            raise PollerAlreadyRunning(tr("another poller is already polling this store ({holder}); "
                                          "stop it first, or use a shared PostgreSQL store for several pollers",
                                          holder=holder))
        handle.seek(0)
        handle.truncate()
        handle.write(tr("process {pid} on {host} since {since}", pid=os.getpid(), host=socket.gethostname(),
                        since=time.strftime("%Y-%m-%d %H:%M:%S")))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None

    def __enter__(self) -> PollerLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()
