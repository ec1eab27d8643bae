"""Where SQLite and PostgreSQL differ, said once.

Every other query is written in SQLAlchemy Core's common language and runs unchanged on both.
The differences met so far:

- Integer division of a float: SQLite's ``%`` casts both operands to integer, so ``at - at % 3600``
  keeps a timestamp's fraction of a second (hourly rollups once made one row per sample);
  PostgreSQL has no ``%`` on double precision at all, and its cast to integer rounds rather than
  truncates. ``hour_start`` gives the start of the hour on both.
- Column widths: SQLite's INTEGER holds 64 bits, PostgreSQL's 32; counters are BigInteger in the
  tables (migration 0009).
- Append-only triggers: written per dialect in the migrations that create the audit tables.
- Many rows at once: ``insert_rows`` uses PostgreSQL's ``COPY`` (a cycle's samples go in about
  four times faster than as multi-row INSERTs: benchmarks/store_write.py), SQLite an executemany.
- Raw samples: on PostgreSQL ``interface_samples`` and ``health_samples`` are partitioned by day
  and retention drops whole partitions (``egovops.storage.partitions``); SQLite, the one-desk store,
  keeps plain tables and deletes old rows. ``partitions_samples`` says which. Their ``id`` is a
  BIGINT without a primary key there (a partitioned table's key must hold the partition column, and
  nothing looks a sample up by id), and their ``at`` index is a BRIN: rows arrive in time order.
- Claiming rows (device leases): ``INSERT … ON CONFLICT DO NOTHING`` comes from each dialect's own
  ``insert``; PostgreSQL locks the rows a claimer takes with ``FOR UPDATE SKIP LOCKED``, SQLite
  has one writer at a time and no row locks (``insert_or_skip``, ``lock_skipping_locked``).
- Recomputed rows (hourly rollups): ``INSERT … ON CONFLICT (primary key) DO UPDATE``
  (``insert_or_replace``); a plain INSERT on PostgreSQL failed when two collectors rolled up the
  same hour at once (SQLite's ``OR REPLACE`` had hidden it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Select, Table, cast, func, insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.dml import Insert

from egovops.storage.database import note_written


def hour_start(column: ColumnElement[float], dialect: str) -> ColumnElement[float]:
    """The start (epoch seconds) of the hour holding ``column``."""
    if dialect == "sqlite":
        whole = cast(column, Integer)  # truncates, and times are positive
        return whole - whole % 3600  # type: ignore[return-value]
    return func.floor(column / 3600) * 3600


def partitions_samples(dialect: str) -> bool:
    """Whether raw samples live in day partitions (PostgreSQL) rather than plain tables (SQLite)."""
    return dialect != "sqlite"


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in ``conn``'s transaction."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(insert(table), rows)
        return
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)  # names from the table definitions, never from input
    raw = conn.connection.driver_connection  # psycopg's, inside this very transaction
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[c] for c in columns])
    note_written(conn, table.name)  # COPY passes by the statement events that note a write's tables
def insert_or_skip(table: Table, dialect: str) -> Insert:
    """An INSERT whose rows that collide with an existing primary key are skipped, not an error:
    ``ON CONFLICT DO NOTHING`` on both, built by each dialect's own insert (Core has no common one).
    On PostgreSQL a concurrent insert of the same key waits for the other transaction and then
    skips, so two claimers never both insert a row."""
    if dialect == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    return postgresql_insert(table).on_conflict_do_nothing()


def lock_skipping_locked(query: Select[Any], dialect: str) -> Select[Any]:
    """Lock the selected rows for this transaction, leaving out rows another transaction has
    locked (PostgreSQL ``FOR UPDATE SKIP LOCKED``: concurrent claimers share rows out instead of
    queueing). SQLite has no row locks; its one writer at a time makes the plain SELECT enough."""
    if dialect == "sqlite":
        return query
    return query.with_for_update(skip_locked=True)


def insert_or_replace(table: Table, dialect: str) -> Insert:
    """An INSERT whose rows that collide with an existing primary key replace that row's other
    columns: ``ON CONFLICT (primary key) DO UPDATE SET … = excluded.…`` on both."""
    statement = sqlite_insert(table) if dialect == "sqlite" else postgresql_insert(table)
    keys = [c.name for c in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys, set_={c.name: statement.excluded[c.name] for c in table.columns if not c.primary_key})
