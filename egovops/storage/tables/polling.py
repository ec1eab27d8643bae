"""Tables of SNMP polling: current device and interface status, time series, alarms, poller stats.

Current status is one row per device (and per interface), overwritten each cycle; history lives
in the sample tables (raw, pruned after days) and their hourly rollups (kept for over a year).
State changes are NOT here: they go to ``state_transitions`` (states.py), which availability reads.
"""

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, PrimaryKeyConstraint, String, Table, Text,
    text,
)

from egovops.storage.tables import metadata

device_status = Table(
    "device_status",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("state", String(20), nullable=False),
    Column("since", Float, nullable=False),
    Column("reachable", Boolean),
    Column("reach_method", String(10)),  # "icmp", "snmp" or "local" (the workstation): how reachability was established
    Column("uptime_s", Float),
    Column("sys_name", Text),
    Column("sys_descr", Text),
    Column("sys_object_id", String(200)),
    Column("vendor", String(100)),
    Column("model", String(200)),
    Column("os", String(200)),
    Column("cpu_percent", Float),
    Column("mem_percent", Float),
    Column("temperature_c", Float),
    Column("boards", JSON),  # chassis and stacks: [{name, cpu_percent, mem_percent, temperature_c, index}]
    Column("reasons", Text, nullable=False, default=""),  # why degraded/down, "; "-separated
    Column("error", Text),
    Column("last_poll", Float, nullable=False),
)

# What polling learned about each device; the inventory row (the operator's) is never changed by it.
polled_identity = Table(
    "polled_identity",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("vendor", String(100), nullable=False, default=""),
    Column("model", String(200), nullable=False, default=""),
    Column("os", String(200), nullable=False, default=""),
    Column("version", String(200), nullable=False, default=""),
    Column("serial", String(200), nullable=False, default=""),
    Column("updated_at", Float, nullable=False),
)

interface_status = Table(
    "interface_status",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("if_index", Integer, nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("alias", Text, nullable=False, default=""),
    Column("if_type", Integer),
    Column("speed_bps", BigInteger),
    Column("admin_status", Integer),
    Column("oper_status", Integer),
    # Raw counters and the agent uptime they were read at: the base of the next cycle's rates.
    Column("in_octets", BigInteger),
    Column("out_octets", BigInteger),
    Column("in_errors", BigInteger),
    Column("out_errors", BigInteger),
    Column("in_discards", BigInteger),
    Column("out_discards", BigInteger),
    Column("counter_bits", Integer),  # 64 for ifHC*, 32 for ifIn/OutOctets
    Column("uptime_cs", BigInteger),
    Column("sampled_at", Float, nullable=False),
    Column("in_bps", Float),
    Column("out_bps", Float),
    Column("errors_ps", Float),
    Column("discards_ps", Float),
    PrimaryKeyConstraint("device_id", "if_index", name="pk_interface_status"),
)

# Raw samples: day partitions on PostgreSQL (migration 0011_partitioned_samples, storage/partitions.py)
# where ``id`` is a BIGINT from a sequence, not a key: a province writes about 70 million interface
# samples a day, past a 32-bit id within a month. SQLite keeps its INTEGER PRIMARY KEY (the rowid).
_SAMPLE_ID = BigInteger().with_variant(Integer(), "sqlite")

interface_samples = Table(
    "interface_samples",
    metadata,
    Column("id", _SAMPLE_ID, primary_key=True),
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("if_index", Integer, nullable=False),
    Column("at", Float, nullable=False),
    Column("in_bps", Float),
    Column("out_bps", Float),
    Column("errors_ps", Float),
    Column("discards_ps", Float),
    Index("ix_interface_samples_device_at", "device_id", "if_index", "at"),
    Index("ix_interface_samples_at", "at", postgresql_using="brin"),
)

health_samples = Table(
    "health_samples",
    metadata,
    Column("id", _SAMPLE_ID, primary_key=True),
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("cpu_percent", Float),
    Column("mem_percent", Float),
    Column("temperature_c", Float),
    Index("ix_health_samples_device_at", "device_id", "at"),
    Index("ix_health_samples_at", "at", postgresql_using="brin"),
)

interface_hourly = Table(
    "interface_hourly",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("if_index", Integer, nullable=False),
    Column("hour", Float, nullable=False),  # epoch seconds of the hour's start, UTC
    Column("samples", Integer, nullable=False),
    Column("in_bps_avg", Float),
    Column("in_bps_max", Float),
    Column("out_bps_avg", Float),
    Column("out_bps_max", Float),
    Column("errors_ps_avg", Float),
    Column("discards_ps_avg", Float),
    PrimaryKeyConstraint("device_id", "if_index", "hour", name="pk_interface_hourly"),
)

health_hourly = Table(
    "health_hourly",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("hour", Float, nullable=False),
    Column("samples", Integer, nullable=False),
    Column("cpu_avg", Float),
    Column("cpu_max", Float),
    Column("mem_avg", Float),
    Column("mem_max", Float),
    Column("temperature_max", Float),
    PrimaryKeyConstraint("device_id", "hour", name="pk_health_hourly"),
)

ALARM_SEVERITIES = ("critical", "major", "minor", "warning", "info")

alarms = Table(
    "alarms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(50), nullable=False),
    Column("subject", String(200), nullable=False, default=""),  # e.g. the interface, "" for the device
    Column("severity", String(20), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("message", Text, nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Column("count", Integer, nullable=False, default=1),
    Column("cleared_at", Float),
    Column("acked_by", String(200)),
    Column("acked_at", Float),
    Column("ack_comment", Text),
    # Root-cause analysis (topology area) links symptoms to the alarm that explains them.
    Column("root_alarm_id", Integer, ForeignKey("alarms.id", ondelete="SET NULL")),
    Column("suppressed", Boolean, nullable=False, default=False),
    Index("ix_alarms_device", "device_id"),
    # One active alarm per device, kind and subject: repeats only bump count and last_seen.
    Index(
        "uq_alarms_active", "device_id", "kind", "subject", unique=True,
        sqlite_where=text("active = 1"), postgresql_where=text("active"),
    ),
)

poller_stats = Table(
    "poller_stats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("cycle", String(20), nullable=False),  # status, interfaces, health
    Column("interval_s", Float, nullable=False),
    Column("devices", Integer, nullable=False),
    Column("failed", Integer, nullable=False),
    Column("duration_s", Float, nullable=False),
    Column("overrun", Boolean, nullable=False),
    Column("cpu_percent", Float),  # the poller process's own, over the cycle
    Column("rss_bytes", BigInteger),
    Column("open_sockets", Integer),
    Column("threads", Integer),
    Index("ix_poller_stats_at", "at"),
)
