"""64-bit counters: interface octet/error counters, speeds, uptimes and process sizes as BIGINT.

SQLite's INTEGER is already 64-bit, so only PostgreSQL's columns change (its INTEGER is 32-bit and
refused the first ifHCInOctets over 2^31 the day the shared store first ran).

Revision ID: 0009_big_counters
Revises: 0003_polling
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_big_counters"
down_revision = "0003_polling"
branch_labels = None
depends_on = None

COLUMNS = {
    "interface_status": ("speed_bps", "in_octets", "out_octets", "in_errors", "out_errors", "in_discards",
                         "out_discards", "uptime_cs"),
    "poller_stats": ("rss_bytes",),
}


def _alter(new_type: type[sa.types.TypeEngine]) -> None:  # type: ignore[type-arg]
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=new_type)


def upgrade() -> None:
    _alter(sa.BigInteger)


def downgrade() -> None:
    _alter(sa.Integer)
