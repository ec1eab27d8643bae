"""Interface error sweep: two SNMP samples of IF-MIB error/discard counters, rates against a threshold."""

from __future__ import annotations

import time
from typing import Any

from egovops.plugin_api import RunContext, TargetOutcome, TargetResult, failed, ok, tr

IF_NAME = "1.3.6.1.2.1.31.1.1.1.1"
IF_DESCR = "1.3.6.1.2.1.2.2.1.2"
COUNTERS = {
    "in_discards": "1.3.6.1.2.1.2.2.1.13",
    "in_errors": "1.3.6.1.2.1.2.2.1.14",
    "out_discards": "1.3.6.1.2.1.2.2.1.19",
    "out_errors": "1.3.6.1.2.1.2.2.1.20",
}
WRAP = 2**32  # the IF-MIB error counters are Counter32


def _names(ctx: RunContext) -> dict[str, str]:
    snmp = ctx.snmp()
    rows = snmp.walk(IF_NAME) or snmp.walk(IF_DESCR)
    return {oid.rsplit(".", 1)[1]: str(value) for oid, value in rows}


def _sample(ctx: RunContext) -> tuple[float, dict[str, dict[str, int]]]:
    snmp = ctx.snmp()
    taken = time.monotonic()
    values: dict[str, dict[str, int]] = {}
    for counter, oid in COUNTERS.items():
        for row_oid, value in snmp.walk(oid):
            if isinstance(value, int):
                values.setdefault(row_oid.rsplit(".", 1)[1], {})[counter] = value
    return taken, values


def _rate(first: int, second: int, seconds: float) -> float:
    delta = second - first if second >= first else second + WRAP - first  # one wrap between samples
    return delta / seconds


def run(ctx: RunContext) -> TargetResult:
    interval, threshold = float(ctx.params["interval"]), float(ctx.params["threshold"])
    if ctx.dry_run:
        return ok(tr("dry run: would sample interface error counters twice, {interval:g} s apart", interval=interval))
    names = _names(ctx)
    t1, first = _sample(ctx)
    ctx.progress(0.5, tr("waiting {interval:g} s for the second sample", interval=interval))
    ctx.sleep(interval)
    t2, second = _sample(ctx)
    seconds = max(t2 - t1, 0.001)
    over: list[dict[str, Any]] = []
    for index, counters in sorted(second.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0):
        rates = {c: round(_rate(first[index][c], v, seconds), 3) for c, v in counters.items() if c in first.get(index, {})}
        worst = max(rates.values(), default=0.0)
        if worst > threshold:
            over.append({"interface": names.get(index, f"ifIndex {index}"), "if_index": index, "rates": rates})
    data = {"interfaces_checked": len(second), "over_threshold": over, "interval": round(seconds, 2), "threshold": threshold}
    if over:
        shown = ", ".join(o["interface"] for o in over[:5])
        return failed(tr("{count} interface(s) above {threshold:g}/s: {names}", count=len(over), threshold=threshold, names=shown), data)
    return ok(tr("{count} interfaces checked, none above {threshold:g}/s", count=len(second), threshold=threshold), data)


def summarise(outcomes: list[TargetOutcome]) -> dict[str, Any]:
    flagged = {o.device: [i["interface"] for i in o.data["over_threshold"]] for o in outcomes if o.data.get("over_threshold")}
    return {"devices_with_errors": len(flagged), "interfaces": flagged}
