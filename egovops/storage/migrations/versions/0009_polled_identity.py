"""What polling learns about a device (vendor, model, OS, version, serial) and each board's figures.

The discovered identity has a table of its own, apart from the operator's inventory row: it fills
the fields an operator left empty and never overwrites one an operator entered.

Revision ID: 0009_polled_identity
Revises: 0003_polling
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_polled_identity"
down_revision = "0003_polling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "polled_identity",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("vendor", sa.String(100), nullable=False, server_default=""),
        sa.Column("model", sa.String(200), nullable=False, server_default=""),
        sa.Column("os", sa.String(200), nullable=False, server_default=""),
        sa.Column("version", sa.String(200), nullable=False, server_default=""),
        sa.Column("serial", sa.String(200), nullable=False, server_default=""),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    with op.batch_alter_table("device_status") as batch:
        batch.add_column(sa.Column("boards", sa.JSON))  # [{name, cpu_percent, mem_percent, temperature_c, index}]


def downgrade() -> None:
    with op.batch_alter_table("device_status") as batch:
        batch.drop_column("boards")
    op.drop_table("polled_identity")
