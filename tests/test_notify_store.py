"""Migration 0011_notify creates exactly the tables the code describes, on both stores."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from egovops.storage.database import Database
from egovops.storage.tables import metadata
from egovops.storage.tables import notify as notify_tables

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_migration_matches_the_table_definitions(database: Database) -> None:
    ours = {name for name in metadata.tables if name.startswith("notify_")}
    assert ours == {t.name for t in vars(notify_tables).values() if getattr(t, "name", "").startswith("notify_")}
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, metadata) if "notify_" in repr(d)]
    assert diff == []
