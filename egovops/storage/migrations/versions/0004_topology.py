"""Topology discovery: device identities and interfaces, link sightings, candidates, map positions, runs.

Revision ID: 0004_topology
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_topology"
down_revision = "0002_states"
branch_labels = None
depends_on = None


def _device_fk(name: str = "device_id", **kw: object) -> sa.Column:
    return sa.Column(name, sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False, **kw)


def upgrade() -> None:
    op.create_table(
        "topology_identities",
        _device_fk(primary_key=True),
        sa.Column("chassis_id", sa.String(200), nullable=False, server_default=""),
        sa.Column("sys_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("addresses", sa.JSON, nullable=False),
        sa.Column("walked_at", sa.Float, nullable=False),
    )
    op.create_table(
        "topology_interfaces",
        _device_fk(),
        sa.Column("if_index", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("descr", sa.Text, nullable=False, server_default=""),
        sa.Column("alias", sa.Text, nullable=False, server_default=""),
        sa.Column("mac", sa.String(20), nullable=False, server_default=""),
        sa.Column("speed_mbps", sa.Integer),
        sa.Column("oper_status", sa.String(20), nullable=False, server_default=""),
        sa.Column("walked_at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("device_id", "if_index", name="pk_topology_interfaces"),
    )
    op.create_table(
        "topology_link_sightings",
        sa.Column("link_id", sa.Integer, sa.ForeignKey("links.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("protocol", sa.String(10), nullable=False),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
    )
    op.create_table(
        "topology_candidates",
        sa.Column("id", sa.Integer, primary_key=True),
        _device_fk("seen_by_device_id"),
        sa.Column("local_interface", sa.String(200), nullable=False),
        sa.Column("neighbour_key", sa.String(255), nullable=False),
        sa.Column("protocol", sa.String(10), nullable=False),
        sa.Column("chassis_id", sa.String(200), nullable=False, server_default=""),
        sa.Column("sys_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("port", sa.String(200), nullable=False, server_default=""),
        sa.Column("address", sa.String(100), nullable=False, server_default=""),
        sa.Column("sys_desc", sa.Text, nullable=False, server_default=""),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
        sa.UniqueConstraint("seen_by_device_id", "local_interface", "neighbour_key", name="uq_topology_candidates_seen"),
    )
    op.create_table(
        "topology_positions",
        _device_fk(primary_key=True),
        sa.Column("layer", sa.String(200), nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "topology_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("finished_at", sa.Float, nullable=False),
        sa.Column("walked", sa.Integer, nullable=False),
        sa.Column("failed", sa.JSON, nullable=False),
        sa.Column("links_new", sa.Integer, nullable=False),
        sa.Column("links_confirmed", sa.Integer, nullable=False),
        sa.Column("links_missing", sa.Integer, nullable=False),
        sa.Column("candidates", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("topology_runs", "topology_positions", "topology_candidates", "topology_link_sightings",
                  "topology_interfaces", "topology_identities"):
        op.drop_table(table)
