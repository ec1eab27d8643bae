"""Polling settings kept in the store's ``settings`` table (a JSON document under the key ``polling``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select

from egovops.polling.settings import PollingSettings
from egovops.storage.database import Database
from egovops.storage.tables.inventory import settings

POLLING_KEY = "polling"


class PollingSettingsRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def get(self, key: str) -> Any:
        with self.db.read() as conn:
            return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()

    def put(self, key: str, value: Any) -> None:
        with self.db.write() as conn:
            conn.execute(delete(settings).where(settings.c.key == key))
            conn.execute(insert(settings).values(key=key, value=value))

    def polling(self) -> PollingSettings:
        return PollingSettings.from_json(self.get(POLLING_KEY))

    def save_polling(self, value: PollingSettings) -> None:
        self.put(POLLING_KEY, value.to_json())
