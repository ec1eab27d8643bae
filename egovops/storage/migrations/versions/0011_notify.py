"""Notifications: channels, recipients, rules, rota, per-alarm state, outbox and attempts.

Revision ID: 0011_notify
Revises: 0003_polling
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_notify"
down_revision = "0003_polling"  # the alarms table, which the outbox and the per-alarm state refer to
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notify_channels",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "notify_recipients",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("language", sa.String(10), nullable=False, server_default="zh_CN"),
        sa.Column("operator", sa.String(200), nullable=False, server_default=""),
        sa.Column("addresses", sa.JSON, nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
        sa.Column("quiet_hours", sa.String(11), nullable=False, server_default=""),
        sa.Column("tz", sa.String(64), nullable=False, server_default="Asia/Shanghai"),
    )
    op.create_table(
        "notify_rules",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("severities", sa.JSON, nullable=False),
        sa.Column("kinds", sa.JSON, nullable=False),
        sa.Column("network", sa.String(200), nullable=False, server_default=""),
        sa.Column("site", sa.String(1000), nullable=False, server_default=""),
        sa.Column("owner_unit", sa.String(200), nullable=False, server_default=""),
        sa.Column("levels", sa.JSON, nullable=False),
        sa.Column("escalate_after_s", sa.Float, nullable=False, server_default="900"),
        sa.Column("repeat_s", sa.Float, nullable=False, server_default="900"),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "notify_rota",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("site", sa.String(1000), nullable=False, server_default=""),
        sa.Column("level", sa.Integer, nullable=False, server_default="1"),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("starts_at", sa.Float, nullable=False),
        sa.Column("ends_at", sa.Float),
    )
    op.create_index("ix_notify_rota_starts_at", "notify_rota", ["starts_at"])
    op.create_table(
        "notify_alarm_state",
        sa.Column("alarm_id", sa.Integer, sa.ForeignKey("alarms.id", ondelete="CASCADE",
                                                        name="fk_notify_alarm_state_alarm_id_alarms"),
                  primary_key=True),
        sa.Column("rule", sa.String(100), nullable=False),
        sa.Column("level", sa.Integer, nullable=False, server_default="0"),
        sa.Column("notified_at", sa.Float, nullable=False),
        sa.Column("escalate_at", sa.Float),
        sa.Column("frozen_since", sa.Float),
        sa.Column("flap_of", sa.Integer),
        sa.Column("recovered_at", sa.Float),
    )
    op.create_table(
        "notify_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("alarm_id", sa.Integer, sa.ForeignKey("alarms.id", ondelete="SET NULL",
                                                        name="fk_notify_outbox_alarm_id_alarms")),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("address", sa.String(500), nullable=False, server_default=""),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("next_attempt_at", sa.Float, nullable=False),
        sa.Column("claimed_by", sa.String(100)),
        sa.Column("claimed_at", sa.Float),
        sa.Column("sent_at", sa.Float),
        sa.UniqueConstraint("idempotency_key", name="uq_notify_outbox_idempotency_key"),
    )
    op.create_index("ix_notify_outbox_state_next", "notify_outbox", ["state", "next_attempt_at"])
    op.create_index("ix_notify_outbox_alarm_id", "notify_outbox", ["alarm_id"])
    op.create_table(
        "notify_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("outbox_id", sa.Integer, sa.ForeignKey("notify_outbox.id", ondelete="CASCADE",
                                                         name="fk_notify_attempts_outbox_id_notify_outbox"),
                  nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("duration_s", sa.Float, nullable=False),
    )
    op.create_index("ix_notify_attempts_outbox_id", "notify_attempts", ["outbox_id"])


def downgrade() -> None:
    op.drop_table("notify_attempts")
    op.drop_table("notify_outbox")
    op.drop_table("notify_alarm_state")
    op.drop_table("notify_rota")
    op.drop_table("notify_rules")
    op.drop_table("notify_recipients")
    op.drop_table("notify_channels")
