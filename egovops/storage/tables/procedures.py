"""Tables of maintenance procedures: the audit trail, configuration versions, local accounts.

The audit log is hash-chained (each row carries the hash of the row before it) and its newest
row is also recorded in ``audit_head``, so that deleting the last rows is as visible as editing
one. On SQLite, triggers (created by revision 0006) refuse UPDATE and DELETE on ``audit_log``.
"""

from sqlalchemy import Boolean, Column, Float, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy import false as sa_false

from egovops.storage.tables import metadata

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("at", Float, nullable=False),  # epoch seconds, UTC
    Column("actor", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("action", String(100), nullable=False),
    Column("subject", String(500), nullable=False),
    # Canonical JSON (sorted keys, no spaces): hashed exactly as stored, never re-serialised.
    Column("details", Text, nullable=False),
    Column("output_digest", String(64), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # The writer (its key's fingerprint) whose key the hash is an HMAC with; "" for rows hashed
    # before the chain was keyed, or written while no keyring was available.
    Column("writer", String(64), nullable=False, server_default=""),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: a single row
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

# The store's own identity: names its entries in the OS keyring (see revision 0009).
store_identity = Table(
    "store_identity",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: a single row
    Column("uuid", String(36), nullable=False),
    # Keyring entries named by profile only (before the store had a UUID) were copied to its names.
    Column("legacy_keyring_moved", Boolean, nullable=False, server_default=sa_false()),
)

config_versions = Table(
    "config_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    # By name, not foreign key: a removed device's configuration history stays on record.
    Column("device", String(200), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("taken_at", Float, nullable=False),
    Column("run_id", String(64), nullable=False),
    Column("source_command", String(200), nullable=False),
    # Secrets are masked BEFORE the text is stored: the store never holds a device secret.
    Column("text", Text, nullable=False),
    Column("digest", String(64), nullable=False),
    UniqueConstraint("device", "version", name="uq_config_versions_device_version"),
)

local_accounts = Table(
    "local_accounts",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(400), nullable=False),  # scrypt, salted; never the password
    Column("created_at", Float, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)
