"""A process killed with SIGKILL in the middle of an import loses nothing committed before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egovops.inventory_edit.importer import BATCH_SIZE
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

HEADER = "name,address,network,site,role,protection_level,tags"


def _big_csv(path: Path, count: int) -> Path:
    lines = [HEADER]
    for i in range(count):
        lines.append(f"BULK-{i:06d},127.40.{i // 250 % 250}.{i % 250 + 1},extranet,安徽省/芜湖市/县{i % 40:02d},access,2,bulk;t{i % 7}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db_file: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM devices").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the store is still being created


def test_sigkill_mid_import_keeps_every_committed_row(cli, data_dir: Path, tmp_path: Path) -> None:
    assert cli("demo", "init", "--devices", "50").returncode == 0
    db_file = data_dir / "egovops.sqlite3"
    before = _count(db_file)

    big = _big_csv(tmp_path / "big.csv", 60_000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "egovops", "inventory", "import", str(big)],
        env=dict(os.environ, EGOVOPS_HOME=str(data_dir)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while _count(db_file) < before + 2 * BATCH_SIZE:
        assert proc.poll() is None, "the import finished before it could be interrupted"
        assert time.monotonic() < deadline, "the import committed nothing within 60 s"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(db_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = open_database(db_file)
    try:
        devices = InventoryRepository(db).devices()
    finally:
        db.close()
    bulk = [d for d in devices if d.name.startswith("BULK-")]
    assert len(devices) - len(bulk) == before
    assert 2 * BATCH_SIZE <= len(bulk) < 60_000
    # Whole batches only, in file order, every field intact.
    assert len(bulk) % BATCH_SIZE == 0
    assert [d.name for d in bulk] == [f"BULK-{i:06d}" for i in range(len(bulk))]
    sample = bulk[-1]
    i = len(bulk) - 1
    assert sample.site == f"安徽省/芜湖市/县{i % 40:02d}" and sample.tags == ("bulk", f"t{i % 7}")
