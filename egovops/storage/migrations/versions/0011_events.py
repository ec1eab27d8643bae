"""Events (traps and syslog) and the counters of what was not stored.

On PostgreSQL ``events`` is partitioned by day on ``received_at``: retention drops a day's
partition instead of deleting millions of rows, and a search by period reads only its days. The
partitions themselves are made at run time (egovops.events.partitions), one day ahead.

Revision ID: 0011_events
Revises: 0001_inventory
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_events"
down_revision = "0001_inventory"
branch_labels = None
depends_on = None

_COLUMNS = """
    received_at double precision NOT NULL,
    sent_at double precision,
    device_id integer,
    device varchar(200) NOT NULL DEFAULT '',
    source varchar(255) NOT NULL,
    kind varchar(10) NOT NULL,
    severity varchar(10) NOT NULL,
    module varchar(100) NOT NULL DEFAULT '',
    mnemonic varchar(200) NOT NULL DEFAULT '',
    text text NOT NULL DEFAULT '',
    varbinds json,
    rule varchar(100) NOT NULL DEFAULT ''
"""


def _events_postgresql() -> None:
    op.execute(f"CREATE TABLE events (id bigserial NOT NULL, {_COLUMNS}, "
               "CONSTRAINT pk_events PRIMARY KEY (id, received_at)) PARTITION BY RANGE (received_at)")


def _events_sqlite() -> None:
    # SQLite numbers rows itself only for a lone INTEGER PRIMARY KEY; the (id, received_at) key of
    # PostgreSQL's partitions is then a unique index here.
    op.execute(f"CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, {_COLUMNS})")
    op.execute("CREATE UNIQUE INDEX pk_events ON events (id, received_at)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _events_postgresql()
    else:
        _events_sqlite()
    op.create_index("ix_events_received_at", "events", ["received_at"])
    op.create_index("ix_events_device_id_received_at", "events", ["device_id", "received_at"])
    op.create_table(
        "event_counters",
        sa.Column("day", sa.Float, nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("counter", sa.String(40), nullable=False),
        sa.Column("count", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("last_at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("day", "source", "counter", name="pk_event_counters"),
    )


def downgrade() -> None:
    op.drop_table("event_counters")
    op.execute("DROP TABLE events")  # on PostgreSQL its partitions go with it
