"""Local accounts in the store: name, role, scrypt hash. The only SQL that touches them."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from egovops.storage.database import Database
from egovops.storage.tables.procedures import local_accounts


@dataclass(frozen=True)
class AccountRow:
    name: str
    role: str
    password_hash: str
    created_at: float
    disabled: bool


class AccountsRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def get(self, name: str) -> AccountRow | None:
        with self.db.read() as conn:
            r = conn.execute(select(local_accounts).where(local_accounts.c.name == name)).first()
        return AccountRow(r.name, r.role, r.password_hash, r.created_at, bool(r.disabled)) if r else None

    def all(self) -> list[AccountRow]:
        with self.db.read() as conn:
            rows = conn.execute(select(local_accounts).order_by(local_accounts.c.name))
            return [AccountRow(r.name, r.role, r.password_hash, r.created_at, bool(r.disabled)) for r in rows]

    def count(self) -> int:
        with self.db.read() as conn:
            return int(conn.scalar(select(func.count()).select_from(local_accounts)) or 0)

    def save(self, name: str, role: str, password_hash: str) -> None:
        with self.db.write() as conn:
            done = conn.execute(
                update(local_accounts).where(local_accounts.c.name == name).values(role=role, password_hash=password_hash, disabled=False)
            )
            if done.rowcount == 0:
                conn.execute(local_accounts.insert().values(
                    name=name, role=role, password_hash=password_hash, created_at=time.time(), disabled=False
                ))

    def set_role(self, name: str, role: str) -> bool:
        with self.db.write() as conn:
            return conn.execute(update(local_accounts).where(local_accounts.c.name == name).values(role=role)).rowcount > 0

    def set_disabled(self, name: str, disabled: bool) -> bool:
        with self.db.write() as conn:
            done = conn.execute(update(local_accounts).where(local_accounts.c.name == name).values(disabled=disabled))
            return done.rowcount > 0

    def remove(self, name: str) -> bool:
        with self.db.write() as conn:
            return conn.execute(delete(local_accounts).where(local_accounts.c.name == name)).rowcount > 0
