"""Read paths of the console's overview: current device health, alarms, the latest poll cycle.

The poller (polling area) writes ``device_status``, ``alarms`` and ``poller_stats``; this module only
reads them (acknowledging goes through the polling area's ``AlarmRepository``). Before the first poll a device's health
falls back to its latest state transition, so an imported history still shows.
"""

from __future__ import annotations

from sqlalchemy import func, select

from egovops.overview.alarms import AlarmRecord
from egovops.overview.health import DeviceHealth, PollSummary
from egovops.overview.link_load import InterfaceLoad
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices, links, sites
from egovops.storage.tables.polling import alarms, device_status, interface_status, poller_stats
from egovops.storage.tables.states import state_transitions
from egovops.storage.tables.topology import topology_runs


class OverviewRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def current_health(self) -> dict[str, DeviceHealth]:
        """Device name → health, for every device with a status row or a recorded transition."""
        root = devices.alias("root")
        latest = (
            select(state_transitions.c.device_id, func.max(state_transitions.c.id).label("last_id"))
            .group_by(state_transitions.c.device_id)
            .subquery()
        )
        from_history = (
            select(devices.c.name, state_transitions.c.state, state_transitions.c.at, state_transitions.c.reason, root.c.name.label("root"))
            .join(latest, latest.c.device_id == devices.c.id)
            .join(state_transitions, state_transitions.c.id == latest.c.last_id)
            .outerjoin(root, root.c.id == state_transitions.c.root_cause_device_id)
        )
        from_status = select(devices.c.name, device_status).join(device_status, device_status.c.device_id == devices.c.id)
        with self.db.read() as conn:
            health = {r.name: DeviceHealth(r.name, r.state, r.at, reasons=r.reason or "", root_cause=r.root) for r in conn.execute(from_history)}
            for r in conn.execute(from_status):
                earlier = health.get(r.name)
                health[r.name] = DeviceHealth(
                    r.name, r.state, r.since, r.uptime_s, r.reasons or "",
                    earlier.root_cause if earlier and r.state == "unreachable" else None, r.last_poll,
                )
        return health

    def alarms(self, include_cleared_since: float | None = None) -> list[AlarmRecord]:
        """Active alarms, plus those cleared at or after ``include_cleared_since``; newest first."""
        query = select(alarms, devices.c.name.label("device")).join(devices, devices.c.id == alarms.c.device_id)
        if include_cleared_since is None:
            query = query.where(alarms.c.active.is_(True))
        else:
            query = query.where((alarms.c.active.is_(True)) | (alarms.c.cleared_at >= include_cleared_since))
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(alarms.c.last_seen.desc(), alarms.c.id.desc()))
            return [
                AlarmRecord(
                    id=r.id, device=r.device, kind=r.kind, severity=r.severity, message=r.message,
                    first_seen=r.first_seen, last_seen=r.last_seen, count=r.count, subject=r.subject or "",
                    active=bool(r.active), acked_by=r.acked_by, acked_at=r.acked_at, ack_comment=r.ack_comment,
                    root_alarm_id=r.root_alarm_id, suppressed=bool(r.suppressed),
                )
                for r in rows
            ]

    def latest_status_cycle(self) -> PollSummary | None:
        # Any cycle: the poller labels them "full" (poll --once) or "scheduled" (poll until stopped),
        # and "status part" for the states it stores before a cycle's walks end. The newest row
        # written, not the newest ``at``: that part and its cycle's end share the cycle's start.
        query = select(poller_stats).order_by(poller_stats.c.id.desc()).limit(1)
        with self.db.read() as conn:
            row = conn.execute(query).first()
        return PollSummary(row.at, row.duration_s, row.devices, row.failed, row.interval_s) if row else None

    def change_mark(self) -> tuple[int, int]:
        """(newest poller_stats row, newest topology_runs row): what changes whenever the poller
        stored a cycle, or its part, or the neighbour schedule stored a sweep (new links, a
        cross-network alarm), so the console knows when to refresh without reading everything."""
        with self.db.read() as conn:
            cycle = conn.scalar(select(func.max(poller_stats.c.id))) or 0
            sweep = conn.scalar(select(func.max(topology_runs.c.id))) or 0
        return int(cycle), int(sweep)

    def link_interfaces(self) -> dict[tuple[str, str], InterfaceLoad]:
        """(device, interface) → speed, rates and status, for the interfaces at either end of a link.

        Only link ends: a province has tens of interfaces per device, and the map needs a few.
        """
        found: dict[tuple[str, str], InterfaceLoad] = {}
        i = interface_status.c
        with self.db.read() as conn:
            for device_col, name_col in ((links.c.a_device_id, links.c.a_interface), (links.c.b_device_id, links.c.b_interface)):
                query = (
                    select(devices.c.name.label("device"), i.name, i.speed_bps, i.in_bps, i.out_bps, i.admin_status, i.oper_status)
                    .select_from(links)
                    .join(interface_status, (i.device_id == device_col) & (i.name == name_col))
                    .join(devices, devices.c.id == device_col)
                )
                for r in conn.execute(query):
                    found[(r.device, r.name)] = InterfaceLoad(r.speed_bps, r.in_bps, r.out_bps, r.admin_status, r.oper_status)
        return found

    def inventory_fingerprint(self) -> tuple[object, ...]:
        """Changes when a device, site or link is added or removed, a link is found, lost or found again,
        or a device moves to another site, network or address of another length.

        Aggregates in SQL, so asking every status cycle costs milliseconds even with 10,000 devices
        (reading the rows to hash them cost 270 ms of the interpreter the GUI thread shares). An
        edit that changes no count, id, site, network or length is seen on the next restart, or at
        once when an inventory change notice makes the console call ``OverviewService.invalidate_inventory``.
        """
        d, l = devices.c, links.c
        queries = (
            select(func.count(), func.max(d.id), func.sum(d.site_id), func.sum(func.length(d.address) + func.length(d.network)
                                                                           + func.length(d.role) + d.snmp_port)),
            select(func.count(), func.max(sites.c.id), func.sum(func.length(sites.c.path))),
            select(func.count(), func.max(l.id), func.count(l.missing_since), func.max(l.last_seen),
                   func.sum(func.length(l.a_interface) + func.length(l.b_interface))),
        )
        with self.db.read() as conn:
            return tuple(value for query in queries for value in conn.execute(query).one())
