"""Device state history: the transitions and the spans of time a device was actually monitored.

Availability is computed from these two tables, never from raw samples: a transition says from
when a state held, and a monitored span says that the poller was watching at all (time outside
every span is "not monitored", never counted as up).
"""

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata

DEVICE_STATES = ("up", "degraded", "down", "unreachable", "unknown")

state_transitions = Table(
    "state_transitions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),  # epoch seconds, UTC
    Column("state", String(20), nullable=False),
    Column("previous", String(20)),
    Column("reason", Text, nullable=False, default=""),
    # For "unreachable": the device whose failure cut this one off (device availability view).
    Column("root_cause_device_id", Integer, ForeignKey("devices.id", ondelete="SET NULL")),
    Index("ix_state_transitions_device_at", "device_id", "at"),
)

monitored_spans = Table(
    "monitored_spans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("start", Float, nullable=False),
    Column("end", Float, nullable=False),
    Index("ix_monitored_spans_device_start", "device_id", "start"),
)
