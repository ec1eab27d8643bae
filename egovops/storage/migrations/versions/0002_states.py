"""Device state transitions and monitored spans (the input of availability).

Revision ID: 0002_states
Revises: 0001_inventory
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_states"
down_revision = "0001_inventory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "state_transitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("previous", sa.String(20)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("root_cause_device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="SET NULL")),
    )
    op.create_index("ix_state_transitions_device_at", "state_transitions", ["device_id", "at"])
    op.create_table(
        "monitored_spans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Float, nullable=False),
        sa.Column("end", sa.Float, nullable=False),
    )
    op.create_index("ix_monitored_spans_device_start", "monitored_spans", ["device_id", "start"])


def downgrade() -> None:
    op.drop_table("monitored_spans")
    op.drop_table("state_transitions")
