"""The store: SQLAlchemy Core over SQLite (embedded) or PostgreSQL (shared), its tables and migrations.

SQL is written only here (the repositories of the inventory, states, alarms, accounts, procedures'
configurations and SSH host keys, which several features share) and in each feature's own
``repo.py`` (``egovops.polling.repo``, ``egovops.topology.repo``, ``egovops.audit.repo``, …), which
sits beside the data classes it stores so that this package imports nothing above the inventory
model. Widgets and plugins never write SQL.
"""

from egovops.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
