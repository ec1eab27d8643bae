"""What the alarm rules read from the store before a cycle's alarms are decided.

Kept apart from ``repo.py`` (which writes cycles): these are the reads that make alarms depend
on what was already seen, by this poller or by another process (the console's Poll now).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import func, select

from egovops.polling.alarm_rules import HEALTH_MEASURES, POLLER_KINDS, AlarmMemory, HeldAlarm, earlier_over_counts
from egovops.polling.settings import PollingSettings
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import alarms, device_status, health_samples, interface_samples


class AlarmRulesRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def last_polls(self) -> dict[str, float]:
        """Device → when its stored status was last written (by whichever process polled it)."""
        with self.db.read() as conn:
            rows = conn.execute(select(devices.c.name, device_status.c.last_poll)
                                .join(devices, devices.c.id == device_status.c.device_id))
            return {r.name: r.last_poll for r in rows}

    def memory(self, polled: Mapping[str, Iterable[tuple[int, str]]], health: Iterable[str],
               settings: PollingSettings) -> AlarmMemory:
        """Active poller alarms of the polled devices, and, where a threshold needs more than one
        reading in a row, the readings stored before this cycle (``polled``: device → its
        interfaces as (ifIndex, name) when they were read; ``health``: devices whose health was read)."""
        memory = AlarmMemory()
        names = list(polled)
        with self.db.read() as conn:
            named = conn.execute(select(devices.c.id, devices.c.name).where(devices.c.name.in_(names)))
            ids = {name: ident for ident, name in named}
            rows = conn.execute(select(alarms.c.device_id, alarms.c.kind, alarms.c.subject, alarms.c.message)
                                .where(alarms.c.active.is_(True), alarms.c.device_id.in_(list(ids.values())),
                                       alarms.c.kind.in_(list(POLLER_KINDS))))
            by_id = {ident: name for name, ident in ids.items()}
            for r in rows:
                memory.active.setdefault(by_id[r.device_id], []).append(HeldAlarm(r.kind, r.subject, r.message))
            in_row, limits = settings.readings_in_row, settings.thresholds
            history: dict[tuple[str, str, str], list[float]] = {}
            for kind, measure in HEALTH_MEASURES:
                wanted = [ids[n] for n in health if n in ids]
                if getattr(in_row, measure) > 1 and wanted:
                    newest = self._newest(conn, health_samples, getattr(health_samples.c, measure), wanted,
                                          getattr(in_row, measure) - 1)
                    for device_id, values in newest.items():
                        history[(by_id[device_id], kind, "")] = values
            if in_row.if_errors_ps > 1:
                self._interface_history(conn, polled, ids, in_row.if_errors_ps - 1, history)
        kind_limits = {kind: getattr(limits, measure) for kind, measure in HEALTH_MEASURES}
        kind_limits["interface_errors"] = limits.if_errors_ps
        memory.earlier_over = earlier_over_counts(history, kind_limits)
        return memory

    def _newest(self, conn, table, column, device_ids: list[int], n: int, partition=None) -> dict:
        """Per device (or per ``partition`` key), the ``n`` newest stored values of ``column``, newest first."""
        keys = partition if partition is not None else [table.c.device_id]
        rank = func.row_number().over(partition_by=keys, order_by=table.c.at.desc()).label("rank")
        inner = (select(*keys, column.label("value"), table.c.at, rank)
                 .where(table.c.device_id.in_(device_ids)).subquery())
        query = select(inner).where(inner.c.rank <= n).order_by(*[inner.c[k.name] for k in keys], inner.c.at.desc())
        found: dict = {}
        for row in conn.execute(query):
            key = tuple(row[:len(keys)]) if partition is not None else row[0]
            found.setdefault(key, []).append(row.value)
        return found

    def _interface_history(self, conn, polled, ids, n, history) -> None:
        wanted = [ids[name] for name, interfaces in polled.items() if name in ids and interfaces]
        if not wanted:
            return
        rate = func.coalesce(interface_samples.c.errors_ps, 0) + func.coalesce(interface_samples.c.discards_ps, 0)
        found = self._newest(conn, interface_samples, rate, wanted, n,
                             [interface_samples.c.device_id, interface_samples.c.if_index])
        by_id = {ident: name for name, ident in ids.items()}
        names = {(name, index): if_name for name, interfaces in polled.items() for index, if_name in interfaces}
        for (device_id, index), values in found.items():
            name = by_id[device_id]
            if (name, index) in names:
                history[(name, "interface_errors", names[(name, index)])] = values
