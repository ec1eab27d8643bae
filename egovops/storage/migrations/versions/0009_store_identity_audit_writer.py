"""The store's own identity (a UUID) and the writer whose key authenticates each audit row.

The UUID names this store's entries in the OS keyring (credential secrets, the audit key and
anchor), so two data folders on one desktop never share or overwrite each other's entries;
``legacy_keyring_moved`` records that entries named by profile only were copied to those names.
``audit_log.writer`` is empty for rows hashed before the chain was keyed (plain SHA-256).

Revision ID: 0009_store_identity_audit_writer
Revises: 0006_procedures
Create Date: 2026-12-06
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009_store_identity_audit_writer"
down_revision = "0006_procedures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer, primary_key=True),  # always 1: a single row
        sa.Column("uuid", sa.String(36), nullable=False),
        # Keyring entries named by profile only (before the store had a UUID) were copied to its names.
        sa.Column("legacy_keyring_moved", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.bulk_insert(identity, [{"id": 1, "uuid": str(uuid.uuid4())}])
    op.add_column("audit_log", sa.Column("writer", sa.String(64), nullable=False, server_default=""))
    # The head row exists from the start, so every append can lock it (a row lock on PostgreSQL)
    # before reading it, and two first appends cannot both insert it.
    op.execute("INSERT INTO audit_head (id, last_id, last_hash) SELECT 1, 0, '" + "0" * 64 + "' "
               "WHERE NOT EXISTS (SELECT 1 FROM audit_head WHERE id = 1)")


def downgrade() -> None:
    op.drop_column("audit_log", "writer")
    op.drop_table("store_identity")
