"""The scorecard as CSV (Excel on a Chinese desktop) and JSON: every figure the PDF shows, unrounded
where it is a measure, so a test or a spreadsheet can check the PDF against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from egovops.csv_cells import SafeWriter
from egovops.evaluation.scorecard import Evaluation, UnitScore
from egovops.evaluation.weights import MEASURES
from egovops.i18n import tr

GROUP_TITLES = {"unit": "owner unit", "city": "city", "county": "county"}


def csv_header(ev: Evaluation) -> list[str]:
    months = [m.strftime("%Y-%m") for m in ev.months]
    return [
        "rank",
        "group",
        "devices",
        *[f"{m}_raw" for m in MEASURES],
        *[f"{m}_points" for m in MEASURES],
        "total",
        *[f"total_{m}" for m in months],
    ]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}" if abs(value) < 1e5 else f"{value:.1f}"


def csv_row(s: UnitScore) -> list[str]:
    return [
        str(s.rank or ""),
        s.key,
        str(s.devices),
        *[_num(s.raw[m]) for m in MEASURES],
        *[_num(s.points[m]) for m in MEASURES],
        _num(s.total),
        *[_num(t) for t in s.trend],
    ]


def write_csv(ev: Evaluation, path: Path) -> None:
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel would read GBK otherwise
        writer = SafeWriter(out)  # unit names are typed by people: never formulas
        writer.writerow(csv_header(ev))
        for s in ev.units:
            writer.writerow(csv_row(s))
    partial.replace(path)


def as_dict(ev: Evaluation) -> dict[str, Any]:
    return {
        "period": {"first": ev.period.first.isoformat(), "last": ev.period.last.isoformat(), "label": ev.period.label},
        "by": ev.by,
        "sla": ev.sla,
        "weights": dict(ev.weights.points),
        "scoring": dict(vars(ev.weights.scoring)),
        "months": [m.isoformat() for m in ev.months],
        "units": [
            {
                "rank": s.rank,
                "group": s.key,
                "devices": s.devices,
                "raw": s.raw,
                "points": s.points,
                "total": s.total,
                "trend": s.trend,
            }
            for s in ev.units
        ],
        "major_incidents": [
            {"device": i.device, "start": i.start, "end": i.end, "downstream": i.downstream, "core": i.core}
            for i in ev.incidents
        ],
        "generated_by": ev.generated_by,
        "generated_at": ev.generated_at.isoformat(),
        "notes": ev.notes,
    }


def write_json(ev: Evaluation, path: Path) -> None:
    path.write_text(json.dumps(as_dict(ev), ensure_ascii=False, indent=1), "utf-8")


def group_title(by: str) -> str:
    return tr(GROUP_TITLES[by])
