"""The change log other processes read to learn what a write changed (SQLite's store watcher).

PostgreSQL announces each write with NOTIFY instead and leaves this table empty; it exists on both
so the two schemas stay the same.

Revision ID: 0010_change_log
Revises: 0001_inventory
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_change_log"
down_revision = "0001_inventory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("kinds", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_log")
