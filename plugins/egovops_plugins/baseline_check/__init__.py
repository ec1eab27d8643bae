"""Graded-protection 2.0 baseline check: per-item pass/fail and a compliance score per device."""

from __future__ import annotations

import json
from typing import Any

from egovops.plugin_api import RunContext, TargetOutcome, TargetResult, failed, ok, tr

from egovops_plugins.baseline_check.rules import BaselineReport, RULES, idle_timeout


def _report(config: str, vendor: str, network: str, max_idle: float) -> BaselineReport:
    items = tuple(
        idle_timeout(config, vendor, network, max_idle) if rule is idle_timeout else rule(config, vendor, network)
        for rule in RULES
    )
    return BaselineReport(items)


def run(ctx: RunContext) -> TargetResult:
    if ctx.dry_run:
        return ok(tr("dry run: would read the running configuration and check {count} baseline items", count=len(RULES)))
    session = ctx.ssh()
    ctx.progress(0.2, tr("reading the running configuration"))
    config = session.run(session.profile.show_running)
    report = _report(config, ctx.device.vendor, ctx.device.network, float(ctx.params["max_idle_minutes"]))
    data = {"score": report.score, "compliant": not report.failed, "items": [i.as_dict() for i in report.items]}
    # Kept with the run so an assessor's evidence survives after the console is closed.
    ctx.artefact(f"{ctx.device.name}-baseline.json", json.dumps({"device": ctx.device.name, **data}, ensure_ascii=False, indent=1))
    if report.failed:
        names = ", ".join(i.id for i in report.failed)
        return failed(tr("compliance {score}%: failed {items}", score=report.score, items=names), data)
    return ok(tr("compliance {score}%: every item passed", score=report.score), data)


def summarise(outcomes: list[TargetOutcome]) -> dict[str, Any]:
    checked = [o for o in outcomes if "score" in o.data]
    failures: dict[str, int] = {}
    for outcome in checked:
        for item in outcome.data["items"]:
            if item["passed"] is False:
                failures[item["id"]] = failures.get(item["id"], 0) + 1
    average = round(sum(o.data["score"] for o in checked) / len(checked), 1) if checked else None
    return {
        "devices_checked": len(checked),
        "devices_compliant": sum(1 for o in checked if o.data["compliant"]),
        "average_score": average,
        "failures_by_item": dict(sorted(failures.items())),
    }
