"""Clock and NTP check: device clock against the console's clock, and NTP configured."""

from __future__ import annotations

import re
from typing import Any

from egovops.plugin_api import RunContext, TargetOutcome, TargetResult, failed, ok, tr

from egovops_plugins.clock_check.clock_text import ClockParseError, device_epoch, zone_from_config

_NTP = re.compile(r"^\s*(ntp-service unicast-server|ntp server)\s+(\S+)", re.IGNORECASE | re.MULTILINE)


def run(ctx: RunContext) -> TargetResult:
    vrp = ctx.device.vendor.lower() in ("huawei", "h3c")
    clock_command = "display clock" if vrp else "show clock"
    if ctx.dry_run:
        return ok(tr("dry run: would compare {command} with the console clock and look for NTP servers", command=clock_command))
    session = ctx.ssh()
    config = session.run(session.profile.show_running)
    ctx.progress(0.5, clock_command)
    before = ctx.now()
    reply = session.run(clock_command)
    after = ctx.now()
    try:
        device_time, not_authoritative = device_epoch(reply, zone_from_config(config))
    except ClockParseError as exc:
        return failed(tr("cannot read the device clock: {error}", error=str(exc)))
    # The reply was produced somewhere between sending and receiving: compare with the midpoint,
    # allowing for the one-second resolution of clocks that print no fraction.
    offset = round(device_time - (before + after) / 2, 3)
    servers = [m.group(2) for m in _NTP.finditer(config)]
    data: dict[str, Any] = {"offset_seconds": offset, "ntp_servers": servers, "not_authoritative": not_authoritative}
    limit = float(ctx.params["max_offset"]) + (after - before) / 2 + 1.0
    problems = []
    if abs(offset) > limit:
        problems.append(tr("clock is off by {offset:+.1f} s", offset=offset))
    if not servers:
        problems.append(tr("no NTP server configured"))
    data["in_sync"] = not problems
    if problems:
        return failed("; ".join(problems), data)
    return ok(tr("clock within {offset:+.1f} s; NTP: {servers}", offset=offset, servers=", ".join(servers)), data)


def summarise(outcomes: list[TargetOutcome]) -> dict[str, Any]:
    checked = [o for o in outcomes if "offset_seconds" in o.data]
    worst = max(checked, key=lambda o: abs(o.data["offset_seconds"]), default=None)
    return {
        "devices_checked": len(checked),
        "devices_in_sync": sum(1 for o in checked if o.data["in_sync"]),
        "without_ntp": sorted(o.device for o in checked if not o.data["ntp_servers"]),
        "worst_offset": {"device": worst.device, "seconds": worst.data["offset_seconds"]} if worst else None,
    }
