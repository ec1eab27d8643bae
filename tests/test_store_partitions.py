"""Raw samples in day partitions on PostgreSQL (plain tables on SQLite): created ahead and by the
writer, dropped whole at retention, read back exactly as from a plain table (issue 17, item 7)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from dataclasses import asdict

import pytest
from sqlalchemy import text

from egovops.device_detail.repo import DeviceDetailRepository
from egovops.inventory.model import Device
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.repo import PollingRepository
from egovops.polling.rules_repo import AlarmRulesRepository
from egovops.polling.settings import PollingSettings, ReadingsInRow
from egovops.storage import partitions
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.device_view import write_history

pytestmark = pytest.mark.stores("sqlite", "postgresql")

DAY = 86400.0
NOW = 20_000 * DAY + 10 * 3600.0  # 2024-10-04 10:00 UTC: a whole hour, ten hours into its day
DEVICE = Device("hf-core-1", "127.0.0.1", "intranet", "安徽省/合肥市")


def _save(repo: PollingRepository, at: float, cpu: float = 10.0) -> None:
    interfaces = [InterfaceStatus(1, "GE0/0/1", sampled_at=at, in_bps=cpu, out_bps=1.0)]
    repo.save_cycle([DeviceStatus(DEVICE.name, state="up", reachable=True, cpu_percent=cpu, polled_at=at,
                                  measured_health=True, measured_interfaces=True, interfaces=interfaces)], {})


def _partition_days(database: Database, table: str) -> list[int]:
    with database.read() as conn:
        return sorted(partitions.existing(conn, table))


def _sample_times(database: Database, table: str) -> list[float]:
    with database.read() as conn:
        return list(conn.scalars(text(f"SELECT at FROM {table} ORDER BY at")))


def test_a_write_lands_in_its_days_partition_and_the_next_days_are_made_ahead(database, inventory) -> None:
    inventory.save_devices([DEVICE])
    repo = PollingRepository(database)
    _save(repo, NOW)
    if database.is_sqlite:  # the one-desk store keeps plain tables
        assert _sample_times(database, "health_samples") == [NOW]
        return
    today = partitions.day_of(NOW)
    for table in partitions.SAMPLE_TABLES:
        with database.read() as conn:
            held = conn.scalar(text(f"SELECT tableoid::regclass::text FROM {table}"))
        assert held == partitions.partition_name(table, today) == f"{table}_p20241004"
        assert today in _partition_days(database, table) and today + 1 not in _partition_days(database, table)
    repo.rollup_and_prune(NOW, raw_days=7, hourly_days=400)
    for table in partitions.SAMPLE_TABLES:
        assert {today, today + 1, today + 2} <= set(_partition_days(database, table))
        assert today + 3 not in _partition_days(database, table)


def test_a_new_day_after_midnight_gets_its_partition_from_the_writer(database, inventory) -> None:
    inventory.save_devices([DEVICE])
    repo = PollingRepository(database)
    repo.rollup_and_prune(NOW, raw_days=7, hourly_days=400)  # today + 2 made ahead
    later = NOW + 5 * DAY  # the poller slept past the days made ahead
    _save(repo, later)
    assert _sample_times(database, "interface_samples") == [later]


@pytest.mark.parametrize(("cut", "kept_first"), [
    (-1.0, True),  # one second short of the older day's end: it straddles the cut-off and stays
    (0.0, False),  # exactly its end: the whole day is past, its partition goes
])
def test_retention_drops_only_days_wholly_before_the_cut_off(database, inventory, cut: float,
                                                             kept_first: bool) -> None:
    inventory.save_devices([DEVICE])
    repo = PollingRepository(database)
    day = partitions.day_of(NOW)
    older, straddling = (day - 3) * DAY + 3600, (day - 2) * DAY + 3600  # 01:00 of two days
    for at in (older, straddling, straddling + 7200):
        _save(repo, at)
    # Two days of raw samples, from a moment that puts the cut-off ``cut`` from the older day's end.
    repo.rollup_and_prune(day * DAY + cut, raw_days=2, hourly_days=400)
    times = _sample_times(database, "health_samples")
    if database.is_sqlite:  # a DELETE of every row before the cut-off
        assert times == [straddling, straddling + 7200]
        return
    assert times == ([older] if kept_first else []) + [straddling, straddling + 7200]
    assert (day - 3 in _partition_days(database, "interface_samples")) is kept_first
    assert day - 2 in _partition_days(database, "interface_samples")
    # Rolled up before it went: the older hour lives on in the hourly table.
    assert [hour for hour, *_ in repo.hourly_health(DEVICE.name)][:1] == [older]


def test_retention_inside_a_day_keeps_its_partition_on_postgresql(database, inventory) -> None:
    inventory.save_devices([DEVICE])
    repo = PollingRepository(database)
    day = partitions.day_of(NOW)
    early, late = (day - 1) * DAY + 3600, (day - 1) * DAY + 20 * 3600
    _save(repo, early)
    _save(repo, late)
    repo.rollup_and_prune(day * DAY + 12 * 3600, raw_days=1, hourly_days=400)  # the cut-off: noon of that day
    # PostgreSQL never deletes rows one by one: the morning stays until the whole day is past.
    expected = [late] if database.is_sqlite else [early, late]
    assert _sample_times(database, "interface_samples") == expected


CREATE_AT_ONCE = textwrap.dedent("""
    import sys, time
    from sqlalchemy import text
    from egovops.storage.database import open_database
    from egovops.storage import partitions
    db = open_database(sys.argv[1])
    with db.write() as conn:
        print("ready", flush=True)
        sys.stdin.readline()  # both processes are in their transaction: go
        partitions.create(conn, "interface_samples", [int(sys.argv[2])])
        time.sleep(0.5)  # hold the new partition uncommitted while the other one tries
    print("done", flush=True)
