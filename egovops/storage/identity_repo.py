"""The store's own identity: a UUID made when the store was created (revision 0009), which names
this store's entries in the OS keyring."""

from __future__ import annotations

import uuid
import weakref

from sqlalchemy import select

from egovops.storage.database import Database
from egovops.storage.tables.procedures import store_identity

_cache: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


def store_uuid(database: Database) -> str:
    cached = _cache.get(database)
    if cached is not None:
        return cached
    with database.read() as conn:
        found = conn.scalar(select(store_identity.c.uuid).where(store_identity.c.id == 1))
    if found is None:  # the row was deleted by hand: make a new identity rather than fail every write
        with database.write() as conn:
            found = conn.scalar(select(store_identity.c.uuid).where(store_identity.c.id == 1))
            if found is None:
                found = str(uuid.uuid4())
                conn.execute(store_identity.insert().values(id=1, uuid=found))
    _cache[database] = found
    return found
