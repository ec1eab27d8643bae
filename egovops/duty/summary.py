"""The handover summary of a shift: what happened at the duty desk from its start to its end (or now).

Alarms come from the alarms table (raised, acknowledged and cleared by their own timestamps);
procedures and other operator actions from the audit trail, where the runner records every run
with its per-device results: the rows chained between the shift's start and its end. An alarm still active and critical at the end of the period is
listed for the next engineer, however old it is.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from egovops.audit.chain import AuditRow
from egovops.storage.alarms_repo import Alarm
from egovops.duty.repo import DutyRepository, Note, Shift

# Audit actions the summary reports in sections of their own, or that are the duty log itself.
_OWN_SECTIONS = ("procedure.", "alarm.ack", "duty.")


@dataclass(frozen=True)
class AlarmLine:
    id: int
    at: float  # when this happened to the alarm: raised, acknowledged or cleared
    device: str
    kind: str
    subject: str
    severity: str
    message: str
    suppressed: bool = False
    by: str = ""  # acknowledgements: who, and their comment
    comment: str = ""


@dataclass(frozen=True)
class ProcedureLine:
    at: float
    actor: str
    procedure: str
    run_id: str
    outcome: str  # ok, partial, failed, cancelled, unfinished, refused
    devices: int
    counts: dict[str, int]
    dry_run: bool = False
    failed_devices: tuple[str, ...] = ()
    reason: str = ""  # why a run was refused
    audit_id: int = 0


@dataclass(frozen=True)
class ActionLine:
    at: float
    actor: str
    action: str
    subject: str
    audit_id: int


@dataclass(frozen=True)
class HandoverSummary:
    shift: Shift
    until: float
    notes: tuple[Note, ...]
    raised: tuple[AlarmLine, ...]
    acknowledged: tuple[AlarmLine, ...]
    cleared: tuple[AlarmLine, ...]
    open_critical: tuple[AlarmLine, ...]
    procedures: tuple[ProcedureLine, ...]
    actions: tuple[ActionLine, ...]


def _line(alarm: Alarm, at: float, by: str = "", comment: str = "") -> AlarmLine:
    return AlarmLine(alarm.id, at, alarm.device, alarm.kind, alarm.subject, alarm.severity, alarm.message,
                     alarm.suppressed, by, comment)


def _within(at: float | None, start: float, end: float) -> bool:
    return at is not None and start <= at <= end


def _outcome(counts: dict[str, int], cancelled: bool) -> str:
    if cancelled:
        return "cancelled"
    if counts.get("failed", 0) == 0 and counts.get("skipped", 0) == 0:
        return "ok"
    return "failed" if counts.get("ok", 0) == 0 else "partial"


def _details(row: AuditRow) -> dict[str, Any]:
    """A row's details; a row whose details are not a JSON object (edited by hand) shows without them."""
    try:
        details = json.loads(row.details or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


def _procedures(rows: list[AuditRow]) -> list[ProcedureLine]:
    lines: list[ProcedureLine] = []
    ended = {_details(r).get("run_id") for r in rows if r.action == "procedure.run"}
    for row in rows:
        details = _details(row)
        if row.action == "procedure.run":
            raw = details.get("counts")
            counts = {str(k): v for k, v in raw.items() if isinstance(v, int)} if isinstance(raw, dict) else {}
            failed = tuple(str(r.get("device", "?")) for r in details.get("results") or [] if isinstance(r, dict) and r.get("status") == "failed")
            lines.append(ProcedureLine(row.at, row.actor, row.subject, str(details.get("run_id", "")),
                                       _outcome(counts, bool(details.get("cancelled"))), sum(counts.values()), counts,
                                       bool(details.get("dry_run")), failed, "", row.id))
        elif row.action == "procedure.start" and details.get("run_id") not in ended:
            # Started in the period but no end recorded by its end: still running, or the process died.
            targets = details.get("targets") or []
            lines.append(ProcedureLine(row.at, row.actor, row.subject, str(details.get("run_id", "")), "unfinished",
                                       len(targets), {}, bool(details.get("dry_run")), (), "", row.id))
        elif row.action == "procedure.refused":
            lines.append(ProcedureLine(row.at, row.actor, row.subject, "", "refused", 0, {}, False, (),
                                       str(details.get("reason", "")), row.id))
    return lines


def summarise(repo: DutyRepository, shift: Shift, now: float | None = None) -> HandoverSummary:
    """The summary of ``shift`` from its start to its end, or to ``now`` while it is open."""
    until = shift.ended_at if shift.ended_at is not None else (time.time() if now is None else now)
    start = shift.started_at
    alarms = repo.alarms_during(start, until)
    audit = repo.audit_of(shift)
    if shift.is_open:  # up to ``now``; an ended shift's span is its ids, whatever their clock said
        audit = [r for r in audit if r.at <= until]
    raised = [_line(a, a.first_seen) for a in alarms if _within(a.first_seen, start, until)]
    acked = sorted((_line(a, a.acked_at, a.acked_by or "", a.ack_comment or "")  # type: ignore[arg-type]
                    for a in alarms if _within(a.acked_at, start, until)), key=lambda line: (line.at, line.id))
    cleared = sorted((_line(a, a.cleared_at) for a in alarms if _within(a.cleared_at, start, until)),  # type: ignore[arg-type]
                     key=lambda line: (line.at, line.id))
    still_open = [_line(a, a.first_seen) for a in alarms
                  if a.severity == "critical" and a.first_seen <= until and (a.cleared_at is None or a.cleared_at > until)]
    actions = [ActionLine(r.at, r.actor, r.action, r.subject, r.id) for r in audit if not r.action.startswith(_OWN_SECTIONS)]
    return HandoverSummary(shift, until, tuple(repo.notes(shift.id)), tuple(raised), tuple(acked), tuple(cleared),
                           tuple(still_open), tuple(_procedures(audit)), tuple(actions))
