"""The change log: one row per committed write on the embedded store, read by other processes.

A write's own transaction adds its row, so a row exists exactly when the write committed. Rows are
only a notice ("these kinds of data changed, written by that process"), kept an hour at most.
"""

from sqlalchemy import Column, Float, Integer, String, Table

from egovops.storage.tables import metadata

change_log = Table(
    "change_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("origin", String(32), nullable=False),  # the writing Database's own token
    Column("kinds", Integer, nullable=False),  # a Changes flag value
)
