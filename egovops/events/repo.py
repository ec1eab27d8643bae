"""Events in the store: append a batch, count what was not kept, search, prune by retention."""

from __future__ import annotations

import builtins  # the class's own list() method hides the builtin in its annotations
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from egovops.errors import ValidationError
from egovops.events.model import Event
from egovops.events.partitions import DAY_S, EventPartitions, day_start
from egovops.i18n import tr
from egovops.inventory.model import WORKSTATION_TAG
from egovops.storage.database import Database
from egovops.storage.tables.events import EVENT_KINDS, event_counters, events
from egovops.storage.tables.inventory import devices, settings

RETENTION_KEY = "events.retention_days"
ENGINE_IDS_KEY = "events.engine_ids"  # {device name: engine ID in hex} for v3 traps (not informs)
DEFAULT_RETENTION_DAYS = 180  # the Cybersecurity Law, Art. 21: network logs kept at least six months
LAW_MINIMUM_DAYS = 180
CONFIG_RULES = ("config-change", "config-command")  # the shipped rules that mean "its configuration changed"
_STORED = ("received_at", "sent_at", "device_id", "device", "source", "kind", "severity", "module", "mnemonic",
           "text", "varbinds", "rule")


@dataclass(frozen=True)
class Counter:
    day: float
    source: str
    counter: str
    count: int
    last_at: float


