"""Tables of notifications (issue 20): channels, recipients, rules, the on-call rota, what was
decided per alarm, and the outbox with every delivery attempt.

Names only here, never a secret: an SMTP password, a robot's key or a signing secret lives in the
OS keyring (service ``egovops-notify``), keyed by the channel's name. Recipients and rules refer
to each other by name, as maintenance windows do, so an export reads without joins.
"""

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata

notify_channels = Table(
    "notify_channels",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("kind", String(20), nullable=False),  # email, sms, wecom, dingtalk, webhook
    Column("settings", JSON, nullable=False, default=dict),  # endpoint, templates, TLS mode: no secret
    Column("enabled", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
)

notify_recipients = Table(
    "notify_recipients",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("kind", String(10), nullable=False),  # person or group
    Column("language", String(10), nullable=False, default="zh_CN"),
    Column("operator", String(200), nullable=False, default=""),  # their label at a desk: duty shifts name it
    Column("addresses", JSON, nullable=False, default=dict),  # {channel name: address}
    Column("members", JSON, nullable=False, default=list),  # a group's recipient names
    Column("quiet_hours", String(11), nullable=False, default=""),  # "22:00-07:00" local, "" for none
    Column("tz", String(64), nullable=False, default="Asia/Shanghai"),
)

notify_rules = Table(
    "notify_rules",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("severities", JSON, nullable=False, default=list),  # [] matches any
    Column("kinds", JSON, nullable=False, default=list),
    Column("network", String(200), nullable=False, default=""),
    Column("site", String(1000), nullable=False, default=""),  # a subtree: the site and all below
    Column("owner_unit", String(200), nullable=False, default=""),
    # Who is told, level by level: [["oncall"], ["oncall:2"], ["supervisors"]]; a target is a
    # recipient's name or "oncall[:LEVEL]", whoever the rota has on call for the device's site.
    Column("levels", JSON, nullable=False),
    Column("escalate_after_s", Float, nullable=False, default=900.0),
    Column("repeat_s", Float, nullable=False, default=900.0),
    Column("enabled", Boolean, nullable=False, default=True),
)

notify_rota = Table(
    "notify_rota",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site", String(1000), nullable=False, default=""),  # subtree; "" is the whole province
    Column("level", Integer, nullable=False, default=1),  # 1 on call, 2 shift leader, 3 supervisor…
    Column("recipient", String(100), nullable=False),
    Column("starts_at", Float, nullable=False),  # handover times, epoch seconds
    Column("ends_at", Float),  # NULL: until the next handover
    Index("ix_notify_rota_starts_at", "starts_at"),
)

# What was decided for each alarm that notified: its level, its escalation timer, its recovery.
notify_alarm_state = Table(
    "notify_alarm_state",
    metadata,
    Column("alarm_id", Integer, ForeignKey("alarms.id", ondelete="CASCADE"), primary_key=True),
    Column("rule", String(100), nullable=False),
    Column("level", Integer, nullable=False, default=0),
    Column("notified_at", Float, nullable=False),
    Column("escalate_at", Float),  # NULL: no (more) escalation
    # Set while the alarm is suppressed or in maintenance: the timer stands still from then, and
    # escalate_at moves on by the frozen time when it thaws (a write per change, not per pass).
    Column("frozen_since", Float),
    Column("flap_of", Integer),  # the earlier alarm this one repeats within the flap time: not told again
    Column("recovered_at", Float),  # the recovery notice was queued
)

notify_outbox = Table(
    "notify_outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("idempotency_key", String(64), nullable=False, unique=True),  # in the message: receivers drop repeats
    Column("alarm_id", Integer, ForeignKey("alarms.id", ondelete="SET NULL")),
    Column("purpose", String(20), nullable=False),  # alarm, escalation, recovery, test
    Column("recipient", String(100), nullable=False),
    Column("channel", String(100), nullable=False),
    Column("address", String(500), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("message", Text, nullable=False),
    Column("state", String(10), nullable=False),  # pending, sending, sent, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    Column("next_attempt_at", Float, nullable=False),
    Column("claimed_by", String(100)),
    Column("claimed_at", Float),
    Column("sent_at", Float),
    Index("ix_notify_outbox_state_next", "state", "next_attempt_at"),
    Index("ix_notify_outbox_alarm_id", "alarm_id"),
)

notify_attempts = Table(
    "notify_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("outbox_id", Integer, ForeignKey("notify_outbox.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("by", String(100), nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("duration_s", Float, nullable=False),
    Index("ix_notify_attempts_outbox_id", "outbox_id"),
)
