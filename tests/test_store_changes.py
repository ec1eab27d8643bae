"""The store's change notices: every committed write says what it changed, reads and rollbacks say nothing."""

from __future__ import annotations

import functools
import importlib
import logging
import operator
import pkgutil
import threading
import time
from dataclasses import replace

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.duty import DutyService
from egovops.overview.service import OverviewService
from egovops.storage import tables
from egovops.storage.changes import TABLE_CHANGES, ChangeFeed, Changes, Periodic, changes_of_tables
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables import metadata
from tests.fixtures.outage import ROOT, Outage

ENGINEER = Operator("wang.wu", Role.ENGINEER, "local")


def heard(database: Database) -> list[Changes]:
    seen: list[Changes] = []
    database.changes.subscribe(seen.append)
    return seen


def test_every_table_of_the_store_has_a_kind_of_change() -> None:
    for module in pkgutil.iter_modules(tables.__path__):  # every table module, onto the one metadata
        importlib.import_module(f"{tables.__name__}.{module.name}")
    assert len(metadata.tables) > 25
    assert set(metadata.tables) - {"alembic_version"} <= set(TABLE_CHANGES)
    assert changes_of_tables(["duty_notes", "audit_log"]) == Changes.DUTY | Changes.AUDIT
    assert changes_of_tables(["a_table_of_a_newer_schema"]) == Changes.ALL


def test_a_committed_write_publishes_the_kinds_it_wrote(outage: Outage) -> None:
    seen = heard(outage.database)
    OverviewService(outage.database).acknowledge([outage.root_alarm], ENGINEER, "on it")
    assert seen == [Changes.ALARMS | Changes.AUDIT]  # the alarm and its audit record: one transaction
    seen.clear()
    DutyService(outage.database).start(ENGINEER)
    assert Changes.DUTY in functools.reduce(operator.or_, seen)
    assert Changes.ALARMS not in functools.reduce(operator.or_, seen)
    seen.clear()
    OverviewService(outage.database).move_device(ROOT, 10.0, 20.0)
    assert seen == [Changes.LAYOUT]


def test_reads_and_rolled_back_writes_publish_nothing(outage: Outage) -> None:
    seen = heard(outage.database)
    OverviewService(outage.database).load()  # the console reloads on notices: a load that wrote would loop
    InventoryRepository(outage.database).devices()
    with pytest.raises(RuntimeError), outage.database.write() as conn:
        conn.execute(metadata.tables["duty_notes"].delete())
        raise RuntimeError("abandoned")
    assert seen == []


def test_the_notice_comes_after_the_commit(outage: Outage) -> None:
    """A listener reloading from another connection at once must see the new data."""
    repo = InventoryRepository(outage.database)
    device = repo.device(ROOT)
    contacts: list[str] = []
    outage.database.changes.subscribe(lambda _changes: contacts.append(InventoryRepository(other).device(ROOT).contact))
    other = open_database(outage.database.engine.url.database)  # a second engine: sees only committed rows
    try:
        repo.save_devices([replace(device, contact="0551-99990000")])
    finally:
        other.close()
    assert contacts == ["0551-99990000"]


def test_a_failing_listener_neither_fails_the_write_nor_silences_the_others(outage: Outage,
                                                                            caplog: pytest.LogCaptureFixture) -> None:
    def broken(_changes: Changes) -> None:
        raise ValueError("a reader's bug")

    outage.database.changes.subscribe(broken)
    seen = heard(outage.database)
    with caplog.at_level(logging.ERROR, logger="egovops.storage.changes"):
        OverviewService(outage.database).move_device(ROOT, 10.0, 20.0)
    assert seen == [Changes.LAYOUT]
    assert "a change listener failed" in caplog.text
    caplog.clear()


def test_unsubscribed_listeners_hear_no_more_and_empty_notices_are_not_sent() -> None:
    feed, seen = ChangeFeed(), []
    stop = feed.subscribe(seen.append)
    feed.publish(Changes(0))
    feed.publish(Changes.SETTINGS)
    stop()
    stop()  # twice is harmless
    feed.publish(Changes.SETTINGS)
    assert seen == [Changes.SETTINGS]


def test_a_periodic_source_publishes_until_stopped() -> None:
    feed, seen = ChangeFeed(), []
    feed.subscribe(seen.append)
    source = Periodic(feed, 0.02, Changes.STATES)
    source.start()
    deadline = time.monotonic() + 5
    while len(seen) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    source.stop()
    count = len(seen)
    time.sleep(0.1)
    assert count >= 3 and len(seen) == count and set(seen) == {Changes.STATES}
    assert not [t for t in threading.enumerate() if t.name == "egovops-periodic-changes"]
