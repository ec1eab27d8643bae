"""CPU, memory and temperature through each vendor's own MIB, by resources/vendors/health.yaml.

A vendor's ``boards`` specs are read first (every board of a chassis or stack, see boards.py).
Then every method of a metric is tried in order and the first that yields a value wins; a
metric none of them yields comes from the boards (the highest board: a busy line card is as
much a problem as a busy main board, and which board is "main" is not published the same way
by any two vendors), then from the ``default`` methods (HOST-RESOURCES, UCD). Every value passes
the sentinel checks of readings.py. A method whose OIDs the agent lacks yields nothing; a
timeout or an authentication failure is not swallowed, it fails the whole reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from egovops.polling.boards import BoardsReading, first_boards
from egovops.polling.model import Board
from egovops.polling.readings import VALIDATORS, celsius, number, percent
from egovops.snmp import SnmpClient, SnmpNoSuchObject, SnmpTarget
from egovops.snmp.values import SnmpValue

METRICS = ("cpu", "memory", "temperature")
_UCD = {"total": "1.3.6.1.4.1.2021.4.5.0", "avail": "1.3.6.1.4.1.2021.4.6.0",
        "buffer": "1.3.6.1.4.1.2021.4.14.0", "cached": "1.3.6.1.4.1.2021.4.15.0"}
Valid = Callable[[float | None], float | None]


@dataclass(frozen=True)
class HealthReading:
    cpu_percent: float | None = None
    mem_percent: float | None = None
    temperature_c: float | None = None
    boards: tuple[Board, ...] = ()


@lru_cache(maxsize=1)
def health_table() -> dict[str, dict[str, Any]]:
    text = resources.files("egovops_resources").joinpath("vendors", "health.yaml").read_text("utf-8")
    table: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return table


def cpu_window(vendor: str) -> str:
    """Which average the vendor's CPU figure is (documented per vendor in health.yaml)."""
    return str(health_table().get(vendor, health_table()["default"]).get("cpu_window", ""))


def _aggregate(values: list[float], how: str) -> float | None:
    if how == "max_nonzero":  # tables with a row per entity: rows without the part report 0
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


async def _run(client: SnmpClient, target: SnmpTarget, method: dict[str, Any], valid: Valid) -> float | None:
    if "get" in method:
        got = await client.aget(target, [str(method["get"])], missing_ok=True)
        return valid(number(got.get(str(method["get"])))) if got else None
    if "walk" in method:
        rows = await client.awalk(target, str(method["walk"]))
        numbers = [n for n in (valid(number(v)) for _, v in rows) if n is not None]
        return _aggregate(numbers, method.get("aggregate", "max"))
    if "used_free" in method:
        return await _used_free(client, target, method["used_free"])
    if "used_size" in method:
        return await _used_size(client, target, method["used_size"])
    if method.get("ucd_memory"):
        got = await client.aget(target, list(_UCD.values()), missing_ok=True)
        values = {k: number(got.get(oid)) for k, oid in _UCD.items()}
        total, avail = values["total"], values["avail"]
        if not total or avail is None:
            return None
        # Buffers and page cache are reclaimable: counting them as used would read ~100% on any busy server.
        used = total - avail - (values["buffer"] or 0) - (values["cached"] or 0)
        return max(0.0, min(100.0, 100.0 * used / total))
    if method.get("entity_sensor"):
        return await _entity_sensor(client, target)
    raise ValueError(f"health.yaml: unknown method {method!r}")


_SENSOR = "1.3.6.1.2.1.99.1.1.1"  # ENTITY-SENSOR-MIB entPhySensorEntry
_SENSOR_COLUMNS = {c: f"{_SENSOR}.{n}"
                   for c, n in (("type", 1), ("scale", 2), ("precision", 3), ("value", 4), ("status", 5))}
_CELSIUS, _OK, _UNITS = 8, 1, 9


async def _entity_sensor(client: SnmpClient, target: SnmpTarget) -> float | None:
    """The hottest working celsius sensor: other sensor types (volts, rpm, dBm) share the table."""
    got = await client.awalk_columns(target, list(_SENSOR_COLUMNS.values()))
    col = {name: got.get(oid, {}) for name, oid in _SENSOR_COLUMNS.items()}
    found = []
    for index, kind in col["type"].items():
        value = col["value"].get(index)
        if kind != _CELSIUS or col["status"].get(index) != _OK or not isinstance(value, int):
            continue
        scale, precision = col["scale"].get(index, _UNITS), col["precision"].get(index, 0)
        exponent = (3 * ((scale if isinstance(scale, int) else _UNITS) - _UNITS)
                    - (precision if isinstance(precision, int) else 0))
        reading = celsius(value * 10.0 ** exponent)
        if reading is not None:
            found.append(reading)
    return max(found) if found else None


async def _used_free(client: SnmpClient, target: SnmpTarget, spec: dict[str, str]) -> float | None:
    used = _by_index(await client.awalk(target, spec["used"]), spec["used"])
    free = _by_index(await client.awalk(target, spec["free"]), spec["free"])
    indexes = [i for i in used if i in free]
    if "names" in spec:
        names = _by_index(await client.awalk(target, spec["names"]), spec["names"])
        pattern = re.compile(spec.get("match", ".*"))
        indexes = [i for i in indexes if isinstance(names.get(i), str) and pattern.search(str(names[i]))]
    for index in indexes:
        u, f = number(used[index]), number(free[index])
        if u is not None and f is not None and u + f > 0:
            return percent(100.0 * u / (u + f))
    return None


async def _used_size(client: SnmpClient, target: SnmpTarget, spec: dict[str, str]) -> float | None:
    types = _by_index(await client.awalk(target, spec["types"]), spec["types"])
    wanted = [i for i, t in types.items() if t == spec["type"]]
    if not wanted:
        return None
    oids = [f"{spec[c]}.{i}" for i in wanted for c in ("size", "used")]
    got = await client.aget(target, oids, missing_ok=True)
    size = sum(number(got.get(f"{spec['size']}.{i}")) or 0 for i in wanted)
    used = sum(number(got.get(f"{spec['used']}.{i}")) or 0 for i in wanted)
    return percent(100.0 * used / size) if size else None


async def _first(client: SnmpClient, target: SnmpTarget, methods: list[dict[str, Any]], metric: str) -> float | None:
    for method in methods:
        try:
            value = await _run(client, target, method, VALIDATORS[metric])
        except SnmpNoSuchObject:
            value = None
        if value is not None:
            return value
    return None


def _from_boards(found: BoardsReading, metric: str) -> float | None:
    if metric == "temperature":
        return found.hottest_c
    values = [v for b in found.boards if (v := b.cpu_percent if metric == "cpu" else b.mem_percent) is not None]
    return max(values) if values else None


async def read_health(client: SnmpClient, target: SnmpTarget, vendor: str) -> HealthReading:
    table = health_table()
    own, default = table.get(vendor, {}), table.get("default", {})
    boards = await first_boards(client, target, own.get("boards", []))
    found: dict[str, float | None] = {}
    for metric in METRICS:
        value = await _first(client, target, own.get(metric, []), metric)
        value = value if value is not None else _from_boards(boards, metric)
        value = value if value is not None else await _first(client, target, default.get(metric, []), metric)
        found[metric] = round(value, 2) if value is not None else None
    return HealthReading(found["cpu"], found["memory"], found["temperature"], boards.boards)
