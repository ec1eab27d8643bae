"""From receivers to the store: rate limits, device, rules, alarms, confirming polls.

Receivers call ``submit``/``syslog``/``rejected`` from their own threads; those only check the
storm limits and queue. One writer thread takes what is queued every ``batch_s`` and does the
rest in a few transactions per batch, so a burst costs one insert per batch, not per line, and a
slow store delays storing, never receiving. ``on_poll(device)`` is what the collector wires to the
poller ("confirm with a poll"); ``listeners`` get each stored batch (a console's live tail).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable

from sqlalchemy import select

from egovops.events.alarms import STORM_KIND, clear_alarm, raise_alarm
from egovops.events.model import Event
from egovops.events.repo import EventRepository, known_source
from egovops.events.rules import Rule, Rules
from egovops.events.storm import StormGuard, StormLimits, StormReport
from egovops.events.syslog_parse import parse_syslog
from egovops.i18n import tr
from egovops.storage.changes import Changes
from egovops.storage.database import Database
from egovops.storage.tables.polling import interface_status

log = logging.getLogger(__name__)
BAD_AUTH = "bad_auth"
QUEUE_LIMIT = 100_000  # past this the writer is far behind: further events are counted, not queued
SOURCES_TTL_S = 10.0
PRUNE_EVERY_S = 3600.0


class EventService:
    def __init__(self, database: Database, rules: Rules, limits: StormLimits | None = None,
                 on_poll: Callable[[str], None] | None = None, batch_s: float = 0.05,
                 on_backup: Callable[[str], object] | None = None) -> None:
        self.db, self.rules, self.on_poll, self.batch_s = database, rules, on_poll, batch_s
        self.on_backup = on_backup  # asked with the device's name; it queues and limits (events/backup.py)
        self.repo = EventRepository(database)
        self.guard = StormGuard(limits or StormLimits())
        self.listeners: list[Callable[[list[Event]], None]] = []
        self._queue: queue.SimpleQueue[Event] = queue.SimpleQueue()
        self._rejected: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sources: dict[str, tuple[int, str]] = {}
        self._sources_at = 0.0
        self.stored = 0
        self._pruned_at = 0.0  # the first pass prunes at once: a listener started after a long stop
        self._unsubscribe: Callable[[], None] = lambda: None

    # -- the receivers' side: any thread, cheap ---------------------------------------------------

    def submit(self, event: Event) -> None:
        if self.admit(event.source):
            self.accept(event)

    def admit(self, source: str) -> bool:
        """Whether the storm limits let one more event from ``source`` in (if not, it is counted)."""
        return self.guard.admit(source, time.monotonic())

    def accept(self, event: Event) -> None:
        """Queue an event already admitted (a receiver that asked ``admit`` before decoding)."""
        if self._queue.qsize() >= QUEUE_LIMIT:
            self.rejected(event.source, "queue_full")
            return
        self._queue.put(event)

    def syslog(self, raw: bytes, source: str, received_at: float) -> None:
        # The limit before the parse: a storm's excess costs a bucket lookup, not a parse.
        if self.admit(source):
            self.accept(parse_syslog(raw, source, received_at))

    def rejected(self, source: str, counter: str = BAD_AUTH) -> None:
        with self._lock:
            self._rejected[(source, counter)] += 1

    # -- the writer -----------------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        # A device added or readdressed is known at its next event, not after the cache's age.
        self._unsubscribe = self.db.changes.subscribe(
            lambda changes: self.refresh_sources() if changes & Changes.INVENTORY else None)
        self._thread = threading.Thread(target=self._run, name="egovops-events-writer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._unsubscribe()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
        self.flush()  # what was queued before the stop is still stored

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                first = self._queue.get(timeout=self.batch_s)
            except queue.Empty:
                first = None
            try:
                self.flush([first] if first is not None else [])
                self._prune_when_due()
            except Exception:  # noqa: BLE001 - the store may be away a while; the receivers go on
                log.exception("storing events failed")
                self._stop.wait(1.0)

    def _prune_when_due(self) -> None:
        """Retention, once an hour: whole days past it go (a partition drop on PostgreSQL)."""
        now = time.time()
        if now - self._pruned_at >= PRUNE_EVERY_S:
            self._pruned_at = now
            self.repo.prune(now)

    def flush(self, batch: list[Event] | None = None) -> list[Event]:
        """Store everything queued (plus ``batch``) now; returns what was stored."""
        batch = list(batch or [])
        while len(batch) < 5000:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        now = time.time()
        report = self.guard.take_report(time.monotonic())
        with self._lock:
            counts, self._rejected = report.counts + self._rejected, Counter()
        sources = self._known_sources(now)
        actions: list[tuple[Event, Rule]] = []
        for event in batch:
            known_source(sources, event)
            rule = self.rules.first(event)
            if rule is not None:
                event.rule = rule.name
                event.severity = rule.severity or event.severity
                if (rule.alarm or rule.poll or rule.backup) and self.rules.due(rule, event):
                    actions.append((event, rule))
        if batch or counts:
            self.repo.store(batch, dict(counts), now)
            self.stored += len(batch)
        self._act(actions, report, sources, now)
        if batch:
            for listener in list(self.listeners):
                listener(batch)
        return batch

    def _known_sources(self, now: float) -> dict[str, tuple[int, str]]:
        if now - self._sources_at > SOURCES_TTL_S:
            self._sources, self._sources_at = self.repo.sources(), now
        return self._sources

    def refresh_sources(self) -> None:
        self._sources_at = 0.0

    def _act(self, actions: list[tuple[Event, Rule]], report: StormReport, sources: dict[str, tuple[int, str]],
             now: float) -> None:
        polls: list[str] = []
        backups = [e.device for e, rule in actions if rule.backup and e.device]
        if actions or report.started or report.ended:
            with self.db.write() as conn:
                for event, rule in actions:
                    if rule.alarm is not None and event.device_id is not None:
                        subject = self._subject(conn, event, rule.alarm.subject)
                        if rule.alarm.action == "raise":
                            raise_alarm(conn, event.device_id, rule.alarm.kind, subject, rule.alarm.severity,
                                        _message(event), now)
                        else:
                            clear_alarm(conn, event.device_id, rule.alarm.kind, subject, now)
                    if rule.poll and event.device and event.device not in polls:
                        polls.append(event.device)
                for source in report.started:
                    if source in sources:
                        raise_alarm(conn, sources[source][0], STORM_KIND, "", "major",
                                    tr("event storm: more than {rate:g} events/s, the excess is counted, not stored",
                                       rate=self.guard.limits.per_source_rate), now)
                for source in report.ended:
                    if source in sources:
                        clear_alarm(conn, sources[source][0], STORM_KIND, "", now)
        for device in dict.fromkeys(backups):
            if self.on_backup is not None:
                try:
                    self.on_backup(device)
                except Exception:  # noqa: BLE001 - events go on being stored whatever the backup does
                    log.exception("backup of %s", device)
        for device in polls:
            if self.on_poll is not None:
                try:
                    self.on_poll(device)
                except Exception:  # noqa: BLE001 - a failed confirming poll is the poller's to report
                    log.exception("confirming poll of %s", device)

    @staticmethod
    def _subject(conn: object, event: Event, how: str) -> str:
        if how == "interface":
            name = event.varbind("IF-MIB::ifName") or event.varbind("IF-MIB::ifDescr")
            if name:
                return name
            index = event.varbind("IF-MIB::ifIndex")
            if index is not None and index.isdigit():
                polled = conn.scalar(select(interface_status.c.name).where(  # type: ignore[attr-defined]
                    interface_status.c.device_id == event.device_id, interface_status.c.if_index == int(index)))
                return str(polled) if polled else f"ifIndex {index}"
            return ""
        if how == "index":
            for oid, _name, _value in event.varbinds or ():
                if not oid.startswith(("1.3.6.1.2.1.1.3", "1.3.6.1.6.3.1.1.4")):
                    return _instance(_name)
        return ""


def _instance(name: str) -> str:
    """The instance part of a varbind's name: ``hwEntityBoardName.17`` → ``17``."""
    head, _, rest = name.partition("::")
    if not rest:  # not in the names table: the OID's last arc
        return head.rpartition(".")[2]
    return rest.partition(".")[2] or rest


def _message(event: Event) -> str:
    what = f"{event.module}/{event.mnemonic}" if event.module else event.mnemonic
    return f"{what}: {event.text}"[:500]
