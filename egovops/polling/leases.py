"""Device leases: one writer per device on a shared store, taken over when a poller dies.

A poller polls only the devices whose lease it holds. At the start of each cycle it calls
``claim``: it renews its own leases, takes free ones and ones past ``expires_at`` (a crashed
poller's), and gives back what exceeds its fair share. A lease is held while ``now < expires_at``;
at ``expires_at`` exactly it is free, so a dead holder's devices are taken within one TTL of its
last renewal (plus the survivor's wait for its next cycle).

Fair share: ``ceil(candidates / live claimers)``, where the live claimers are this one, every
holder of an unexpired lease among the candidates, and every collector of the same zone whose
heartbeat is younger than the TTL and that has not stopped. A poller that starts beside a busy one
therefore gets half of the zone after one cycle of each: the busy one gives back its excess at its
next claim instead of keeping every device because it came first. A lease given back this way
stays out of everyone's hands for ``hand_over_s`` more (the giver's status interval): the giver
polled the device at most one interval ago, and the taker must not poll it again sooner.

PostgreSQL: the rows a claimer reads are locked ``FOR UPDATE SKIP LOCKED`` and free devices are
inserted ``ON CONFLICT DO NOTHING``, the shape procrastinate uses to fetch jobs; two claimers at
once never get the same device, and neither waits for the other. SQLite has one writer at a time
(and one poller per file, ``egovops.polling.exclusive``), so a plain transaction does.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterable

from sqlalchemy import Connection, and_, case, delete, func, select, update

from egovops.inventory.model import Device
from egovops.polling.presence import Presence
from egovops.storage.database import Database
from egovops.storage.dialect import insert_or_skip, lock_skipping_locked
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors, device_leases

log = logging.getLogger(__name__)


class Leases:
    """The ``device_leases`` table of one store."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self._dialect = database.engine.dialect.name

    def claim(self, holder: str, candidate_device_ids: Iterable[int], ttl_s: float, limit: int | None = None,
              zone: str | None = None, hand_over_s: float = 0.0, now: float | None = None) -> set[int]:
        """Renew ``holder``'s leases and take free or expired ones among the candidates, up to its
        fair share (and ``limit``); returns the device ids it holds afterwards. Leases beyond the
        share expire ``hand_over_s`` from now (or sooner, if they would anyway); leases of devices
        that are no longer candidates (moved out of its zone) are given back at once. ``zone``:
        count this zone's live collectors in the share (None: only the holders of leases)."""
        candidates = sorted(set(candidate_device_ids))
        at = time.time() if now is None else now
        with self.db.write() as conn:
            share = self._share(conn, holder, candidates, ttl_s, zone, at)
            if limit is not None:
                share = min(share, limit)
            locked = conn.execute(lock_skipping_locked(
                select(device_leases.c.device_id, device_leases.c.holder, device_leases.c.expires_at)
                .where(device_leases.c.device_id.in_(candidates)).order_by(device_leases.c.device_id),
                self._dialect)).all()
            own = [r.device_id for r in locked if r.holder == holder]
            keep, give_back = own[:share], own[share:]
            expired = [r.device_id for r in locked if r.holder != holder and r.expires_at <= at]
            taken = self._take(conn, holder, candidates, expired, share - len(keep), ttl_s, at)
            if keep:
                conn.execute(update(device_leases).where(device_leases.c.holder == holder,
                                                         device_leases.c.device_id.in_(keep))
                             .values(expires_at=at + ttl_s))
            self._hand_over(conn, holder, give_back, at + hand_over_s)
            conn.execute(delete(device_leases).where(device_leases.c.holder == holder,
                                                     device_leases.c.device_id.not_in(candidates)))
        return set(keep) | taken

    def _share(self, conn: Connection, holder: str, candidates: list[int], ttl_s: float, zone: str | None,
               at: float) -> int:
        holders = conn.execute(select(device_leases.c.holder).distinct().where(
            device_leases.c.device_id.in_(candidates), device_leases.c.expires_at > at)).scalars()
        live = {holder, *holders}
        if zone is not None:
            live.update(conn.execute(select(collectors.c.name).where(
                collectors.c.zone == zone, collectors.c.stopped_at.is_(None),
                collectors.c.heartbeat_at > at - ttl_s)).scalars())
        return math.ceil(len(candidates) / len(live))

    def _take(self, conn: Connection, holder: str, candidates: list[int], expired: list[int], wanted: int,
              ttl_s: float, at: float) -> set[int]:
        if wanted <= 0:
            return set()
        taken = set(expired[:wanted])
        if taken:  # these rows are locked by this transaction (PostgreSQL), so the update is ours alone
            conn.execute(update(device_leases).where(device_leases.c.device_id.in_(taken))
                         .values(holder=holder, acquired_at=at, expires_at=at + ttl_s))
        leased = set(conn.execute(select(device_leases.c.device_id)
                                  .where(device_leases.c.device_id.in_(candidates))).scalars())
        free = [d for d in candidates if d not in leased][:wanted - len(taken)]
        if free:
            inserted = conn.execute(insert_or_skip(device_leases, self._dialect).returning(device_leases.c.device_id),
                                    [{"device_id": d, "holder": holder, "acquired_at": at, "expires_at": at + ttl_s}
                                     for d in free])
            taken.update(inserted.scalars())
        return taken

    def _hand_over(self, conn: Connection, holder: str, give_back: list[int], until: float) -> None:
        """Shorten, never lengthen: a claim repeated before ``until`` must not keep them forever."""
        if give_back:
            expires = device_leases.c.expires_at
            conn.execute(update(device_leases).where(device_leases.c.holder == holder,
                                                     device_leases.c.device_id.in_(give_back))
                         .values(expires_at=case((expires > until, until), else_=expires)))

    def renew(self, holder: str, device_ids: Iterable[int], ttl_s: float, now: float | None = None) -> int:
        """Extend ``holder``'s leases on these devices (a long cycle's keep-alive); a lease another
        claimer took meanwhile is not touched. Returns how many were renewed."""
        at = time.time() if now is None else now
        ids = sorted(set(device_ids))
        if not ids:
            return 0
        with self.db.write() as conn:
            return conn.execute(update(device_leases).where(device_leases.c.holder == holder,
                                                            device_leases.c.device_id.in_(ids))
                                .values(expires_at=at + ttl_s)).rowcount

    def release(self, holder: str) -> int:
        """Give back every lease of ``holder`` (a clean stop); returns how many."""
        with self.db.write() as conn:
            return conn.execute(delete(device_leases).where(device_leases.c.holder == holder)).rowcount

    def held(self, holder: str, now: float | None = None) -> set[int]:
        """The device ids whose unexpired lease ``holder`` holds."""
        at = time.time() if now is None else now
        with self.db.read() as conn:
            return set(conn.execute(select(device_leases.c.device_id).where(
                device_leases.c.holder == holder, device_leases.c.expires_at > at)).scalars())

    def holders(self, now: float | None = None) -> dict[str, int]:
        """{holder: how many unexpired leases it holds}."""
        at = time.time() if now is None else now
        with self.db.read() as conn:
            rows = conn.execute(select(device_leases.c.holder, func.count()).where(
                and_(device_leases.c.expires_at > at)).group_by(device_leases.c.holder)).all()
        return {holder: count for holder, count in rows}

