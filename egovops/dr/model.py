"""What the DR view shows: verdicts, reasons, centres, inter-centre links, drift, drills.

Reasons keep their catalogue key and values, not a rendered sentence: a verdict stored in the
month's history on a Chinese desk is read in English on another, each in its reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from egovops.i18n import tr, value_name
from egovops.inventory.model import DrRole

READY, AT_RISK, NOT_READY = "ready", "at-risk", "not-ready"
VERDICTS = (READY, AT_RISK, NOT_READY)  # in order of gravity
OUTCOMES = ("passed", "partial", "failed")


def verdict_name(verdict: str) -> str:
    return {READY: tr("ready"), AT_RISK: tr("at risk"), NOT_READY: tr("not ready")}.get(verdict, verdict)


def role_name(role: DrRole | str | None) -> str:
    value = role.value if isinstance(role, DrRole) else role
    names = {"production": tr("production centre"), "same-city-dr": tr("same-city DR centre"),
             "remote-dr": tr("remote DR centre")}
    return names.get(value or "", value or "")


def outcome_name(outcome: str | None) -> str:
    if outcome is None:
        return tr("running")
    return {"passed": tr("passed"), "partial": tr("partly passed"), "failed": tr("failed")}.get(outcome, outcome)


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=VERDICTS.index, default=READY)


@dataclass(frozen=True)
class Measured:
    """Latency, jitter and loss of a link, from echo requests or a device's own probe."""

    latency_ms: float | None  # mean round trip of the replies; None when none came back
    jitter_ms: float | None  # mean absolute difference of consecutive replies' round trips
    loss_percent: float


@dataclass(frozen=True)
class Reason:
    verdict: str  # AT_RISK or NOT_READY: how much this one weighs
    key: str  # a catalogue key with {fields}
    values: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        values = dict(self.values)
        if "state" in values:  # a device or link state, stored as the store's word
            values["state"] = value_name("state", str(values["state"]))
        return tr(self.key, **values)

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "key": self.key, "values": self.values}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reason:
        return cls(data["verdict"], data["key"], dict(data.get("values") or {}))


@dataclass(frozen=True)
class CentreHealth:
    path: str
    role: str
    core: list[str]  # core and aggregation devices in the centre
    down: list[str]  # of which not up (down, unreachable, unknown, never polled)
    pairs: int  # redundant pairs (two or more core/aggregation devices of one role on one network)
    pairs_whole: int  # of which every member is up
    uplinks: int  # links from the centre to devices outside every centre
    uplinks_down: list[str]
    verdict: str


@dataclass(frozen=True)
class LinkState:
    a: str
    a_interface: str
    b: str
    b_interface: str
    a_centre: str
    b_centre: str
    state: str  # up, down, unknown
    speed_bps: float | None
    peak_bps: float | None  # the busier direction at the busier end, from the latest sample
    # latency/jitter/loss: no probe feeds these yet (see docs/dr.md); None shows as "not measured"
    latency_ms: float | None = None
    jitter_ms: float | None = None
    loss_percent: float | None = None

    @property
    def label(self) -> str:
        return f"{self.a} {self.a_interface} — {self.b} {self.b_interface}"

    @property
    def utilisation(self) -> float | None:
        if not self.speed_bps or self.peak_bps is None:
            return None
        return self.peak_bps / self.speed_bps

    @property
    def headroom_bps(self) -> float | None:
        if not self.speed_bps or self.peak_bps is None:
            return None
        return max(self.speed_bps - self.peak_bps, 0.0)


@dataclass(frozen=True)
class Drift:
    device: str
    peer: str
    device_version: int | None
    peer_version: int | None
    device_taken_at: float | None
    peer_taken_at: float | None
    diff: str  # unified diff of the compared lines; "" when they agree or a backup is missing
    changed_lines: int


@dataclass(frozen=True)
class Drill:
    id: int
    started_at: float
    ended_at: float | None
    scope: tuple[str, ...]
    outcome: str | None
    notes: str
    started_by: str
    ended_by: str | None = None

    @property
    def running(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class VerdictChange:
    at: float
    verdict: str
    reasons: list[Reason]


@dataclass
class Readiness:
    at: float
    verdict: str
    reasons: list[Reason]
    centres: list[CentreHealth]
    links: list[LinkState]
    drift: list[Drift]
    last_drill: Drill | None = None
    history: list[VerdictChange] = field(default_factory=list)
