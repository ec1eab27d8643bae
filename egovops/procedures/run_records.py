"""A finished run as the operator takes it away: its results as CSV, and its entry in the audit trail.

The CSV has one row per target with the runner's fields first, then each scalar the procedure put in
its ``data`` (a baseline's score, a backup's version…) as a column of its own, so a spreadsheet can
sort and filter on them. Lists of findings (a baseline's items) become the ids that failed.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from egovops.audit.chain import AuditRow
from egovops.csv_cells import SafeWriter
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr, value_name
from egovops.procedures.result import RunReport, TargetOutcome
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database

FIXED_COLUMNS = ("device", "status", "message", "started_utc", "seconds", "output_digest", "artefacts")


def _utc(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, Mapping) and "id" in v and "passed" in v for v in value):
        return ";".join(str(v["id"]) for v in value if v["passed"] is False)  # None: the item does not apply
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return ";".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def data_columns(report: RunReport) -> list[str]:
    """The procedure's own result fields, in the order they first appear."""
    seen: dict[str, None] = {}
    for outcome in report.outcomes:
        for key in outcome.data:
            seen.setdefault(str(key), None)
    return [k for k in seen if k not in FIXED_COLUMNS]


def export_results_csv(report: RunReport, path: Path) -> int:
    """Write the run's per-target results to ``path``; returns the number of rows written."""
    if path.suffix.lower() != ".csv":
        raise ValidationError(tr("cannot export the results to {path}: use a .csv file name", path=str(path)))
    extra = data_columns(report)
    partial = path.with_name(path.name + ".part")
    # UTF-8 with BOM: Excel on a Chinese Windows desktop otherwise reads it as GBK.
    with partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = SafeWriter(out)  # messages come from devices: never formulas
        writer.writerow([*FIXED_COLUMNS, *extra])
        for o in sorted(report.outcomes, key=lambda o: o.device):
            writer.writerow([o.device, o.status.value, o.message, _utc(o.started), f"{o.finished - o.started:.3f}",
                             o.output_digest, ";".join(o.artefacts), *(_cell(o.data.get(k)) for k in extra)])
    partial.replace(path)  # a half-written file never takes the name the operator chose
    return len(report.outcomes)


def _is_findings(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) and "id" in v and "passed" in v for v in value)


def outcome_lines(outcome: TargetOutcome) -> list[str]:
    """One target's result for a person to read: message, findings one per line, other fields, files."""
    lines = [outcome.message] if outcome.message else []
    for key, value in outcome.data.items():
        if key == "error":
            continue  # the error's kind, for front ends; the message says what happened
        label = value_name("result", str(key))
        if isinstance(value, bool):
            lines.append(label + tr(": ") + (tr("yes") if value else tr("no")))
        elif _is_findings(value):
            for item in value:
                mark = {True: "✔", False: "✘"}.get(item["passed"], "–")  # –: does not apply to this device
                title = item.get("title") or item["id"]
                lines.append(f"{mark} {title}" + (f": {item['detail']}" if item.get("detail") else ""))
        elif isinstance(value, (Mapping, list, tuple)):
            lines.append(label + tr(": ") + json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
        else:
            lines.append(label + tr(": ") + _cell(value))
    lines += [tr("file: {path}", path=path) for path in outcome.artefacts]
    return lines


@dataclass(frozen=True)
class CheckedAuditEntry:
    row: AuditRow
    chain_problems: tuple[str, ...]  # empty: the whole hash chain verifies, this row included


def checked_audit_entry(database: Database, audit_id: int) -> CheckedAuditEntry:
    """The run's audit row with the verdict on the whole chain, so the console can say it is intact."""
    from egovops.audit import verify_store

    row = audit_entry(database, audit_id)
    return CheckedAuditEntry(row, tuple(p.message for p in verify_store(database).problems))


def audit_entry(database: Database, audit_id: int) -> AuditRow:
    """The audit trail's row ``audit_id`` (a run's record), or NotFoundError."""
    for row in AuditRepository(database).rows(since_id=audit_id - 1):
        if row.id == audit_id:
            return row
        break
    raise NotFoundError(tr("audit record {id} is not in the store", id=audit_id))

