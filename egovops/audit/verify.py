"""Checking the audit trail's hash chain and naming every row where it breaks.

Rows get consecutive ids, each chains onto the one before, keyed rows carry an HMAC only the key's
holder can make, and the keyring's anchor remembers the newest row this writer appended, so: an
edited row fails its own hash; a recomputed chain fails the HMACs (or claims to be unkeyed after
keyed rows); an inserted row fails its own hash (or breaks the next row's link); a deleted row
leaves a gap in the ids and a broken link; deleted newest rows, even with the head rewritten, and a
wiped trail disagree with the anchor. The triggers that refuse UPDATE and DELETE are a seat-belt:
nothing here relies on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from egovops.audit.chain import GENESIS, AuditRow, expected_hash
from egovops.audit.keys import WriterKey
from egovops.i18n import tr


@dataclass(frozen=True)
class Problem:
    row_id: int | None  # the row named; None when the problem is the head itself
    kind: str  # edited, link-broken, missing, head-mismatch, inserted, unkeyed, unverifiable, anchor-mismatch
    message: str


@dataclass(frozen=True)
class Verdict:
    rows_checked: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Walk:
    writer: WriterKey | None
    prev: AuditRow | None = None
    count: int = 0
    keyed_seen: bool = False
    unverifiable: dict[str, list[int]] = field(default_factory=dict)
    hashes: dict[int, str] = field(default_factory=dict)


def _hash_problem(row: AuditRow, walk: _Walk) -> Problem | None:
    if not row.writer:
        if walk.keyed_seen:
            return Problem(row.id, "unkeyed", tr("row {id}: has no keyed hash although rows before it do: it was "
                                                 "forged, the chain recomputed, or it was written while no keyring "
                                                 "was available", id=row.id))
        ok = expected_hash(row) == row.hash
    elif walk.writer is not None and row.writer == walk.writer.writer:
        walk.keyed_seen = True
        ok = expected_hash(row, walk.writer.key) == row.hash
    else:
        walk.keyed_seen = True
        walk.unverifiable.setdefault(row.writer, []).append(row.id)
        return None
    if ok:
        return None
    return Problem(row.id, "edited",
                   tr("row {id}: contents do not match its hash: the row was edited or forged", id=row.id))


def _check_row(row: AuditRow, walk: _Walk) -> list[Problem]:
    found: list[Problem] = []
    prev = walk.prev
    expected_id = prev.id + 1 if prev else 1
    if row.id < expected_id:
        found.append(Problem(row.id, "inserted",
                             tr("row {id}: id out of sequence (expected {expected}): a row was inserted",
                                id=row.id, expected=expected_id)))
    elif row.id > expected_id:
        first, last = expected_id, row.id - 1
        found.append(Problem(first, "missing", tr("rows {first}–{last} are missing: deleted from the log", first=first, last=last)))
    problem = _hash_problem(row, walk)
    if problem:
        found.append(problem)
    prev_hash = prev.hash if prev else GENESIS
    if row.prev_hash != prev_hash and row.id == expected_id:
        found.append(Problem(row.id, "link-broken",
                             tr("row {id}: does not chain onto row {prev}: that row was edited or replaced",
                                id=row.id, prev=expected_id - 1)))
    return found


def _head_problems(head: tuple[int, str] | None, last_id: int, last_hash: str, any_rows: bool) -> list[Problem]:
    if head is None or head == (0, GENESIS):
        if any_rows:
            return [Problem(None, "head-mismatch", tr("the audit head is missing: it was deleted by hand"))]
        return []
    if head == (last_id, last_hash):
        return []
    if head[0] > last_id:
        return [Problem(last_id + 1, "missing",
                        tr("rows {first}–{last} are missing: the newest rows were deleted", first=last_id + 1,
                           last=head[0]))]
    return [Problem(last_id, "head-mismatch", tr("row {id}: the audit head records row {head} as the newest: rows were appended or edited by hand", id=last_id, head=head[0]))]


def _anchor_problems(writer: WriterKey | None, hashes: dict[int, str], last_id: int) -> list[Problem]:
    """The anchor is kept outside the store, so rewriting the head cannot hide deleted rows."""
    if writer is None or writer.anchor is None:
        return []
    anchor_id, anchor_hash = writer.anchor
    if anchor_id > last_id:
        return [Problem(last_id + 1, "missing", tr("rows {first}–{last} are missing: the keyring's anchor names row {last} as "
                                                   "appended, the store ends at row {end}", first=last_id + 1,
                                                   last=anchor_id, end=last_id))]
    if anchor_id not in hashes:
        return []  # reported as missing by the id sequence already
    if hashes[anchor_id] != anchor_hash:
        return [Problem(anchor_id, "anchor-mismatch",
                        tr("row {id}: differs from the copy anchored in the keyring: the log was rewritten",
                           id=anchor_id))]
    return []


def _unverifiable(walk: _Walk, keyring_available: bool) -> list[Problem]:
    found = []
    if walk.unverifiable and not keyring_available:
        first = min(ids[0] for ids in walk.unverifiable.values())
        count = sum(len(ids) for ids in walk.unverifiable.values())
        return [Problem(first, "unverifiable", tr(
            "rows from {first} ({n} rows) are keyed, and no keyring is available here to check them: run 'audit verify' "
            "in the desktop session that holds the audit key", first=first, n=count))]
    for writer, ids in walk.unverifiable.items():
        found.append(Problem(ids[0], "unverifiable", tr(
            "rows from {first} ({n} rows) were written with audit key {writer}, which this keyring does not hold: they cannot be "
            "verified here", first=ids[0], n=len(ids), writer=writer)))
    return found


def verify_rows(rows: Iterable[AuditRow], head: tuple[int, str] | None, writer: WriterKey | None = None,
                keyring_available: bool = True) -> Verdict:
    """``writer``: this keyring's key and anchor for the store (None: none there, or no keyring)."""
    walk = _Walk(writer)
    problems: list[Problem] = []
    for row in rows:
        walk.count += 1
        problems += _check_row(row, walk)
        if writer is not None and writer.anchor is not None and row.id == writer.anchor[0]:
            walk.hashes[row.id] = row.hash  # only the anchored row's: a trail may hold millions
        walk.prev = row
    last_id, last_hash = (walk.prev.id, walk.prev.hash) if walk.prev else (0, GENESIS)
    problems += _head_problems(head, last_id, last_hash, walk.prev is not None)
    anchor = _anchor_problems(writer, walk.hashes, last_id)
    if anchor and not any(p.kind == "missing" and p.row_id == anchor[0].row_id for p in problems):
        problems += anchor
    problems += _unverifiable(walk, keyring_available)
    return Verdict(walk.count, tuple(sorted(problems, key=lambda p: (p.row_id is None, p.row_id or 0))))


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
