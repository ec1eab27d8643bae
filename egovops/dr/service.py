"""DR readiness for the console and the command line: centres, peers and drills (role-checked,
audited), and the verdict with its month of history."""

from __future__ import annotations

import time

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.dr.model import OUTCOMES, Drill, Readiness
from egovops.dr.readiness import Snapshot, centre_of, evaluate
from egovops.dr.repo import DrRepository
from egovops.duty.repo import DutyRepository
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.inventory.model import DrRole
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

HISTORY_S = 31 * 86400  # "its history over the month"
PROBE_FRESH_S = 900  # a link probe older than this no longer describes the link


class DrService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.repo = DrRepository(database)
        self.inventory = InventoryRepository(database)
        self.audit = AuditLog(database)

    # -- centres and peers ------------------------------------------------------------------------
    def set_centre(self, by: Operator, path: str, role: str | None) -> None:
        """Mark ``path`` as a centre in ``role`` (None: no longer a centre)."""
        authorize(self.audit, by, "dr.manage", path)
        if role is not None and role not in {r.value for r in DrRole}:
            raise ValidationError(tr("a centre's role is production, same-city-dr or remote-dr"))
        with self.audit.change():  # the role and its audit row: all or none
            self.repo.set_role(path, role)
            self.audit.record(actor=by.label(), role=by.role.value, action="dr.centre", subject=path,
                              details={"dr_role": role})

    def set_peer(self, by: Operator, device: str, peer: str, remove: bool = False) -> bool:
        authorize(self.audit, by, "dr.manage", device)
        if device == peer:
            raise ValidationError(tr("a device cannot be its own DR peer"))
        with self.audit.change():
            changed = self.repo.remove_peer(device, peer) if remove else self.repo.set_peer(device, peer)
            if changed:
                self.audit.record(actor=by.label(), role=by.role.value, action="dr.peer", subject=device,
                                  details={"peer": peer, "removed": remove})
        return changed

    # -- drills ---------------------------------------------------------------------------------
    def start_drill(self, by: Operator, scope: list[str], notes: str = "", at: float | None = None) -> int:
        authorize(self.audit, by, "dr.drill", ",".join(scope))
        self._check_scope(scope)
        if self.repo.running_drill() is not None:
            raise ValidationError(tr("a drill is already running: end it first"))
        now = time.time() if at is None else at
        with self.audit.change():
            drill_id = self.repo.add_drill(now, scope, notes.strip(), by.label())
            self._log(by, tr("DR drill {id} started on {scope}", id=drill_id, scope=", ".join(scope)), now)
            self.audit.record(actor=by.label(), role=by.role.value, action="dr.drill-start", subject=str(drill_id),
                              details={"scope": scope})
        return drill_id

    def end_drill(self, by: Operator, outcome: str, notes: str = "", at: float | None = None) -> Drill:
        authorize(self.audit, by, "dr.drill", "drill")
        if outcome not in OUTCOMES:
            raise ValidationError(tr("a drill's outcome is passed, partial or failed"))
        running = self.repo.running_drill()
        if running is None:
            raise ValidationError(tr("no drill is running"))
        now = time.time() if at is None else at
        text = "\n".join(t for t in (running.notes, notes.strip()) if t)
        with self.audit.change():
            self.repo.end_drill(running.id, now, outcome, text, by.label())
            self._log(by, tr("DR drill {id} ended: {outcome}", id=running.id, outcome=outcome), now)
            self.audit.record(actor=by.label(), role=by.role.value, action="dr.drill-end", subject=str(running.id),
                              details={"outcome": outcome})
        return self.repo.drills(limit=1)[0]

    def _check_scope(self, scope: list[str]) -> None:
        if not scope:
            raise ValidationError(tr("a drill needs a scope: sites or devices"))
        known = {s.path for s in self.inventory.sites()} | set(self.inventory.device_ids())
        unknown = [s for s in scope if s not in known]
        if unknown:
            raise NotFoundError(tr("no site or device {name}", name=", ".join(unknown)))

    def _log(self, by: Operator, text: str, at: float) -> None:
        """Into the duty log, when a shift is open (a drill at night is on its shift's record)."""
        duty = DutyRepository(self.db)
        shift = duty.open_shift()
        if shift is not None:
            duty.add_note(shift.id, by.label(), text, at)

    def drills(self, limit: int = 50) -> list[Drill]:
        return self.repo.drills(limit)

    def drill_alarms(self, drill: Drill) -> list[tuple[int, str, str, float]]:
        """The alarms the drill caused: raised on a device in its scope while it ran."""
        names = {d.name for d in self.inventory.devices()
                 if any(d.name == s or d.site == s or d.site.startswith(s + "/") for s in drill.scope)}
        return self.repo.alarms_between(names, drill.started_at, drill.ended_at)

    # -- readiness --------------------------------------------------------------------------------
    def snapshot(self, now: float | None = None) -> Snapshot:
        sites, devices = self.inventory.sites(), self.inventory.devices()
        centres = [s for s in sites if s.dr_role is not None]
        peers = self.repo.peers()
        in_centres = {d.name for d in devices if centre_of(centres, d.site) is not None}
        drills = self.repo.drills(limit=1)
        at = time.time() if now is None else now
        return Snapshot(sites, devices, self.inventory.links(), self.repo.states(), self.repo.ports(in_centres),
                        peers, self.repo.latest_configs({n for p in peers for n in p}), at,
                        drills[0] if drills else None, self.repo.latest_probes(at - PROBE_FRESH_S))

    def readiness(self, now: float | None = None, record: bool = True) -> Readiness:
        """The verdict now; a change of verdict (or of its reasons) goes into the month's history."""
        result = evaluate(self.snapshot(now))
        if record:
            self.repo.record_verdict(result.at, result.verdict, result.reasons)
        result.history = self.repo.history(result.at - HISTORY_S)
        return result
