"""What a procedure reports per target, and what a whole run reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Mapping


class Status(str, Enum):
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class TargetResult:
    """A plugin's answer for one device. ``data`` is JSON-able detail (e.g. baseline items)."""

    status: Status
    message: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    artefacts: tuple[Path, ...] = ()


def ok(message: str = "", data: Mapping[str, Any] | None = None, artefacts: tuple[Path, ...] = ()) -> TargetResult:
    return TargetResult(Status.OK, message, dict(data or {}), tuple(artefacts))


def failed(message: str, data: Mapping[str, Any] | None = None, artefacts: tuple[Path, ...] = ()) -> TargetResult:
    return TargetResult(Status.FAILED, message, dict(data or {}), tuple(artefacts))


def skipped(message: str, data: Mapping[str, Any] | None = None) -> TargetResult:
    return TargetResult(Status.SKIPPED, message, dict(data or {}))


@dataclass(frozen=True)
class TargetOutcome:
    """A target's result as the runner recorded it: the plugin's result plus timing and digest."""

    device: str
    status: Status
    message: str
    data: Mapping[str, Any]
    artefacts: tuple[str, ...]
    started: float
    finished: float
    output_digest: str  # SHA-256 over every command sent and every reply received

    def as_dict(self) -> dict[str, Any]:
        return {
            "device": self.device, "status": self.status.value, "message": self.message, "data": dict(self.data),
            "artefacts": list(self.artefacts), "seconds": round(self.finished - self.started, 3),
            "output_digest": self.output_digest,
        }


@dataclass
class RunReport:
    run_id: str
    procedure: str
    operator: str
    dry_run: bool
    parameters: Mapping[str, Any]
    outcomes: list[TargetOutcome] = field(default_factory=list)
    summary: Mapping[str, Any] = field(default_factory=dict)
    cancelled: bool = False
    audit_id: int | None = None
    folder: str = ""

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for outcome in self.outcomes:
            counts[outcome.status.value] += 1
        return counts

    @property
    def all_ok(self) -> bool:
        return all(o.status is not Status.FAILED for o in self.outcomes) and not self.cancelled

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "procedure": self.procedure, "operator": self.operator, "dry_run": self.dry_run,
            "parameters": dict(self.parameters), "counts": self.counts(), "cancelled": self.cancelled,
            "summary": dict(self.summary), "audit_id": self.audit_id, "folder": self.folder,
            "targets": [o.as_dict() for o in self.outcomes],
        }