LEASE_TTL_FACTOR = 2.5  # leases live 2.5 status intervals: a late cycle keeps them, a dead poller's free up soon


class DeviceShare:
    """A poller's part of a shared store: the devices of its zone whose leases it holds, and its
    row in ``collectors``. ``claim`` once per cycle, before choosing the cycle's devices.

    Between claims a keep-alive thread renews the held leases (and the heartbeat) every half
    status interval: a cycle that overruns, on a loaded machine, must not lose its devices to
    another poller while it is still polling them. Only a dead or frozen process stops renewing."""

    def __init__(self, database: Database, holder: str, zone: Callable[[Device], bool] | None = None,
                 zone_text: str = "") -> None:
        self.holder, self.zone, self.zone_text = holder, zone, zone_text
        self.leases, self.presence = Leases(database), Presence(database)
        self.inventory = InventoryRepository(database)
        self.held: set[int] = set()
        self._ids: dict[str, int] = {}
        self._stopping = threading.Event()
        self._keeper: threading.Thread | None = None

    def start(self, status_s: float) -> None:
        self.presence.register(self.holder, self.zone_text, fresh_s=LEASE_TTL_FACTOR * status_s)
        self._stopping.clear()
        self._keeper = threading.Thread(target=self._keep_alive, args=(status_s,), name="egovops-leases", daemon=True)
        self._keeper.start()

    def _keep_alive(self, status_s: float) -> None:
        while not self._stopping.wait(status_s / 2):
            try:
                at = time.time()
                self.presence.heartbeat(self.holder, len(self.held), now=at)  # never younger than the leases
                self.leases.renew(self.holder, self.held, LEASE_TTL_FACTOR * status_s, now=at)
            except Exception:  # noqa: BLE001 - a store hiccup: the next claim or renewal tries again
                log.warning("renewing the leases of %s failed", self.holder, exc_info=True)

    def in_zone(self, devices: Iterable[Device]) -> list[Device]:
        return [d for d in devices if self.zone is None or self.zone(d)]

    def claim(self, devices: Iterable[Device], status_s: float) -> set[int]:
        """Heartbeat, then renew and take leases among ``devices`` in the zone; returns the ids held."""
        at = time.time()
        self._ids = self.inventory.device_ids()
        wanted = [self._ids[d.name] for d in self.in_zone(devices) if d.name in self._ids]
        self.presence.heartbeat(self.holder, len(self.held), now=at)
        self.held = self.leases.claim(self.holder, wanted, LEASE_TTL_FACTOR * status_s, zone=self.zone_text,
                                      hand_over_s=status_s, now=at)
        return self.held

    def holds(self, name: str) -> bool:
        """Whether this poller held the named device's lease at its last claim."""
        return self._ids.get(name) in self.held

    def mine(self, devices: Iterable[Device]) -> list[Device]:
        """The devices of the zone whose lease this poller held at its last claim."""
        return [d for d in self.in_zone(devices) if self._ids.get(d.name) in self.held]

    def cycle_done(self, at: float, seconds: float, overrun: bool, cpu_percent: float | None = None,
                   rss_bytes: int | None = None) -> None:
        # No heartbeat here: a heartbeat younger than the leases would count a poller that died
        # since as live, and the survivor would take only half of its devices for a cycle more.
        self.presence.cycle_done(self.holder, at, seconds, overrun, cpu_percent, rss_bytes, len(self.held))

    def stop(self) -> None:
        """A clean stop: every lease given back at once, so the others need not wait a TTL."""
        self._stopping.set()
        if self._keeper is not None:
            self._keeper.join()
            self._keeper = None
        self.leases.release(self.holder)
        self.presence.stopped(self.holder)
        self.held = set()
