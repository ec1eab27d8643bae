"""Alarms: one active alarm per device, kind and subject; raised, repeated, cleared, acknowledged.

Root-cause analysis (another area) links a symptom to the alarm that explains it with
``link_root``; nothing else in the schema is needed for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from sqlalchemy import insert, select, update

from egovops.errors import NotFoundError, ValidationError
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import ALARM_SEVERITIES, alarms


@dataclass(frozen=True)
class AlarmCondition:
    """Something wrong with a device right now, as the poller sees it."""

    kind: str
    severity: str
    message: str
    subject: str = ""


@dataclass(frozen=True)
class Alarm:
    id: int
    device: str
    kind: str
    subject: str
    severity: str
    active: bool
    message: str
    first_seen: float
    last_seen: float
    count: int
    cleared_at: float | None = None
    acked_by: str | None = None
    acked_at: float | None = None
    ack_comment: str | None = None
    root_alarm_id: int | None = None
    suppressed: bool = False


def _alarm(row) -> Alarm:  # type: ignore[no-untyped-def]
    values = dict(row._mapping)
    values.pop("device_id", None)
    return Alarm(**values)


# Alarm kinds raised and cleared by other areas (topology's cross-network check), not by the
# poller: a poll cycle's reconcile must leave them alone, and their own reconcile passes ``kinds``.
# "collector_silent": raised on the silent collector's host row by egovops.collector.coverage.
OTHER_AREAS_KINDS = frozenset({"cross_network_link", "collector_silent"})


class AlarmRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def _query(self):  # type: ignore[no-untyped-def]
        return select(alarms, devices.c.name.label("device")).join(devices, devices.c.id == alarms.c.device_id)

    def reconcile(self, conditions: Mapping[str, Sequence[AlarmCondition]], at: float,
                  kinds: Iterable[str] | None = None) -> tuple[list[Alarm], list[Alarm]]:
        """Bring the active alarms of the devices in ``conditions`` in line with what was seen.

        A condition with an active alarm bumps its count and last_seen (and takes the new severity
        and message); a new one raises an alarm; an active alarm whose condition is gone clears.
        Returns (raised, cleared). Devices not in ``conditions`` are left alone, and so are alarms
        of other kinds than ``kinds`` (default: every kind but ``OTHER_AREAS_KINDS``).
        """
        for items in conditions.values():
            for c in items:
                if c.severity not in ALARM_SEVERITIES:
                    raise ValidationError(f"alarm severity {c.severity!r} is not one of {', '.join(ALARM_SEVERITIES)}")
        raised: list[int] = []
        cleared: list[int] = []
        with self.db.write() as conn:
            ids = {name: ident for ident, name in conn.execute(select(devices.c.id, devices.c.name))}
            wanted = [ids[n] for n in conditions if n in ids]
            scope = alarms.c.kind.in_(list(kinds)) if kinds is not None else alarms.c.kind.notin_(list(OTHER_AREAS_KINDS))
            active = {(r.device_id, r.kind, r.subject): r.id for r in conn.execute(
                select(alarms.c.id, alarms.c.device_id, alarms.c.kind, alarms.c.subject)
                .where(alarms.c.active.is_(True), alarms.c.device_id.in_(wanted), scope))}
            seen: set[tuple[int, str, str]] = set()
            for name, items in conditions.items():
                if name not in ids:
                    continue
                for c in items:
                    key = (ids[name], c.kind, c.subject)
                    if key in seen:
                        continue
                    seen.add(key)
                    if key in active:
                        conn.execute(update(alarms).where(alarms.c.id == active[key]).values(
                            last_seen=at, count=alarms.c.count + 1, severity=c.severity, message=c.message))
                    else:
                        result = conn.execute(insert(alarms).values(
                            device_id=ids[name], kind=c.kind, subject=c.subject, severity=c.severity, active=True,
                            message=c.message, first_seen=at, last_seen=at, count=1, suppressed=False))
                        raised.append(result.inserted_primary_key[0])
            gone = [alarm_id for key, alarm_id in active.items() if key not in seen]
            if gone:
                conn.execute(update(alarms).where(alarms.c.id.in_(gone)).values(active=False, cleared_at=at))
                cleared = gone
        return self.by_ids(raised), self.by_ids(cleared)

    def by_ids(self, ids: Iterable[int]) -> list[Alarm]:
        wanted = list(ids)
        if not wanted:
            return []
        with self.db.read() as conn:
            return [_alarm(r) for r in conn.execute(self._query().where(alarms.c.id.in_(wanted)).order_by(alarms.c.id))]

    def list(self, active_only: bool = False, device: str | None = None) -> list[Alarm]:
        query = self._query().order_by(alarms.c.active.desc(), alarms.c.last_seen.desc(), alarms.c.id.desc())
        if active_only:
            query = query.where(alarms.c.active.is_(True))
        if device is not None:
            query = query.where(devices.c.name == device)
        with self.db.read() as conn:
            return [_alarm(r) for r in conn.execute(query)]

    def get(self, alarm_id: int) -> Alarm:
        found = self.by_ids([alarm_id])
        if not found:
            raise NotFoundError(f"no alarm with id {alarm_id}")
        return found[0]

    def acknowledge(self, alarm_id: int, operator: str, comment: str, at: float) -> Alarm:
        if not operator.strip():
            raise ValidationError("an acknowledgement needs the operator's name")
        if not comment.strip():
            raise ValidationError("an acknowledgement needs a comment")
        self.get(alarm_id)
        with self.db.write() as conn:
            conn.execute(update(alarms).where(alarms.c.id == alarm_id).values(acked_by=operator.strip(), acked_at=at, ack_comment=comment.strip()))
        return self.get(alarm_id)

    def link_root(self, alarm_id: int, root_alarm_id: int | None, suppressed: bool) -> None:
        """Mark ``alarm_id`` as a symptom of ``root_alarm_id`` (root-cause analysis), or unlink it."""
        with self.db.write() as conn:
            conn.execute(update(alarms).where(alarms.c.id == alarm_id).values(root_alarm_id=root_alarm_id, suppressed=suppressed))
