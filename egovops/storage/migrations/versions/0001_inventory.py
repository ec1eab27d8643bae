"""Inventory: networks, sites, devices, links, credential profile metadata, settings.

Revision ID: 0001_inventory
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_inventory"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "networks",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("cidrs", sa.JSON, nullable=False),
        sa.Column("migration_state", sa.String(20)),
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.String(1000), nullable=False, unique=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="RESTRICT"), index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("dr_role", sa.String(20)),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("address", sa.String(255), nullable=False),
        sa.Column("snmp_port", sa.Integer, nullable=False),
        sa.Column("ssh_port", sa.Integer, nullable=False),
        sa.Column("network", sa.String(200), sa.ForeignKey("networks.name", ondelete="RESTRICT"), nullable=False, index=True),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="RESTRICT"), nullable=False, index=True),
        sa.Column("vendor", sa.String(100), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("security_domain", sa.String(200), nullable=False),
        sa.Column("protection_level", sa.Integer),
        sa.Column("owner_unit", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("credential_profile", sa.String(200), nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
    )
    op.create_table(
        "links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("a_device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("a_interface", sa.String(200), nullable=False),
        sa.Column("b_device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("b_interface", sa.String(200), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("first_seen", sa.Float),
        sa.Column("last_seen", sa.Float),
        sa.Column("missing_since", sa.Float),
        sa.UniqueConstraint("a_device_id", "a_interface", "b_device_id", "b_interface", name="uq_links_ends"),
    )
    op.create_table(
        "credential_profiles",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    # The two government networks always exist; private networks are added as they are declared.
    networks = sa.table(
        "networks",
        sa.column("name"), sa.column("kind"), sa.column("cidrs", sa.JSON),
        sa.column("migration_state"), sa.column("description"),
    )
    op.bulk_insert(
        networks,
        [
            {"name": "intranet", "kind": "intranet", "cidrs": [], "migration_state": None, "description": "电子政务内网"},
            {"name": "extranet", "kind": "extranet", "cidrs": [], "migration_state": None, "description": "电子政务外网"},
        ],
    )


def downgrade() -> None:
    for table in ("settings", "credential_profiles", "links", "devices", "sites", "networks"):
        op.drop_table(table)
