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
