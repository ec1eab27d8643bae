"""Per-board CPU, memory and temperature of chassis and stacks, by the ``boards`` specs of
resources/vendors/health.yaml.

A spec names the columns of one vendor table (CPU, memory, temperature, or memory used/free) and
how its rows are named: by ENTITY-MIB entPhysicalName when the table is indexed by entity
(``entity: true``) or points at one (``physical: COLUMN``), else by a name column of its own.
Entities that are not boards (ports, fans, power supplies, containers) are skipped; in a table with
a row per entity, a board is present when it reports a CPU or memory figure that is not 0 — an
empty slot reports 0 for both. Tables with their own rows (Ruijie slots, ZTE processors) list only
boards that are there, so an idle board's 0 % is a reading.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from egovops.polling.model import Board
from egovops.polling.oids import ENT_PHYSICAL_CLASS, ENT_PHYSICAL_NAME
from egovops.polling.readings import celsius, number, percent
from egovops.snmp import SnmpClient, SnmpMalformedReply, SnmpNoSuchObject, SnmpTarget
from egovops.snmp.values import SnmpValue

# entPhysicalClass: chassis(3), sensor(8), module(9), stack(11), cpu(12). Temperatures are read
# from boards and sensors; CPU and memory from boards only.
BOARD_CLASSES = frozenset({3, 9, 12})
SENSOR_CLASSES = BOARD_CLASSES | {8}
_COLUMNS = ("cpu", "memory", "temperature", "memory_used", "memory_free", "names", "physical")


@dataclass(frozen=True)
class BoardsReading:
    boards: tuple[Board, ...] = ()
    hottest_c: float | None = None  # of every board and sensor of the table, present board or not


def _text(value: SnmpValue) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    # ZTE names read "MP: on the slot 27, is a kind of 9900MPUA, with Mem …": the part before the comma names it.
    return str(value or "").split(",", 1)[0].strip()


def _memory(row: dict[str, SnmpValue]) -> float | None:
    if "memory" in row:
        return percent(number(row["memory"]))
    used, free = number(row.get("memory_used")), number(row.get("memory_free"))
    if used is None or free is None or used + free <= 0:
        return None
    return percent(100.0 * used / (used + free))


async def _columns(client: SnmpClient, target: SnmpTarget, spec: dict[str, Any]) -> dict[str, dict[str, SnmpValue]]:
    wanted = {key: str(spec[key]) for key in _COLUMNS if key in spec}
    got = await client.awalk_columns(target, list(wanted.values()))
    return {key: got.get(oid, {}) for key, oid in wanted.items()}


async def _entities(client: SnmpClient, target: SnmpTarget) -> tuple[dict[str, SnmpValue], dict[str, SnmpValue]]:
    try:
        got = await client.awalk_columns(target, [ENT_PHYSICAL_CLASS, ENT_PHYSICAL_NAME])
    except SnmpMalformedReply:
        # Some agents (a Cisco wireless controller in snmpsim-data) serve ENTITY-MIB out of order: the
        # boards are still read, by their table index, rather than losing the device's whole health.
        return {}, {}
    return got.get(ENT_PHYSICAL_CLASS, {}), got.get(ENT_PHYSICAL_NAME, {})


async def read_boards(client: SnmpClient, target: SnmpTarget, spec: dict[str, Any]) -> BoardsReading:
    columns = await _columns(client, target, spec)
    by_entity = bool(spec.get("entity")) or "physical" in columns
    classes, names = await _entities(client, target) if by_entity else ({}, {})
    indexes = list(dict.fromkeys(i for key in ("cpu", "memory", "memory_used", "temperature")
                                 for i in columns.get(key, {})))
    boards, temperatures = [], []
    for index in indexes:
        row = {key: values[index] for key, values in columns.items() if index in values}
        entity = str(row.get("physical", "")) if "physical" in columns else index if by_entity else ""
        kind = classes.get(entity)
        temperature = celsius(number(row.get("temperature")))
        if temperature is not None and (kind is None or kind in SENSOR_CLASSES):
            temperatures.append(temperature)
        if kind is not None and kind not in BOARD_CLASSES:
            continue
        cpu, memory = percent(number(row.get("cpu"))), _memory(row)
        if (not cpu and not memory) if by_entity else (cpu is None and memory is None):
            continue  # an empty slot or an entity without a processor: 0 (or a sentinel) for both
        name = _text(names.get(entity)) if by_entity else _text(row.get("names"))
        boards.append(Board(name or f"#{index}", cpu, memory, temperature, index))
    return BoardsReading(_unique(boards), max(temperatures) if temperatures else None)


def _unique(boards: list[Board]) -> tuple[Board, ...]:
    """Stack members repeat their board names ("Board 0" in each chassis), a board with two CPUs its
    own: the table index tells them apart."""
    seen: dict[str, int] = {}
    for board in boards:
        seen[board.name] = seen.get(board.name, 0) + 1
    return tuple(replace(b, name=f"{b.name} #{b.index}") if seen[b.name] > 1 else b for b in boards)


async def first_boards(client: SnmpClient, target: SnmpTarget, specs: list[dict[str, Any]]) -> BoardsReading:
    """The first spec whose table the device has (vendors moved their tables between releases)."""
    for spec in specs:
        try:
            found = await read_boards(client, target, spec)
        except SnmpNoSuchObject:
            continue
        if found.boards or found.hottest_c is not None:
            return found
    return BoardsReading()
