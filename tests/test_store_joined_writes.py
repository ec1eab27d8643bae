"""A write opened inside another write of the same thread joins it: one transaction, one commit,
one notice; a failure anywhere rolls back the whole; another thread is not joined."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime

import pytest
from sqlalchemy import event, func, select

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.audit import AuditLog, verify_store
from egovops.audit.keys import AuditKeyring
from egovops.audit.repo import AuditRepository
from egovops.availability.maintenance import MaintenanceWindow
from egovops.availability.planning import AvailabilityPlanner
from egovops.duty import DutyService
from egovops.errors import ValidationError
from egovops.inventory.model import Device
from egovops.overview.service import OverviewService
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.changes import Changes
from egovops.storage.database import Database, StoreError
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.polling import poller_stats
from egovops.storage.tables.procedures import audit_log

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def _stats(at: float) -> CycleStats:
    return CycleStats(at=at, cycle="full", interval_s=60, devices=1, failed=0, duration_s=0.1, overrun=False)


def _count(database: Database, table=poller_stats) -> int:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:  # a connection of its own: only committed rows
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def _commits(database: Database) -> list[int]:
    seen: list[int] = []
    event.listen(database.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_nested_writes_commit_once_and_publish_once(database: Database) -> None:
    repo, commits, heard = PollingRepository(database), _commits(database), []
    database.changes.subscribe(heard.append)
    with database.write():
        repo.record_stats(_stats(1.0))
        repo.record_stats(_stats(2.0))
        AuditLog(database).record(actor="alice", role="engineer", action="test.joined")
        assert _count(database) == 0  # nothing is visible outside before the outer end
        with database.read() as conn:  # but this thread reads what it wrote
            assert conn.scalar(select(func.count()).select_from(poller_stats)) == 2
    assert len(commits) == 1
    assert _count(database) == 2
    assert heard == [Changes.STATES | Changes.AUDIT]


def test_an_error_inside_rolls_back_the_whole(database: Database) -> None:
    repo = PollingRepository(database)
    with pytest.raises(RuntimeError), database.write():
        repo.record_stats(_stats(1.0))
        with database.write():
            repo.record_stats(_stats(2.0))
            raise RuntimeError("half way")
    assert _count(database) == 0


def test_a_caught_error_inside_still_dooms_the_outer_write(database: Database) -> None:
    """Committing the rest after a part failed would store the half a crash must not leave."""
    repo, heard = PollingRepository(database), []
    database.changes.subscribe(heard.append)
    with pytest.raises(StoreError, match="none of it was stored"), database.write():
        repo.record_stats(_stats(1.0))
        try:
            with database.write():
                raise ValueError("a bad row")
        except ValueError:
            pass
    assert _count(database) == 0
    assert heard == []
    repo.record_stats(_stats(3.0))  # the next write starts clean
    assert _count(database) == 1


def test_another_thread_is_not_joined(database: Database) -> None:
    repo, done = PollingRepository(database), threading.Event()

    def other() -> None:
        repo.record_stats(_stats(9.0))  # waits on the write lock, then commits on its own
        done.set()

    with database.write():
        repo.record_stats(_stats(1.0))
        worker = threading.Thread(target=other)
        worker.start()
        assert not done.wait(0.3)  # queued behind this write, not inside it
    worker.join(10)
    assert done.is_set() and _count(database) == 2


def test_before_commit_runs_only_for_a_commit(database: Database) -> None:
    ran: list[str] = []
    with database.write():
        database.before_commit(lambda: ran.append("kept"))
    with pytest.raises(RuntimeError), database.write():
        database.before_commit(lambda: ran.append("lost"))
        raise RuntimeError("abandoned")
    assert ran == ["kept"]
    with pytest.raises(RuntimeError, match="outside"):
        database.before_commit(lambda: None)


@pytest.mark.usefixtures("secret_service")
def test_an_audit_row_rolled_back_with_its_change_leaves_chain_and_anchor_intact(database: Database) -> None:
    log = AuditLog(database)
    kept = log.record(actor="alice", role="engineer", action="test.kept")
    with pytest.raises(RuntimeError), database.write():
        PollingRepository(database).record_stats(_stats(1.0))
        log.record(actor="alice", role="engineer", action="test.lost")
        raise RuntimeError("the change failed after its audit row")
    assert _count(database, audit_log) == 1 and _count(database) == 0
    writer = AuditKeyring(database).load()
    assert writer is not None and writer.anchor == (kept.id, kept.hash)  # not the rolled-back row's
    assert verify_store(database).ok
    after = log.record(actor="alice", role="engineer", action="test.after")
    assert after.id == kept.id + 1 and after.prev_hash == kept.hash


# -- services: a change and its audit row are one transaction ---------------------------------------

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")


def _audit_rows(database: Database) -> int:
    return _count(database, audit_log)


def test_an_acknowledgement_and_its_audit_row_commit_together(database: Database) -> None:
    InventoryRepository(database).save_devices([Device(name="hf-core", address="127.0.0.1", network="intranet",
                                                       site="安徽省/合肥市")])
    raised, _ = AlarmRepository(database).reconcile(
        {"hf-core": [AlarmCondition("device_down", "critical", "down")]}, 100.0)
    commits, rows = _commits(database), _audit_rows(database)
    assert OverviewService(database).acknowledge([raised[0].id], ENGINEER, "on it") == 1
    assert len(commits) == 1 and _audit_rows(database) == rows + 1


def test_a_refused_shift_start_stores_neither_shift_nor_audit_row(database: Database) -> None:
    duty = DutyService(database)
    commits = _commits(database)
    duty.start(ENGINEER)
    assert len(commits) == 1  # the shift and its duty.start row
    rows = _audit_rows(database)
    with pytest.raises(ValidationError, match="on duty since"):
        duty.start(Operator("li.si", Role.ENGINEER, "local"))
    assert _audit_rows(database) == rows and duty.current().operator == ENGINEER.label()


def test_a_maintenance_window_and_its_audit_row_commit_together(database: Database) -> None:
    InventoryRepository(database).save_devices([Device(name="hf-core", address="127.0.0.1", network="intranet",
                                                       site="安徽省/合肥市")])
    commits, rows = _commits(database), _audit_rows(database)
    window = MaintenanceWindow("device", "hf-core", datetime(2026, 12, 1, 2, 0), 3600.0, "firmware", "Asia/Shanghai")
    AvailabilityPlanner(database).add_window(Operator("zhao", Role.ADMIN, "local"), window)
    assert len(commits) == 1 and _audit_rows(database) == rows + 1


CHANGER = """
import sys
from egovops.audit import AuditLog
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.storage.database import open_database
db = open_database(sys.argv[1])
log, repo = AuditLog(db), PollingRepository(db)
for i in range(int(sys.argv[3])):
    with log.change():
        repo.record_stats(CycleStats(i, "w" + sys.argv[2], 60, 1, 0, 0.1, False))
        log.record(actor="writer-" + sys.argv[2], role="engineer", action="test.change", subject=str(i))
"""


@pytest.mark.usefixtures("secret_service")
def test_changes_with_their_audit_rows_from_two_processes_keep_one_chain(database: Database, database_url: str) -> None:
    """The head-row lock is taken after the change's own writes, inside one transaction: two
    processes doing that at once still chain every row onto the one before, with no gap."""
    AuditLog(database).record(actor="setup", role="admin", action="setup")  # the key exists before they start
    writers = [subprocess.Popen([sys.executable, "-c", CHANGER, database_url, str(n), "100"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(2)]
    for writer in writers:
        _out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err[-2000:]
    rows = list(AuditRepository(database).rows())
    assert [r.id for r in rows] == list(range(1, 202))
    assert _count(database) == 200
    verdict = verify_store(database)
    assert verdict.ok, verdict.problems[:3]
