"""The outbox across a SIGKILL: a collector killed mid-send and restarted does not send twice, and
in the one window where it must send again (the server took the message, the mark was not yet
written) the copy carries the same key, so it is recognisable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.notify.config import NotifyConfig
from egovops.notify.model import ChannelConfig
from egovops.notify.outbox import Sender
from egovops.notify.repo import NotifyRepository
from egovops.storage.database import Database
from tests.fixtures.smtp import PASSWORD, SmtpSink
from tests.fixtures.store import store_env

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")
LEASE_S = 120.0


def queue(database: Database, smtp: SmtpSink) -> str:
    config = NotifyConfig(database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp.settings()), {"password": PASSWORD})
    return config.queue_test(ENGINEER, "mail", "zhang@ah.gov.cn")


def kill_mid_send(data_dir: Path, database_url: str, smtp: SmtpSink) -> None:
    """``egovops notify run --once`` in its own process, SIGKILLed while the server holds its answer."""
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir), **store_env(database_url))
    process = subprocess.Popen([sys.executable, "-m", "egovops", "notify", "run", "--once"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert smtp.held.wait(60), process.communicate(timeout=5)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_killed_before_the_server_took_it_is_sent_once_after_restart(
        database: Database, database_url: str, data_dir: Path, smtp_server: SmtpSink) -> None:
    key = queue(database, smtp_server)
    smtp_server.hold_rcpt.set()
    kill_mid_send(data_dir, database_url, smtp_server)
    smtp_server.hold_rcpt.clear()
    repo = NotifyRepository(database)
    row = repo.by_key(key)
    assert row is not None and (row.state, row.attempts) == ("sending", 1)  # claimed, never marked
    restarted = Sender(database, "collector-b", lease_s=LEASE_S)
    assert restarted.run_once(time.time()) == 0  # the claim is fresh: the first sender may still be at it
    assert restarted.run_once(time.time() + LEASE_S + 1) == 1
    assert restarted.run_once(time.time() + 2 * LEASE_S + 5) == 0
    assert len(smtp_server.wait_for(1)) == 1
    time.sleep(0.5)
    assert len(smtp_server.received) == 1
    row = repo.by_key(key)
    assert row is not None and (row.state, row.attempts, row.claimed_by) == ("sent", 2, "collector-b")


def test_killed_after_the_server_took_it_the_copy_is_recognisable(
        database: Database, database_url: str, data_dir: Path, smtp_server: SmtpSink) -> None:
    key = queue(database, smtp_server)
    smtp_server.hold_data.set()
    kill_mid_send(data_dir, database_url, smtp_server)
    smtp_server.hold_data.clear()
    assert Sender(database, "collector-b", lease_s=LEASE_S).run_once(time.time() + LEASE_S + 1) == 1
    first, second = smtp_server.wait_for(2)
    assert first["Message-ID"] == second["Message-ID"] == f"<{key}@egovops>"


def test_two_senders_claim_a_row_once(database: Database, smtp_server: SmtpSink) -> None:
    key = queue(database, smtp_server)
    a, b = Sender(database, "a"), Sender(database, "b")
    row = NotifyRepository(database).by_key(key)
    assert row is not None
    assert [a.repo.claim(row, "a", time.time()), b.repo.claim(row, "b", time.time())] == [True, False]
