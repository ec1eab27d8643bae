"""Sign-in on a shared store (issue 17): failed attempts and locks per account name, and the
command line's sessions.

``account_signin`` is keyed by the name typed, not by an account: an unknown name is counted and
locked like a real one, so the answers to a guesser do not tell which names exist.

``account_sessions`` keeps only the SHA-256 of each command-line session token (the token itself
is in the signed-in user's OS keyring): a copy of the store does not let anyone act as a session.
"""

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Table

from egovops.storage.tables import metadata

account_signin = Table(
    "account_signin",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),  # failed attempts since the last success or lock
    Column("locked_until", Float),  # epoch seconds; signing in is refused while now < locked_until
)

account_sessions = Table(
    "account_sessions",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("name", String(200), ForeignKey("local_accounts.name", ondelete="CASCADE"), nullable=False),
    Column("os_user", String(200), nullable=False),  # who signed in, for the audit trail and `whoami`
    Column("issued_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Index("ix_account_sessions_expires_at", "expires_at"),
)
