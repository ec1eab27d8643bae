"""Sign-in on a shared store: failed attempts and locks per name, the command line's sessions.

Revision ID: 0011_signin
Revises: 0006_procedures
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_signin"
down_revision = "0006_procedures"  # local_accounts, which sessions reference
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_signin",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.Float),
    )
    op.create_table(
        "account_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), sa.ForeignKey("local_accounts.name", ondelete="CASCADE",
                                                        name="fk_account_sessions_name_local_accounts"),
                  nullable=False),
        sa.Column("os_user", sa.String(200), nullable=False),
        sa.Column("issued_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_account_sessions_expires_at", "account_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("account_sessions")
    op.drop_table("account_signin")
