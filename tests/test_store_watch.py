"""Desks hear each other: a write committed by another process reaches this one's change feed.

Each test opens the store twice (two ``Database`` objects, as two processes would) or writes from
a real command-line process, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import queue
import time

import pytest
from sqlalchemy import insert, update

from egovops.storage.changes import NOTHING, Changes
from egovops.storage.database import Database, open_database
from egovops.storage.tables.duty import duty_notes, duty_shifts
from egovops.storage.tables.inventory import settings
from egovops.storage.watch import StoreWatcher, parse_notice
from tests.fixtures.store import Cli

pytestmark = pytest.mark.stores("sqlite", "postgresql")


class Heard:
    """What a desk's feed received, in order, waited for with a deadline."""

    def __init__(self, database: Database) -> None:
        self.notices: queue.Queue[Changes] = queue.Queue()
        database.changes.subscribe(self.notices.put)

    def next(self, seconds: float = 2.0) -> Changes:
        return self.notices.get(timeout=seconds)

    def nothing_within(self, seconds: float) -> bool:
        try:
            self.notices.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


@pytest.fixture
def desk(database_url: str):  # type: ignore[no-untyped-def]
    """A second opening of the test's store, watching it as another desk's console would."""
    other = open_database(database_url)
    watcher = StoreWatcher(other)
    watcher.start()
    time.sleep(0.5)  # LISTEN / the first data_version are in place before anything is written
    yield other
    watcher.stop()
    other.close()


def add_shift(database: Database) -> None:
    with database.write() as conn:
        shift = conn.execute(insert(duty_shifts).values(operator="local:wangfang", role="operator",
                                                        started_at=time.time(), audit_from=0)).inserted_primary_key[0]
        conn.execute(insert(duty_notes).values(shift_id=shift, at=time.time(), author="local:wangfang", text="交班"))


def test_a_write_at_one_desk_reaches_the_other_within_two_seconds(database: Database, desk: Database) -> None:
    heard = Heard(desk)
    started = time.monotonic()
    add_shift(database)
    assert heard.next(2.0) == Changes.DUTY
    assert time.monotonic() - started < 2.0


def test_the_kinds_are_those_written_and_a_rolled_back_write_says_nothing(database: Database, desk: Database) -> None:
    heard = Heard(desk)
    with pytest.raises(RuntimeError), database.write() as conn:
        conn.execute(update(settings).values(value="x"))
        raise RuntimeError("the operator's edit failed half-way")
    assert heard.nothing_within(1.0)
    with database.write() as conn:
        conn.execute(update(settings).values(value=settings.c.value))
    assert heard.next(2.0) == Changes.SETTINGS


def test_a_desk_does_not_hear_its_own_writes_twice(desk: Database) -> None:
    heard = Heard(desk)
    add_shift(desk)
    assert heard.next(1.0) == Changes.DUTY  # published by the write itself
    assert heard.nothing_within(1.0)  # and not again by the watcher


def test_a_command_line_process_is_heard(cli: Cli, database: Database, desk: Database) -> None:
    heard = Heard(desk)
    done = cli("network", "set", "extranet", "--cidr", "10.20.0.0/16")
    assert done.returncode == 0, done.stderr
    got = NOTHING
    deadline = time.monotonic() + 5
    while not got & Changes.INVENTORY and time.monotonic() < deadline:
        got |= heard.next(5.0)
    assert got & Changes.INVENTORY


@pytest.mark.parametrize("payload,expected", [
    ("other:4", Changes(4)),
    ("mine:4", NOTHING),  # our own
    ("other:", NOTHING),
    ("other:-1", NOTHING),
    ("garbage", NOTHING),
    (f"other:{Changes.ALL.value | 1 << 20}", Changes.ALL),  # a newer writer's unknown kinds are ignored
])
@pytest.mark.stores("sqlite")
def test_notice_payloads_are_parsed_strictly(payload: str, expected: Changes) -> None:
    assert parse_notice(payload, "mine") == expected