""")


def test_two_processes_creating_the_same_partition_at_once_both_succeed(database, database_url) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite keeps plain tables: there is nothing to create")
    day = partitions.day_of(NOW) + 100
    procs = [subprocess.Popen([sys.executable, "-c", CREATE_AT_ONCE, database_url, str(day)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-600:]
    assert day in _partition_days(database, "interface_samples")


def _everything_read(database: Database, now: float) -> dict[str, object]:
    detail, polling = DeviceDetailRepository(database), PollingRepository(database)
    settings = PollingSettings(readings_in_row=ReadingsInRow(cpu_percent=5, if_errors_ps=4))
    name = "hf-agg-1"
    memory = AlarmRulesRepository(database).memory({name: [(5, "GE0/0/5")]}, [name], settings)
    start = now - 8 * DAY
    return {
        "health_raw": detail.health_raw(name, start), "traffic_raw": detail.traffic_raw(name, start),
        "health_hourly": detail.health_hourly(name, start), "traffic_hourly": detail.traffic_hourly(name, start),
        "carried": detail.ports_that_carried_traffic(name), "series": polling.health_series(name),
        "hourly": polling.hourly_health(name), "counts": polling.count_samples(),
        "earlier_over": asdict(memory)["earlier_over"],
    }


@pytest.mark.stores("postgresql")
def test_queries_read_the_same_rows_from_partitions_as_from_plain_tables(database, data_dir) -> None:
    """A week of a device's history spans eight day partitions on PostgreSQL: every reader of the
    samples gets what it gets from SQLite's plain tables."""
    now = NOW + 1234.5
    found = []
    plain = open_database(data_dir / "plain.sqlite3")
    try:
        for store in (plain, database):
            device = Device("hf-agg-1", "127.0.0.2", "intranet", "安徽省/合肥市", vendor="cisco", model="C9300")
            InventoryRepository(store).save_devices([device])
            write_history(store, device, now)
            found.append(_everything_read(store, now))
    finally:
        plain.close()
    assert len(_partition_days(database, "interface_samples")) >= 8
    assert found[0]["counts"]["interface_samples"] > 1000  # type: ignore[index]
    assert found[0]["earlier_over"]  # the readings-in-row query found earlier readings
    assert found[1] == found[0]


