"""Table definitions, one module per area of the product, all on one MetaData.

A module here describes the current shape of its tables for queries; the Alembic revisions in
``storage/migrations/versions`` are what create and change them in a real database.
"""

from sqlalchemy import MetaData

# Named constraints let Alembic alter them later on SQLite (batch mode) and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
