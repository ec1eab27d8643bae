"""Raw samples in day partitions on PostgreSQL, so that retention drops tables instead of deleting rows.

``interface_samples`` and ``health_samples`` are partitioned by RANGE over their ``at`` column (a
float epoch; PostgreSQL ranges over double precision as over any ordered type, so no second time
column is needed), one partition per UTC day named ``<table>_pYYYYMMDD`` and holding
``[day, day + 86400)``. The name is the only place the bounds are read back from.

* Creating: a row whose day has no partition is refused by PostgreSQL, so partitions are made
  ahead (today and ``AHEAD_DAYS`` more, by ``Partitions.maintain``, which the poller's rollup
  step runs after every cycle), and the writer makes any missing one for the rows it holds
  before inserting them (a clock that jumped, a store opened after midnight). There is no DEFAULT
  partition: rows in it would block creating the partition of their day later.
* Two processes creating at once: checking first is not enough (both see no table, the second
  fails with "relation already exists" once the first commits), so creators first take one
  transaction-scoped advisory lock; the second then finds the table and does nothing.
* Dropping: a partition goes only when its whole day is older than the cut-off; rows of the day
  that straddles the cut-off stay until that day is wholly past it (at most a day longer than the
  retention asks). No DELETE of raw samples runs on PostgreSQL.

Creating or dropping a partition locks its parent briefly (ACCESS EXCLUSIVE), which is why it is
done ahead, in its own short transaction, giving up after ``LOCK_WAIT`` when a long read holds the
table (the next cycle tries again) rather than queueing every reader and writer behind it. SQLite keeps plain
tables (``egovops.storage.dialect.partitions_samples``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

DAY_S = 86400
AHEAD_DAYS = 2
SAMPLE_TABLES = ("interface_samples", "health_samples")
_LOCK_KEY = "egovops.sample_partitions"  # one advisory lock for every partition change of the store
LOCK_WAIT = "2s"
LOCK_NOT_AVAILABLE = "55P03"
_NAME = re.compile(r"^(?P<table>[a-z_]+)_p(?P<date>\d{8})$")


def day_of(at: float) -> int:
    """The UTC day (days since the epoch) holding the epoch time ``at``."""
    return int(at // DAY_S)


def partition_name(table: str, day: int) -> str:
    return f"{table}_p{datetime.fromtimestamp(day * DAY_S, timezone.utc):%Y%m%d}"


def day_of_name(name: str) -> int | None:
    match = _NAME.match(name)
    if match is None:
        return None
    return int(datetime.strptime(match["date"], "%Y%m%d").replace(tzinfo=timezone.utc).timestamp()) // DAY_S


def _lock(conn: Connection) -> None:
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": _LOCK_KEY})


def existing(conn: Connection, table: str) -> dict[int, str]:
    """The day partitions of ``table`` in the current schema, by day."""
    rows = conn.execute(text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "JOIN pg_class p ON p.oid = i.inhparent "
        "WHERE p.relname = :parent AND p.relnamespace = current_schema()::regnamespace"), {"parent": table})
    found = {}
    for (name,) in rows:
        day = day_of_name(name)
        if day is not None:
            found[day] = name
    return found


def create(conn: Connection, table: str, days: Iterable[int]) -> list[str]:
    """Create the partitions of ``days`` that do not exist yet; returns the names created."""
    wanted = sorted(set(days))
    if not wanted:
        return []
    _lock(conn)
    have = existing(conn, table)
    made = []
    for day in wanted:
        if day in have:
            continue
        name = partition_name(table, day)
        # Bounds are whole numbers of seconds, written as literals: DDL takes no bound parameters.
        conn.execute(text(f'CREATE TABLE "{name}" PARTITION OF "{table}" '
                          f"FOR VALUES FROM ({day * DAY_S}) TO ({(day + 1) * DAY_S})"))
        made.append(name)
    return made


def drop_before(conn: Connection, table: str, cut: float) -> list[str]:
    """Drop the partitions of ``table`` whose whole day ends at or before ``cut``; returns their names."""
    _lock(conn)
    gone = []
    for day, name in sorted(existing(conn, table).items()):
        if (day + 1) * DAY_S <= cut:
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))
            gone.append(name)
    return gone


class Partitions:
    """The day partitions one process knows to exist, so a writer asks the server only about a new day.

    Only days this process created or saw are remembered, and only retention (which drops days long
    past) removes partitions, so the memory never claims a partition that a writer still needs and
    that is gone.
    """

    def __init__(self) -> None:
        self._known: set[tuple[str, int]] = set()

    def ensure(self, conn: Connection, table: str, ats: Iterable[float]) -> None:
        """Make sure the partitions for the rows at ``ats`` exist, in ``conn``'s transaction."""
        missing = {(table, day_of(at)) for at in ats} - self._known
        if not missing:
            return
        create(conn, table, [day for _, day in missing])
        self._known |= missing
        # A partition made in a transaction that rolls back is gone again: forget it then.
        event.listen(conn, "rollback", lambda _conn: self._known.difference_update(missing))

    def maintain(self, conn: Connection, now: float, cut: float, ahead: int = AHEAD_DAYS) -> list[str]:
        """Make today's and the next ``ahead`` days' partitions and drop those wholly before ``cut``;
        returns the names dropped. A console's long read holding the tables makes this give up
        after ``LOCK_WAIT`` and try again next time, rather than queue every writer behind it."""
        today = day_of(now)
        try:
            with conn.begin_nested():
                conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
                for table in SAMPLE_TABLES:
                    self.ensure(conn, table, [(today + n) * DAY_S for n in range(ahead + 1)])
                gone = [name for table in SAMPLE_TABLES for name in drop_before(conn, table, cut)]
                conn.execute(text("SET LOCAL lock_timeout = 0"))
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
                raise
            log.info("sample partitions busy; maintained next cycle")
            return []
        self._known = {(t, d) for t, d in self._known if (d + 1) * DAY_S > cut}
        return gone
