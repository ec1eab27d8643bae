"""SNMP polling: device/interface status, samples and hourly rollups, alarms, poller self-stats.

Revision ID: 0003_polling
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_polling"
down_revision = "0002_states"
branch_labels = None
depends_on = None


def _device_fk() -> sa.Column:
    return sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "device_status",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("since", sa.Float, nullable=False),
        sa.Column("reachable", sa.Boolean),
        sa.Column("reach_method", sa.String(10)),
        sa.Column("uptime_s", sa.Float),
        sa.Column("sys_name", sa.Text),
        sa.Column("sys_descr", sa.Text),
        sa.Column("sys_object_id", sa.String(200)),
        sa.Column("vendor", sa.String(100)),
        sa.Column("model", sa.String(200)),
        sa.Column("os", sa.String(200)),
        sa.Column("cpu_percent", sa.Float),
        sa.Column("mem_percent", sa.Float),
        sa.Column("temperature_c", sa.Float),
        sa.Column("reasons", sa.Text, nullable=False, server_default=""),
        sa.Column("error", sa.Text),
        sa.Column("last_poll", sa.Float, nullable=False),
    )
    op.create_table(
        "interface_status",
        _device_fk(),
        sa.Column("if_index", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("alias", sa.Text, nullable=False, server_default=""),
        sa.Column("if_type", sa.Integer),
        sa.Column("speed_bps", sa.Integer),
        sa.Column("admin_status", sa.Integer),
        sa.Column("oper_status", sa.Integer),
        *(sa.Column(c, sa.Integer) for c in ("in_octets", "out_octets", "in_errors", "out_errors", "in_discards", "out_discards", "counter_bits", "uptime_cs")),
        sa.Column("sampled_at", sa.Float, nullable=False),
        *(sa.Column(c, sa.Float) for c in ("in_bps", "out_bps", "errors_ps", "discards_ps")),
        sa.PrimaryKeyConstraint("device_id", "if_index", name="pk_interface_status"),
    )
    op.create_table(
        "interface_samples",
        sa.Column("id", sa.Integer, primary_key=True),
        _device_fk(),
        sa.Column("if_index", sa.Integer, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        *(sa.Column(c, sa.Float) for c in ("in_bps", "out_bps", "errors_ps", "discards_ps")),
    )
    op.create_index("ix_interface_samples_device_at", "interface_samples", ["device_id", "if_index", "at"])
    op.create_index("ix_interface_samples_at", "interface_samples", ["at"])
    op.create_table(
        "health_samples",
        sa.Column("id", sa.Integer, primary_key=True),
        _device_fk(),
        sa.Column("at", sa.Float, nullable=False),
        *(sa.Column(c, sa.Float) for c in ("cpu_percent", "mem_percent", "temperature_c")),
    )
    op.create_index("ix_health_samples_device_at", "health_samples", ["device_id", "at"])
    op.create_index("ix_health_samples_at", "health_samples", ["at"])
    op.create_table(
        "interface_hourly",
        _device_fk(),
        sa.Column("if_index", sa.Integer, nullable=False),
        sa.Column("hour", sa.Float, nullable=False),
        sa.Column("samples", sa.Integer, nullable=False),
        *(sa.Column(c, sa.Float) for c in ("in_bps_avg", "in_bps_max", "out_bps_avg", "out_bps_max", "errors_ps_avg", "discards_ps_avg")),
        sa.PrimaryKeyConstraint("device_id", "if_index", "hour", name="pk_interface_hourly"),
    )
    op.create_table(
        "health_hourly",
        _device_fk(),
        sa.Column("hour", sa.Float, nullable=False),
        sa.Column("samples", sa.Integer, nullable=False),
        *(sa.Column(c, sa.Float) for c in ("cpu_avg", "cpu_max", "mem_avg", "mem_max", "temperature_max")),
        sa.PrimaryKeyConstraint("device_id", "hour", name="pk_health_hourly"),
    )
    op.create_table(
        "alarms",
        sa.Column("id", sa.Integer, primary_key=True),
        _device_fk(),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False, server_default=""),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
        sa.Column("count", sa.Integer, nullable=False, server_default="1"),
        sa.Column("cleared_at", sa.Float),
        sa.Column("acked_by", sa.String(200)),
        sa.Column("acked_at", sa.Float),
        sa.Column("ack_comment", sa.Text),
        sa.Column("root_alarm_id", sa.Integer, sa.ForeignKey("alarms.id", ondelete="SET NULL")),
        sa.Column("suppressed", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_alarms_device", "alarms", ["device_id"])
    op.create_index(
        "uq_alarms_active", "alarms", ["device_id", "kind", "subject"], unique=True,
        sqlite_where=sa.text("active = 1"), postgresql_where=sa.text("active"),
    )
    op.create_table(
        "poller_stats",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("cycle", sa.String(20), nullable=False),
        sa.Column("interval_s", sa.Float, nullable=False),
        sa.Column("devices", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("overrun", sa.Boolean, nullable=False),
        sa.Column("cpu_percent", sa.Float),
        sa.Column("rss_bytes", sa.Integer),
        sa.Column("open_sockets", sa.Integer),
        sa.Column("threads", sa.Integer),
    )
    op.create_index("ix_poller_stats_at", "poller_stats", ["at"])


def downgrade() -> None:
    for table in ("poller_stats", "alarms", "health_hourly", "interface_hourly", "health_samples", "interface_samples", "interface_status", "device_status"):
        op.drop_table(table)
