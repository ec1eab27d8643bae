"""Collectors and device leases: who polls what on a shared store.

Revision ID: 0011_collectors
Revises: 0001_inventory
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_collectors"
down_revision = "0001_inventory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collectors",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("zone", sa.Text, nullable=False, server_default=""),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("heartbeat_at", sa.Float, nullable=False),
        sa.Column("stopped_at", sa.Float),
        sa.Column("last_cycle_at", sa.Float),
        sa.Column("last_cycle_s", sa.Float),
        sa.Column("devices_held", sa.Integer, nullable=False, server_default="0"),
        sa.Column("overruns", sa.Integer, nullable=False, server_default="0"),
        sa.Column("cpu_percent", sa.Float),
        sa.Column("rss_bytes", sa.BigInteger),
        sa.Column("profiles", sa.Text, nullable=False, server_default="[]"),
    )
    op.create_table(
        "device_leases",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE",
                                                         name="fk_device_leases_device_id_devices"),
                  primary_key=True),
        sa.Column("holder", sa.String(100), nullable=False),
        sa.Column("acquired_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_device_leases_holder", "device_leases", ["holder"])
    op.create_index("ix_device_leases_expires_at", "device_leases", ["expires_at"])


def downgrade() -> None:
    op.drop_table("device_leases")
    op.drop_table("collectors")
