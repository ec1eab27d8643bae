"""The evaluation's weights and scoring thresholds: a data file, overridable from the command line.

Weights are points out of 100 and must add up to exactly 100: a pack whose weights were silently
rescaled would state figures the supervisor never agreed to, so a wrong sum is refused by name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from egovops.errors import ValidationError
from egovops.i18n import tr

MEASURES = ("availability", "mttr", "major_incidents", "ack_time", "baseline", "backup", "coverage")


@dataclass(frozen=True)
class Scoring:
    availability_zero_below_sla: float = 1.0  # percentage points under the SLA target that score 0
    mttr_full_minutes: float = 30.0
    mttr_zero_minutes: float = 240.0
    major_minutes: float = 30.0  # a root-cause outage this long is a major incident
    major_downstream: float = 5.0  # ... or one that cut off this many other devices
    points_per_major_incident: float = 25.0
    ack_full_minutes: float = 5.0
    ack_zero_minutes: float = 60.0
    backup_max_age_days: float = 7.0


@dataclass(frozen=True)
class Weights:
    points: Mapping[str, float]
    scoring: Scoring = field(default_factory=Scoring)
    trend_months: int = 6

    def __post_init__(self) -> None:
        unknown = sorted(set(self.points) - set(MEASURES))
        if unknown:
            raise ValidationError(
                tr(
                    "unknown measure {names}; choose from {choices}",
                    names=", ".join(unknown),
                    choices=", ".join(MEASURES),
                )
            )
        if any(v < 0 for v in self.points.values()):
            raise ValidationError(tr("a weight cannot be negative"))
        total = sum(self.points.get(m, 0.0) for m in MEASURES)
        if abs(total - 100.0) > 1e-6:
            raise ValidationError(tr("the weights add up to {total:g}, not 100", total=total))
        if not 1 <= self.trend_months <= 24:
            raise ValidationError(tr("the trend covers 1 to 24 months"))

    def weight(self, measure: str) -> float:
        return float(self.points.get(measure, 0.0))


def _from_dict(data: Mapping[str, Any]) -> Weights:
    try:
        scoring = Scoring(**{k: float(v) for k, v in dict(data.get("scoring", {})).items()})
        points = {str(k): float(v) for k, v in dict(data["weights"]).items()}
        return Weights(points, scoring, int(data.get("trend_months", 6)))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(tr("the weights file is not valid: {error}", error=exc)) from None


def default_weights() -> Weights:
    text = resources.files("egovops_resources").joinpath("evaluation").joinpath("weights.json").read_text("utf-8")
    return _from_dict(json.loads(text))


def load_weights(
    path: Path | None = None, overrides: Iterable[str] = (), stored: Mapping[str, float] | None = None
) -> Weights:
    """The weights of ``path``, else the shipped ones with the store's setting ``stored`` over
    them; then each ``name=points`` of ``overrides``."""
    if path is None:
        weights = default_weights()
        if stored:
            weights = replace(weights, points=dict(stored))
    else:
        try:
            weights = _from_dict(json.loads(path.read_text("utf-8")))
        except OSError as exc:
            raise ValidationError(tr("cannot read {path}: {error}", path=str(path), error=exc.strerror)) from None
        except json.JSONDecodeError as exc:
            raise ValidationError(tr("the weights file is not valid: {error}", error=exc)) from None
    points = dict(weights.points)
    for item in overrides:
        name, sep, value = item.partition("=")
        try:
            points[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ValidationError(tr("{item!r} is not like availability=30", item=item))
    return replace(weights, points=points)
