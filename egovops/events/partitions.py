"""Per-day partitions of ``events`` on PostgreSQL (SQLite keeps one table and prunes by DELETE).

Written here rather than shared with the samples' partitions (egovops/storage/partitions.py did
not exist when events needed it): a partition is ``events_YYYYMMDD`` holding [day, day + 1 day)
of ``received_at``. Each is made before the first row of its day is written, in its own
transaction, so a writer never holds a table lock while it inserts; two processes making the same
day at once is harmless (IF NOT EXISTS, and the loser's error is taken as done).
"""

from __future__ import annotations

import calendar
import logging
import time
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from egovops.storage.database import Database

log = logging.getLogger(__name__)
DAY_S = 86400


def day_start(at: float) -> float:
    return float(int(at // DAY_S) * DAY_S)


def partition_name(day: float) -> str:
    return "events_" + time.strftime("%Y%m%d", time.gmtime(day))


class EventPartitions:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._made: set[float] = set()

    def ensure(self, times: Iterable[float]) -> None:
        """Make the partitions these times fall in, and the next day's, if they are missing."""
        if self.db.is_sqlite:
            return
        for day in sorted({day_start(t) for t in times} - self._made):
            for d in (day, day + DAY_S):
                if d not in self._made:
                    self._make(d)

    def _make(self, day: float) -> None:
        sql = (f"CREATE TABLE IF NOT EXISTS {partition_name(day)} PARTITION OF events "
               f"FOR VALUES FROM ({day!r}) TO ({day + DAY_S!r})")
        try:
            with self.db.engine.begin() as conn:
                conn.execute(text(sql))
        except DBAPIError as exc:  # another process made it between our check and our create
            log.debug("partition %s: %s", partition_name(day), exc)
        self._made.add(day)

    def days(self) -> list[float]:
        """The days that have a partition, oldest first (empty on SQLite)."""
        if self.db.is_sqlite:
            return []
        with self.db.read() as conn:
            names = conn.execute(text(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events'")).scalars().all()
        found = []
        for name in names:
            stamp = name.removeprefix("events_")
            if len(stamp) == 8 and stamp.isdigit():
                found.append(float(calendar.timegm(time.strptime(stamp, "%Y%m%d"))))
        return sorted(found)

    def drop_before(self, cutoff: float) -> int:
        """Drop whole days that end at or before ``cutoff``; returns how many."""
        gone = [d for d in self.days() if d + DAY_S <= cutoff]
        for day in gone:
            with self.db.engine.begin() as conn:
                conn.execute(text(f"DROP TABLE IF EXISTS {partition_name(day)}"))
            self._made.discard(day)
        return len(gone)
