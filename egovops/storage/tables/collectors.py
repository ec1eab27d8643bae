"""Collectors and the device leases they hold (shared store, issues 17 and 18).

A collector (or a hand-started poller) is a process that polls a zone of the inventory. It
announces itself in ``collectors`` and refreshes its heartbeat every cycle, so every desk can see
who is watching what, and a collector that stopped reporting can be told from one that is idle.

``device_leases`` gives each device one writer at a time: a poller polls only devices whose lease it
holds, renews its leases every cycle, and a lease past ``expires_at`` may be taken by another
poller (a crashed one's devices are picked up). Names only here: never a secret.
"""

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata

collectors = Table(
    "collectors",
    metadata,
    Column("name", String(100), primary_key=True),  # unique per store; the lease holder's name
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("version", String(40), nullable=False),
    Column("zone", Text, nullable=False, default=""),  # the zone selector as the operator wrote it; "" is everything
    Column("started_at", Float, nullable=False),
    Column("heartbeat_at", Float, nullable=False),
    Column("stopped_at", Float),  # set by a clean stop; a crash leaves it empty and the heartbeat old
    Column("last_cycle_at", Float),
    Column("last_cycle_s", Float),
    Column("devices_held", Integer, nullable=False, default=0),
    Column("overruns", Integer, nullable=False, default=0),
    Column("cpu_percent", Float),
    Column("rss_bytes", BigInteger),
    Column("profiles", Text, nullable=False, default="[]"),  # JSON list of credential profile names its keyring holds
)

device_leases = Table(
    "device_leases",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("holder", String(100), nullable=False),  # a collectors.name (not a foreign key: a lease outlives a row)
    Column("acquired_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Index("ix_device_leases_holder", "holder"),
    Index("ix_device_leases_expires_at", "expires_at"),
)
