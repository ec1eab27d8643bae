"""The audit trail against many writers and against a tamperer who can write the store.

The tamperer here has the store (sqlite3 on the file) but not the desktop user's keyring: the
chain's key and its anchor live there. Each case is checked through ``egovops audit verify``, as an
auditor would run it, and must name the first row that is wrong or missing.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from egovops.audit import AuditLog, verify_store
from egovops.audit.chain import GENESIS, expected_hash
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database

APPENDER = """
import sys
from egovops.audit import AuditLog
from egovops.storage.database import open_database
db = open_database(sys.argv[1])
log = AuditLog(db)
for i in range(int(sys.argv[3])):
    log.record(actor="writer-" + sys.argv[2], role="engineer", action="procedure.start", subject=str(i))
"""


@pytest.mark.stores("sqlite", "postgresql")
def test_four_processes_append_200_rows_each_without_a_collision(database: Database, database_url: str,
                                                                 secret_service) -> None:
    AuditLog(database).record(actor="setup", role="admin", action="setup")  # the key exists before they start
    started = time.monotonic()
    writers = [
        subprocess.Popen([sys.executable, "-c", APPENDER, database_url, str(n), "200"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err[-2000:]
    elapsed = time.monotonic() - started
    rows = list(AuditRepository(database).rows())
    assert len(rows) == 801 and [r.id for r in rows] == list(range(1, 802))
    assert {r.actor for r in rows[1:]} == {f"writer-{n}" for n in range(4)}
    assert all(r.writer == rows[0].writer != "" for r in rows)  # one key, made once
    verdict = verify_store(database)
    assert verdict.ok, verdict.problems[:3]
    print(f"800 concurrent appends from 4 processes in {elapsed:.1f} s")


def _fill(database: Database, n: int = 8) -> None:
    log = AuditLog(database)
    for i in range(n):
        log.record(actor="alice", role="engineer", action="procedure.run", subject=f"r{i}", output=f"out {i}")


def _tamper(data_dir: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())


def _recompute_unkeyed(database: Database, data_dir: Path, from_id: int, actor: str) -> None:
    """What a tamperer without the key can do: edit a row and re-hash it and every later one."""
    rows = list(AuditRepository(database).rows())
    prev = next((r.hash for r in rows if r.id == from_id - 1), GENESIS)
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        for row in rows:
            if row.id < from_id:
                continue
            row = replace(row, prev_hash=prev, writer="", actor=actor if row.id == from_id else row.actor)
            fresh = expected_hash(row)
            conn.execute("UPDATE audit_log SET actor=?, prev_hash=?, writer='', hash=? WHERE id=?",
                         (row.actor, prev, fresh, row.id))
            prev = fresh
        conn.execute("UPDATE audit_head SET last_hash=? WHERE id=1", (prev,))


def _verify(cli) -> tuple[int, list[dict[str, object]]]:  # type: ignore[no-untyped-def]
    done = cli("audit", "verify", "--json")
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)["problems"]


CASES = {
    "edited row": lambda db, d: _tamper(d, "UPDATE audit_log SET actor='mallory' WHERE id=3"),
    "deleted middle row": lambda db, d: _tamper(d, "DELETE FROM audit_log WHERE id=4"),
    "deleted newest rows, head rewritten": lambda db, d: _tamper(
        d, "DELETE FROM audit_log WHERE id>5",
        "UPDATE audit_head SET last_id=5, last_hash=(SELECT hash FROM audit_log WHERE id=5) WHERE id=1"),
    "full wipe": lambda db, d: _tamper(d, "DELETE FROM audit_log", "DELETE FROM audit_head"),
    "full wipe with a new store identity": lambda db, d: _tamper(
        d, "DELETE FROM audit_log", "DELETE FROM audit_head", "DELETE FROM store_identity",
        "INSERT INTO store_identity (id, uuid, legacy_keyring_moved) "
        "VALUES (1, '00000000-0000-4000-8000-000000000000', 1)"),
    "recomputed chain": lambda db, d: _recompute_unkeyed(db, d, 3, "mallory"),
}
FIRST = {"edited row": (3, "edited"), "deleted middle row": (4, "missing"),
         "deleted newest rows, head rewritten": (6, "missing"),
         "full wipe": (1, "missing"), "recomputed chain": (3, "unkeyed"),
         "full wipe with a new store identity": (None, "identity-replaced")}


@pytest.mark.parametrize("case", sorted(CASES))
def test_audit_verify_names_the_first_wrong_or_missing_row(case: str, cli, database: Database, data_dir: Path,
                                                           secret_service) -> None:
    _fill(database)
    code, problems = _verify(cli)
    assert code == 0 and problems == []
    database.engine.dispose()
    CASES[case](database, data_dir)
    code, problems = _verify(cli)
    assert code == 1
    assert (problems[0]["row"], problems[0]["kind"]) == FIRST[case], problems


def test_a_recomputed_chain_under_another_key_is_not_verifiable(cli, database: Database, data_dir: Path,
                                                                secret_service) -> None:
    """A tamperer who makes up a key of his own produces rows no keyring here vouches for."""
    _fill(database, 4)
    rows = list(AuditRepository(database).rows())
    prev = GENESIS
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        for row in rows:
            row = replace(row, prev_hash=prev, writer="f" * 16, actor="mallory")
            fresh = expected_hash(row, b"k" * 32)
            conn.execute("UPDATE audit_log SET actor=?, prev_hash=?, writer=?, hash=? WHERE id=?",
                         (row.actor, prev, row.writer, fresh, row.id))
            prev = fresh
        conn.execute("UPDATE audit_head SET last_hash=? WHERE id=1", (prev,))
    code, problems = _verify(cli)
    assert code == 1
    kinds = {(p["row"], p["kind"]) for p in problems}
    assert (1, "unverifiable") in kinds and (4, "anchor-mismatch") in kinds, problems


def test_the_key_never_reaches_the_store(database: Database, data_dir: Path, secret_service) -> None:
    from egovops.audit.keys import SERVICE
    from egovops.keyring_access import secure_backend
    from egovops.storage.identity_repo import store_uuid

    _fill(database, 2)
    entry = json.loads(secure_backend(fresh=True).get_password(SERVICE, store_uuid(database)) or "{}")
    assert entry["anchor"][0] == 2
    key_text = entry["key"]
    database.engine.dispose()
    assert key_text.encode() not in (data_dir / "egovops.sqlite3").read_bytes()
