"""Maintenance windows and the SLA target changed on an operator's behalf, as the command line does.

A window removes downtime from the figures a unit is judged on, and the SLA target decides which
units pass: planning a window takes an engineer, the target a supervisor, and both go to the audit
trail (same actions and details as ``egovops maintenance`` and ``egovops report sla``).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime

from egovops.accounts.identity import Operator
from egovops.accounts.guard import authorize
from egovops.accounts.roles import ACTION_ROLE
from egovops.audit.log import AuditLog
from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.periods import system_zone, zone_name
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.inventory.sites import normalise_path
from egovops.availability.repo import AvailabilityRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

WINDOW_ROLE = ACTION_ROLE["maintenance.add"]
SLA_ROLE = ACTION_ROLE["availability.sla-target"]


def new_window(scope_kind: str, scope: str, starts: datetime, ends: datetime, reason: str, recurrence: str = "once",
               until: date | None = None, tz: str | None = None) -> MaintenanceWindow:
    """A window from the start and end an operator picked, in the machine's zone unless told."""
    name = tz or zone_name(system_zone())
    return MaintenanceWindow(scope_kind, scope.strip(), starts.replace(tzinfo=None, second=0, microsecond=0),
                             (ends - starts).total_seconds(), reason, name, recurrence, until)


class AvailabilityPlanner:
    def __init__(self, database: Database) -> None:
        self.repo = AvailabilityRepository(database)
        self.inventory = InventoryRepository(database)
        self.audit = AuditLog(database)

    def windows(self) -> list[MaintenanceWindow]:
        return self.repo.windows()

    def _check_scope(self, window: MaintenanceWindow) -> MaintenanceWindow:
        if window.scope_kind == "device":
            self.inventory.device(window.scope)  # NotFoundError names it
        elif window.scope_kind == "site":
            path = normalise_path(window.scope)
            if path not in {s.path for s in self.inventory.sites()}:
                raise NotFoundError(tr("no site {path!r}", path=path))
            window = replace(window, scope=path)
        elif window.scope not in self.inventory.network_names():
            raise NotFoundError(tr("no network {name!r}", name=window.scope))
        return window

    def add_window(self, by: Operator, window: MaintenanceWindow) -> int:
        authorize(self.audit, by, "maintenance.add", f"{window.scope_kind}:{window.scope}")
        if window.until is not None and window.until < window.starts.date():
            raise ValidationError(tr("the last day of a repeating window cannot be before its first"))
        window = replace(self._check_scope(window), created_by=by.label(), created_at=time.time())
        with self.audit.change():  # the window and its audit row: all or none
            window_id = self.repo.add_window(window)
            self.audit.record(
                actor=by.label(), role=by.role.value, action="maintenance.add",
                subject=f"{window.scope_kind}:{window.scope}",
                details={"id": window_id, "starts": window.starts.isoformat(), "tz": window.tz,
                         "duration": window.duration, "repeat": window.recurrence,
                         "until": window.until.isoformat() if window.until else None, "reason": window.reason},
            )
        return window_id

    def remove_window(self, by: Operator, window_id: int) -> None:
        authorize(self.audit, by, "maintenance.remove", str(window_id))
        window = next((w for w in self.repo.windows() if w.id == window_id), None)
        with self.audit.change():
            self.repo.remove_window(window_id)  # NotFoundError when there is none
            assert window is not None
            self.audit.record(actor=by.label(), role=by.role.value, action="maintenance.remove",
                              subject=f"{window.scope_kind}:{window.scope}",
                              details={"id": window_id, "reason": window.reason})

    def sla_target(self) -> float:
        return self.repo.sla_target()

    def set_sla_target(self, by: Operator, percent: float) -> bool:
        """True when the target changed (an unchanged one is neither stored nor audited)."""
        before = self.repo.sla_target()
        if before == percent:
            return False
        authorize(self.audit, by, "availability.sla-target", "sla")
        with self.audit.change():
            self.repo.set_sla_target(percent)
            self.audit.record(actor=by.label(), role=by.role.value, action="availability.sla-target", subject="sla",
                              details={"from": before, "to": percent})
        return True
