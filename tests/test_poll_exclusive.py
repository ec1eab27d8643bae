"""One poller per embedded store: a second refuses and names the first; a killed one leaves no lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.fixtures.store import Cli


def start_poller(data_dir: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir))
    return subprocess.Popen([sys.executable, "-m", "egovops", "poll"], env=env, text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for_holder(lock: Path, pid: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if lock.exists() and f"process {pid} " in lock.read_text("utf-8"):
            return
        time.sleep(0.1)
    raise AssertionError(f"the poller {pid} never took the lock")


def test_a_second_poller_refuses_naming_the_first_and_a_killed_one_frees_the_store(cli: Cli) -> None:
    first = start_poller(cli.data_dir)
    try:
        wait_for_holder(cli.data_dir / "egovops.sqlite3.poller", first.pid)
        second = cli("poll", "--once")
        assert second.returncode == 1
        assert "another poller is already polling this store" in second.stderr
        assert f"process {first.pid} on " in second.stderr
        assert "Traceback" not in second.stderr and len(second.stderr.strip().splitlines()) == 1
    finally:
        first.send_signal(signal.SIGKILL)  # no clean-up runs: the OS must drop the lock itself
        first.wait(timeout=30)
    again = cli("poll", "--once")
    assert again.returncode == 0, again.stderr


def test_pollers_of_different_stores_do_not_block_each_other(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other-store"
    other.mkdir()
    first = start_poller(other)
    try:
        wait_for_holder(other / "egovops.sqlite3.poller", first.pid)
        assert cli("poll", "--once").returncode == 0
    finally:
        first.terminate()
        first.wait(timeout=30)