def _tags(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else ()  # a JSON list in the store


def _event(row: object) -> Event:
    values = dict(row._mapping)  # type: ignore[attr-defined]
    return Event(**values)


class EventRepository:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.partitions = EventPartitions(database)

    def sources(self) -> dict[str, tuple[int, str]]:
        """Inventory addresses → (device id, name): how a sender is told to be a known device.

        A workstation row (the console's own host, polled by psutil) may share its address with a
        real device, e.g. a switch's management address on the same host in the demo; the device is
        the one that sends traps and syslog, so it wins whatever order the rows come in."""
        with self.db.read() as conn:
            rows = conn.execute(select(devices.c.id, devices.c.name, devices.c.address, devices.c.tags)
                                .order_by(devices.c.id)).all()
        found: dict[str, tuple[int, str]] = {}
        # Workstations first (False sorts before True), so a device at the same address overwrites.
        for r in sorted(rows, key=lambda r: WORKSTATION_TAG not in _tags(r.tags)):
            found[r.address] = (r.id, r.name)
        return found

    def store(self, batch: Sequence[Event], counts: Mapping[tuple[str, str], int] | None = None,
              at: float | None = None) -> None:
        """Append ``batch`` and add ``counts`` ({(source, counter): n}) in one transaction."""
        if not batch and not counts:
            return
        now = time.time() if at is None else at
        self.partitions.ensure([e.received_at for e in batch] + [now])
        with self.db.write() as conn:
            if batch:
                conn.execute(insert(events), [{k: getattr(e, k) for k in _STORED} for e in batch])
            for (source, counter), n in (counts or {}).items():
                self._count(conn, source, counter, n, now)

    def count(self, source: str, counter: str, n: int = 1, at: float | None = None) -> None:
        self.store([], {(source, counter): n}, at)

    @staticmethod
    def _count(conn: Connection, source: str, counter: str, n: int, at: float) -> None:
        # Update first, insert when there was no row: portable, and a day's row is made once.
        key = and_(event_counters.c.day == day_start(at), event_counters.c.source == source,
                   event_counters.c.counter == counter)
        done = conn.execute(update(event_counters).where(key).values(count=event_counters.c.count + n, last_at=at))
        if not done.rowcount:
            conn.execute(insert(event_counters).values(day=day_start(at), source=source, counter=counter, count=n,
                                                       last_at=at))

    def counters(self, since: float = 0.0) -> list[Counter]:
        with self.db.read() as conn:
            rows = conn.execute(select(event_counters).where(event_counters.c.day >= day_start(since))
                                .order_by(event_counters.c.day, event_counters.c.source, event_counters.c.counter))
            return [Counter(r.day, r.source, r.counter, r._mapping["count"], r.last_at) for r in rows]

    def list(self, device: str | None = None, since: float | None = None, kind: str | None = None,
             grep: str | None = None, limit: int | None = 1000, until: float | None = None) -> list[Event]:
        """Newest first. ``device`` matches the device name or the source address; ``grep`` is a
        case-insensitive substring of the text, module or mnemonic."""
        if kind is not None and kind not in EVENT_KINDS:
            raise ValidationError(tr("event kind {kind!r} is not one of {choices}", kind=kind,
                                     choices=", ".join(EVENT_KINDS)))
        query = (select(*[events.c[k] for k in ("id", *_STORED)])
                 .order_by(events.c.received_at.desc(), events.c.id.desc()))
        if device:
            query = query.where(or_(events.c.device == device, events.c.source == device))
        if since is not None:
            query = query.where(events.c.received_at >= since)
        if until is not None:
            query = query.where(events.c.received_at < until)
        if kind:
            query = query.where(events.c.kind == kind)
        if grep:
            pattern = f"%{grep.lower()}%"
            query = query.where(or_(func.lower(events.c.text).like(pattern), func.lower(events.c.module).like(pattern),
                                    func.lower(events.c.mnemonic).like(pattern)))
        if limit is not None:
            query = query.limit(limit)
        with self.db.read() as conn:
            return [_event(r) for r in conn.execute(query)]

    def config_changes(self, device: str, since: float | None = None, limit: int = 200) -> builtins.list[Event]:
        """Newest first: the device's events that the rules called configuration changes or
        recorded commands, for the device view to show beside its configuration versions."""
        query = (select(*[events.c[k] for k in ("id", *_STORED)])
                 .where(events.c.device == device, events.c.rule.in_(CONFIG_RULES))
                 .order_by(events.c.received_at.desc(), events.c.id.desc()).limit(limit))
        if since is not None:
            query = query.where(events.c.received_at >= since)
        with self.db.read() as conn:
            return [_event(r) for r in conn.execute(query)]

    def setting(self, key: str, default: object) -> object:
        with self.db.read() as conn:
            value = conn.scalar(select(settings.c.value).where(settings.c.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: object) -> None:
        with self.db.write() as conn:
            conn.execute(delete(settings).where(settings.c.key == key))
            conn.execute(insert(settings).values(key=key, value=value))

    def retention_days(self) -> int:
        return int(self.setting(RETENTION_KEY, DEFAULT_RETENTION_DAYS))  # type: ignore[call-overload]

    def set_retention_days(self, days: int) -> None:
        if days < 1:
            raise ValidationError(tr("retention must be at least 1 day, not {days}", days=days))
        self.set_setting(RETENTION_KEY, days)

    def engine_ids(self) -> dict[str, str]:
        return dict(self.setting(ENGINE_IDS_KEY, {}))  # type: ignore[call-overload]

    def set_engine_id(self, device: str, engine_id: str) -> None:
        found = self.engine_ids()
        found[device] = engine_id
        self.set_setting(ENGINE_IDS_KEY, found)

    def prune(self, now: float | None = None) -> float:
        """Forget events older than the retention (whole days on PostgreSQL); returns the cutoff."""
        at = time.time() if now is None else now
        cutoff = day_start(at) - self.retention_days() * DAY_S
        self.partitions.drop_before(cutoff)
        with self.db.write() as conn:  # SQLite's rows, and on PostgreSQL nothing left past a dropped day
            conn.execute(delete(events).where(events.c.received_at < cutoff))
            conn.execute(delete(event_counters).where(event_counters.c.day < cutoff))
        return cutoff

    def oldest(self) -> float | None:
        with self.db.read() as conn:
            found: float | None = conn.scalar(select(func.min(events.c.received_at)))
        return found


def known_source(sources: Mapping[str, tuple[int, str]], event: Event) -> None:
    """Fill the event's device from the inventory when its source is a known address."""
    found = sources.get(event.source)
    if found is not None:
        event.device_id, event.device = found

