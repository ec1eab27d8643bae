"""The outbox across a SIGKILL at every point of a send: a real sender process is killed (1) after its
claim, before it connects; (2) connected, before the commit point; (3) after the server took the
message, before it said so; (4) after the row was marked sent. Then another sender takes over after
the lease. Each point ends with exactly one copy at the receiver, except (3) on a receiver that
cannot drop a repeat: there the row is held ``uncertain`` (at most once, shown, audited), and only an
operator's ``notify resend`` sends it again. A receiver that drops repeats by key (a webhook) gets a
second copy with the same key."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.audit.repo import AuditRepository
from egovops.notify.config import NotifyConfig
from egovops.notify.log import delivery_log
from egovops.notify.model import ChannelConfig
from egovops.notify.outbox import Sender
from egovops.notify.repo import NotifyRepository
from egovops.storage.database import Database
from tests.fixtures.http_sink import HttpSink
from tests.fixtures.smtp import PASSWORD, SmtpSink
from tests.fixtures.store import Cli, store_env
from tests.test_collector_helpers import start_collector

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")
LEASE_S = 120.0

# The real Sender in its own process, paused (to be killed) where the test cannot hold a server.
CHILD = r"""
import sys, time
from egovops.notify.outbox import Sender
from egovops.storage.database import open_database

url, point, flag = sys.argv[1:4]


def pause():
    open(flag, "w").close()
    time.sleep(600)


class Paused(Sender):
    def send_claimed(self, row, now=None):
        if point == "claimed":
            pause()
        done = super().send_claimed(row, now)
        if point == "marked":
            pause()
        return done


Paused(open_database(url), "collector-a", lease_s=120.0).run_once(time.time())
"""


def kill_at(point: str, database_url: str, folder: Path, held: threading.Event) -> None:
    """Run the child until it stops at ``point`` (its flag file, or a server holding its answer), SIGKILL it."""
    flag = folder / f"paused-{point}"
    env = dict(os.environ, **store_env(database_url))
    process = subprocess.Popen([sys.executable, "-c", CHILD, database_url, point, str(flag)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not (flag.exists() or held.is_set()):
            assert process.poll() is None and time.monotonic() < deadline, process.communicate(timeout=5)
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def take_over(database: Database) -> None:
    """Another collector's passes: at once (the claim is fresh: not touched), then after the lease."""
    restarted = Sender(database, "collector-b", lease_s=LEASE_S)
    assert restarted.run_once(time.time()) == 0
    restarted.run_once(time.time() + LEASE_S + 1)
    assert restarted.run_once(time.time() + 2 * LEASE_S + 5) == 0


def state(database: Database, key: str) -> str:
    row = NotifyRepository(database).by_key(key)
    assert row is not None
    return row.state


def settle(count: Callable[[], int], expected: int) -> int:
    """The receiver's count once it has had time to see a copy that should not come."""
    deadline = time.monotonic() + 10
    while count() < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    return count()


def queue_mail(database: Database, smtp: SmtpSink) -> str:
    config = NotifyConfig(database)
    config.save_channel(ENGINEER, ChannelConfig("mail", "email", smtp.settings()), {"password": PASSWORD})
    return config.queue_test(ENGINEER, "mail", "zhang@ah.gov.cn")


@pytest.mark.parametrize(("point", "final"), [("claimed", "sent"), ("rcpt", "sent"), ("accepted", "uncertain"),
                                              ("marked", "sent")])
def test_email_killed_at_each_point_reaches_the_mailbox_once(
        point: str, final: str, database: Database, database_url: str, tmp_path: Path,
        smtp_server: SmtpSink) -> None:
    key = queue_mail(database, smtp_server)
    hold = {"rcpt": smtp_server.hold_rcpt, "accepted": smtp_server.hold_data}.get(point)
    if hold is not None:
        hold.set()
    kill_at(point, database_url, tmp_path, smtp_server.held)
    if hold is not None:
        hold.clear()
    expected_before = {"claimed": "sending", "rcpt": "sending", "accepted": "committing", "marked": "sent"}[point]
    assert state(database, key) == expected_before
    take_over(database)
    assert settle(lambda: len(smtp_server.received), 1) == 1
    assert smtp_server.received[0]["Message-ID"] == f"<{key}@egovops>"
    assert state(database, key) == final


