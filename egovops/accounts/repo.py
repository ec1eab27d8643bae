"""The SQL of signing in: failed attempts and locks per name, and the command line's sessions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from egovops.storage.database import Database
from egovops.storage.tables.signin import account_sessions, account_signin


@dataclass(frozen=True)
class SessionRow:
    name: str
    os_user: str
    issued_at: float
    expires_at: float


class SignInRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def locked_until(self, name: str) -> float | None:
        with self.db.read() as conn:
            return conn.scalar(select(account_signin.c.locked_until).where(account_signin.c.name == name))

    def add_failure(self, name: str, limit: int, lock_until: float) -> bool:
        """Count a failed attempt; the ``limit``-th in a row locks the name until ``lock_until``
        (and starts the count again). True if this failure locked it.

        One transaction, the row updated before it is read: two desks failing at once on
        PostgreSQL queue on the row lock, so neither count is lost."""
        for attempt in (1, 2):
            try:
                with self.db.write() as conn:
                    failures = self._incremented(conn, name)
                    if failures < limit:
                        return False
                    conn.execute(update(account_signin).where(account_signin.c.name == name)
                                 .values(failures=0, locked_until=lock_until))
                    return True
            except IntegrityError:  # another desk inserted the first row for this name meanwhile
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _incremented(conn: Connection, name: str) -> int:
        row = account_signin.c
        if conn.execute(update(account_signin).where(row.name == name).values(failures=row.failures + 1)).rowcount == 0:
            conn.execute(insert(account_signin).values(name=name, failures=1, locked_until=None))
        return int(conn.scalar(select(row.failures).where(row.name == name)) or 0)

    def clear(self, name: str) -> bool:
        """Forget failures and any lock (a success, or an admin's unlock); True if it was locked."""
        with self.db.write() as conn:
            was = conn.scalar(select(account_signin.c.locked_until).where(account_signin.c.name == name))
            conn.execute(update(account_signin).where(account_signin.c.name == name)
                         .values(failures=0, locked_until=None))
        return was is not None

    def add_session(self, token_sha256: str, name: str, os_user: str, issued_at: float, expires_at: float) -> None:
        with self.db.write() as conn:
            # Housekeeping on the way: a session past its end can never be used again.
            conn.execute(delete(account_sessions).where(account_sessions.c.expires_at <= issued_at))
            conn.execute(insert(account_sessions).values(token_sha256=token_sha256, name=name, os_user=os_user,
                                                         issued_at=issued_at, expires_at=expires_at))

    def session(self, token_sha256: str) -> SessionRow | None:
        with self.db.read() as conn:
            r = conn.execute(select(account_sessions).where(account_sessions.c.token_sha256 == token_sha256)).first()
        return SessionRow(r.name, r.os_user, r.issued_at, r.expires_at) if r else None

    def remove_session(self, token_sha256: str) -> bool:
        with self.db.write() as conn:
            done = conn.execute(delete(account_sessions).where(account_sessions.c.token_sha256 == token_sha256))
            return done.rowcount > 0

    def remove_sessions_of(self, name: str) -> int:
        with self.db.write() as conn:
            return conn.execute(delete(account_sessions).where(account_sessions.c.name == name)).rowcount
