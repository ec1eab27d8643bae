"""Disaster-recovery readiness: DR peers, drills, the verdict's history, inter-centre link probes.

Revision ID: 0012_dr
Revises: 0001_inventory
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_dr"
down_revision = "0001_inventory"  # the devices table, which a peer pair refers to
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dr_peers",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE",
                                                         name="fk_dr_peers_device_id_devices"), primary_key=True),
        sa.Column("peer_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE",
                                                       name="fk_dr_peers_peer_id_devices"), primary_key=True),
    )
    op.create_table(
        "dr_drills",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float),
        sa.Column("scope", sa.JSON, nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("started_by", sa.String(200), nullable=False),
        sa.Column("ended_by", sa.String(200)),
    )
    op.create_index("ix_dr_drills_started_at", "dr_drills", ["started_at"])
    op.create_table(
        "dr_verdicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
    )
    op.create_index("ix_dr_verdicts_at", "dr_verdicts", ["at"])
    op.create_table(
        "dr_link_probes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("link", sa.String(1000), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("latency_ms", sa.Float),
        sa.Column("jitter_ms", sa.Float),
        sa.Column("loss_percent", sa.Float, nullable=False),
    )
    op.create_index("ix_dr_link_probes_link_at", "dr_link_probes", ["link", "at"])


def downgrade() -> None:
    op.drop_table("dr_link_probes")
    op.drop_table("dr_verdicts")
    op.drop_table("dr_drills")
    op.drop_table("dr_peers")
