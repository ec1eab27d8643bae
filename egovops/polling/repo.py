"""Storing what the poller saw: current status, samples, hourly rollups, the poller's own stats.

A whole cycle is written in one transaction (thousands of devices: one short write, not thousands).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select

from egovops.polling.model import Board, DeviceStatus, InterfaceStatus
from egovops.snmp.errors import MALFORMED_PREFIX
from egovops.storage.database import Database
from egovops.storage.dialect import hour_start, insert_or_replace, insert_rows, partitions_samples
from egovops.storage.partitions import Partitions
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import (
    device_status,
    health_hourly,
    health_samples,
    interface_hourly,
    interface_samples,
    interface_status,
    polled_identity,
    poller_stats,
)

_COUNTERS = ("in_octets", "out_octets", "in_errors", "out_errors", "in_discards", "out_discards")
_STATUS_FIELDS = ("state", "reachable", "reach_method", "uptime_s", "sys_name", "sys_descr", "sys_object_id", "vendor",
                  "model", "os", "cpu_percent", "mem_percent", "temperature_c", "error")


def _to_sql(value: int | None) -> int | None:
    # SQLite integers are signed 64-bit; Counter64 values above 2**63 are stored shifted.
    return value - 2**64 if value is not None and value >= 2**63 else value


def _from_sql(value: int | None) -> int | None:
    return value + 2**64 if value is not None and value < 0 else value


_IDENTITY = ("vendor", "model", "os", "version", "serial")


@dataclass(frozen=True)
class PolledIdentity:
    """What polling learned a device is; the inventory's own fields win wherever they are set."""

    vendor: str = ""
    model: str = ""
    os: str = ""
    version: str = ""
    serial: str = ""


def _boards_to_sql(boards: Sequence[Board]) -> list[dict[str, object]] | None:
    return [b.__dict__ for b in boards] or None


def _boards_from_sql(rows: list[dict[str, object]] | None) -> list[Board]:
    return [Board(**row) for row in rows or []]  # type: ignore[arg-type]


@dataclass(frozen=True)
class CycleStats:
    at: float
    cycle: str
    interval_s: float
    devices: int
    failed: int
    duration_s: float
    overrun: bool
    cpu_percent: float | None = None
    rss_bytes: int | None = None
    open_sockets: int | None = None
    threads: int | None = None


