"""CPU, memory and temperature through each vendor's own MIB, by resources/vendors/health.yaml.

Every method of a metric is tried in order and the first that yields a value wins, then the
``default`` methods (HOST-RESOURCES, UCD). A method whose OIDs the agent lacks yields nothing; a
timeout or an authentication failure is not swallowed, it fails the whole reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from egovops.snmp import SnmpClient, SnmpNoSuchObject, SnmpTarget
from egovops.snmp.values import SnmpValue

METRICS = ("cpu", "memory", "temperature")
_UCD = {"total": "1.3.6.1.4.1.2021.4.5.0", "avail": "1.3.6.1.4.1.2021.4.6.0",
        "buffer": "1.3.6.1.4.1.2021.4.14.0", "cached": "1.3.6.1.4.1.2021.4.15.0"}


@dataclass(frozen=True)
class HealthReading:
    cpu_percent: float | None = None
    mem_percent: float | None = None
    temperature_c: float | None = None


@lru_cache(maxsize=1)
def health_table() -> dict[str, dict[str, list[dict[str, Any]]]]:
    text = resources.files("egovops_resources").joinpath("vendors", "health.yaml").read_text("utf-8")
    table: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(text)
    return table


def _number(value: SnmpValue, parse: str = "int") -> float | None:
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str):
        found = re.search(r"-?\d+(?:\.\d+)?", value)  # "9.9", "45.8%" from DisplayString gauges
        return float(found.group()) if found else None
    return None


def _aggregate(values: list[float], how: str) -> float | None:
    if how == "max_nonzero":
        values = [v for v in values if v > 0]
    if not values:
        return None
    if how == "avg":
        return sum(values) / len(values)
    if how == "first":
        return values[0]
    return max(values)


def _by_index(rows: list[tuple[str, SnmpValue]], column: str) -> dict[str, SnmpValue]:
    return {oid[len(column) + 1:]: value for oid, value in rows}


async def _run(client: SnmpClient, target: SnmpTarget, method: dict[str, Any]) -> float | None:
    if "get" in method:
        got = await client.aget(target, [str(method["get"])], missing_ok=True)
        return _number(got.get(str(method["get"])), method.get("parse", "int")) if got else None
    if "walk" in method:
        rows = await client.awalk(target, str(method["walk"]))
        numbers = [n for n in (_number(v) for _, v in rows) if n is not None]
        return _aggregate(numbers, method.get("aggregate", "max"))
    if "used_free" in method:
        return await _used_free(client, target, method["used_free"])
    if "used_size" in method:
        return await _used_size(client, target, method["used_size"])
    if method.get("ucd_memory"):
        got = await client.aget(target, list(_UCD.values()), missing_ok=True)
        values = {k: _number(got.get(oid)) for k, oid in _UCD.items()}
        total, avail = values["total"], values["avail"]
        if not total or avail is None:
            return None
        # Buffers and page cache are reclaimable: counting them as used would read ~100% on any busy server.
        used = total - avail - (values["buffer"] or 0) - (values["cached"] or 0)
        return max(0.0, min(100.0, 100.0 * used / total))
    raise ValueError(f"health.yaml: unknown method {method!r}")


async def _used_free(client: SnmpClient, target: SnmpTarget, spec: dict[str, str]) -> float | None:
    used = _by_index(await client.awalk(target, spec["used"]), spec["used"])
    free = _by_index(await client.awalk(target, spec["free"]), spec["free"])
    indexes = [i for i in used if i in free]
    if "names" in spec:
        names = _by_index(await client.awalk(target, spec["names"]), spec["names"])
        pattern = re.compile(spec.get("match", ".*"))
        indexes = [i for i in indexes if isinstance(names.get(i), str) and pattern.search(str(names[i]))]
    for index in indexes:
        u, f = _number(used[index]), _number(free[index])
        if u is not None and f is not None and u + f > 0:
            return 100.0 * u / (u + f)
    return None


async def _used_size(client: SnmpClient, target: SnmpTarget, spec: dict[str, str]) -> float | None:
    types = _by_index(await client.awalk(target, spec["types"]), spec["types"])
    wanted = [i for i, t in types.items() if t == spec["type"]]
    if not wanted:
        return None
    oids = [f"{spec[c]}.{i}" for i in wanted for c in ("size", "used")]
    got = await client.aget(target, oids, missing_ok=True)
    size = sum(_number(got.get(f"{spec['size']}.{i}")) or 0 for i in wanted)
    used = sum(_number(got.get(f"{spec['used']}.{i}")) or 0 for i in wanted)
    return 100.0 * used / size if size else None


async def read_health(client: SnmpClient, target: SnmpTarget, vendor: str) -> HealthReading:
    table = health_table()
    found: dict[str, float | None] = {}
    for metric in METRICS:
        found[metric] = None
        for method in table.get(vendor, {}).get(metric, []) + table.get("default", {}).get(metric, []):
            try:
                value = await _run(client, target, method)
            except SnmpNoSuchObject:
                value = None
            if value is not None:
                found[metric] = round(value, 2)
                break
    return HealthReading(found["cpu"], found["memory"], found["temperature"])
