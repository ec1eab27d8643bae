"""The audit trail's hash chain against hand edits made with sqlite3, as a tamperer would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from egovops.audit import AuditLog, export_rows, verify_store
from egovops.audit.chain import expected_hash
from egovops.audit.keys import AuditKeyring
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database

# Keyed, as on an operator's desktop: the chain's key is in the Secret Service (see test_audit_keyed).
pytestmark = pytest.mark.usefixtures("secret_service")


def _key(database: Database) -> bytes:
    writer = AuditKeyring(database).known_writer()
    assert writer is not None
    return writer.key



def _fill(database: Database, n: int = 6) -> None:
    log = AuditLog(database)
    for i in range(n):
        log.record(actor="alice", role="engineer", action="procedure.run", subject="config-backup",
                   details={"targets": [f"r{i}"], "password": "hunter2"}, output=f"out {i}")


def _tamper(data_dir: Path, *statements: str) -> None:
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)


def test_untouched_chain_verifies(database: Database) -> None:
    _fill(database)
    verdict = verify_store(database)
    assert verdict.ok and verdict.rows_checked == 6


def test_secret_looking_details_are_masked_before_hashing(database: Database) -> None:
    _fill(database, 1)
    row = next(AuditRepository(database).rows())
    assert "hunter2" not in row.details and '"password":"***"' in row.details
    assert row.writer and expected_hash(row, _key(database)) == row.hash


def test_store_refuses_update_and_delete_through_triggers(database: Database, data_dir: Path) -> None:
    _fill(database, 2)
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor='mallory' WHERE id=1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE id=1")


def test_edited_row_is_named(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(data_dir, "UPDATE audit_log SET actor='mallory' WHERE id=3")
    verdict = verify_store(database)
    assert not verdict.ok
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(3, "edited")]


def test_edit_with_recomputed_hash_breaks_the_next_link(database: Database, data_dir: Path) -> None:
    _fill(database)
    row = [r for r in AuditRepository(database).rows() if r.id == 2][0]
    forged = expected_hash(type(row)(**{**row.as_dict(), "actor": "mallory"}), _key(database))  # even with the key
    _tamper(data_dir, f"UPDATE audit_log SET actor='mallory', hash='{forged}' WHERE id=2")
    verdict = verify_store(database)
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(3, "link-broken")]


def test_deleted_middle_row_is_named(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(data_dir, "DELETE FROM audit_log WHERE id=4")
    verdict = verify_store(database)
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(4, "missing")]
    assert "rows 4–4 are missing" in verdict.problems[0].message


def test_deleted_newest_row_is_named_through_the_head(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(data_dir, "DELETE FROM audit_log WHERE id=6")
    verdict = verify_store(database)
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(6, "missing")]


def test_inserted_row_is_named(database: Database, data_dir: Path) -> None:
    _fill(database)
    row = [r for r in AuditRepository(database).rows() if r.id == 6][0]
    _tamper(
        data_dir,
        "INSERT INTO audit_log (id, at, actor, role, action, subject, details, output_digest, prev_hash, hash) "
        f"VALUES (7, 1.0, 'mallory', 'admin', 'procedure.run', 'x', '{{}}', '', '{row.hash}', '{'0' * 64}')",
    )
    verdict = verify_store(database)
    kinds = {(p.row_id, p.kind) for p in verdict.problems}
    assert (7, "unkeyed") in kinds and (7, "head-mismatch") in kinds  # no key: it cannot be a keyed row


def test_appends_after_a_deletion_keep_reporting_the_gap(database: Database, data_dir: Path) -> None:
    _fill(database, 3)
    _tamper(data_dir, "DELETE FROM audit_log WHERE id=3")
    _fill(database, 1)
    verdict = verify_store(database)
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(3, "missing")]


def test_export_jsonl_and_csv_carry_every_row_and_no_secret(database: Database, tmp_path: Path) -> None:
    _fill(database, 4)
    repo = AuditRepository(database)
    assert export_rows(repo.rows(), repo.head(), tmp_path / "a.jsonl") == 4
    assert export_rows(repo.rows(), repo.head(), tmp_path / "a.csv") == 4
    jsonl = (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
    assert len(jsonl) == 5 and '"format": "egovops-audit/1"' in jsonl[0]
    for name in ("a.jsonl", "a.csv"):
        assert "hunter2" not in (tmp_path / name).read_text("utf-8-sig")


def test_a_rewritten_chain_is_caught_by_an_earlier_export(database: Database, data_dir: Path, tmp_path: Path) -> None:
    from egovops.audit import read_export

    _fill(database, 4)
    repo = AuditRepository(database)
    export_rows(repo.rows(), repo.head(), tmp_path / "kept.jsonl")
    # A forger who holds the desktop user's keyring too (the key and the anchor) and recomputes every
    # hash from row 2 on leaves a chain that verifies on its own; an export kept elsewhere does not.
    keys = AuditKeyring(database)
    writer = keys.known_writer()
    assert writer is not None
    rows = list(repo.rows())
    statements, prev = [], rows[0].hash
    for row in rows[1:]:
        changed = type(row)(**{**row.as_dict(), "actor": "mallory", "prev_hash": prev})
        fresh = expected_hash(changed, writer.key)
        statements.append(f"UPDATE audit_log SET actor='mallory', prev_hash='{prev}', hash='{fresh}' WHERE id={row.id}")
        prev = fresh
    statements.append(f"UPDATE audit_head SET last_hash='{prev}'")
    _tamper(data_dir, *statements)
    keys.move_anchor(writer, rows[-1].id, prev)
    assert verify_store(database).ok
    verdict = verify_store(database, read_export(tmp_path / "kept.jsonl"))
    assert [(p.row_id, p.kind) for p in verdict.problems] == [(2, "rewritten"), (3, "rewritten"), (4, "rewritten")]
