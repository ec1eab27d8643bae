"""Who polls a shared store: each poller's (or collector's) row in ``collectors``.

A poller registers under its name when it starts, refreshes ``heartbeat_at`` at the start of every
cycle (before it claims leases, so its heartbeat is never younger than its leases: a dead poller's
row and leases go stale together) and records each finished cycle; a clean stop sets
``stopped_at``. A crash leaves the heartbeat to age, which is how a desk tells a dead poller from
an idle one. Names only here: never a secret.

The name is the lease holder's name, so two live processes must not share it: ``register``
refuses a name whose row has a fresh heartbeat and no stop from another process, unless that
process is on this host and no longer exists.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, delete, insert, select, update

from egovops import __version__
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.tables.collectors import collectors

LIVE, STALE, STOPPED = "live", "stale", "stopped"
# A heartbeat older than this many status intervals, with no stop recorded: the collector stopped
# reporting without saying so (crash, SIGKILL, host or store lost). Two intervals is also the time
# issue 18 gives another collector of the zone to take its devices over.
STALE_AFTER_INTERVALS = 2.0


def presence_state(stopped_at: float | None, heartbeat_at: float, now: float, status_s: float) -> str:
    """LIVE, STALE or STOPPED: the one rule the collector's silence check (egovops.collector.coverage)
    and the desks' view of collectors (egovops.overview.collectors) share, so they never disagree."""
    if stopped_at is not None:
        return STOPPED
    return STALE if now - heartbeat_at > STALE_AFTER_INTERVALS * status_s else LIVE


class NameInUse(EgovopsError):
    """Another live poller runs under this name on this store."""


def default_name() -> str:
    """``host:pid``: unique among live processes, and says where to look."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _gone(pid: int) -> bool:
    """Whether no process ``pid`` runs on this host: a poller restarted (systemd's Restart=) after
    a crash may take its name back at once instead of waiting for the old heartbeat to age."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, owned by another user (PermissionError), or cannot be asked
        return False
    return False


@dataclass(frozen=True)
class CollectorRow:
    """One poller's or collector's row: the one model of it that the collector's checks
    (egovops.collector.coverage), the desks' overview (egovops.overview.collectors), the Collectors
    panel and the command line share."""

    name: str
    host: str
    pid: int
    version: str
    zone: str
    started_at: float
    heartbeat_at: float
    stopped_at: float | None
    last_cycle_at: float | None
    last_cycle_s: float | None
    devices_held: int
    overruns: int
    cpu_percent: float | None
    rss_bytes: int | None
    profiles: tuple[str, ...] = ()  # credential profiles its host's keyring holds, names only

    def state(self, now: float, status_s: float) -> str:
        """LIVE, STALE or STOPPED (``presence_state``)."""
        return presence_state(self.stopped_at, self.heartbeat_at, now, status_s)


def parse_profiles(text: str | None) -> tuple[str, ...]:
    """The profile names a collector wrote (egovops.collector.profiles); anything but a JSON list
    counts as none (a row written by hand, or by a version that wrote something else, must not
    break every desk)."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(sorted(str(v) for v in value)) if isinstance(value, list) else ()


def row_from(row: Row[Any], devices_held: int | None = None) -> CollectorRow:
    """The model of a ``collectors`` row; ``devices_held`` replaces the count the poller reported
    (a desk on a shared store counts the unexpired leases instead)."""
    return CollectorRow(row.name, row.host, row.pid, row.version, row.zone or "", row.started_at, row.heartbeat_at,
                        row.stopped_at, row.last_cycle_at, row.last_cycle_s,
                        int(row.devices_held or 0) if devices_held is None else devices_held, int(row.overruns or 0),
                        row.cpu_percent, row.rss_bytes, parse_profiles(row.profiles))


class Presence:
    """The ``collectors`` table of one store."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def register(self, name: str, zone: str = "", fresh_s: float = 60.0, now: float | None = None) -> None:
        """Announce this process as ``name``; refuses (``NameInUse``) while another process's row
        of that name has a heartbeat younger than ``fresh_s`` and no stop."""
        at = time.time() if now is None else now
        host, pid = socket.gethostname(), os.getpid()
        with self.db.write() as conn:
            old = conn.execute(select(collectors).where(collectors.c.name == name)).first()
            if (old is not None and old.stopped_at is None and old.heartbeat_at > at - fresh_s
                    and (old.host, old.pid) != (host, pid) and not (old.host == host and _gone(old.pid))):
                raise NameInUse(tr("a poller named {name} is already running (process {pid} on {host}); "
                                   "give this one another --name", name=name, pid=old.pid, host=old.host))
            conn.execute(delete(collectors).where(collectors.c.name == name))
            conn.execute(insert(collectors).values(
                name=name, host=host, pid=pid, version=__version__, zone=zone, started_at=at, heartbeat_at=at,
                devices_held=0, overruns=0))

    def heartbeat(self, name: str, devices_held: int, now: float | None = None) -> None:
        with self.db.write() as conn:
            conn.execute(update(collectors).where(collectors.c.name == name).values(
                heartbeat_at=time.time() if now is None else now, devices_held=devices_held))

    def cycle_done(self, name: str, at: float, seconds: float, overrun: bool, cpu_percent: float | None = None,
                   rss_bytes: int | None = None, devices_held: int | None = None) -> None:
        """Record a finished cycle (started at ``at``, lasting ``seconds``)."""
        held = {} if devices_held is None else {"devices_held": devices_held}
        with self.db.write() as conn:
            conn.execute(update(collectors).where(collectors.c.name == name).values(
                **held, last_cycle_at=at, last_cycle_s=seconds, overruns=collectors.c.overruns + (1 if overrun else 0),
                cpu_percent=cpu_percent, rss_bytes=rss_bytes))

    def stopped(self, name: str, now: float | None = None) -> None:
        """A clean stop: the row stays (a desk shows when it stopped), holding nothing."""
        with self.db.write() as conn:
            conn.execute(update(collectors).where(collectors.c.name == name).values(
                stopped_at=time.time() if now is None else now, devices_held=0))

    def collectors(self) -> list[CollectorRow]:
        with self.db.read() as conn:
            return [row_from(r) for r in conn.execute(select(collectors).order_by(collectors.c.name))]

    def get(self, name: str) -> CollectorRow | None:
        with self.db.read() as conn:
            row = conn.execute(select(collectors).where(collectors.c.name == name)).first()
        return None if row is None else row_from(row)
