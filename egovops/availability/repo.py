"""Maintenance windows and the SLA target: the only place that knows their SQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Row, case, delete, func, select, update

from egovops.availability.maintenance import MaintenanceWindow
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.tables.availability import maintenance_windows
from egovops.storage.tables.inventory import settings
from egovops.storage.tables.states import monitored_spans

SLA_KEY = "availability.sla_target"
DEFAULT_SLA = 99.9


def _window(row: Row) -> MaintenanceWindow:  # type: ignore[type-arg]
    return MaintenanceWindow(
        scope_kind=row.scope_kind, scope=row.scope, starts=datetime.fromisoformat(row.starts_local),
        duration=row.duration, reason=row.reason, tz=row.tz, recurrence=row.recurrence, until=row.until,
        created_by=row.created_by, created_at=row.created_at, id=row.id,
    )


class AvailabilityRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def add_window(self, window: MaintenanceWindow) -> int:
        values = {
            "scope_kind": window.scope_kind, "scope": window.scope,
            "starts_local": window.starts.replace(tzinfo=None).isoformat(timespec="seconds"),
            "duration": window.duration, "recurrence": window.recurrence, "until": window.until, "tz": window.tz,
            "reason": window.reason, "created_by": window.created_by, "created_at": window.created_at,
        }
        with self.db.write() as conn:
            return int(conn.execute(maintenance_windows.insert().values(**values)).inserted_primary_key[0])

    def windows(self) -> list[MaintenanceWindow]:
        with self.db.read() as conn:
            return [_window(r) for r in conn.execute(select(maintenance_windows).order_by(maintenance_windows.c.id))]

    def remove_window(self, window_id: int) -> None:
        with self.db.write() as conn:
            done = conn.execute(delete(maintenance_windows).where(maintenance_windows.c.id == window_id))
        if done.rowcount == 0:
            raise NotFoundError(tr("no maintenance window with id {id}", id=window_id))

    # -- which periods hold data ------------------------------------------------------------------

    def has_monitoring(self, start: float, end: float) -> bool:
        """Whether any device was monitored at some moment of [start, end)."""
        ms = monitored_spans
        with self.db.read() as conn:
            return conn.scalar(select(ms.c.id).where(ms.c.end > start, ms.c.start < end).limit(1)) is not None

    def last_monitored_before(self, moment: float) -> float | None:
        """The latest moment before ``moment`` at which some device was monitored, if any."""
        ms = monitored_spans
        with self.db.read() as conn:
            newest_end = func.max(case((ms.c.end < moment, ms.c.end), else_=moment))
            latest = conn.scalar(select(newest_end).where(ms.c.start < moment))
        return float(latest) if latest is not None else None

    def sla_target(self) -> float:
        with self.db.read() as conn:
            value = conn.scalar(select(settings.c.value).where(settings.c.key == SLA_KEY))
        return float(value) if value is not None else DEFAULT_SLA

    def set_sla_target(self, percent: float) -> None:
        if not 0 < percent <= 100:
            raise ValidationError(tr("the SLA target must be a percentage above 0 and at most 100"))
        with self.db.write() as conn:
            done = conn.execute(update(settings).where(settings.c.key == SLA_KEY).values(value=percent))
            if done.rowcount == 0:
                conn.execute(settings.insert().values(key=SLA_KEY, value=percent))
