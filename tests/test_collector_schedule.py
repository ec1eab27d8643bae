"""Collector schedules: when a job falls due, its validation, and the claim that lets one collector
of a zone run it, on both stores."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from egovops.accounts import Operator, Role
from egovops.audit.repo import AuditRepository
from egovops.collector.schedule import CATCH_UP_S, DEFAULT_JOBS, Job, ScheduleStore, due_slot, last_slot
from egovops.errors import ValidationError
from egovops.storage.database import Database
from tests.fixtures.store import Cli

ADMIN = Operator("tester", Role.ADMIN, "os")
NIGHTLY = Job("nightly-backup", "procedure", "02:00", procedure="config-backup")
WEEKLY = Job("weekly-baseline", "procedure", "03:30", ("mon",), procedure="baseline-check")
SUN_6DEC = dt.datetime(2026, 12, 6, 12, 0)  # a Sunday


def test_the_latest_slot_is_today_after_the_time_and_yesterday_before_it() -> None:
    assert last_slot(NIGHTLY, dt.datetime(2026, 12, 6, 2, 0)) == dt.datetime(2026, 12, 6, 2, 0)
    assert last_slot(NIGHTLY, dt.datetime(2026, 12, 6, 1, 59, 59)) == dt.datetime(2026, 12, 5, 2, 0)


def test_a_weekly_job_falls_on_its_weekday_only() -> None:
    assert last_slot(WEEKLY, SUN_6DEC) == dt.datetime(2026, 11, 30, 3, 30)
    assert last_slot(WEEKLY, dt.datetime(2026, 12, 7, 3, 30)) == dt.datetime(2026, 12, 7, 3, 30)


def test_a_missed_slot_is_caught_up_only_within_the_catch_up_time() -> None:
    slot = dt.datetime(2026, 12, 6, 2, 0)
    assert due_slot(NIGHTLY, slot + dt.timedelta(seconds=CATCH_UP_S)) == slot
    assert due_slot(NIGHTLY, slot + dt.timedelta(seconds=CATCH_UP_S + 1)) is None


@pytest.mark.parametrize("job,message", [
    (Job("x", "procedure", "24:00", procedure="p"), "is not HH:MM"),
    (Job("x", "procedure", "2:60", procedure="p"), "is not HH:MM"),
    (Job("x", "reboot", "02:00"), "action 'reboot'"),
    (Job("x", "procedure", "02:00"), "needs --procedure"),
    (Job("x", "discovery", "02:00", ("sunday",)), "sunday not among"),
    (Job("a b", "discovery", "02:00"), "schedule name"),
])
def test_bad_jobs_are_refused(database: Database, job: Job, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ScheduleStore(database).put(ADMIN, job)


@pytest.mark.stores("sqlite", "postgresql")
def test_jobs_round_trip_and_one_collector_of_a_zone_claims_a_slot(database: Database) -> None:
    store = ScheduleStore(database)
    store.put(ADMIN, WEEKLY)
    store.put(ADMIN, Job("nightly-backup", "procedure", "02:00", procedure="config-backup", params={"note": "x"}))
    store.put(ADMIN, NIGHTLY)  # replaces the one of the same name
    assert store.jobs() == [NIGHTLY, *DEFAULT_JOBS, WEEKLY]  # the default discovery stays until removed
    slot = dt.datetime(2026, 12, 6, 2, 0)
    assert store.claim(NIGHTLY, "network=intranet", slot, "a")
    assert not store.claim(NIGHTLY, "network=intranet", slot, "b")  # same zone, same slot: taken
    assert store.claim(NIGHTLY, "network=extranet", slot, "c")  # another zone runs its own
    assert store.claim(NIGHTLY, "network=intranet", slot + dt.timedelta(days=1), "b")
    runs = store.last_runs()["nightly-backup"]
    assert sorted((r["zone"], r["collector"], r["slot"]) for r in runs) == [
        ("network=extranet", "c", "2026-12-06T02:00:00"), ("network=intranet", "b", "2026-12-07T02:00:00")]
    store.remove(ADMIN, "weekly-baseline")
    store.remove(ADMIN, "nightly-discovery")
    assert store.jobs() == [NIGHTLY]
    store.remove(ADMIN, "nightly-backup")
    assert store.jobs() == []  # none at all, not the defaults again
    actions = [(r.action, r.subject) for r in AuditRepository(database).rows() if r.action.startswith("collector.")]
    assert actions[:2] == [("collector.schedule-set", "weekly-baseline"), ("collector.schedule-set", "nightly-backup")]
    assert actions[-1] == ("collector.schedule-remove", "nightly-backup") and len(actions) == 6


def test_schedule_commands_save_list_and_refuse_an_unknown_procedure(cli: Cli) -> None:
    unknown = cli("collector", "schedule", "set", "n", "--action", "procedure", "--at", "02:00",
                  "--procedure", "no-such-thing")
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1, unknown.stderr
    saved = cli("collector", "schedule", "set", "nightly", "--action", "procedure", "--at", "02:00",
                "--procedure", "config-backup", "--days", "mon,thu")
    assert saved.returncode == 0, saved.stderr
    listed = json.loads(cli("collector", "schedule", "list", "--json").stdout)
    assert [(j["name"], j["days"], j["procedure"], j["last_runs"]) for j in listed] == [
        ("nightly", ["mon", "thu"], "config-backup", []), ("nightly-discovery", [], "", [])]
    assert cli("collector", "schedule", "remove", "nope").returncode == 1


@pytest.mark.stores("sqlite", "postgresql")
def test_a_rollup_row_written_twice_is_replaced_not_an_error(database: Database) -> None:
    """Two collectors rolling up the same hour at once: the second insert replaces (it failed on
    PostgreSQL before, ending that collector's poller every hour)."""
    from sqlalchemy import select

    from egovops.inventory.model import Device
    from egovops.storage.dialect import insert_or_replace
    from egovops.storage.inventory_repo import InventoryRepository
    from egovops.storage.tables.polling import health_hourly

    InventoryRepository(database).save_devices([Device("d", "127.0.0.1", "intranet", "安徽省")])
    device_id = InventoryRepository(database).device_ids()["d"]
    for cpu in (10.0, 20.0):
        with database.write() as conn:
            conn.execute(insert_or_replace(health_hourly, database.engine.dialect.name),
                         [{"device_id": device_id, "hour": 3600.0, "samples": 1, "cpu_avg": cpu, "cpu_max": cpu}])
    with database.read() as conn:
        assert conn.execute(select(health_hourly.c.cpu_avg)).scalars().all() == [20.0]
