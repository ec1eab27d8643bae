"""Who watches what: each collector's state, the devices no live collector holds, silent collectors.

A collector is **live** while its heartbeat is younger than ``SILENT_FACTOR`` status intervals
(the rule itself is ``egovops.polling.presence.presence_state``, through ``CollectorRow.state``, the
one model of a collector's row that the desks' view uses too),
**stopped** once it stopped cleanly (``stopped_at``), and **stale** otherwise: it stopped
reporting without saying so (crash, SIGKILL, host down). Its leases outlive it by at most their
TTL (``egovops.polling.leases``), after which a live collector of its zone takes its devices.

A device is **monitored** while a live collector holds an unexpired lease on it. Every other
device is "not monitored": counted as such by ``egovops status`` and the console, never shown with
the state it last had (a device nobody polls must never look up).

Stores where no collector (and no named poller) ever registered, an embedded store polled by the
console's own poller, have no leases to go by: ``Coverage.applies`` is False there and states are
shown as stored.

The console (helper s6's Collectors panel) and ``egovops collectors list`` call these functions.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from egovops.i18n import tr
from egovops.inventory.model import WORKSTATION_TAG

# The states are re-exported (``X as X``): this module's callers import them from here.
from egovops.polling.presence import LIVE as LIVE
from egovops.polling.presence import STALE as STALE
from egovops.polling.presence import STALE_AFTER_INTERVALS, CollectorRow, Presence
from egovops.polling.presence import STOPPED as STOPPED
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.polling.workstation import workstation_device, workstation_name
from egovops.storage.alarms_repo import Alarm, AlarmCondition, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors, device_leases
from egovops.storage.tables.inventory import devices

SILENT_FACTOR = STALE_AFTER_INTERVALS  # heartbeat older than this many status intervals, not stopped: silent
SILENT_KIND = "collector_silent"  # overview.alarm_text names it and translates its message


@dataclass(frozen=True)
class CollectorState:
    row: CollectorRow
    state: str  # live, stale or stopped
    lag_s: float  # seconds since its last heartbeat


@dataclass(frozen=True)
class Coverage:
    applies: bool  # False: nobody ever registered on this store (see the module's note)
    devices: int
    monitored: int
    not_monitored: tuple[str, ...]  # device names, sorted


def status_interval(database: Database) -> float:
    return PollingSettingsRepository(database).polling().intervals.status_s


def state_of(row: CollectorRow, now: float, status_s: float) -> CollectorState:
    return CollectorState(row, row.state(now, status_s), max(0.0, now - row.heartbeat_at))


def collector_states(database: Database, now: float | None = None) -> list[CollectorState]:
    at = time.time() if now is None else now
    status_s = status_interval(database)
    return [state_of(row, at, status_s) for row in Presence(database).collectors()]


def coverage(database: Database, now: float | None = None,
             states: list[CollectorState] | None = None) -> Coverage:
    at = time.time() if now is None else now
    states = collector_states(database, at) if states is None else states
    live = {s.row.name for s in states if s.state == LIVE}
    with database.read() as conn:
        rows = conn.execute(select(devices.c.name, devices.c.tags)).all()
        held = set(conn.execute(select(devices.c.name).join(device_leases, device_leases.c.device_id == devices.c.id)
                                .where(device_leases.c.expires_at > at, device_leases.c.holder.in_(live))).scalars())
    # The workstation rows are read by psutil on their own host, not leased: not part of the zone.
    names = sorted(name for name, tags in rows if WORKSTATION_TAG not in _tags(tags))
    missing = tuple(n for n in names if n not in held)
    return Coverage(bool(states), len(names), len(names) - len(missing), missing)


def _tags(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else ()  # a JSON list in the store


def collector_profiles(database: Database) -> dict[str, list[str]]:
    """{collector: the credential profiles its host's keyring opens} (names only)."""
    with database.read() as conn:
        rows = conn.execute(select(collectors.c.name, collectors.c.profiles)).all()
    return {name: json.loads(value or "[]") for name, value in rows}


def host_device(host: str) -> str:
    """The inventory row a collector's silence is raised on: its host's own row (the workstation
    row the poller keeps for the machine it runs on, ``egovops.polling.workstation``)."""
    return f"console-{host}"


def check_silent(database: Database, now: float | None = None) -> tuple[list[Alarm], list[Alarm]]:
    """Raise ``collector_silent`` for every stale collector, clear it for every other one; returns
    (raised, cleared). Idempotent: any live collector, or the console, may call it any time."""
    at = time.time() if now is None else now
    states = collector_states(database, at)
    conditions: dict[str, list[AlarmCondition]] = {}
    for s in states:
        found = conditions.setdefault(host_device(s.row.host), [])
        if s.state == STALE:
            found.append(AlarmCondition("collector_silent", "major", tr(  # SILENT_KIND, literal for the kinds test
                "collector {name} on {where} has not reported for {value:.0f} s",
                name=s.row.name, where=s.row.host, value=s.lag_s), subject=s.row.name))
    if not conditions:
        return [], []
    return AlarmRepository(database).reconcile(conditions, at, kinds=[SILENT_KIND])


def should_check(own_name: str, states: list[CollectorState]) -> bool:
    """One checker at a time: the live collector first by name (two reconciling at once on
    PostgreSQL could each raise the same alarm)."""
    live = sorted(s.row.name for s in states if s.state == LIVE)
    return bool(live) and live[0] == own_name


def check_silent_if_first(database: Database, own_name: str) -> tuple[list[Alarm], list[Alarm]]:
    """``check_silent`` when ``own_name`` is the first live collector or named poller by name
    (``should_check``), else nothing: every process with a row in ``collectors`` calls it after
    each cycle, so a silent row is an alarm whether the others are collectors or hand-started
    ``egovops poll --name`` processes, and exactly one of them reconciles."""
    if not should_check(own_name, collector_states(database)):
        return [], []
    return check_silent(database)


def ensure_host_row(database: Database) -> None:
    """This host's own inventory row (the workstation row, read through psutil, never leased): the
    ``collector_silent`` alarm about a process of this host is raised on it (``host_device``), and
    an alarm needs a device. Made once; a process of this host starting at the same moment may
    make it first."""
    inventory = InventoryRepository(database)
    if workstation_name() in inventory.device_ids():
        return
    for attempt in range(2):
        roots = sorted(s.path for s in inventory.sites() if s.parent_path is None)
        try:
            inventory.save_devices([workstation_device(roots[0] if roots else "本机", "intranet")])
            return
        except IntegrityError:
            if workstation_name() in inventory.device_ids():
                return
            if attempt:
                raise
