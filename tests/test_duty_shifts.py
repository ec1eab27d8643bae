"""Shifts at the duty desk: one open at a time, take-over, who may end whose shift, notes, audit."""

from __future__ import annotations

import pytest

from egovops.accounts import Operator, PermissionDenied, Role
from egovops.duty import DutyService
from egovops.errors import NotFoundError, ValidationError
from egovops.audit.repo import AuditRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

OUTGOING = Operator("zhang.san", Role.ENGINEER, "local")
INCOMING = Operator("li.si", Role.OPERATOR, "local")
SUPERVISOR = Operator("chen.jie", Role.SUPERVISOR, "local")


def test_one_shift_at_a_time_and_taking_over(database) -> None:
    duty = DutyService(database)
    first = duty.start(OUTGOING, at=1000.0)
    with pytest.raises(ValidationError, match=r"local:zhang.san has been on duty since .* \(shift 1\)"):
        duty.start(INCOMING, at=2000.0)
    second = duty.start(INCOMING, take_over=True, at=2000.0)
    taken = duty.shift(first.id)
    assert (taken.ended_at, taken.ended_by) == (2000.0, "local:li.si")
    assert duty.current() == second and second.operator == "local:li.si" and second.role == "operator"
    actions = [(r.action, r.actor, r.subject) for r in AuditRepository(database).rows()]
    assert actions == [("duty.start", "local:zhang.san", "1"), ("duty.take-over", "local:li.si", "1"), ("duty.start", "local:li.si", "2")]


def test_only_a_supervisor_ends_someone_elses_shift(database) -> None:
    duty = DutyService(database)
    duty.start(OUTGOING, at=1000.0)
    with pytest.raises(PermissionDenied, match="zhang.san"):
        duty.end(INCOMING)
    assert duty.current() is not None
    ended = duty.end(SUPERVISOR, at=1500.0)
    assert ended.ended_by == "local:chen.jie" and duty.current() is None
    with pytest.raises(ValidationError, match="no duty shift is open"):
        duty.end(OUTGOING)


def test_notes_need_an_open_shift_and_some_text(database) -> None:
    duty = DutyService(database)
    with pytest.raises(ValidationError, match="start one first"):
        duty.note(OUTGOING, "too early")
    shift = duty.start(OUTGOING, at=1000.0)
    with pytest.raises(ValidationError, match="needs some text"):
        duty.note(OUTGOING, "   ")
    with pytest.raises(ValidationError, match="at most 4000"):
        duty.note(OUTGOING, "x" * 4001)
    duty.note(INCOMING, "  芜湖电信专线 20:00 割接  ", at=1100.0)
    duty.note(OUTGOING, "割接完成", at=1200.0)
    assert [(n.author, n.text, n.at) for n in duty.notes(shift.id)] == [
        ("local:li.si", "芜湖电信专线 20:00 割接", 1100.0), ("local:zhang.san", "割接完成", 1200.0)]
    with pytest.raises(NotFoundError):
        duty.shift(99)


def test_the_next_engineer_is_handed_the_latest_shift_not_their_own_open_one(database) -> None:
    duty = DutyService(database)
    assert duty.handed_over_to(INCOMING) is None
    first = duty.start(OUTGOING, at=1000.0)
    assert duty.handed_over_to(INCOMING) == first  # still open: what has happened so far
    duty.end(OUTGOING, at=2000.0)
    mine = duty.start(INCOMING, at=2100.0)
    assert duty.handed_over_to(INCOMING).id == first.id  # a console restarted mid-shift
    assert duty.handed_over_to(OUTGOING) == mine


def test_a_shift_covers_the_audit_rows_chained_during_it_whatever_their_clock(database) -> None:
    audit, duty = AuditRepository(database), DutyService(database)

    def append(action: str, at: float) -> int:
        return audit.append(actor="local:zhang.san", role="engineer", action=action, subject="HF-EXT-AGG-01",
                            details="{}", output_digest="", at=at).id

    append("poll.once", 1500.0)  # before the shift, though its clock says within it
    shift = duty.start(OUTGOING, at=1000.0)
    stepped_back = append("ssh.host-key.trust", 900.0)  # NTP stepped the clock back during the shift
    inside = append("poll.once", 1500.0)
    ended = duty.end(OUTGOING, at=2000.0)
    append("poll.once", 1500.0)  # after the shift's end
    assert (shift.audit_from, ended.audit_to) == (1, inside)  # the row before; then duty.start
    summary = duty.summary(ended)
    assert [a.audit_id for a in summary.actions] == [stepped_back, inside]


def test_a_procedure_row_with_garbled_details_is_still_listed(database) -> None:
    audit, duty = AuditRepository(database), DutyService(database)
    duty.start(OUTGOING, at=1000.0)
    audit.append(actor="local:zhang.san", role="engineer", action="procedure.run", subject="config-backup",
                 details="{not json", output_digest="", at=1100.0)
    audit.append(actor="local:zhang.san", role="engineer", action="procedure.run", subject="baseline-check",
                 details='{"counts": "many", "results": ["HW-OK"]}', output_digest="", at=1200.0)
    summary = duty.summary(duty.end(OUTGOING, at=2000.0))
    assert [(p.procedure, p.devices, p.failed_devices) for p in summary.procedures] == [("config-backup", 0, ()), ("baseline-check", 0, ())]
