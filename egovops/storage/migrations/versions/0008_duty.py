"""Duty log: shifts (with the span of the audit trail each one covers) and their notes.

Revision ID: 0008_duty
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_duty"
down_revision = "0002_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("operator", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float),
        sa.Column("ended_by", sa.String(200)),
        sa.Column("audit_from", sa.Integer, nullable=False),
        sa.Column("audit_to", sa.Integer),
    )
    op.create_index("ix_duty_shifts_started_at", "duty_shifts", ["started_at"])
    op.create_table(
        "duty_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("shift_id", sa.Integer, sa.ForeignKey("duty_shifts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_duty_notes_shift_id", "duty_notes", ["shift_id"])


def downgrade() -> None:
    op.drop_index("ix_duty_notes_shift_id", "duty_notes")
    op.drop_table("duty_notes")
    op.drop_index("ix_duty_shifts_started_at", "duty_shifts")
    op.drop_table("duty_shifts")