@pytest.mark.stores("postgresql")
def test_the_migration_moves_existing_samples_into_day_partitions(postgres_server) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from egovops.storage.migrate import alembic_config, expected_heads, upgrade_to_latest

    name = "before_partitions"
    postgres_server.sql(f"CREATE DATABASE {name}")
    engine = create_engine(postgres_server.url(name).replace("postgresql://", "postgresql+psycopg://"))
    try:
        config = alembic_config()
        with engine.begin() as conn:  # a store as it was before partitioning, with samples of three days
            config.attributes["connection"] = conn
            for head in expected_heads() - {"0011_partitioned_samples"}:
                command.upgrade(config, head)
        InventoryRepository(Database(engine)).save_devices([DEVICE])
        with engine.begin() as conn:
            device_id = conn.scalar(text("SELECT id FROM devices"))
            for n, at in enumerate((NOW - 2 * DAY, NOW - DAY + 0.5, NOW)):
                conn.execute(text("INSERT INTO interface_samples (device_id, if_index, at, in_bps) "
                                  "VALUES (:d, :i, :at, :v)"),
                             {"d": device_id, "i": n, "at": at, "v": n * 1.5})
                conn.execute(text("INSERT INTO health_samples (device_id, at, cpu_percent) VALUES (:d, :at, :v)"),
                             {"d": device_id, "at": at, "v": n * 2.0})
        upgrade_to_latest(engine)
        with engine.begin() as conn:
            kinds = dict(conn.execute(text("SELECT c.relname, c.relkind FROM pg_class c WHERE c.relname IN "
                                           "('interface_samples', 'health_samples')")).all())
            assert kinds == {"interface_samples": "p", "health_samples": "p"}  # p: partitioned
            rows = conn.execute(text("SELECT id, if_index, at, in_bps, tableoid::regclass::text FROM interface_samples "
                                     "ORDER BY at")).all()
            day = partitions.day_of(NOW)
            assert [tuple(r) for r in rows] == [
                (1, 0, NOW - 2 * DAY, 0.0, partitions.partition_name("interface_samples", day - 2)),
                (2, 1, NOW - DAY + 0.5, 1.5, partitions.partition_name("interface_samples", day - 1)),
                (3, 2, NOW, 3.0, partitions.partition_name("interface_samples", day)),
            ]
            assert conn.scalar(text("SELECT count(*) FROM health_samples WHERE cpu_percent IS NOT NULL")) == 3
            new_id = conn.scalar(text("INSERT INTO health_samples (device_id, at) VALUES (:d, :at) RETURNING id"),
                                 {"d": device_id, "at": NOW})
            assert new_id == 4  # the old ids' sequence goes on
            assert conn.scalar(text("SELECT data_type FROM information_schema.columns WHERE table_name = "
                                    "'interface_samples' AND column_name = 'id'")) == "bigint"
    finally:
        engine.dispose()


def test_rows_copied_in_are_announced_as_the_tables_change(database, inventory) -> None:
    """PostgreSQL's COPY passes by the statement events that note what a write changed."""
    from egovops.storage.changes import Changes
    from egovops.storage.dialect import insert_rows
    from egovops.storage.tables.polling import health_samples

    inventory.save_devices([DEVICE])
    heard: list[Changes] = []
    database.changes.subscribe(heard.append)
    with database.read() as conn:
        device_id = conn.scalar(text("SELECT id FROM devices"))
    repo = PollingRepository(database)
    with database.write() as conn:
        if repo._partitioned:
            repo._partitions.ensure(conn, "health_samples", [NOW])
        insert_rows(conn, health_samples, [{"device_id": device_id, "at": NOW + n, "cpu_percent": n * 0.5}
                                           for n in range(3)])
    assert heard == [Changes.STATES]
    assert _sample_times(database, "health_samples") == [NOW, NOW + 1, NOW + 2]


@pytest.mark.timeout(60)  # without a lock timeout the drop would wait on the reader for ever
@pytest.mark.stores("postgresql")
def test_a_long_read_delays_the_drop_to_a_later_cycle_instead_of_queueing_writers(database, inventory) -> None:
    inventory.save_devices([DEVICE])
    repo = PollingRepository(database)
    day = partitions.day_of(NOW)
    _save(repo, (day - 3) * DAY + 3600)
    repo.rollup_and_prune(NOW, raw_days=7, hourly_days=400)  # today + 2 made; nothing old enough yet
    with database.engine.connect() as reader:  # a console in the middle of a long query
        reader.execute(text("SELECT count(*) FROM interface_samples"))
        started = time.monotonic()
        assert repo.maintain_partitions(NOW, (day - 2) * DAY) == []  # gave up on the lock
        assert time.monotonic() - started < 10
        reader.rollback()
    assert repo.maintain_partitions(NOW, (day - 2) * DAY) == [
        partitions.partition_name(table, day - 3) for table in partitions.SAMPLE_TABLES]