@pytest.mark.stores("sqlite")
def test_the_collector_killed_after_the_server_took_the_mail_and_started_again_does_not_send_twice(
        database: Database, database_url: str, data_dir: Path, smtp_server: SmtpSink) -> None:
    key = queue_mail(database, smtp_server)
    smtp_server.hold_data.set()
    running = start_collector(data_dir, database_url, "mailer")
    try:
        assert smtp_server.held.wait(60), running.text()
        running.process.send_signal(signal.SIGKILL)
        assert running.process.wait(30) == -signal.SIGKILL
    finally:
        running.stop()
    smtp_server.hold_data.clear()
    assert state(database, key) == "committing"
    again = start_collector(data_dir, database_url, "mailer")  # restarted: the same name, a new process
    try:
        time.sleep(8)  # a few of its notifier's passes
        assert "notifier started" in again.text()
        again.process.send_signal(signal.SIGTERM)
        assert again.process.wait(30) == 0, again.text()
    finally:
        again.stop()
    take_over(database)  # and once the killed one's lease is over
    assert settle(lambda: len(smtp_server.received), 1) == 1
    assert state(database, key) == "uncertain"


def test_uncertain_is_shown_audited_and_sent_again_only_by_an_operator(
        cli: Cli, database: Database, database_url: str, tmp_path: Path, smtp_server: SmtpSink) -> None:
    key = queue_mail(database, smtp_server)
    smtp_server.hold_data.set()
    kill_at("accepted", database_url, tmp_path, smtp_server.held)
    smtp_server.hold_data.clear()
    take_over(database)
    [line] = delivery_log(database)
    assert line.row.state == "uncertain" and "collector-a" in line.last_error
    assert "uncertain" in [r.action.split(".")[1] for r in AuditRepository(database).rows()
                           if r.action.startswith("notify.")]
    assert "不确定" in cli("notify", "log", env={"EGOVOPS_LANG": "zh_CN"}).stdout
    refused = cli("notify", "resend", "999")
    assert refused.returncode == 1 and "999" in refused.stderr and "Traceback" not in refused.stderr
    done = cli("notify", "resend", str(line.row.id))
    assert done.returncode == 0, done.stderr
    assert cli("notify", "resend", str(line.row.id)).returncode == 1  # pending now: not uncertain any more
    assert Sender(database, "collector-b").run_once(time.time()) == 1
    first, second = smtp_server.wait_for(2)
    assert first["Message-ID"] == second["Message-ID"] == f"<{key}@egovops>"
    assert state(database, key) == "sent"


def queue_http(database: Database, sink: HttpSink, kind: str) -> str:
    config = NotifyConfig(database)
    if kind == "wecom":
        config.save_channel(ENGINEER, ChannelConfig("robot", kind, {"url": sink.url + "/send?key=$key"}),
                            {"key": "robot-key"})
    else:
        config.save_channel(ENGINEER, ChannelConfig("robot", kind, {"url": sink.url + "/hook"}), {})
    return config.queue_test(ENGINEER, "robot", "13800000000")


@pytest.mark.parametrize(("kind", "point", "copies", "final"), [
    ("wecom", "claimed", 1, "sent"), ("wecom", "accepted", 1, "uncertain"), ("wecom", "marked", 1, "sent"),
    # The webhook receiver drops a repeat by its Idempotency-Key: sent again, the same key.
    ("webhook", "claimed", 1, "sent"), ("webhook", "accepted", 2, "sent"), ("webhook", "marked", 1, "sent"),
])
def test_http_killed_at_each_point(kind: str, point: str, copies: int, final: str, database: Database,
                                   database_url: str, tmp_path: Path, http_sink: HttpSink) -> None:
    key = queue_http(database, http_sink, kind)
    if point == "accepted":
        http_sink.hold.set()
    kill_at(point, database_url, tmp_path, http_sink.held)
    http_sink.hold.clear()
    take_over(database)
    assert settle(lambda: len(http_sink.requests), copies) == copies
    assert {r.headers["idempotency-key"] for r in http_sink.requests} == {key}
    assert state(database, key) == final


def test_a_sender_whose_lease_was_taken_over_stops_before_the_commit_point(
        database: Database, smtp_server: SmtpSink) -> None:
    key = queue_mail(database, smtp_server)
    repo = NotifyRepository(database)
    slow, fast = Sender(database, "slow"), Sender(database, "fast")
    row = repo.by_key(key)
    assert row is not None and repo.claim(row, "slow", time.time())
    assert fast.run_once(time.time() + LEASE_S + 1) == 1  # the lease ran out: taken over and sent
    assert slow.send_claimed(row) == 0  # the slow one comes back: its claim is not its own any more
    assert settle(lambda: len(smtp_server.received), 1) == 1


def test_two_senders_claim_a_row_once(database: Database, smtp_server: SmtpSink) -> None:
    key = queue_mail(database, smtp_server)
    a, b = Sender(database, "a"), Sender(database, "b")
    row = NotifyRepository(database).by_key(key)
    assert row is not None
    assert [a.repo.claim(row, "a", time.time()), b.repo.claim(row, "b", time.time())] == [True, False]
