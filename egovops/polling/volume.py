"""What the time series weigh on a store: rows and bytes per day, measured, for a province of a given size.

Rows per day follow from the size (devices × interfaces × cycles a day for interface samples,
devices × cycles for health samples, × 24 hours for the hourly rollups). Bytes per row are
measured, not guessed: a day of synthetic samples for a few devices (and a week of their hourly
rows) is written into a scratch store of the same kind, with the same schema, indexes and
partitions, and its size is read back (``pg_total_relation_size`` of every partition on
PostgreSQL; SQLite's page count before and after each table is filled). Sizes grow linearly with
rows, so the bytes per row scale to any province; what does not scale (a partition's first index
pages, a few tens of kilobytes a day) is counted into the per-row figure and slightly overstates it
for small measuring sets.

The scratch store is a temporary SQLite file for a SQLite store, and a temporary schema of the same
database for a PostgreSQL store (dropped afterwards: the store's own tables are never written).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, insert, select, text

from egovops.inventory.model import Device
from egovops.storage.database import Database, engine_for, open_database
from egovops.storage.dialect import partitions_samples
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.migrate import upgrade_to_latest
from egovops.storage.partitions import DAY_S, Partitions, existing
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import health_hourly, health_samples, interface_hourly, interface_samples

HOURLY_DAYS = 7  # days of hourly rows written to measure them: enough rows to fill many pages
_BATCH = 5000


@dataclass(frozen=True)
class Province:
    devices: int
    interfaces: int  # per device
    interval_s: float  # between samples of the same interface or device

    @property
    def cycles_per_day(self) -> float:
        return DAY_S / self.interval_s


@dataclass(frozen=True)
class TableVolume:
    table: str
    rows_per_day: float
    bytes_per_row: float

    @property
    def bytes_per_day(self) -> float:
        return self.rows_per_day * self.bytes_per_row


def rows_per_day(table: str, province: Province) -> float:
    per_device = {"interface_samples": province.interfaces * province.cycles_per_day,
                  "health_samples": province.cycles_per_day,
                  "interface_hourly": province.interfaces * 24.0, "health_hourly": 24.0}
    return province.devices * per_device[table]


def _synthetic(table: Table, device_ids: list[int], interfaces: int, times: list[float],
               rng: random.Random) -> Iterator[dict[str, Any]]:
    """Rows shaped as the poller writes them: fractional rates and times (SQLite stores a whole
    float as a shorter integer, so round figures would undercount)."""
    for at in times:
        for device_id in device_ids:
            if table is interface_samples:
                for index in range(1, interfaces + 1):
                    yield {"device_id": device_id, "if_index": index, "at": at + rng.random(),
                           "in_bps": rng.random() * 1e8, "out_bps": rng.random() * 1e8,
                           "errors_ps": rng.random(), "discards_ps": rng.random()}
            elif table is health_samples:
                yield {"device_id": device_id, "at": at + rng.random(), "cpu_percent": rng.random() * 100,
                       "mem_percent": rng.random() * 100, "temperature_c": 30 + rng.random() * 20}
            elif table is interface_hourly:
                for index in range(1, interfaces + 1):
                    yield {"device_id": device_id, "if_index": index, "hour": at, "samples": 12,
                           **{c: rng.random() * 1e8 for c in ("in_bps_avg", "in_bps_max", "out_bps_avg",
                                                              "out_bps_max", "errors_ps_avg", "discards_ps_avg")}}
            else:
                yield {"device_id": device_id, "hour": at, "samples": 12,
                       **{c: rng.random() * 100 for c in ("cpu_avg", "cpu_max", "mem_avg", "mem_max",
                                                          "temperature_max")}}


def _fill(db: Database, table: Table, rows: Iterator[dict[str, Any]]) -> int:
    partitioned = partitions_samples(db.engine.dialect.name) and table in (interface_samples, health_samples)
    made, count = Partitions(), 0
    batch: list[dict[str, Any]] = []
    with db.write() as conn:
        for row in rows:
            batch.append(row)
            if len(batch) == _BATCH:
                count += _insert(conn, table, batch, made if partitioned else None)
                batch = []
        if batch:
            count += _insert(conn, table, batch, made if partitioned else None)
    return count


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]], made: Partitions | None) -> int:
    if made is not None:
        made.ensure(conn, table.name, [row["at"] for row in rows])
    conn.execute(insert(table), rows)
    return len(rows)


def _size(db: Database, table: str, day: float) -> int:
    """Bytes the table takes on disk with its indexes: the whole file's growth on SQLite, the
    partition of ``day`` on PostgreSQL (the empty ones made ahead are not this day's rows)."""
    with db.read() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # pages in the WAL count too
            return int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0) * int(
                conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
        parts = [name for d, name in existing(conn, table).items() if d == int(day // DAY_S)] or [table]
        return sum(int(conn.scalar(text("SELECT pg_total_relation_size(CAST(:t AS regclass))"), {"t": p}) or 0)
                   for p in parts)


def measure(store: Database, province: Province, sample_devices: int = 4,
            progress: Callable[[str], None] = lambda _table: None) -> list[TableVolume]:
    """Bytes per row measured on a scratch store of ``store``'s kind, scaled to ``province``."""
    rng = random.Random(17)
    day = (int(time.time() // DAY_S) - 1) * DAY_S  # a whole past day: the partition it fills is its own
    cycles = [day + k * province.interval_s for k in range(int(province.cycles_per_day))]
    hours = [day + h * 3600.0 for h in range(24 * HOURLY_DAYS)]
    found = []
    with scratch(store) as db:
        # As many devices with health rows as interfaces with samples: a row count that fills pages.
        InventoryRepository(db).save_devices([Device(f"volume-{n}", f"127.9.{n // 256}.{n % 256}", "intranet",
                                                     "volume") for n in range(sample_devices * province.interfaces)])
        with db.read() as conn:
            ids = list(conn.scalars(select(devices.c.id).order_by(devices.c.id)))
        for table, times, among in ((interface_samples, cycles, ids[:sample_devices]), (health_samples, cycles, ids),
                                    (interface_hourly, hours, ids[:sample_devices]), (health_hourly, hours, ids)):
            progress(table.name)
            before = _size(db, table.name, day) if db.is_sqlite else 0
            written = _fill(db, table, _synthetic(table, among, province.interfaces, times, rng))
            grown = _size(db, table.name, day) - before
            found.append(TableVolume(table.name, rows_per_day(table.name, province), grown / written))
    return found


def _schema_engine(store: Database, schema: str) -> Engine:
    engine = engine_for(store.engine.url)

    def search_path(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{schema}"')
        dbapi_connection.commit()  # a SET in a transaction rolled back later would be undone

    event.listen(engine, "connect", search_path)
    return engine


@contextmanager
def scratch(store: Database) -> Iterator[Database]:
    """An empty, migrated store of ``store``'s kind that disappears afterwards."""
    if store.is_sqlite:
        with tempfile.TemporaryDirectory(prefix="egovops-volume-") as folder:
            db = open_database(Path(folder) / "volume.sqlite3")
            try:
                yield db
            finally:
                db.close()
        return
    schema = f"egovops_volume_{os.getpid()}"
    with store.engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        engine = _schema_engine(store, schema)
        try:
            upgrade_to_latest(engine)
            yield Database(engine)
        finally:
            engine.dispose()
    finally:
        with store.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
