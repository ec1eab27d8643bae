"""Storing topology discovery: links found and lost, identities, interfaces, candidates, positions.

Discovered links go into the inventory's ``links`` table (source "discovered") next to the
declared ones, so the map, the dependency tree and exports see a single set of links.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from sqlalchemy import Connection, delete, insert, select, update

from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices, links, settings
from egovops.storage.tables.topology import (
    topology_candidates,
    topology_identities,
    topology_interfaces,
    topology_link_sightings,
    topology_positions,
    topology_runs,
)
from egovops.errors import NotFoundError
from egovops.topology.links import Candidate
from egovops.topology.merge import MergePlan, StoredLink

if TYPE_CHECKING:  # discovery pulls in the SNMP stack, which storage itself does not need
    from egovops.topology.discovery import Discovery

POLLER_LOCATION_KEY = "topology.poller_location"


@dataclass(frozen=True)
class StoredCandidate:
    seen_by: str
    local_interface: str
    protocol: str
    chassis_id: str
    sys_name: str
    port: str
    address: str
    sys_desc: str
    first_seen: float
    last_seen: float


@dataclass(frozen=True)
class InterfaceFacts:
    device: str
    if_index: int
    name: str
    speed_mbps: int | None
    oper_status: str


@dataclass(frozen=True)
class Position:
    device: str
    layer: str
    x: float
    y: float
    pinned: bool


@dataclass(frozen=True)
class RunSummary:
    started_at: float
    finished_at: float
    walked: int
    failed: dict[str, str]
    links_new: int
    links_confirmed: int
    links_missing: int
    candidates: int


def _ids(conn: Connection) -> dict[str, int]:
    return {name: ident for ident, name in conn.execute(select(devices.c.id, devices.c.name))}


def _device_id(conn: Connection, name: str) -> int:
    found = conn.scalar(select(devices.c.id).where(devices.c.name == name))
    if found is None:
        raise NotFoundError(tr("no device named {name!r}", name=name))
    return int(found)


class TopologyRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- links ------------------------------------------------------------------------------------

    def stored_links(self) -> list[StoredLink]:
        a, b = devices.alias("a"), devices.alias("b")
        query = (
            select(links, a.c.name.label("a_name"), b.c.name.label("b_name"), topology_link_sightings.c.link_id.label("sighted"))
            .join(a, links.c.a_device_id == a.c.id)
            .join(b, links.c.b_device_id == b.c.id)
            .outerjoin(topology_link_sightings, topology_link_sightings.c.link_id == links.c.id)
            .order_by(links.c.id)
        )
        with self.db.read() as conn:
            return [
                StoredLink(r.id, r.a_name, r.a_interface, r.b_name, r.b_interface, r.source, r.missing_since, r.sighted is not None)
                for r in conn.execute(query)
            ]

    def apply_discovery(self, result: "Discovery", plan: MergePlan, started_at: float, now: float | None = None) -> RunSummary:
        """Store one run in one transaction: links, sightings, identities, interfaces, candidates."""
        now = time.time() if now is None else now
        with self.db.write() as conn:
            ids = _ids(conn)
            for link in plan.new:
                link_id = conn.execute(insert(links).values(
                    a_device_id=ids[link.a_device], a_interface=link.a_interface, b_device_id=ids[link.b_device],
                    b_interface=link.b_interface, source="discovered", first_seen=now, last_seen=now,
                )).inserted_primary_key[0]
                plan.confirmed[link_id] = link.protocol
            self._confirm(conn, plan.confirmed, now)
            if plan.missing:
                conn.execute(update(links).where(links.c.id.in_(plan.missing)).values(missing_since=now))
            walked_ids = [ids[v.device] for v in result.views]
            self._store_views(conn, result, ids, walked_ids, now)
            self._store_candidates(conn, result.candidates, ids, walked_ids, now)
            summary = RunSummary(started_at, now, len(result.views), dict(result.failures), len(plan.new),
                                 len(plan.confirmed) - len(plan.new), len(plan.missing), len(result.candidates))
            conn.execute(insert(topology_runs).values(
                started_at=started_at, finished_at=now, walked=summary.walked, failed=summary.failed,
                links_new=summary.links_new, links_confirmed=summary.links_confirmed,
                links_missing=summary.links_missing, candidates=summary.candidates,
            ))
        return summary

    def _confirm(self, conn: Connection, confirmed: Mapping[int, str], now: float) -> None:
        if not confirmed:
            return
        conn.execute(update(links).where(links.c.id.in_(list(confirmed))).values(last_seen=now, missing_since=None))
        sighted = set(conn.scalars(select(topology_link_sightings.c.link_id).where(topology_link_sightings.c.link_id.in_(list(confirmed)))))
        for link_id, protocol in confirmed.items():
            if link_id in sighted:
                conn.execute(update(topology_link_sightings).where(topology_link_sightings.c.link_id == link_id)
                             .values(last_seen=now, protocol=protocol))
            else:
                conn.execute(insert(topology_link_sightings).values(link_id=link_id, protocol=protocol, first_seen=now, last_seen=now))

    def _store_views(self, conn: Connection, result: Discovery, ids: Mapping[str, int], walked_ids: list[int], now: float) -> None:
        # Identities and interfaces only of devices walked in full: the neighbour schedule's
        # remote-only reads carry an earlier walk's, already stored (rewriting them every few
        # minutes would be thousands of rows for nothing).
        views = [v for v in result.views if v.device not in result.remote_only]
        full_ids = [ids[v.device] for v in views]
        if not full_ids:
            return
        conn.execute(delete(topology_identities).where(topology_identities.c.device_id.in_(full_ids)))
        conn.execute(delete(topology_interfaces).where(topology_interfaces.c.device_id.in_(full_ids)))
        conn.execute(insert(topology_identities), [
            {"device_id": ids[v.device], "chassis_id": v.chassis_id, "sys_name": v.sys_name, "addresses": list(v.addresses), "walked_at": now}
            for v in views
        ])
        rows = [
            {"device_id": ids[v.device], "if_index": i.index, "name": i.name, "descr": i.descr, "alias": i.alias, "mac": i.mac,
             "speed_mbps": i.speed_mbps, "oper_status": i.oper_status, "walked_at": now}
            for v in views for i in v.interfaces.values()
        ]
        if rows:
            conn.execute(insert(topology_interfaces), rows)

    def _store_candidates(self, conn: Connection, found: Iterable[Candidate], ids: Mapping[str, int], walked_ids: list[int], now: float) -> None:
        """Candidates seen by the walked devices replace the ones they reported before (first sighting kept)."""
        earlier = {
            (r.seen_by_device_id, r.local_interface, r.neighbour_key): r.first_seen
            for r in conn.execute(select(topology_candidates).where(topology_candidates.c.seen_by_device_id.in_(walked_ids)))
        }
        if walked_ids:
            conn.execute(delete(topology_candidates).where(topology_candidates.c.seen_by_device_id.in_(walked_ids)))
        rows = []
        for c in found:
            key = (ids[c.seen_by], c.local_interface, (c.chassis_id or c.sys_name)[:255])
            rows.append({
                "seen_by_device_id": key[0], "local_interface": key[1], "neighbour_key": key[2], "protocol": c.protocol,
                "chassis_id": c.chassis_id, "sys_name": c.sys_name, "port": c.port, "address": c.address,
                "sys_desc": c.sys_desc, "first_seen": earlier.get(key, now), "last_seen": now,
            })
        if rows:
            conn.execute(insert(topology_candidates), rows)

    # -- reading ----------------------------------------------------------------------------------

    def candidates(self) -> list[StoredCandidate]:
        query = (
            select(topology_candidates, devices.c.name.label("seen_by"))
            .join(devices, devices.c.id == topology_candidates.c.seen_by_device_id)
            .order_by(topology_candidates.c.sys_name, topology_candidates.c.chassis_id, devices.c.name)
        )
        with self.db.read() as conn:
            return [
                StoredCandidate(r.seen_by, r.local_interface, r.protocol, r.chassis_id, r.sys_name, r.port, r.address,
                                r.sys_desc, r.first_seen, r.last_seen)
                for r in conn.execute(query)
            ]

    def interfaces(self) -> dict[tuple[str, str], InterfaceFacts]:
        """(device, interface name) → speed and status as last walked."""
        query = select(topology_interfaces, devices.c.name.label("device")).join(devices, devices.c.id == topology_interfaces.c.device_id)
        with self.db.read() as conn:
            return {
                (r.device, r.name): InterfaceFacts(r.device, r.if_index, r.name, r.speed_mbps, r.oper_status)
                for r in conn.execute(query)
            }

    def last_run(self) -> RunSummary | None:
        with self.db.read() as conn:
            r = conn.execute(select(topology_runs).order_by(topology_runs.c.id.desc()).limit(1)).first()
        if r is None:
            return None
        return RunSummary(r.started_at, r.finished_at, r.walked, dict(r.failed), r.links_new, r.links_confirmed, r.links_missing, r.candidates)

    # -- the poller's location --------------------------------------------------------------------

    def poller_location(self) -> list[str]:
        with self.db.read() as conn:
            value = conn.scalar(select(settings.c.value).where(settings.c.key == POLLER_LOCATION_KEY))
        return [str(v) for v in value] if isinstance(value, list) else []

    def set_poller_location(self, names: list[str]) -> None:
        with self.db.write() as conn:
            done = conn.execute(update(settings).where(settings.c.key == POLLER_LOCATION_KEY).values(value=list(names)))
            if done.rowcount == 0:
                conn.execute(insert(settings).values(key=POLLER_LOCATION_KEY, value=list(names)))

    # -- map positions ----------------------------------------------------------------------------

    def positions(self) -> dict[str, Position]:
        query = select(topology_positions, devices.c.name.label("device")).join(devices, devices.c.id == topology_positions.c.device_id)
        with self.db.read() as conn:
            return {r.device: Position(r.device, r.layer, r.x, r.y, r.pinned) for r in conn.execute(query)}

    def save_layout(self, placed: Mapping[str, tuple[str, float, float]], now: float | None = None) -> int:
        """Store computed positions (device → (layer, x, y)); positions an operator pinned stay."""
        now = time.time() if now is None else now
        with self.db.write() as conn:
            ids = _ids(conn)
            pinned = set(conn.scalars(select(topology_positions.c.device_id).where(topology_positions.c.pinned.is_(True))))
            rows = [
                {"device_id": ids[name], "layer": layer, "x": x, "y": y, "pinned": False, "updated_at": now}
                for name, (layer, x, y) in placed.items() if name in ids and ids[name] not in pinned
            ]
            conn.execute(delete(topology_positions).where(topology_positions.c.pinned.is_(False)))
            if rows:
                conn.execute(insert(topology_positions), rows)
        return len(rows)

    def move(self, device: str, layer: str, x: float, y: float, now: float | None = None) -> None:
        """An operator's move: pinned, so later layouts and rediscovery leave it where it was put."""
        now = time.time() if now is None else now
        with self.db.write() as conn:
            device_id = _device_id(conn, device)
            conn.execute(delete(topology_positions).where(topology_positions.c.device_id == device_id))
            conn.execute(insert(topology_positions).values(device_id=device_id, layer=layer, x=x, y=y, pinned=True, updated_at=now))

    def unpin(self, device: str) -> None:
        with self.db.write() as conn:
            device_id = _device_id(conn, device)
            conn.execute(update(topology_positions).where(topology_positions.c.device_id == device_id).values(pinned=False))
