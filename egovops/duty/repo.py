"""Duty shifts and notes, and the period reads a handover summary needs. The only SQL of the duty log.

The alarms and the audit trail belong to other areas; this module only reads them, by period.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, and_, insert, or_, select, update

from egovops.audit.chain import AuditRow
from egovops.errors import EgovopsError, NotFoundError
from egovops.storage.alarms_repo import Alarm
from egovops.storage.database import Database
from egovops.storage.tables.duty import duty_notes, duty_shifts
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import alarms
from egovops.storage.tables.procedures import audit_head, audit_log


@dataclass(frozen=True)
class Shift:
    id: int
    operator: str
    role: str
    started_at: float
    ended_at: float | None = None
    ended_by: str | None = None
    audit_from: int = 0  # the shift's audit rows: id > audit_from, and <= audit_to once it ended
    audit_to: int | None = None

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class Note:
    id: int
    shift_id: int
    at: float
    author: str
    text: str


class ShiftAlreadyOpen(EgovopsError):
    """A shift was started while another is open at the duty desk."""

    def __init__(self, shift: Shift) -> None:
        super().__init__(f"shift {shift.id} of {shift.operator} is still open")
        self.shift = shift


def _shift(row: object) -> Shift:
    return Shift(**dict(row._mapping))  # type: ignore[attr-defined]


class DutyRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- shifts -------------------------------------------------------------------------------
    @staticmethod
    def _open_in(conn: Connection) -> Shift | None:
        row = conn.execute(select(duty_shifts).where(duty_shifts.c.ended_at.is_(None))
                           .order_by(duty_shifts.c.started_at.desc()).limit(1)).first()
        return _shift(row) if row is not None else None

    def open_shift(self) -> Shift | None:
        with self.db.read() as conn:
            return self._open_in(conn)

    @staticmethod
    def _audit_head(conn: Connection) -> int:
        # Read after this transaction's first write: SQLite then holds the write lock, so no audit
        # row can be appended between this read and the commit, from this process or another.
        return int(conn.scalar(select(audit_head.c.last_id).where(audit_head.c.id == 1)) or 0)

    def start(self, operator: str, role: str, at: float, take_over: bool = False) -> tuple[Shift, Shift | None]:
        """Open a shift; the check for an open one and the insert share one transaction.

        With ``take_over`` an open shift is ended first (ended_by ``operator``). Returns the new
        shift and the one taken over, if any.
        """
        with self.db.write() as conn:
            previous = self._open_in(conn)
            if previous is not None and not take_over:
                raise ShiftAlreadyOpen(previous)
            ident = conn.execute(insert(duty_shifts).values(operator=operator, role=role, started_at=at, audit_from=0)).inserted_primary_key[0]
            head = self._audit_head(conn)
            conn.execute(update(duty_shifts).where(duty_shifts.c.id == ident).values(audit_from=head))
            if previous is not None:
                conn.execute(update(duty_shifts).where(duty_shifts.c.id == previous.id).values(ended_at=at, ended_by=operator, audit_to=head))
                previous = Shift(previous.id, previous.operator, previous.role, previous.started_at, at, operator, previous.audit_from, head)
        return Shift(int(ident), operator, role, at, audit_from=head), previous

    def end(self, shift_id: int, by: str, at: float) -> Shift:
        with self.db.write() as conn:
            ended = conn.execute(update(duty_shifts).where(duty_shifts.c.id == shift_id, duty_shifts.c.ended_at.is_(None))
                                 .values(ended_at=at, ended_by=by))
            if ended.rowcount:
                conn.execute(update(duty_shifts).where(duty_shifts.c.id == shift_id).values(audit_to=self._audit_head(conn)))
        return self.get(shift_id)

    def get(self, shift_id: int) -> Shift:
        with self.db.read() as conn:
            row = conn.execute(select(duty_shifts).where(duty_shifts.c.id == shift_id)).first()
        if row is None:
            raise NotFoundError(f"no duty shift with id {shift_id}")
        return _shift(row)

    def shifts(self, limit: int = 50) -> list[Shift]:
        """The newest shifts first."""
        with self.db.read() as conn:
            rows = conn.execute(select(duty_shifts).order_by(duty_shifts.c.started_at.desc(), duty_shifts.c.id.desc()).limit(limit))
            return [_shift(r) for r in rows]

    # -- notes ----------------------------------------------------------------------------------
    def add_note(self, shift_id: int, author: str, text: str, at: float) -> Note:
        with self.db.write() as conn:
            ident = conn.execute(insert(duty_notes).values(shift_id=shift_id, at=at, author=author, text=text)).inserted_primary_key[0]
        return Note(int(ident), shift_id, at, author, text)

    def notes(self, shift_id: int) -> list[Note]:
        with self.db.read() as conn:
            rows = conn.execute(select(duty_notes).where(duty_notes.c.shift_id == shift_id).order_by(duty_notes.c.at, duty_notes.c.id))
            return [Note(**dict(r._mapping)) for r in rows]

    # -- what happened in a period ----------------------------------------------------------------
    def alarms_during(self, start: float, end: float) -> list[Alarm]:
        """Every alarm alive at some moment of [start, end], or acknowledged within it."""
        alive = and_(alarms.c.first_seen <= end, or_(alarms.c.cleared_at.is_(None), alarms.c.cleared_at >= start))
        acked = alarms.c.acked_at.between(start, end)
        query = (select(alarms, devices.c.name.label("device")).join(devices, devices.c.id == alarms.c.device_id)
                 .where(or_(alive, acked)).order_by(alarms.c.first_seen, alarms.c.id))
        with self.db.read() as conn:
            found = []
            for row in conn.execute(query):
                values = dict(row._mapping)
                values.pop("device_id", None)
                found.append(Alarm(**values))
            return found

    def audit_of(self, shift: Shift) -> list[AuditRow]:
        """The audit rows appended during ``shift`` (up to now while it is open), in chain order."""
        span = audit_log.c.id > shift.audit_from
        if shift.audit_to is not None:
            span = and_(span, audit_log.c.id <= shift.audit_to)
        with self.db.read() as conn:
            return [AuditRow(**dict(r._mapping)) for r in conn.execute(select(audit_log).where(span).order_by(audit_log.c.id))]
