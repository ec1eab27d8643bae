"""Alarms raised and cleared by events: one active alarm per device, kind and subject, the same
rows the poller's alarms live in (storage/alarms_repo), so a linkDown trap and the polled
interface state speak of one ``interface_down`` alarm. The poller's reconcile passes the kinds it
decides, so it never clears ``security``, ``hardware`` or ``event_storm`` alarms it did not raise."""

from __future__ import annotations

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection

from egovops.storage.tables.polling import alarms

STORM_KIND = "event_storm"


def raise_alarm(conn: Connection, device_id: int, kind: str, subject: str, severity: str, message: str,
                at: float) -> bool:
    """Raise (or repeat) the alarm; True when it is new."""
    key = and_(alarms.c.device_id == device_id, alarms.c.kind == kind, alarms.c.subject == subject,
               alarms.c.active.is_(True))
    active = conn.scalar(select(alarms.c.id).where(key))
    if active is not None:
        conn.execute(update(alarms).where(alarms.c.id == active).values(
            last_seen=at, count=alarms.c.count + 1, severity=severity, message=message))
        return False
    # A device behind a failed parent has its alarms folded under the root's (topology.poller_hook,
    # after each poll cycle). An event's alarm joins them at once: waiting for the next cycle would
    # let it stand alone, and notify, for up to a polling interval.
    root = conn.scalar(select(alarms.c.root_alarm_id).where(
        alarms.c.device_id == device_id, alarms.c.active.is_(True), alarms.c.suppressed.is_(True),
        alarms.c.root_alarm_id.is_not(None)).order_by(alarms.c.id.desc()).limit(1))
    conn.execute(insert(alarms).values(device_id=device_id, kind=kind, subject=subject, severity=severity,
                                       active=True, message=message, first_seen=at, last_seen=at, count=1,
                                       suppressed=root is not None, root_alarm_id=root))
    return True


def clear_alarm(conn: Connection, device_id: int, kind: str, subject: str, at: float) -> bool:
    """Clear the active alarm, if any; True when one was cleared."""
    done = conn.execute(update(alarms).where(
        alarms.c.device_id == device_id, alarms.c.kind == kind, alarms.c.subject == subject,
        alarms.c.active.is_(True)).values(active=False, cleared_at=at))
    return bool(done.rowcount)
