"""Duty log: shifts and their notes, and an index for reading the audit trail by period.

Revision ID: 0008_duty
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_duty"
down_revision = "0002_states"
branch_labels = None
# The audit trail (indexed below) is created by the procedures branch: run that first.
depends_on = "0006_procedures"


def upgrade() -> None:
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("operator", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float),
        sa.Column("ended_by", sa.String(200)),
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
    # A handover summary reads the audit trail of one shift; without this it scans the whole trail.
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", "audit_log")
    op.drop_index("ix_duty_notes_shift_id", "duty_notes")
    op.drop_table("duty_notes")
    op.drop_index("ix_duty_shifts_started_at", "duty_shifts")
    op.drop_table("duty_shifts")

