"""What changed in the store: one notice for every reader that shows stored data.

``Changes`` names the kinds of data a write touched (a ``Flag``: ``ALARMS | STATES``). Every
``Database.write()`` that commits publishes the kinds of the tables it wrote into its
``database.changes`` feed, so any write service tells its readers what it changed without a call
of its own, the way Anki's operations return their ``OpChanges``. A console subscribes and turns
each notice into one refresh signal; the command line subscribes nothing and pays one set lookup
per statement.

Writes made elsewhere (the poller's process, another console on a shared store) come in through a
``ChangeSource``: something with ``start()``/``stop()`` that publishes into the same feed when it
learns of them: a timer, the console's poller watcher, and the store watcher
(``egovops.storage.watch``), which hears every other process's committed writes with their kinds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from enum import Flag, auto
from typing import Protocol

log = logging.getLogger(__name__)


class Changes(Flag):
    """Kinds of stored data; a notice is their union, and an empty one (``Changes(0)``) is falsy."""

    ALARMS = auto()
    STATES = auto()  # device and interface states, samples, poll cycles
    INVENTORY = auto()  # networks, sites, devices, links
    LAYOUT = auto()  # the map's stored positions
    TOPOLOGY = auto()  # discovered neighbours and link candidates
    DUTY = auto()  # shifts and their notes
    AUDIT = auto()  # the audit trail (every operator action, procedure runs)
    CONFIGS = auto()  # saved device configurations
    SETTINGS = auto()  # polling settings, maintenance windows, credential profiles, accounts, host keys
    EVENTS = auto()  # traps and syslog lines received, their rules and counters
    NOTIFICATIONS = auto()  # notification channels, rules, rota, the outbox and its deliveries
    COLLECTORS = auto()  # collectors, their heartbeats and the device leases they hold
    ALL = (ALARMS | STATES | INVENTORY | LAYOUT | TOPOLOGY | DUTY | AUDIT | CONFIGS | SETTINGS
           | EVENTS | NOTIFICATIONS | COLLECTORS)


NOTHING = Changes(0)
POLL_CYCLE = Changes.STATES | Changes.ALARMS  # what a poll cycle may have written

# Every table of the store, by the kind of data it holds (a test checks none is missing).
TABLE_CHANGES: dict[str, Changes] = {
    "alarms": Changes.ALARMS,
    **dict.fromkeys(("device_status", "polled_identity", "interface_status", "state_transitions", "monitored_spans",
                     "poller_stats",
                     "health_samples", "interface_samples", "health_hourly", "interface_hourly"), Changes.STATES),
    **dict.fromkeys(("networks", "sites", "devices", "links"), Changes.INVENTORY),
    "topology_positions": Changes.LAYOUT,
    **dict.fromkeys(("topology_candidates", "topology_identities", "topology_interfaces", "topology_link_sightings",
                     "topology_runs"), Changes.TOPOLOGY),
    **dict.fromkeys(("duty_shifts", "duty_notes"), Changes.DUTY),
    **dict.fromkeys(("audit_log", "audit_head"), Changes.AUDIT),
    "config_versions": Changes.CONFIGS,
    **dict.fromkeys(("collectors", "device_leases"), Changes.COLLECTORS),
    **dict.fromkeys(("notify_channels", "notify_recipients", "notify_rules", "notify_rota", "notify_alarm_state",
                     "notify_outbox", "notify_attempts"), Changes.NOTIFICATIONS),
    **dict.fromkeys(("events", "event_counters"), Changes.EVENTS),
    # Disaster recovery: a DR peer is inventory, a drill is in the duty log, the verdict follows states.
    "dr_peers": Changes.INVENTORY, "dr_drills": Changes.DUTY, "dr_verdicts": Changes.STATES,
    "dr_link_probes": Changes.STATES,
    "change_log": NOTHING,  # the notice of a write, not data: egovops.storage.watch
    **dict.fromkeys(("settings", "maintenance_windows", "credential_profiles", "local_accounts", "ssh_known_hosts",
                     "store_identity", "account_signin", "account_sessions"),
                    Changes.SETTINGS),
}


def changes_of_tables(names: Iterable[str]) -> Changes:
    """The kinds of data in these tables; a table not in the map (a newer schema) counts as everything."""
    found = NOTHING
    for name in names:
        found |= TABLE_CHANGES.get(name, Changes.ALL)
    return found


Listener = Callable[[Changes], None]


class ChangeFeed:
    """Publish from any thread; listeners are called in the publishing thread, one failing
    listener never stops the others nor the writer whose transaction already committed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every notice from now on; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - a reader's bug must not turn a committed write into an error
                log.exception("a change listener failed on %s", changes)


class ChangeSource(Protocol):
    """Learns of writes this process did not make and publishes them into a ``ChangeFeed``."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


class Periodic:
    """A ``ChangeSource`` that publishes ``changes`` every ``interval_s``: the fallback for writers
    nothing else reports (an ``egovops poll`` started from a shell) until a store watcher does."""

    def __init__(self, feed: ChangeFeed, interval_s: float, changes: Changes = POLL_CYCLE) -> None:
        self.feed, self.interval_s, self.changes = feed, interval_s, changes
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="egovops-periodic-changes", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.feed.publish(self.changes)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
