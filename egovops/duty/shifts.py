"""Starting and ending shifts at the duty desk and writing notes during them, with who did it.

One shift is open at a time: the duty desk is one seat, whoever sits at it. The next engineer
starts their shift after the outgoing one ends theirs, or takes it over (ending it in their name)
when the outgoing engineer has already left. Ending someone else's shift otherwise is a
supervisor's call. Shift changes go to the audit trail; note texts stay in the duty log.
"""

from __future__ import annotations

import time

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role, require
from egovops.audit.log import AuditLog
from egovops.duty.summary import HandoverSummary, summarise
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.duty.repo import DutyRepository, Note, Shift, ShiftAlreadyOpen

END_OTHERS_SHIFT = Role.SUPERVISOR
NOTE_LIMIT = 4000  # characters: a note is a few lines for the next engineer, not a report


def when(at: float | None) -> str:
    return "" if at is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


class DutyService:
    def __init__(self, database: Database) -> None:
        self.repo = DutyRepository(database)
        self.audit = AuditLog(database)

    def current(self) -> Shift | None:
        return self.repo.open_shift()

    def shifts(self, limit: int = 50) -> list[Shift]:
        return self.repo.shifts(limit)

    def shift(self, shift_id: int | None = None) -> Shift | None:
        """Shift ``shift_id``; by default the open one, else the latest (None when there is none)."""
        if shift_id is not None:
            return self.repo.get(shift_id)
        latest = self.repo.shifts(limit=1)
        return self.current() or (latest[0] if latest else None)

    def notes(self, shift_id: int) -> list[Note]:
        return self.repo.notes(shift_id)

    def start(self, operator: Operator, take_over: bool = False, at: float | None = None) -> Shift:
        now = time.time() if at is None else at
        try:
            with self.audit.change():  # the shift and its audit rows: all or none
                shift, taken = self.repo.start(operator.label(), operator.role.value, now, take_over)
                if taken is not None:
                    self.audit.record(actor=operator.label(), role=operator.role.value, action="duty.take-over",
                                      subject=str(taken.id), details={"shift": taken.id, "operator": taken.operator})
                self.audit.record(actor=operator.label(), role=operator.role.value, action="duty.start",
                                  subject=str(shift.id))
        except ShiftAlreadyOpen as exc:
            raise ValidationError(tr(
                "{who} has been on duty since {since} (shift {id}): end that shift first, or take it over",
                who=exc.shift.operator, since=when(exc.shift.started_at), id=exc.shift.id)) from None
        return shift

    def end(self, operator: Operator, at: float | None = None) -> Shift:
        shift = self._open_or_refuse()
        if shift.operator != operator.label():
            require(operator.role, END_OTHERS_SHIFT, tr("end the shift of {who}", who=shift.operator), operator.label())
        with self.audit.change():
            ended = self.repo.end(shift.id, operator.label(), time.time() if at is None else at)
            self.audit.record(actor=operator.label(), role=operator.role.value, action="duty.end",
                              subject=str(shift.id), details={"operator": shift.operator})
        return ended

    def note(self, operator: Operator, text: str, at: float | None = None) -> Note:
        shift = self._open_or_refuse()
        cleaned = text.strip()
        if not cleaned:
            raise ValidationError(tr("a duty note needs some text"))
        if len(cleaned) > NOTE_LIMIT:
            raise ValidationError(tr("a duty note holds at most {limit} characters, this one has {n}", limit=NOTE_LIMIT, n=len(cleaned)))
        return self.repo.add_note(shift.id, operator.label(), cleaned, time.time() if at is None else at)

    def _open_or_refuse(self) -> Shift:
        shift = self.repo.open_shift()
        if shift is None:
            raise ValidationError(tr("no duty shift is open: start one first"))
        return shift

    def summary(self, shift: Shift, now: float | None = None) -> HandoverSummary:
        return summarise(self.repo, shift, now)

    def handed_over_to(self, operator: Operator) -> Shift | None:
        """The shift ``operator`` takes over from: the latest one that is not their own open shift."""
        for shift in self.repo.shifts(limit=2):
            if not (shift.is_open and shift.operator == operator.label()):
                return shift
        return None
