"""The one storage layer: SQLAlchemy Core over SQLite (embedded) or PostgreSQL (shared).

Nothing outside this package writes SQL. Widgets and plugins reach data through the repositories
here, so a shared PostgreSQL store later needs no query rewritten.
"""

from egovops.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
