"""SSH known-hosts store (host keys an operator trusted, with fingerprint, when and by whom).

Revision ID: 0005_ssh
Revises: 0002_states
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_ssh"
down_revision = "0002_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ssh_known_hosts",
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer, nullable=False),
        sa.Column("key_type", sa.String(100), nullable=False),
        sa.Column("key_base64", sa.Text, nullable=False),
        sa.Column("fingerprint_sha256", sa.String(100), nullable=False),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("trusted_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("host", "port", "key_type", name="pk_ssh_known_hosts"),
    )


def downgrade() -> None:
    op.drop_table("ssh_known_hosts")
