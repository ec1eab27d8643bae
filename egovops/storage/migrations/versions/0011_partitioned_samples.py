"""Raw samples in day partitions on PostgreSQL: retention drops a day's table instead of deleting rows.

``interface_samples`` and ``health_samples`` become tables partitioned by RANGE over ``at`` (see
``egovops.storage.partitions``). Existing rows are copied across, into a partition for each day
that has any, and today's and the next days' partitions are made ahead. ``id`` becomes a BIGINT
(the old serial's sequence continues) without a primary key: a partitioned table's key would have
to hold ``at``, and nothing looks a sample up by id. The ``at`` index becomes a BRIN (rows arrive in
time order; a few kilobytes instead of a B-tree as large as a quarter of the table).

SQLite keeps its plain tables: nothing to do there.

Revision ID: 0011_partitioned_samples
Revises: 0003_polling
Create Date: 2026-12-06
"""

import time

from alembic import op
from sqlalchemy import Connection, text

from egovops.storage import partitions

revision = "0011_partitioned_samples"
down_revision = "0003_polling"
branch_labels = None
depends_on = None

# table: (its columns after id and device_id, the columns of its (device, time) index)
TABLES = {
    "interface_samples": ("if_index integer NOT NULL, at double precision NOT NULL, in_bps double precision, "
                          "out_bps double precision, errors_ps double precision, discards_ps double precision",
                          "device_id, if_index, at"),
    "health_samples": ("at double precision NOT NULL, cpu_percent double precision, mem_percent double precision, "
                       "temperature_c double precision",
                       "device_id, at"),
}


def _columns(body: str) -> str:
    return ", ".join(["id", "device_id"] + [part.split()[0] for part in body.split(", ")])


def _detach_sequence(conn: Connection, table: str, old: str) -> str:
    """The sequence of ``table``'s ids, freed from the old table so it outlives it as BIGINT."""
    sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": old})
    conn.execute(text(f"ALTER SEQUENCE {sequence} AS bigint OWNED BY NONE"))
    return str(sequence)


def _replace(conn: Connection, table: str, partitioned: bool) -> None:
    body, index = TABLES[table]
    old = f"{table}_replaced"
    conn.execute(text(f"DROP INDEX IF EXISTS ix_{table}_device_at"))
    conn.execute(text(f"DROP INDEX IF EXISTS ix_{table}_at"))
    conn.execute(text(f'ALTER TABLE "{table}" RENAME TO "{old}"'))
    sequence = _detach_sequence(conn, table, old)
    key = "" if partitioned else "PRIMARY KEY"
    conn.execute(text(
        f'CREATE TABLE "{table}" (id bigint NOT NULL DEFAULT nextval(\'{sequence}\') {key}, '
        f"device_id integer NOT NULL REFERENCES devices (id) ON DELETE CASCADE, {body})"
        + (" PARTITION BY RANGE (at)" if partitioned else "")))
    conn.execute(text(f'CREATE INDEX ix_{table}_device_at ON "{table}" ({index})'))
    method = "brin" if partitioned else "btree"
    conn.execute(text(f'CREATE INDEX ix_{table}_at ON "{table}" USING {method} (at)'))
    if partitioned:
        days = set(conn.scalars(text(f'SELECT DISTINCT floor(at / {partitions.DAY_S})::bigint FROM "{old}"')))
        today = partitions.day_of(time.time())
        partitions.create(conn, table, days | set(range(today, today + partitions.AHEAD_DAYS + 1)))
    columns = _columns(body)
    conn.execute(text(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{old}"'))
    conn.execute(text(f'DROP TABLE "{old}"'))
    conn.execute(text(f"ALTER SEQUENCE {sequence} OWNED BY {table}.id"))


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        return
    for table in TABLES:
        _replace(conn, table, partitioned=True)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        return
    for table in TABLES:
        _replace(conn, table, partitioned=False)