class PollingRepository:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._partitioned = partitions_samples(database.engine.dialect.name)
        self._partitions = Partitions()

    def _ids(self, conn: Connection) -> dict[str, int]:
        return {name: ident for ident, name in conn.execute(select(devices.c.id, devices.c.name))}

    # -- current status -----------------------------------------------------------------------

    def save_cycle(self, statuses: Sequence[DeviceStatus], since: dict[str, float]) -> None:
        """Current status of every device polled, plus samples of what this cycle measured.

        ``since`` gives each device's state start (unchanged states keep their old start).
        """
        if not statuses:
            return
        with self.db.write() as conn:
            ids = self._ids(conn)
            polled = [ids[s.name] for s in statuses if s.name in ids]
            conn.execute(delete(device_status).where(device_status.c.device_id.in_(polled)))
            conn.execute(insert(device_status), [
                {"device_id": ids[s.name], "since": since.get(s.name, s.polled_at), "last_poll": s.polled_at,
                 "reasons": "; ".join(s.reasons), "boards": _boards_to_sql(s.boards),
                 **{f: getattr(s, f) for f in _STATUS_FIELDS}}
                for s in statuses if s.name in ids
            ])
            self._save_identity(conn, ids, [s for s in statuses if s.name in ids and s.vendor])
            self._save_interfaces(conn, ids, [s for s in statuses if s.measured_interfaces and s.name in ids])
            rows = [{"device_id": ids[s.name], "at": s.polled_at, "cpu_percent": s.cpu_percent,
                     "mem_percent": s.mem_percent, "temperature_c": s.temperature_c}
                    for s in statuses if s.name in ids and s.measured_health
                    and (s.cpu_percent is not None or s.mem_percent is not None or s.temperature_c is not None)]
            if rows:
                self._insert_samples(conn, health_samples, rows)

    def _save_identity(self, conn: Connection, ids: dict[str, int], statuses: Sequence[DeviceStatus]) -> None:
        if not statuses:
            return
        conn.execute(delete(polled_identity).where(polled_identity.c.device_id.in_([ids[s.name] for s in statuses])))
        conn.execute(insert(polled_identity), [
            {"device_id": ids[s.name], "updated_at": s.polled_at, **{f: getattr(s, f) or "" for f in _IDENTITY}}
            for s in statuses
        ])

    def identities(self) -> dict[str, PolledIdentity]:
        """What polling learned about each device, by device name."""
        query = select(devices.c.name, polled_identity).join(devices, devices.c.id == polled_identity.c.device_id)
        with self.db.read() as conn:
            return {row.name: PolledIdentity(**{f: getattr(row, f) for f in _IDENTITY}) for row in conn.execute(query)}

    def _save_interfaces(self, conn: Connection, ids: dict[str, int], statuses: Sequence[DeviceStatus]) -> None:
        if not statuses:
            return
        conn.execute(delete(interface_status).where(interface_status.c.device_id.in_([ids[s.name] for s in statuses])))
        current, samples = [], []
        for status in statuses:
            for i in status.interfaces:
                row = {"device_id": ids[status.name], "if_index": i.index, "name": i.name, "alias": i.alias,
                       "if_type": i.if_type, "speed_bps": i.speed_bps, "admin_status": i.admin_status,
                       "oper_status": i.oper_status, "counter_bits": i.counter_bits, "uptime_cs": i.uptime_cs,
                       "sampled_at": i.sampled_at, "in_bps": i.in_bps, "out_bps": i.out_bps,
                       "errors_ps": i.errors_ps, "discards_ps": i.discards_ps}
                row.update({c: _to_sql(getattr(i, c)) for c in _COUNTERS})
                current.append(row)
                if i.in_bps is not None or i.out_bps is not None:
                    samples.append({"device_id": ids[status.name], "if_index": i.index, "at": i.sampled_at,
                                    "in_bps": i.in_bps, "out_bps": i.out_bps, "errors_ps": i.errors_ps,
                                    "discards_ps": i.discards_ps})
        if current:
            conn.execute(insert(interface_status), current)
        if samples:
            self._insert_samples(conn, interface_samples, samples)

    def _insert_samples(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        if self._partitioned:  # a row without its day's partition would be refused
            self._partitions.ensure(conn, table.name, [row["at"] for row in rows])
        insert_rows(conn, table, rows)

    def load_statuses(self, names: Iterable[str] | None = None) -> dict[str, DeviceStatus]:
        """Last stored status of each device, with its interfaces (the base of the next rates)."""
        query = (select(device_status, devices.c.name, polled_identity.c.version, polled_identity.c.serial)
                 .join(devices, devices.c.id == device_status.c.device_id)
                 .outerjoin(polled_identity, polled_identity.c.device_id == device_status.c.device_id))
        if names is not None:
            query = query.where(devices.c.name.in_(list(names)))
        with self.db.read() as conn:
            found: dict[str, DeviceStatus] = {}
            by_id: dict[int, DeviceStatus] = {}
            for row in conn.execute(query):
                status = DeviceStatus(name=row.name, polled_at=row.last_poll, since=row.since,
                                      reasons=[r for r in row.reasons.split("; ") if r],
                                      boards=_boards_from_sql(row.boards),
                                      version=row.version or "", serial=row.serial or "",
                                      **{f: getattr(row, f) for f in _STATUS_FIELDS})
                found[row.name] = by_id[row.device_id] = status
            if by_id:
                rows = conn.execute(select(interface_status).where(interface_status.c.device_id.in_(list(by_id)))
                                    .order_by(interface_status.c.device_id, interface_status.c.if_index))
                for row in rows:
                    values = {c: _from_sql(getattr(row, c)) for c in _COUNTERS}
                    by_id[row.device_id].interfaces.append(InterfaceStatus(
                        index=row.if_index, name=row.name, alias=row.alias, if_type=row.if_type, speed_bps=row.speed_bps,
                        admin_status=row.admin_status, oper_status=row.oper_status, counter_bits=row.counter_bits or 64,
                        uptime_cs=row.uptime_cs, sampled_at=row.sampled_at, in_bps=row.in_bps, out_bps=row.out_bps,
                        errors_ps=row.errors_ps, discards_ps=row.discards_ps, **values))
            return found

    def state_since(self) -> dict[str, tuple[str, float]]:
        with self.db.read() as conn:
            rows = conn.execute(select(devices.c.name, device_status.c.state, device_status.c.since)
                                .join(devices, devices.c.id == device_status.c.device_id))
            return {r.name: (r.state, r.since) for r in rows}

    def malformed_replies(self) -> list[str]:
        """Devices whose last poll got a reply that was not an answer to it (``egovops status``)."""
        query = (select(devices.c.name).join(devices, devices.c.id == device_status.c.device_id)
                 .where(device_status.c.error.like(f"%{MALFORMED_PREFIX} %")).order_by(devices.c.name))
        with self.db.read() as conn:
            return [r.name for r in conn.execute(query)]

    # -- time series --------------------------------------------------------------------------

    def health_series(self, device: str, start: float | None = None) -> list[tuple[float, float | None, float | None]]:
        query = (select(health_samples.c.at, health_samples.c.cpu_percent, health_samples.c.mem_percent)
                 .join(devices, devices.c.id == health_samples.c.device_id).where(devices.c.name == device)
                 .order_by(health_samples.c.at))
        if start is not None:
            query = query.where(health_samples.c.at >= start)
        with self.db.read() as conn:
            return [(r.at, r.cpu_percent, r.mem_percent) for r in conn.execute(query)]

    def _hour_of(self, col):  # type: ignore[no-untyped-def]
        return hour_start(col, self.db.engine.dialect.name)

    def rollup_and_prune(self, now: float, raw_days: float, hourly_days: float) -> None:
        """Roll finished hours of raw samples into the hourly tables, then drop what is too old.

        Hours already rolled up are recomputed from whatever raw samples remain, so running this
        every cycle is idempotent.
        """
        hour_now = now - now % 3600
        hour_of = self._hour_of
        with self.db.write() as conn:
            last = conn.execute(select(func.max(interface_hourly.c.hour))).scalar()
            start = (last + 3600) if last is not None else 0.0
            if_hour = hour_of(interface_samples.c.at).label("hour")
            if_rows = conn.execute(
                select(interface_samples.c.device_id, interface_samples.c.if_index, if_hour, func.count().label("n"),
                       func.avg(interface_samples.c.in_bps), func.max(interface_samples.c.in_bps),
                       func.avg(interface_samples.c.out_bps), func.max(interface_samples.c.out_bps),
                       func.avg(interface_samples.c.errors_ps), func.avg(interface_samples.c.discards_ps))
                .where(interface_samples.c.at >= start, interface_samples.c.at < hour_now)
                .group_by(interface_samples.c.device_id, interface_samples.c.if_index, if_hour)
            ).all()
            if if_rows:
                conn.execute(insert_or_replace(interface_hourly, self.db.engine.dialect.name), [
                    {"device_id": r[0], "if_index": r[1], "hour": r[2], "samples": r[3], "in_bps_avg": r[4], "in_bps_max": r[5],
                     "out_bps_avg": r[6], "out_bps_max": r[7], "errors_ps_avg": r[8], "discards_ps_avg": r[9]} for r in if_rows])
            last = conn.execute(select(func.max(health_hourly.c.hour))).scalar()
            start = (last + 3600) if last is not None else 0.0
            h_hour = hour_of(health_samples.c.at).label("hour")
            h_rows = conn.execute(
                select(health_samples.c.device_id, h_hour, func.count(), func.avg(health_samples.c.cpu_percent),
                       func.max(health_samples.c.cpu_percent), func.avg(health_samples.c.mem_percent),
                       func.max(health_samples.c.mem_percent), func.max(health_samples.c.temperature_c))
                .where(health_samples.c.at >= start, health_samples.c.at < hour_now)
                .group_by(health_samples.c.device_id, h_hour)
            ).all()
            if h_rows:
                conn.execute(insert_or_replace(health_hourly, self.db.engine.dialect.name), [
                    {"device_id": r[0], "hour": r[1], "samples": r[2], "cpu_avg": r[3], "cpu_max": r[4], "mem_avg": r[5],
                     "mem_max": r[6], "temperature_max": r[7]} for r in h_rows])
            # Raw samples go only once rolled up: never past the hour just finished.
            raw_cut, hourly_cut = min(now - raw_days * 86400, hour_now), now - hourly_days * 86400
            if not self._partitioned:
                conn.execute(delete(interface_samples).where(interface_samples.c.at < raw_cut))
                conn.execute(delete(health_samples).where(health_samples.c.at < raw_cut))
            conn.execute(delete(interface_hourly).where(interface_hourly.c.hour < hourly_cut))
            conn.execute(delete(health_hourly).where(health_hourly.c.hour < hourly_cut))
        if self._partitioned:
            self.maintain_partitions(now, raw_cut)

    def maintain_partitions(self, now: float, raw_cut: float) -> list[str]:
        """PostgreSQL: make the coming days' sample partitions and drop the days wholly before
        ``raw_cut`` (a day straddling it stays until it is wholly past); returns the dropped names.
        Its own short transaction: it locks the sample tables for a moment."""
        with self.db.write() as conn:
            return self._partitions.maintain(conn, now, raw_cut)

    def hourly_health(self, device: str) -> list[tuple[float, int, float | None, float | None]]:
        query = (select(health_hourly.c.hour, health_hourly.c.samples, health_hourly.c.cpu_avg, health_hourly.c.cpu_max)
                 .join(devices, devices.c.id == health_hourly.c.device_id).where(devices.c.name == device)
                 .order_by(health_hourly.c.hour))
        with self.db.read() as conn:
            return [(r.hour, r.samples, r.cpu_avg, r.cpu_max) for r in conn.execute(query)]

    def count_samples(self) -> dict[str, int]:
        with self.db.read() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar() or 0
                    for t in (interface_samples, health_samples, interface_hourly, health_hourly)}

    # -- the poller's own health --------------------------------------------------------------

    def record_stats(self, stats: CycleStats) -> None:
        with self.db.write() as conn:
            conn.execute(insert(poller_stats), [stats.__dict__])

    def latest_stats(self, limit: int = 20) -> list[CycleStats]:
        with self.db.read() as conn:
            rows = conn.execute(select(poller_stats).order_by(poller_stats.c.at.desc(), poller_stats.c.id.desc()).limit(limit))
            return [CycleStats(**{k: v for k, v in row._mapping.items() if k != "id"}) for row in rows]

    def prune_stats(self, before: float) -> None:
        with self.db.write() as conn:
            conn.execute(delete(poller_stats).where(poller_stats.c.at < before))
