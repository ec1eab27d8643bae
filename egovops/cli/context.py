"""What every command needs: the data folder and the store, opened once and only when used."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import click

from egovops.credentials.service import CredentialService
from egovops.logs import setup_logging
from egovops.paths import data_dir, database_path
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository


@dataclass
class AppContext:
    data_dir_override: str | None = None
    database_override: str | None = None
    _closers: list[Database] = field(default_factory=list)

    @cached_property
    def data_dir(self) -> Path:
        folder = data_dir(self.data_dir_override)
        setup_logging(folder)
        return folder

    @cached_property
    def database(self) -> Database:
        folder = self.data_dir  # sets up logging: a shared store's commands log to the data folder too
        db = open_database(self.database_override or database_path(folder))
        self._closers.append(db)
        return db

    @cached_property
    def inventory(self) -> InventoryRepository:
        return InventoryRepository(self.database)

    @cached_property
    def credentials(self) -> CredentialService:
        return CredentialService(self.database)

    def close(self) -> None:
        for db in self._closers:
            db.close()


pass_app = click.make_pass_decorator(AppContext)
