"""egovops's own SSH known-hosts store: one row per (host, port, key type) an operator trusted.

Kept in the store rather than ~/.ssh/known_hosts so that every console and poller on an ops-centre
desktop verifies against the same decisions, and each decision says who made it and when.
"""

from sqlalchemy import Column, Float, Integer, PrimaryKeyConstraint, String, Table, Text

from egovops.storage.tables import metadata

ssh_known_hosts = Table(
    "ssh_known_hosts",
    metadata,
    Column("host", String(255), nullable=False),
    Column("port", Integer, nullable=False),
    Column("key_type", String(100), nullable=False),
    Column("key_base64", Text, nullable=False),
    Column("fingerprint_sha256", String(100), nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("trusted_by", String(200), nullable=False),
    PrimaryKeyConstraint("host", "port", "key_type"),
)
