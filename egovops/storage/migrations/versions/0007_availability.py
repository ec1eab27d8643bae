"""Maintenance windows, and a covering index for reading transitions by period.

Revision ID: 0007_availability
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_availability"
down_revision = "0002_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maintenance_windows",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope_kind", sa.String(20), nullable=False),
        sa.Column("scope", sa.String(1000), nullable=False),
        sa.Column("starts_local", sa.String(32), nullable=False),
        sa.Column("duration", sa.Float, nullable=False),
        sa.Column("recurrence", sa.String(20), nullable=False),
        sa.Column("until", sa.Date),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index(
        "ix_state_transitions_covering", "state_transitions", ["device_id", "at", "state", "root_cause_device_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_state_transitions_covering", "state_transitions")
    op.drop_table("maintenance_windows")
