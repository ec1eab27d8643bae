"""Hearing the store's other processes: what another desk, a poller or a command line committed.

A ``StoreWatcher`` is a ``ChangeSource``: from a thread of its own it publishes into
``database.changes`` the kinds of data every other process's committed writes changed, as
``Database.write()`` announced them in their own transactions:

- **PostgreSQL**: ``LISTEN egovops_changes`` on a connection of its own; each ``NOTIFY`` carries
  ``<origin>:<kinds>`` and arrives at commit, so a change at one desk reaches the others within
  milliseconds. After a lost connection it reconnects and publishes everything once, since notices
  sent meanwhile are gone.
- **SQLite**: ``PRAGMA data_version`` on a connection of its own changes whenever another
  connection commits, which costs nothing to ask a few times a second; only then are the new rows
  of ``change_log`` read.

Notices from the same ``Database`` (its ``origin``) are skipped: that process already published
them when its write committed.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Connection, func, select

from egovops.storage.changes import NOTHING, Changes
from egovops.storage.database import NOTIFY_CHANNEL, Database
from egovops.storage.tables.changes import change_log

log = logging.getLogger(__name__)
SQLITE_POLL_S = 0.25
RECONNECT_S = 2.0


def parse_notice(payload: str, own_origin: str) -> Changes:
    """The kinds a NOTIFY payload names, or nothing for our own, a garbled or an unknown one."""
    origin, _, kinds = payload.partition(":")
    if origin == own_origin or not kinds.isdigit():
        return NOTHING
    return Changes(int(kinds) & Changes.ALL.value)


class StoreWatcher:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        target = self._run_sqlite if self.database.is_sqlite else self._run_postgresql
        self._thread = threading.Thread(target=target, name="egovops-store-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _publish(self, changes: Changes) -> None:
        if changes:
            self.database.changes.publish(changes)

    # -- SQLite ----------------------------------------------------------------------------------

    def _run_sqlite(self) -> None:
        with self.database.engine.connect() as conn:
            last_id = conn.execute(select(func.coalesce(func.max(change_log.c.id), 0))).scalar_one()
            version = self._data_version(conn)
            while not self._stop.wait(SQLITE_POLL_S):
                try:
                    now = self._data_version(conn)
                    if now == version:
                        continue
                    version = now
                    last_id = self._read_log(conn, last_id)
                except Exception:  # noqa: BLE001 - a busy or vanished file must not end the watching
                    log.exception("store watcher: reading the change log failed")
                    conn.rollback()

    @staticmethod
    def _data_version(conn: Connection) -> int:
        value = conn.exec_driver_sql("PRAGMA data_version").scalar_one()
        conn.rollback()  # never keep a read transaction open: it would hold back WAL checkpoints
        return int(value)

    def _read_log(self, conn: Connection, after: int) -> int:
        rows = conn.execute(select(change_log.c.id, change_log.c.origin, change_log.c.kinds)
                            .where(change_log.c.id > after).order_by(change_log.c.id)).all()
        conn.rollback()
        found = NOTHING
        for row in rows:
            if row.origin != self.database.origin:
                found |= Changes(row.kinds & Changes.ALL.value)
        self._publish(found)
        return rows[-1].id if rows else after

    # -- PostgreSQL ------------------------------------------------------------------------------

    def _run_postgresql(self) -> None:
        first = True
        while not self._stop.is_set():
            raw: Any = None
            try:
                raw = self.database.engine.raw_connection()
                listener = raw.driver_connection
                raw.rollback()  # the pool hands it over idle; LISTEN needs no open transaction
                listener.autocommit = True
                listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
                if not first:
                    self._publish(Changes.ALL)  # notices sent while we were away are lost
                first = False
                while not self._stop.is_set():
                    found = NOTHING
                    for notice in listener.notifies(timeout=0.5):
                        found |= parse_notice(notice.payload, self.database.origin)
                    self._publish(found)
            except Exception:  # noqa: BLE001 - the server went away: listen again once it is back
                log.warning("store watcher: lost the server's notices; reconnecting", exc_info=True)
                self._stop.wait(RECONNECT_S)
            finally:
                if raw is not None:
                    raw.invalidate()  # its session state (LISTEN, autocommit) must not return to the pool
