"""The DR view's SQL: peers, drills, the verdict's history, and the snapshot readiness is judged on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import aliased

from egovops.dr.model import Drill, Reason, VerdictChange
from egovops.dr.readiness import Port
from egovops.errors import NotFoundError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.procedures_repo import ConfigVersion
from egovops.storage.tables.dr import dr_drills, dr_link_probes, dr_peers, dr_verdicts
from egovops.storage.tables.inventory import devices, sites
from egovops.storage.tables.polling import alarms, device_status, interface_status
from egovops.storage.tables.procedures import config_versions


def _drill(row: Any) -> Drill:
    return Drill(row.id, row.started_at, row.ended_at, tuple(row.scope or ()), row.outcome, row.notes or "",
                 row.started_by, row.ended_by)


class DrRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- centres (the sites table's dr_role) ------------------------------------------------------
    def set_role(self, path: str, role: str | None) -> None:
        with self.db.write() as conn:
            done = conn.execute(update(sites).where(sites.c.path == path).values(dr_role=role))
        if done.rowcount == 0:
            raise NotFoundError(tr("no site {path}", path=path))

    # -- peers ----------------------------------------------------------------------------------
    def _device_id(self, conn: Any, name: str) -> int:
        found = conn.scalar(select(devices.c.id).where(devices.c.name == name))
        if found is None:
            raise NotFoundError(tr("no device {name}", name=name))
        return int(found)

    def set_peer(self, device: str, peer: str) -> bool:
        """Name ``peer`` a DR peer of ``device``; False when it already was."""
        with self.db.write() as conn:
            a, b = self._device_id(conn, device), self._device_id(conn, peer)
            if conn.scalar(select(func.count()).where(dr_peers.c.device_id == a, dr_peers.c.peer_id == b)):
                return False
            conn.execute(dr_peers.insert().values(device_id=a, peer_id=b))
            return True

    def remove_peer(self, device: str, peer: str) -> bool:
        with self.db.write() as conn:
            a, b = self._device_id(conn, device), self._device_id(conn, peer)
            done = conn.execute(delete(dr_peers).where(dr_peers.c.device_id == a, dr_peers.c.peer_id == b))
            return bool(done.rowcount)

    def peers(self) -> list[tuple[str, str]]:
        mine, theirs = aliased(devices), aliased(devices)
        query = (select(mine.c.name, theirs.c.name).select_from(dr_peers)
                 .join(mine, mine.c.id == dr_peers.c.device_id).join(theirs, theirs.c.id == dr_peers.c.peer_id)
                 .order_by(mine.c.name, theirs.c.name))
        with self.db.read() as conn:
            return [(a, b) for a, b in conn.execute(query)]

    # -- drills ---------------------------------------------------------------------------------
    def add_drill(self, at: float, scope: list[str], notes: str, by: str) -> int:
        with self.db.write() as conn:
            values = {"started_at": at, "scope": scope, "notes": notes, "started_by": by}
            key = conn.execute(dr_drills.insert().values(**values)).inserted_primary_key
            assert key is not None
            return int(key[0])

    def end_drill(self, drill_id: int, at: float, outcome: str, notes: str, by: str) -> None:
        with self.db.write() as conn:
            conn.execute(update(dr_drills).where(dr_drills.c.id == drill_id)
                         .values(ended_at=at, outcome=outcome, notes=notes, ended_by=by))

    def running_drill(self) -> Drill | None:
        with self.db.read() as conn:
            row = conn.execute(select(dr_drills).where(dr_drills.c.ended_at.is_(None))
                               .order_by(dr_drills.c.id.desc()).limit(1)).first()
        return _drill(row) if row else None

    def drills(self, limit: int = 50) -> list[Drill]:
        with self.db.read() as conn:
            rows = conn.execute(select(dr_drills).order_by(dr_drills.c.started_at.desc(), dr_drills.c.id.desc())
                                .limit(limit))
            return [_drill(r) for r in rows]

    def alarms_between(self, names: set[str], start: float, end: float | None) -> list[tuple[int, str, str, float]]:
        """(id, device, kind, first seen) of alarms raised on ``names`` in [start, end]."""
        query = (select(alarms.c.id, devices.c.name, alarms.c.kind, alarms.c.first_seen)
                 .join(devices, devices.c.id == alarms.c.device_id).where(alarms.c.first_seen >= start))
        if end is not None:
            query = query.where(alarms.c.first_seen <= end)
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(alarms.c.id))
            return [(r.id, r.name, r.kind, r.first_seen) for r in rows if r.name in names]

    # -- the verdict's history ------------------------------------------------------------------
    def record_verdict(self, at: float, verdict: str, reasons: list[Reason]) -> bool:
        """Store the verdict if it differs (verdict or reasons) from the latest stored one."""
        wanted = [r.to_json() for r in reasons]
        with self.db.write() as conn:
            last = conn.execute(select(dr_verdicts).order_by(dr_verdicts.c.at.desc(), dr_verdicts.c.id.desc())
                                .limit(1)).first()
            if last is not None and last.verdict == verdict and list(last.reasons) == wanted:
                return False
            conn.execute(dr_verdicts.insert().values(at=at, verdict=verdict, reasons=wanted))
            return True

    def history(self, since: float) -> list[VerdictChange]:
        """Changes since ``since``, with the one in force at ``since`` first."""
        with self.db.read() as conn:
            before = conn.execute(select(dr_verdicts).where(dr_verdicts.c.at < since)
                                  .order_by(dr_verdicts.c.at.desc(), dr_verdicts.c.id.desc()).limit(1)).all()
            after = conn.execute(select(dr_verdicts).where(dr_verdicts.c.at >= since)
                                 .order_by(dr_verdicts.c.at, dr_verdicts.c.id)).all()
        return [VerdictChange(r.at, r.verdict, [Reason.from_json(x) for x in r.reasons]) for r in [*before, *after]]

    # -- link probes ----------------------------------------------------------------------------
    def record_probes(self, at: float, rows: list[tuple[str, str, Any]], method: str = "icmp") -> None:
        """(link label, target, Measured) of one round; rows older than a month are dropped."""
        with self.db.write() as conn:
            conn.execute(dr_link_probes.insert(), [
                {"at": at, "link": link, "method": method, "target": target, "latency_ms": m.latency_ms,
                 "jitter_ms": m.jitter_ms, "loss_percent": m.loss_percent} for link, target, m in rows])
            conn.execute(delete(dr_link_probes).where(dr_link_probes.c.at < at - 31 * 86400))

    def latest_probes(self, since: float) -> dict[str, tuple[float | None, float | None, float]]:
        """Link label -> (latency ms, jitter ms, loss %) of its latest probe since ``since``; a
        device's own probe (IP SLA, end to end) wins over the collector's ICMP to each end."""
        query = (select(dr_link_probes).where(dr_link_probes.c.at >= since)
                 .order_by(dr_link_probes.c.at, dr_link_probes.c.id))
        found: dict[str, tuple[float | None, float | None, float]] = {}
        from_device: set[str] = set()
        with self.db.read() as conn:
            for r in conn.execute(query):  # oldest first: a later row of the same kind replaces
                if r.method == "icmp" and r.link in from_device:
                    continue
                if r.method != "icmp":
                    from_device.add(r.link)
                found[r.link] = (r.latency_ms, r.jitter_ms, r.loss_percent)
        return found

    # -- the snapshot ---------------------------------------------------------------------------
    def states(self) -> dict[str, str]:
        query = (select(devices.c.name, device_status.c.state)
                 .join(device_status, device_status.c.device_id == devices.c.id))
        with self.db.read() as conn:
            return {name: state for name, state in conn.execute(query)}

    def ports(self, names: set[str]) -> dict[tuple[str, str], Port]:
        query = (select(devices.c.name, interface_status.c.name.label("ifname"), interface_status.c.oper_status,
                        interface_status.c.speed_bps, interface_status.c.in_bps, interface_status.c.out_bps)
                 .join(devices, devices.c.id == interface_status.c.device_id))
        with self.db.read() as conn:
            return {(r.name, r.ifname): Port(r.oper_status, r.speed_bps, r.in_bps, r.out_bps)
                    for r in conn.execute(query) if r.name in names}

    def latest_configs(self, names: set[str]) -> dict[str, ConfigVersion]:
        if not names:
            return {}
        newest = (select(config_versions.c.device, func.max(config_versions.c.version).label("v"))
                  .where(config_versions.c.device.in_(sorted(names))).group_by(config_versions.c.device).subquery())
        query = select(config_versions).join(newest, (newest.c.device == config_versions.c.device)
                                             & (newest.c.v == config_versions.c.version))
        with self.db.read() as conn:
            return {r.device: ConfigVersion(r.device, r.version, r.taken_at, r.run_id, r.source_command, r.digest,
                                            r.text) for r in conn.execute(query)}
