"""What the console's Collectors panel shows: each collector's row, its state, the credential
profiles its zone needs that its host's keyring lacks, and how many devices nobody polls.

Read-only, no Qt: the panel (ui/egovops_ui/collectors_panel.py) calls ``CollectorsPanelService.load``
off the GUI thread and draws the result.

A collector records the *names* of the credential profiles its own keyring holds
(``collectors.profiles``); the devices of its zone name the profile they need
(``devices.credential_profile``). A profile needed but not held means those devices are polled
without their secret and fail, which looks like an outage; the panel says why instead.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from egovops.overview.collectors import CollectorStatus, live_names, read_collectors, unmonitored_devices
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.database import Database
from egovops.storage.tables.collectors import device_leases
from egovops.storage.tables.inventory import devices

EVERYTHING = ""  # the zone selector of a collector that serves the whole inventory


@dataclass(frozen=True)
class CollectorRow:
    status: CollectorStatus
    state: str  # live / stale / stopped (egovops.overview.collectors)
    missing_profiles: tuple[str, ...]


@dataclass(frozen=True)
class CollectorsPicture:
    rows: tuple[CollectorRow, ...]
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

    def load(self, now: float | None = None) -> CollectorsPicture:
        now = time.time() if now is None else now
        interval = self.settings.polling().intervals.status_s
        statuses = read_collectors(self.db, now)
        needed = self._needed_profiles(now)
        rows = tuple(
            CollectorRow(s, s.state(now, interval), self._missing(s, needed))
            for s in statuses
        )
        unmonitored = unmonitored_devices(self.db, now, live_names(statuses, now, interval), bool(statuses))
        return CollectorsPicture(rows, unmonitored, self.db.is_shared, interval, now)

    @staticmethod
    def _missing(status: CollectorStatus, needed: dict[str, set[str]]) -> tuple[str, ...]:
        return missing_profiles(status.profiles, needed.get(status.name if status.zone else EVERYTHING, ()))

    def _needed_profiles(self, now: float) -> dict[str, set[str]]:
        """Profiles needed per collector name, and under ``EVERYTHING`` those of the whole inventory.

        A zoned collector's devices are those it holds a current lease on: the shared store's own
        record of what it polls, so this needs no second reading of the zone selector.
        """
        d, lease = devices.c, device_leases.c
        with self.db.read() as conn:
            every = set(conn.scalars(select(d.credential_profile).distinct()))
            held = conn.execute(
                select(lease.holder, d.credential_profile).join(devices, d.id == lease.device_id)
                .where(lease.expires_at > now).distinct()
            ).all()
        needed: dict[str, set[str]] = {EVERYTHING: every}
        for holder, profile in held:
            needed.setdefault(holder, set()).add(profile)
        return needed
