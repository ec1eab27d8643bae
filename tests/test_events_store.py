"""The events store on both stores: append, search, counters, retention by whole days."""

from __future__ import annotations

import time

import pytest

from egovops.errors import ValidationError
from egovops.events.model import Event
from egovops.events.partitions import DAY_S, EventPartitions, day_start
from egovops.events.repo import EventRepository
from egovops.inventory.model import WORKSTATION_TAG, Device

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_events_are_stored_searched_and_known_sources_named(database, inventory) -> None:
    inventory.save_devices([Device(name="hf-core-1", address="127.0.0.2", network="intranet", site="安徽省/合肥市")])
    repo = EventRepository(database)
    assert repo.sources()["127.0.0.2"][1] == "hf-core-1"
    now = time.time()
    repo.store([
        Event(now - 10, "127.0.0.2", "syslog", "major", "IFNET", "LINK_STATE", "接口 GE0/0/1 状态 DOWN",
              device="hf-core-1", device_id=repo.sources()["127.0.0.2"][0]),
        Event(now - 5, "127.0.0.9", "trap", "info", "SNMPv2-MIB", "coldStart", "", varbinds=[["1.3.6.1", "x", "1"]],
              rule="reboot"),
    ], {("127.0.0.9", "bad_auth"): 2})
    found = repo.list()
    assert [e.mnemonic for e in found] == ["coldStart", "LINK_STATE"]  # newest first
    assert found[0].device == "" and found[0].device_id is None and found[0].varbinds == [["1.3.6.1", "x", "1"]]
    assert [e.mnemonic for e in repo.list(device="hf-core-1")] == ["LINK_STATE"]
    assert [e.mnemonic for e in repo.list(device="127.0.0.9")] == ["coldStart"]
    assert [e.mnemonic for e in repo.list(grep="ge0/0/1")] == ["LINK_STATE"]
    assert [e.mnemonic for e in repo.list(kind="trap")] == ["coldStart"]
    assert [e.mnemonic for e in repo.list(since=now - 7)] == ["coldStart"]
    with pytest.raises(ValidationError):
        repo.list(kind="mail")
    repo.count("127.0.0.9", "bad_auth", 3)
    assert [(c.source, c.counter, c.count) for c in repo.counters()] == [("127.0.0.9", "bad_auth", 5)]


def test_retention_forgets_whole_days_past_it(database) -> None:
    repo = EventRepository(database)
    assert repo.retention_days() == 180
    now = time.time()
    old, kept = now - 200 * DAY_S, now - 179 * DAY_S
    repo.store([Event(old, "127.0.0.3", "syslog", text="old"), Event(kept, "127.0.0.3", "syslog", text="kept")])
    if not database.is_sqlite:
        assert day_start(old) in EventPartitions(database).days()
    cutoff = repo.prune(now)
    assert cutoff == day_start(now) - 180 * DAY_S
    assert [e.text for e in repo.list()] == ["kept"]
    if not database.is_sqlite:
        days = EventPartitions(database).days()
        assert day_start(old) not in days and day_start(kept) in days
    repo.set_retention_days(365)
    assert repo.retention_days() == 365
    with pytest.raises(ValidationError):
        repo.set_retention_days(0)


def test_a_device_and_a_workstation_at_one_address_attach_events_to_the_device(database, inventory) -> None:
    # The workstation row is saved last, so it has the higher id and would win a plain dict of rows.
    inventory.save_devices([Device(name="hf-core-1", address="127.0.0.2", network="intranet", site="安徽省/合肥市")])
    inventory.save_devices([Device(name="console-host", address="127.0.0.2", network="intranet",
                                   site="安徽省/合肥市", tags=(WORKSTATION_TAG,)),
                            Device(name="hf-ws-only", address="127.0.0.5", network="intranet",
                                   site="安徽省/合肥市", tags=(WORKSTATION_TAG,))])
    sources = EventRepository(database).sources()
    assert sources["127.0.0.2"][1] == "hf-core-1"
    assert sources["127.0.0.5"][1] == "hf-ws-only"  # a workstation alone at its address is still known


def test_config_changes_are_the_devices_config_rule_events_newest_first(database) -> None:
    repo = EventRepository(database)
    now = time.time()
    repo.store([Event(now - 30, "127.0.0.2", "syslog", text="saved", device="hf-core-1", rule="config-change"),
                Event(now - 20, "127.0.0.2", "syslog", text="cmd", device="hf-core-1", rule="config-command"),
                Event(now - 10, "127.0.0.2", "syslog", text="link", device="hf-core-1", rule="link-down"),
                Event(now - 5, "127.0.0.3", "syslog", text="other", device="hf-core-2", rule="config-change")])
    assert [e.text for e in repo.config_changes("hf-core-1")] == ["cmd", "saved"]
    assert [e.text for e in repo.config_changes("hf-core-1", since=now - 25)] == ["cmd"]
    assert [e.text for e in repo.config_changes("hf-core-1", limit=1)] == ["cmd"]
