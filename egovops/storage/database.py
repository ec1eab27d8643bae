"""Opening the store: a SQLite file (embedded, one desk) or a PostgreSQL database (shared).

SQLite runs in WAL mode with synchronous=NORMAL: every committed transaction survives a killed
process (only a power cut can lose the last few), and readers (the console) never block the poller's
writes. Foreign keys are switched on per connection because SQLite leaves them off by default.

Each committed ``write()`` publishes what it changed into ``database.changes`` (see
``egovops.storage.changes``): the tables its statements wrote, noted as they execute. It also
tells every other process on the store, inside the same transaction so that only a committed write
is announced: a ``NOTIFY`` on PostgreSQL, a row of ``change_log`` on SQLite
(``egovops.storage.watch`` hears both).

PostgreSQL is reached through psycopg 3. Its password never travels in the URL, on a command line
or in a file: a URL that carries one is refused, and the password, if the server asks for one, is
taken from the OS keyring (``egovops store password``); peer authentication on a local socket or a
client certificate (``?sslcert=…&sslkey=…``) need none. Where the two dialects differ, the code
says so in ``egovops.storage.dialect`` only.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.storage.changes import NOTHING, ChangeFeed, Changes, changes_of_tables
from egovops.storage.migrate import upgrade_to_latest
from egovops.storage.tables.changes import change_log

BUSY_TIMEOUT_MS = 30_000
NOTIFY_CHANNEL = "egovops_changes"
PRUNE_EVERY = 500
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


def note_written(conn: Connection, table: str) -> None:
    """Count ``table`` as written by the open ``write()``: for a write that goes around SQLAlchemy's
    statements (PostgreSQL's COPY, ``egovops.storage.dialect.insert_rows``)."""
    written = conn.info.get(_WRITTEN)
    if written is not None:
        written.add(table)


class Database:
    """An open store. Thread-safe: SQLAlchemy's pool hands each thread its own connection.

    Writers take ``write_lock`` so that on SQLite concurrent writers in one process queue up here
    instead of contending for the file lock.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.write_lock = threading.RLock()
        self.changes = ChangeFeed()
        self.origin = uuid.uuid4().hex[:16]  # this opening's token: a watcher skips its own notices
        self._announced = 0
        self._open = threading.local()  # this thread's open write(): connection, before_commit, doomed
        if not event.contains(engine, "after_cursor_execute", _note_written):
            event.listen(engine, "after_cursor_execute", _note_written)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_shared(self) -> bool:
        """A store several desks and collectors use at once (PostgreSQL), not one desk's file."""
        return not self.is_sqlite

    @property
    def location(self) -> str:
        """Where the store is, safe to show: the file, or the URL without any password."""
        url = self.engine.url
        return str(url.database) if self.is_sqlite else url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection to read with. Inside this thread's open ``write()`` it is that write's own
        connection: a repository that writes and then reads back what it wrote (an alarm it raised)
        must see its uncommitted rows, which another connection would not."""
        joined = getattr(self._open, "connection", None)
        if joined is not None:
            yield joined
            return
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises; once
        committed, what it wrote is published into ``changes``.

        A ``write()`` opened while this thread already has one open *joins* it: same connection, no
        commit of its own, its tables published with the outer write's at the outer commit. So a
        caller makes several repositories' writes one transaction (a poll cycle's states,
        transitions, alarms and stats; a change and its audit row) by wrapping them in one
        ``with db.write():``, and a crash can never keep half of them. The open write is
        thread-local because a transaction belongs to one connection, which belongs to one thread;
        another thread's write queues on ``write_lock`` as before. If a joined write raises, the
        whole transaction is doomed: the outer end rolls back even if the caller caught the error,
        since committing the rest would store exactly the half a crash must not leave.
        """
        joined = getattr(self._open, "connection", None)
        if joined is not None:
            try:
                yield joined
            except BaseException:
                self._open.doomed = True
                raise
            return
        written: set[str] = set()
        self._open.doomed = False
        self._open.before_commit = []
        with self.write_lock, self.engine.begin() as connection:
            connection.info[_WRITTEN] = written
            self._open.connection = connection
            try:
                yield connection
                if self._open.doomed:
                    raise StoreError(tr("a part of this change failed, so none of it was stored"))
                for callback in self._open.before_commit:
                    callback()
                if written:
                    self._announce(connection, changes_of_tables(written))
            finally:
                del connection.info[_WRITTEN]  # the pooled connection outlives this transaction
                self._open.connection = None
                self._open.before_commit = []
        self.changes.publish(changes_of_tables(written) if written else NOTHING)

    def before_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` at the end of this thread's open write, just before it commits (still
        holding the store's write lock): for a side effect outside the store that must follow
        only what will be committed, such as the audit anchor in the keyring."""
        if getattr(self._open, "connection", None) is None:
            raise RuntimeError("before_commit() outside Database.write()")
        self._open.before_commit.append(callback)

    def _announce(self, connection: Connection, changes: Changes) -> None:
        """Tell the store's other processes, in this write's own transaction."""
        if not changes:
            return
        if not self.is_sqlite:
            connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                               {"channel": NOTIFY_CHANNEL, "payload": f"{self.origin}:{changes.value}"})
            return
        now = time.time()
        connection.execute(insert(change_log).values(at=now, origin=self.origin, kinds=changes.value))
        self._announced += 1
        if self._announced % PRUNE_EVERY == 0:  # a notice is read within a second; an hour is plenty
            connection.execute(delete(change_log).where(change_log.c.at < now - 3600))

    def close(self) -> None:
        self.engine.dispose()


class StoreError(EgovopsError):
    """The store cannot be opened: a bad URL, a server that does not answer, a refused login."""


KEYRING_SERVICE = "egovops-database"


def keyring_account(url: URL) -> str:
    """The keyring entry of a PostgreSQL login: user, server and database, never the password."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def parse_location(location: str | Path) -> URL:
    """A SQLite file path or a PostgreSQL URL, as SQLAlchemy's URL with egovops's driver choice."""
    text = str(location)
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).resolve()}")
    try:
        url = make_url(text)
    except Exception:  # SQLAlchemy raises ArgumentError with the URL (and so any password) in it
        raise StoreError(tr("not a database URL: expected postgresql://USER@HOST:PORT/DATABASE")) from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        if url.password is not None:
            raise StoreError(tr("the database URL must not hold a password: keep it in the OS keyring "
                                "with 'egovops store password'"))
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(tr("unsupported database {kind}: use a SQLite file or postgresql://", kind=backend))


def _keyring_password(url: URL) -> str | None:
    """The password stored for this login, or None (peer or certificate authentication)."""
    if not url.username:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (ImportError, KeyringError, RuntimeError):
        return None  # no keyring here: the server may not need a password; if it does, it says so


def engine_for(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    password = _keyring_password(url)
    connect_args: dict[str, Any] = {"connect_timeout": 10, "application_name": "egovops"}
    if password is not None:
        connect_args["password"] = password
    # pre_ping: a desk left open overnight finds its pooled connections closed by the server.
    return create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)


def open_database(location: str | Path) -> Database:
    """Open (creating and migrating as needed) the store at a SQLite file path or a database URL."""
    url = parse_location(location)
    engine = engine_for(url)
    try:
        upgrade_to_latest(engine)
    except OperationalError as exc:
        engine.dispose()
        if url.get_backend_name() == "sqlite":
            raise
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise StoreError(tr("cannot open the store {where}: {reason}",
                            where=url.render_as_string(hide_password=True), reason=reason)) from None
    return Database(engine)
