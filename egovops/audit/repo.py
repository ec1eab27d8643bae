"""Appending to and reading the hash-chained audit log. The only SQL that touches it.

An append locks the head row *before* reading it, inside its write transaction: on SQLite the
UPDATE takes the database's write lock (other processes wait on busy_timeout), on PostgreSQL it is
a row lock on the head. Reading the head first and writing later let two processes chain onto the
same row and collide on the next id. The anchor in the keyring moves inside the same transaction,
so it only ever moves forward.
"""

from __future__ import annotations

import time
from typing import Iterator

from sqlalchemy import Connection, func, select

from egovops.audit.chain import GENESIS, AuditRow, row_hash
from egovops.audit.keys import AuditKeyring
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid
from egovops.storage.tables.procedures import audit_head, audit_log


def _row(r: object) -> AuditRow:
    return AuditRow(
        id=r.id, at=r.at, actor=r.actor, role=r.role, action=r.action, subject=r.subject,  # type: ignore[attr-defined]
        details=r.details, output_digest=r.output_digest, prev_hash=r.prev_hash, hash=r.hash,  # type: ignore[attr-defined]
        writer=r.writer,  # type: ignore[attr-defined]
    )


class AuditRepository:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.keys = AuditKeyring(database)

    def ready(self) -> None:
        """Read what an append needs from outside the store (the store's identity, this process's
        key) before a caller opens the write the append will join."""
        store_uuid(self.db)
        self.keys.known_writer()

    def append(
        self, *, actor: str, role: str, action: str, subject: str, details: str, output_digest: str,
        at: float | None = None,
    ) -> AuditRow:
        store_uuid(self.db)  # read (or made) before the write lock is taken
        writer = self.keys.known_writer()  # outside the lock: the keyring may ask to be unlocked
        with self.db.write() as conn:
            self._lock_head(conn)
            last_id, last_hash = self._tip(conn)
            if writer is None:
                writer = self.keys.writer_key()  # inside the lock: one process makes the key, the others find it
            fields = dict(
                id=last_id + 1, at=float(at if at is not None else time.time()), actor=actor, role=role,
                action=action, subject=subject, details=details, output_digest=output_digest, prev_hash=last_hash,
                writer=writer.writer if writer else "",
            )
            hashed = row_hash(**fields, key=writer.key if writer else None)  # type: ignore[arg-type]
            conn.execute(audit_log.insert().values(**fields, hash=hashed))
            self._move_head(conn, fields["id"], hashed)  # type: ignore[arg-type]
            if writer:
                # At the commit of the outermost write, which may be a caller's change with this
                # row (one transaction): an anchor moved now would name a row a rollback removes.
                row_id, key_writer = last_id + 1, writer
                self.db.before_commit(lambda: self.keys.move_anchor(key_writer, row_id, hashed))
        return AuditRow(**fields, hash=hashed)  # type: ignore[arg-type]

    @staticmethod
    def _lock_head(conn: Connection) -> None:
        conn.execute(audit_head.update().where(audit_head.c.id == 1).values(last_id=audit_head.c.last_id))

    @staticmethod
    def _tip(conn: Connection) -> tuple[int, str]:
        # The head row, not MAX(id): if the newest rows were deleted by hand, new rows still chain
        # onto what the head remembers, and verify keeps reporting the gap.
        head = conn.execute(select(audit_head.c.last_id, audit_head.c.last_hash).where(audit_head.c.id == 1)).first()
        return (head.last_id, head.last_hash) if head else (0, GENESIS)

    @staticmethod
    def _move_head(conn: Connection, last_id: int, last_hash: str) -> None:
        done = conn.execute(
            audit_head.update().where(audit_head.c.id == 1).values(last_id=last_id, last_hash=last_hash)
        )
        if done.rowcount == 0:
            conn.execute(audit_head.insert().values(id=1, last_id=last_id, last_hash=last_hash))

    def rows(self, since_id: int = 0) -> Iterator[AuditRow]:
        with self.db.read() as conn:
            query = select(audit_log).where(audit_log.c.id > since_id).order_by(audit_log.c.id)
            for r in conn.execute(query):
                yield _row(r)

    def head(self) -> tuple[int, str] | None:
        with self.db.read() as conn:
            head = conn.execute(select(audit_head.c.last_id, audit_head.c.last_hash).where(audit_head.c.id == 1)).first()
        return (head.last_id, head.last_hash) if head else None

    def recent(self, limit: int = 50) -> list[AuditRow]:
        with self.db.read() as conn:
            query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
            return [_row(r) for r in conn.execute(query)]

    def count_since(self, action: str, subject: str, since: float) -> int:
        """How many rows of ``action`` on ``subject`` were appended at or after ``since``."""
        query = select(func.count()).select_from(audit_log).where(
            audit_log.c.action == action, audit_log.c.subject == subject, audit_log.c.at >= since
        )
        with self.db.read() as conn:
            return int(conn.scalar(query) or 0)
