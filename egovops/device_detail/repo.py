"""Reads for one device's detail view: its time series, its recent state changes. Read-only SQL.

The poller's repository serves whole cycles; the device view needs one device's history over a
window (raw samples for hours, hourly rollups for days), so those queries live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from egovops.storage.database import Database
from egovops.storage.state_repo import Transition
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import (
    health_hourly,
    health_samples,
    interface_hourly,
    interface_samples,
    interface_status,
)
from egovops.storage.tables.states import state_transitions


@dataclass(frozen=True)
class HealthPoint:
    at: float
    cpu_percent: float | None
    mem_percent: float | None


@dataclass(frozen=True)
class TrafficPoint:
    if_index: int
    at: float
    in_bps: float | None
    out_bps: float | None


class DeviceDetailRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def _device_id(self, conn, name: str) -> int | None:  # type: ignore[no-untyped-def]
        return conn.scalar(select(devices.c.id).where(devices.c.name == name))

    def health_raw(self, device: str, start: float) -> list[HealthPoint]:
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            rows = conn.execute(
                select(health_samples.c.at, health_samples.c.cpu_percent, health_samples.c.mem_percent)
                .where(health_samples.c.device_id == ident, health_samples.c.at >= start).order_by(health_samples.c.at))
            return [HealthPoint(r.at, r.cpu_percent, r.mem_percent) for r in rows]

    def health_hourly(self, device: str, start: float) -> list[HealthPoint]:
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            rows = conn.execute(
                select(health_hourly.c.hour, health_hourly.c.cpu_avg, health_hourly.c.mem_avg)
                .where(health_hourly.c.device_id == ident, health_hourly.c.hour >= start).order_by(health_hourly.c.hour))
            return [HealthPoint(r.hour, r.cpu_avg, r.mem_avg) for r in rows]

    def traffic_raw(self, device: str, start: float) -> list[TrafficPoint]:
        s = interface_samples
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            rows = conn.execute(select(s.c.if_index, s.c.at, s.c.in_bps, s.c.out_bps)
                                .where(s.c.device_id == ident, s.c.at >= start).order_by(s.c.if_index, s.c.at))
            return [TrafficPoint(r.if_index, r.at, r.in_bps, r.out_bps) for r in rows]

    def traffic_hourly(self, device: str, start: float) -> list[TrafficPoint]:
        h = interface_hourly
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            rows = conn.execute(select(h.c.if_index, h.c.hour, h.c.in_bps_avg, h.c.out_bps_avg)
                                .where(h.c.device_id == ident, h.c.hour >= start).order_by(h.c.if_index, h.c.hour))
            return [TrafficPoint(r.if_index, r.hour, r.in_bps_avg, r.out_bps_avg) for r in rows]

    def interface_names(self, device: str) -> dict[int, str]:
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            rows = conn.execute(select(interface_status.c.if_index, interface_status.c.name)
                                .where(interface_status.c.device_id == ident))
            return {r.if_index: r.name for r in rows}

    def ports_that_carried_traffic(self, device: str) -> set[int]:
        """ifIndexes with traffic in the stored samples or hourly rollups: ports that were up once
        (a port never up carries nothing), kept as long as the rollups (400 days by default)."""
        s, h = interface_samples, interface_hourly
        with self.db.read() as conn:
            ident = self._device_id(conn, device)
            raw = conn.scalars(select(s.c.if_index).where(s.c.device_id == ident,
                                                          (s.c.in_bps > 0) | (s.c.out_bps > 0)).distinct())
            found = set(raw)
            hourly = conn.scalars(select(h.c.if_index).where(h.c.device_id == ident,
                                                             (h.c.in_bps_max > 0) | (h.c.out_bps_max > 0)).distinct())
            return found | set(hourly)

    def recent_transitions(self, device: str, limit: int = 50) -> list[Transition]:
        """The device's latest state changes, newest first."""
        a, r = devices.alias("a"), devices.alias("r")
        st = state_transitions
        query = (select(st.c.at, st.c.state, st.c.previous, st.c.reason, a.c.name.label("device"), r.c.name.label("root"))
                 .join(a, st.c.device_id == a.c.id).outerjoin(r, st.c.root_cause_device_id == r.c.id)
                 .where(a.c.name == device).order_by(st.c.at.desc(), st.c.id.desc()).limit(limit))
        with self.db.read() as conn:
            return [Transition(row.device, row.at, row.state, row.previous, row.reason, row.root) for row in conn.execute(query)]
