"""What the notification area keeps, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CHANNEL_KINDS = ("email", "sms", "wecom", "dingtalk", "webhook")
RECIPIENT_KINDS = ("person", "group")
ONCALL = "oncall"


@dataclass(frozen=True)
class ChannelConfig:
    name: str
    kind: str
    settings: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class Recipient:
    name: str
    kind: str = "person"
    language: str = "zh_CN"
    operator: str = ""  # their label at a desk (``local:NAME`` or the OS user): the duty log's shifts name it
    addresses: dict[str, str] = field(default_factory=dict)  # channel name → address
    members: tuple[str, ...] = ()
    quiet_hours: str = ""  # "22:00-07:00"
    tz: str = "Asia/Shanghai"


@dataclass(frozen=True)
class Rule:
    name: str
    levels: tuple[tuple[str, ...], ...]  # who at each level: recipient names or "oncall[:LEVEL]"
    severities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    network: str = ""
    site: str = ""
    owner_unit: str = ""
    escalate_after_s: float = 900.0
    repeat_s: float = 900.0
    enabled: bool = True


@dataclass(frozen=True)
class RotaEntry:
    site: str
    level: int
    recipient: str
    starts_at: float
    ends_at: float | None = None
    id: int | None = None


@dataclass(frozen=True)
class AlarmState:
    alarm_id: int
    rule: str
    level: int
    notified_at: float
    escalate_at: float | None
    frozen_since: float | None = None
    flap_of: int | None = None
    recovered_at: float | None = None


@dataclass(frozen=True)
class OutboxRow:
    id: int
    idempotency_key: str
    alarm_id: int | None
    purpose: str
    recipient: str
    channel: str
    address: str
    subject: str
    message: str
    state: str
    attempts: int
    created_at: float
    next_attempt_at: float
    claimed_by: str | None = None
    claimed_at: float | None = None
    sent_at: float | None = None


@dataclass(frozen=True)
class Attempt:
    outbox_id: int
    at: float
    by: str
    ok: bool
    detail: str
    duration_s: float
