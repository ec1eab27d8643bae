"""Rows of the SSH known-hosts store: read, add and forget trusted host keys."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, select

from egovops.storage.database import Database
from egovops.storage.tables.ssh import ssh_known_hosts


@dataclass(frozen=True)
class KnownHostKey:
    """A host key an operator trusted for one (host, port)."""

    host: str
    port: int
    key_type: str  # as the key names itself: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256…
    key_base64: str
    fingerprint_sha256: str  # "SHA256:…", as OpenSSH prints it
    first_seen: float
    trusted_by: str


def _row_to_key(row: object) -> KnownHostKey:
    return KnownHostKey(
        row.host, row.port, row.key_type, row.key_base64,  # type: ignore[attr-defined]
        row.fingerprint_sha256, row.first_seen, row.trusted_by,  # type: ignore[attr-defined]
    )


class SshKnownHostsRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def keys_for(self, host: str, port: int) -> list[KnownHostKey]:
        query = select(ssh_known_hosts).where(and_(ssh_known_hosts.c.host == host, ssh_known_hosts.c.port == port))
        with self.db.read() as conn:
            return [_row_to_key(r) for r in conn.execute(query.order_by(ssh_known_hosts.c.key_type))]

    def all(self) -> list[KnownHostKey]:
        query = select(ssh_known_hosts).order_by(ssh_known_hosts.c.host, ssh_known_hosts.c.port, ssh_known_hosts.c.key_type)
        with self.db.read() as conn:
            return [_row_to_key(r) for r in conn.execute(query)]

    def add(self, key: KnownHostKey) -> None:
        """Store a trusted key; an existing row for the same (host, port, key type) is kept as is."""
        where = and_(
            ssh_known_hosts.c.host == key.host, ssh_known_hosts.c.port == key.port,
            ssh_known_hosts.c.key_type == key.key_type,
        )
        with self.db.write() as conn:
            if conn.execute(select(ssh_known_hosts.c.host).where(where)).first() is not None:
                return
            conn.execute(ssh_known_hosts.insert().values(
                host=key.host, port=key.port, key_type=key.key_type, key_base64=key.key_base64,
                fingerprint_sha256=key.fingerprint_sha256, first_seen=key.first_seen, trusted_by=key.trusted_by,
            ))

    def forget(self, host: str, port: int) -> int:
        """Remove every key of (host, port); returns how many rows went."""
        with self.db.write() as conn:
            done = conn.execute(delete(ssh_known_hosts).where(
                and_(ssh_known_hosts.c.host == host, ssh_known_hosts.c.port == port)))
            return done.rowcount or 0
