"""Configuration backup: ``display current-configuration`` / ``show running-config``, versioned and masked."""

from __future__ import annotations

from typing import Any

from egovops.plugin_api import RunContext, TargetOutcome, TargetResult, mask_secrets, ok, tr


def _diff_stats(diff: str) -> tuple[int, int]:
    added = sum(1 for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in diff.splitlines() if line.startswith("-") and not line.startswith("---"))
    return added, removed


def run(ctx: RunContext) -> TargetResult:
    if ctx.dry_run:
        return ok(tr("dry run: would read the running configuration and store it if it changed"))
    session = ctx.ssh()
    command = session.profile.show_running
    ctx.progress(0.1, command)
    text = session.run(command)
    ctx.check_cancelled()
    saved = ctx.save_config(text, command)
    if ctx.params.get("keep_file", True):
        ctx.artefact(f"{ctx.device.name}.cfg", mask_secrets(saved.text))
    added, removed = _diff_stats(saved.diff)
    data: dict[str, Any] = {"version": saved.version, "changed": saved.changed, "added": added, "removed": removed,
                            "lines": saved.text.count("\n")}
    if not saved.changed:
        return ok(tr("unchanged since version {v}", v=saved.version), data)
    if saved.previous_version is None:
        return ok(tr("version {v} stored (first backup)", v=saved.version), data)
    return ok(tr("version {v} stored: +{added} -{removed} lines since version {prev}",
                 v=saved.version, added=added, removed=removed, prev=saved.previous_version), data)


def summarise(outcomes: list[TargetOutcome]) -> dict[str, Any]:
    backed_up = [o for o in outcomes if "version" in o.data]
    return {"backed_up": len(backed_up), "changed": sum(1 for o in backed_up if o.data["changed"])}
