"""Opening the store: engine, SQLite pragmas, schema migrations.

SQLite runs in WAL mode with synchronous=NORMAL: every committed transaction survives a killed
process (only a power cut can lose the last few), and readers (the console) never block the poller's
writes. Foreign keys are switched on per connection because SQLite leaves them off by default.

Each committed ``write()`` publishes what it changed into ``database.changes`` (see
``egovops.storage.changes``): the tables its statements wrote, noted as they execute.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from egovops.storage.changes import NOTHING, ChangeFeed, changes_of_tables
from egovops.storage.migrate import upgrade_to_latest

BUSY_TIMEOUT_MS = 30_000
_WRITTEN = "egovops.written"  # key in a connection's info: the tables the open write() changed so far


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _note_written(conn: Connection, _cursor: Any, statement: str, _parameters: Any, context: Any, _many: bool) -> None:
    written = conn.info.get(_WRITTEN)
    if written is None:
        return  # outside Database.write(): a read, or the migrations
    if context.isinsert or context.isupdate or context.isdelete:
        table = getattr(getattr(context.compiled, "statement", None), "table", None)
        written.add(getattr(table, "name", ""))
    elif statement.lstrip()[:7].upper() in ("INSERT ", "UPDATE ", "DELETE ", "REPLACE"):
        written.add("")  # textual SQL: which table is not parsed here, so it counts as everything


class Database:
    """An open store. Thread-safe: SQLAlchemy's pool hands each thread its own connection.

    Writers take ``write_lock`` so that on SQLite concurrent writers in one process queue up here
    instead of contending for the file lock.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.write_lock = threading.RLock()
        self.changes = ChangeFeed()
        if not event.contains(engine, "after_cursor_execute", _note_written):
            event.listen(engine, "after_cursor_execute", _note_written)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises; once
        committed, what it wrote is published into ``changes``."""
        written: set[str] = set()
        with self.write_lock:
            with self.engine.begin() as connection:
                connection.info[_WRITTEN] = written
                try:
                    yield connection
                finally:
                    del connection.info[_WRITTEN]  # the pooled connection outlives this transaction
        self.changes.publish(changes_of_tables(written) if written else NOTHING)

    def close(self) -> None:
        self.engine.dispose()


def engine_for(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_database(location: str | Path) -> Database:
    """Open (creating and migrating as needed) the store at a SQLite file path or a database URL."""
    text = str(location)
    url = text if "://" in text else f"sqlite:///{Path(text).resolve()}"
    engine = engine_for(url)
    upgrade_to_latest(engine)
    return Database(engine)
