"""One consistent picture of the network for the console, reloaded on demand.

``OverviewService.load()`` reads the store (call it off any GUI thread). When to reload is the
caller's choice: the console does it on the store's change notices that concern the picture
(``egovops.storage.changes``: alarms, states, inventory, layout).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.inventory.model import Device, Link, Site
from egovops.overview.alarms import AlarmRecord, with_inventory
from egovops.overview.collectors import live_names, read_collectors, unmonitored_devices
from egovops.overview.health import DeviceHealth, PollSummary
from egovops.overview.link_load import InterfaceLoad
from egovops.overview.map_model import DRILL_DEPTH, MapScene, build_map
from egovops.overview.site_tree import SiteTree, build_site_tree
from egovops.polling.presence import CollectorRow
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.topology.repo import TopologyRepository
from egovops.topology.layout import layout
from egovops.overview.repo import OverviewRepository

RECENTLY_CLEARED_S = 3600.0  # the desk keeps cleared alarms this long, so a flap stays visible


@dataclass(frozen=True)
class Overview:
    sites: list[Site]
    devices: dict[str, Device]
    links: list[Link]
    health: dict[str, DeviceHealth]
    alarms: list[AlarmRecord]
    poll: PollSummary | None
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # stored map layout
    loaded_at: float = field(default_factory=time.time)
    loads: dict[tuple[str, str], InterfaceLoad] = field(default_factory=dict)  # link ends' interfaces
    collectors: tuple[CollectorRow, ...] = ()  # every poller that reported into the store
    interval_s: float = 60.0  # the status interval: a collector silent for two of them is stale

    @cached_property
    def site_tree(self) -> SiteTree:
        return build_site_tree(self.sites, self.devices.values(), self.health)

    @cached_property
    def link_pairs(self) -> list[tuple[str, str]]:
        return [(link.a_device, link.b_device) for link in self.links]

    def map_scene(self, scope: str, network: str, depth: int = DRILL_DEPTH) -> MapScene:
        """What the map draws for ``scope`` in ``network``: nodes, links with their load, cross-network cables."""
        return build_map(self.site_tree, self.devices, self.links, self.health, scope, network, depth, self.positions,
                         self.loads, self.alarms)

    def state_of(self, device: str) -> str:
        h = self.health.get(device)
        return h.state if h else "unknown"

    def device_counts(self) -> dict[str, int]:
        """Devices per state across the whole inventory (never-polled ones count as unknown)."""
        counts = dict.fromkeys(("up", "degraded", "down", "unreachable", "unmonitored", "unknown"), 0)
        for name in self.devices:
            state = self.state_of(name)
            counts[state] = counts.get(state, 0) + 1
        return counts


UNMONITORED = "unmonitored"


def _unmonitored(health: dict[str, DeviceHealth], names: frozenset[str]) -> dict[str, DeviceHealth]:
    """Devices nobody polls show as such, never in the state they last had (an old "up" would lie);
    the last poll's time stays, for the tooltip."""
    shown = dict(health)
    for name in names:
        earlier = health.get(name, DeviceHealth(name))
        shown[name] = replace(earlier, state=UNMONITORED, root_cause=None)
    return shown


def _with_writer(poll: PollSummary | None, statuses: tuple[CollectorRow, ...]) -> PollSummary | None:
    """The latest cycle, said with who wrote it: the running collector whose cycle ended last."""
    running = [c for c in statuses if c.stopped_at is None and c.last_cycle_at is not None]
    if poll is None or not running:
        return poll
    latest = max(running, key=lambda c: c.last_cycle_at or 0.0)
    return replace(poll, writer=latest.name)


class OverviewService:
    def __init__(self, database: Database) -> None:
        self.inventory = InventoryRepository(database)
        self.repo = OverviewRepository(database)
        self.alarm_repo = AlarmRepository(database)
        self.topology = TopologyRepository(database)
        self.audit = AuditLog(database)
        self.database = database
        self.settings = PollingSettingsRepository(database)
        self._lock = threading.Lock()
        self._inventory_key: tuple[object, ...] | None = None
        self._cached: tuple[list[Site], dict[str, Device], list[Link]] | None = None
        self._stale = False
        self._computed: tuple[dict[str, Device], dict[str, tuple[str, float, float]]] | None = None

    def _inventory(self) -> tuple[list[Site], dict[str, Device], list[Link]]:
        # The inventory changes rarely; re-reading 5,000 devices every status cycle would not.
        key = self.repo.inventory_fingerprint()
        if self._cached is None or self._stale or key != self._inventory_key:
            self._stale = False  # cleared before reading: an edit committed meanwhile sets it again
            devices = {d.name: d for d in self.inventory.devices()}
            self._cached = (self.inventory.sites(), devices, self.inventory.links())
            self._inventory_key = key
        return self._cached

    def invalidate_inventory(self) -> None:
        """Any thread: the next load reads the inventory again (an edit the fingerprint cannot see,
        such as a changed contact, even if a load is running right now)."""
        self._stale = True

    def load(self) -> Overview:
        with self._lock:
            sites, devices, links = self._inventory()
            now = time.time()
            alarms = with_inventory(self.repo.alarms(now - RECENTLY_CLEARED_S), devices)
            interval = self.settings.polling().intervals.status_s
            statuses = tuple(read_collectors(self.database, now))
            live = live_names(statuses, now, interval)
            health = _unmonitored(self.repo.current_health(), unmonitored_devices(self.database, now, live, bool(statuses)))
            poll = _with_writer(self.repo.latest_status_cycle(), statuses)
            overview = Overview(sites, devices, links, health, alarms, poll,
                                self._positions(devices), loads=self.repo.link_interfaces(), collectors=statuses,
                                interval_s=interval)
        overview.site_tree  # built here, on the loading thread, not when the console's GUI thread first asks
        return overview

    def _positions(self, devices: dict[str, Device]) -> dict[str, tuple[float, float]]:
        """The stored layout with the operator's moves; computed (not stored) for devices it lacks."""
        stored = {name: (p.x, p.y) for name, p in self.topology.positions().items()}
        missing = [d for name, d in devices.items() if name not in stored]
        if missing:
            if self._computed is None or self._computed[0] is not devices:  # once per inventory read
                self._computed = (devices, layout(devices.values()))
            computed = self._computed[1]
            stored.update({d.name: computed[d.name][1:] for d in missing})
        return stored

    def move_device(self, device: str, x: float, y: float) -> None:
        """The operator dragged a device on the map: keep it there (pinned) in the stored layout."""
        self.topology.move(device, self.inventory.device(device).network, x, y)

    def acknowledge(self, alarm_ids: list[int], operator: Operator, comment: str) -> int:
        """Mark alarms acknowledged by ``operator``, and say so in the audit trail."""
        now = time.time()
        pending = [a.id for a in self.alarm_repo.by_ids(alarm_ids) if a.acked_by is None]
        with self.audit.change():  # the acknowledgements and their audit row: all or none
            for alarm_id in pending:
                self.alarm_repo.acknowledge(alarm_id, operator.label(), comment, now)
            done = len(pending)
            self.audit.record(
                actor=operator.label(), role=operator.role.value, action="alarm.acknowledge",
                subject=",".join(str(i) for i in alarm_ids), details={"comment": comment, "acknowledged": done},
            )
        return done
