"""Events: every SNMP trap and syslog line received (issue 19), and the counts of what was not kept.

``events`` is append-only and large (a law asks for 180 days of it). On PostgreSQL the migration
makes it a table partitioned by day on ``received_at`` (egovops.events.partitions creates each
day's partition before the first row lands and drops whole days at retention); on SQLite it is one
table pruned by DELETE. So the primary key includes ``received_at`` (PostgreSQL wants the
partition key in every unique constraint), and there is no foreign key to ``devices``: an event
must outlive the removal of its device, which is why the device's name is copied in too.

``event_counters`` holds per day and source what was counted instead of stored: traps with a wrong
community or v3 keys, lines beyond a storm's limit, lines that could not be parsed.
"""

from sqlalchemy import JSON, BigInteger, Column, Float, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from egovops.storage.tables import metadata

EVENT_KINDS = ("trap", "syslog")

events = Table(
    "events",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), nullable=False, autoincrement=True),
    Column("received_at", Float, nullable=False),
    Column("sent_at", Float),  # the device's own timestamp, when it gave one
    Column("device_id", Integer),  # None: the source is not in the inventory
    Column("device", String(200), nullable=False, default=""),  # its name when received
    Column("source", String(255), nullable=False),  # the sender's address
    Column("kind", String(10), nullable=False),  # EVENT_KINDS
    Column("severity", String(10), nullable=False),  # an alarm severity (ALARM_SEVERITIES)
    Column("module", String(100), nullable=False, default=""),  # Huawei/H3C module, Cisco facility, trap MIB
    Column("mnemonic", String(200), nullable=False, default=""),  # brief/digest/mnemonic, or the trap's name
    Column("text", Text, nullable=False, default=""),
    Column("varbinds", JSON),  # traps: [[oid, name, value], ...]
    Column("rule", String(100), nullable=False, default=""),  # the rule that matched, "" for none
    PrimaryKeyConstraint("id", "received_at", name="pk_events"),
    Index("ix_events_received_at", "received_at"),
    Index("ix_events_device_id_received_at", "device_id", "received_at"),
)

event_counters = Table(
    "event_counters",
    metadata,
    Column("day", Float, nullable=False),  # epoch seconds of the UTC day's start
    Column("source", String(255), nullable=False),
    Column("counter", String(40), nullable=False),  # bad_auth, storm_dropped, global_dropped, unparsed
    Column("count", BigInteger, nullable=False, default=0),
    Column("last_at", Float, nullable=False),
    PrimaryKeyConstraint("day", "source", "counter", name="pk_event_counters"),
)
