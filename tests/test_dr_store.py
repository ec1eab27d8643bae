"""Migration 0012_dr creates exactly the tables the code describes, on both stores."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from egovops.storage.database import Database
from egovops.storage.tables import dr as dr_tables
from egovops.storage.tables import metadata

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_migration_matches_the_table_definitions(database: Database) -> None:
    ours = {name for name in metadata.tables if name.startswith("dr_")}
    assert ours == {"dr_peers", "dr_drills", "dr_verdicts", "dr_link_probes"}
    assert ours == {t.name for t in vars(dr_tables).values() if getattr(t, "name", "").startswith("dr_")}
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, metadata) if "dr_" in repr(d)]
    assert diff == []
