"""What the console's Collectors panel shows: each collector's row, its state, the credential
profiles its zone needs that its host's keyring lacks, and how many devices nobody polls.

Read-only, no Qt: the panel (ui/egovops_ui/collectors_panel.py) calls ``CollectorsPanelService.load``
off the GUI thread and draws the result.

A collector records the *names* of the credential profiles its own keyring holds
(``collectors.profiles``); the devices of its zone (``egovops.collector.zones``) name the profile
they need (``devices.credential_profile``). A profile needed but not held means those devices are polled
without their secret and fail, which looks like an outage; the panel says why instead.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from egovops.collector.zones import parse_zone
from egovops.errors import ValidationError
from egovops.inventory.model import WORKSTATION_TAG, Device
from egovops.overview.collectors import live_names, read_collectors, unmonitored_devices
from egovops.overview.repo import OverviewRepository
from egovops.polling.presence import CollectorRow
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import device_leases
from egovops.storage.tables.inventory import devices


@dataclass(frozen=True)
class PanelRow:
    """A line of the panel: the collector's row and what the panel says of it."""

    collector: CollectorRow
    state: str  # live / stale / stopped (egovops.polling.presence)
    missing_profiles: tuple[str, ...]


@dataclass(frozen=True)
class CollectorsPicture:
    rows: tuple[PanelRow, ...]
    unmonitored: frozenset[str]  # devices no live collector holds; always empty on the embedded store
    shared: bool
    interval_s: float
    loaded_at: float


def missing_profiles(held: Iterable[str], needed: Iterable[str]) -> tuple[str, ...]:
    """Profiles in ``needed`` (a zone's devices' profiles; "" is a device without one) that are not
    in ``held``, sorted. Names compare exactly: the store and the keyring use the same name."""
    return tuple(sorted({name for name in needed if name} - set(held)))


class CollectorsPanelService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.settings = PollingSettingsRepository(database)
        self.fingerprint = OverviewRepository(database)
        # Zone text -> the profiles its devices name. Reading and matching 5,000 devices costs
        # ~250 ms of the interpreter the console's GUI thread shares, and the inventory changes
        # rarely: kept until its fingerprint changes or invalidate() (an inventory change notice).
        self._zones: dict[str, set[str]] = {}
        self._key: tuple[object, ...] | None = None

    def invalidate(self) -> None:
        """Any thread: the next load reads the inventory again (an edited profile name, which the
        fingerprint does not see)."""
        self._key = None

    def load(self, now: float | None = None) -> CollectorsPicture:
        now = time.time() if now is None else now
        interval = self.settings.polling().intervals.status_s
        statuses = read_collectors(self.db, now)
        needed = self._needed_profiles(statuses, now)
        rows = tuple(
            PanelRow(s, s.state(now, interval), missing_profiles(s.profiles, needed[s.name]))
            for s in statuses
        )
        unmonitored = unmonitored_devices(self.db, now, live_names(statuses, now, interval), bool(statuses))
        return CollectorsPicture(rows, unmonitored, self.db.is_shared, interval, now)

    def _needed_profiles(self, statuses: list[CollectorRow], now: float) -> dict[str, set[str]]:
        """Profiles the devices of each collector's zone name. The whole zone, not only the devices
        it holds now: when a collector of the zone stops, the others take its devices, and then
        need their profiles too."""
        key = self.fingerprint.inventory_fingerprint()
        if key != self._key:
            self._zones, self._key = {}, key
        inventory: list[Device] | None = None
        leased: dict[str, set[str]] | None = None
        needed: dict[str, set[str]] = {}
        for status in statuses:
            try:
                zone = parse_zone(status.zone)
            except ValidationError:  # a selector this version cannot read (a newer collector's)
                leased = self._leased_profiles(now) if leased is None else leased
                needed[status.name] = leased.get(status.name, set())  # what it holds is in its zone
                continue
            if zone.text not in self._zones:
                if inventory is None:
                    inventory = [d for d in InventoryRepository(self.db).devices() if WORKSTATION_TAG not in d.tags]
                self._zones[zone.text] = {d.credential_profile for d in inventory if zone.matches(d)}
            needed[status.name] = self._zones[zone.text]
        return needed

    def _leased_profiles(self, now: float) -> dict[str, set[str]]:
        d, lease = devices.c, device_leases.c
        with self.db.read() as conn:
            rows = conn.execute(
                select(lease.holder, d.credential_profile).join(devices, d.id == lease.device_id)
                .where(lease.expires_at > now).distinct()
            ).all()
        found: dict[str, set[str]] = {}
        for holder, profile in rows:
            found.setdefault(holder, set()).add(profile)
        return found
