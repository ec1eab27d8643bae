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
- Raw samples: on PostgreSQL ``interface_samples`` and ``health_samples`` are partitioned by day
  and retention drops whole partitions (``egovops.storage.partitions``); SQLite, the one-desk store,
  keeps plain tables and deletes old rows. ``partitions_samples`` says which. Their ``id`` is a
  BIGINT without a primary key there (a partitioned table's key must hold the partition column, and
  nothing looks a sample up by id), and their ``at`` index is a BRIN: rows arrive in time order.
"""

from __future__ import annotations

from sqlalchemy import Integer, cast, func
from sqlalchemy.sql import ColumnElement


def hour_start(column: ColumnElement[float], dialect: str) -> ColumnElement[float]:
    """The start (epoch seconds) of the hour holding ``column``."""
    if dialect == "sqlite":
        whole = cast(column, Integer)  # truncates, and times are positive
        return whole - whole % 3600  # type: ignore[return-value]
    return func.floor(column / 3600) * 3600


def partitions_samples(dialect: str) -> bool:
    """Whether raw samples live in day partitions (PostgreSQL) rather than plain tables (SQLite)."""
    return dialect != "sqlite"
