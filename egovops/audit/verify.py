"""Checking the audit trail's hash chain and naming every row where it breaks.

Rows get consecutive ids, each chains onto the one before, and the head remembers the newest, so:
an edited row fails its own hash; an inserted row fails its own hash (or breaks the next row's
link); a deleted row leaves a gap in the ids and a broken link; deleted newest rows disagree with
the head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from egovops.audit.chain import GENESIS, AuditRow, expected_hash
from egovops.i18n import tr


@dataclass(frozen=True)
class Problem:
    row_id: int | None  # the row named; None when the problem is the head itself
    kind: str  # edited, link-broken, missing, head-mismatch, inserted
    message: str


@dataclass(frozen=True)
class Verdict:
    rows_checked: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_row(row: AuditRow, prev: AuditRow | None) -> list[Problem]:
    found: list[Problem] = []
    expected_id = prev.id + 1 if prev else 1
    if row.id < expected_id:
        found.append(Problem(row.id, "inserted", tr("row {id}: id out of sequence (expected {expected}): a row was inserted", id=row.id, expected=expected_id)))
    elif row.id > expected_id:
        first, last = expected_id, row.id - 1
        found.append(Problem(first, "missing", tr("rows {first}–{last} are missing: deleted from the log", first=first, last=last)))
    if expected_hash(row) != row.hash:
        found.append(Problem(row.id, "edited", tr("row {id}: contents do not match its hash: the row was edited or forged", id=row.id)))
    prev_hash = prev.hash if prev else GENESIS
    if row.prev_hash != prev_hash and row.id == expected_id:
        found.append(Problem(row.id, "link-broken", tr("row {id}: does not chain onto row {prev}: that row was edited or replaced", id=row.id, prev=expected_id - 1)))
    return found


def verify_rows(rows: Iterable[AuditRow], head: tuple[int, str] | None) -> Verdict:
    problems: list[Problem] = []
    prev: AuditRow | None = None
    count = 0
    for row in rows:
        count += 1
        problems += _check_row(row, prev)
        prev = row
    last_id, last_hash = (prev.id, prev.hash) if prev else (0, GENESIS)
    if head is None and prev is not None:
        problems.append(Problem(None, "head-mismatch", tr("the audit head is missing: it was deleted by hand")))
    elif head is not None and head != (last_id, last_hash):
        if head[0] > last_id:
            problems.append(Problem(last_id + 1, "missing", tr("rows {first}–{last} are missing: the newest rows were deleted", first=last_id + 1, last=head[0])))
        else:
            problems.append(Problem(last_id, "head-mismatch", tr("row {id}: the audit head records row {head} as the newest: rows were appended or edited by hand", id=last_id, head=head[0])))
    return Verdict(count, tuple(problems))


def verify_against_export(rows: Iterable[AuditRow], exported: Iterable[dict[str, object]]) -> tuple[Problem, ...]:
    """Rows of an earlier export that the store no longer holds unchanged.

    The chain alone cannot catch someone who rewrites every hash after a change; an export kept
    elsewhere (another machine, a write-once medium) can, because its hashes must all still match.
    """
    stored = {row.id: row.hash for row in rows}
    problems = []
    for entry in exported:
        ident, digest = entry.get("id"), entry.get("hash")
        if not isinstance(ident, int):
            continue
        if ident not in stored:
            problems.append(Problem(ident, "missing", tr("row {id} of the export is no longer in the store", id=ident)))
        elif stored[ident] != digest:
            problems.append(Problem(ident, "rewritten", tr("row {id} differs from the exported copy: the log was rewritten", id=ident)))
    return tuple(problems)
