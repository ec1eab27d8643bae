"""Reading ifTable + ifXTable and turning the counters into rates.

A full read walks all 16 columns; a cycle after it walks only what changes (``IF_DYNAMIC`` and the
octet counters: 8 columns) and keeps names, aliases, types and speeds from the last full read
until the agent says its table changed (``StaticColumns``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from egovops.polling.model import InterfaceStatus
from egovops.polling.oids import IF_COLUMNS, IF_COUNTERS_32, IF_COUNTERS_64, IF_DYNAMIC, IF_NUMBER, IF_TABLE_LAST_CHANGE
from egovops.polling.rates import CounterReading, rate
from egovops.snmp import SnmpClient, SnmpTarget
from egovops.snmp.values import SnmpValue


def _int(value: SnmpValue) -> int | None:
    return value if isinstance(value, int) else None


def _text(value: SnmpValue) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.hex(":")
    return ""


def build_interfaces(columns: Mapping[str, Mapping[str, SnmpValue]], uptime_cs: int | None, now: float) -> list[InterfaceStatus]:
    """InterfaceStatus per ifIndex from walked columns (keyed by column OID, then index)."""
    col = {field: columns.get(oid, {}) for field, oid in IF_COLUMNS.items()}
    found: list[InterfaceStatus] = []
    for index_text in sorted(col["descr"].keys() | col["name"].keys(), key=lambda i: int(i) if i.isdigit() else 0):
        if not index_text.isdigit():
            continue

        def get(field: str) -> SnmpValue:
            return col[field].get(index_text)

        hc = _int(get("in_octets")) is not None and _int(get("out_octets")) is not None
        high = _int(get("high_speed"))
        speed = high * 1_000_000 if high else _int(get("speed"))
        found.append(InterfaceStatus(
            index=int(index_text),
            name=_text(get("name")) or _text(get("descr")),
            alias=_text(get("alias")),
            if_type=_int(get("type")),
            speed_bps=speed,
            admin_status=_int(get("admin_status")),
            oper_status=_int(get("oper_status")),
            in_octets=_int(get("in_octets") if hc else get("in_octets32")),
            out_octets=_int(get("out_octets") if hc else get("out_octets32")),
            in_errors=_int(get("in_errors")),
            out_errors=_int(get("out_errors")),
            in_discards=_int(get("in_discards")),
            out_discards=_int(get("out_discards")),
            counter_bits=64 if hc else 32,
            uptime_cs=uptime_cs,
            sampled_at=now,
        ))
    return found


def _reading(status: InterfaceStatus, value: int | None, bits: int) -> CounterReading | None:
    return None if value is None else CounterReading(value, bits, status.uptime_cs, status.sampled_at)


def _rate(prev: InterfaceStatus | None, cur: InterfaceStatus, fields: tuple[str, ...], bits: int, scale: float, ceiling: float | None) -> float | None:
    total = 0.0
    for field in fields:
        current = _reading(cur, getattr(cur, field), bits)
        previous = _reading(prev, getattr(prev, field), bits) if prev is not None else None
        if current is None:
            return None
        part = rate(previous, current, scale, ceiling)
        if part is None:
            return None
        total += part
    return total


def add_rates(current: list[InterfaceStatus], previous: Mapping[int, InterfaceStatus]) -> None:
    """Fill the rate fields of ``current`` from the previous reading of each interface."""
    for cur in current:
        prev = previous.get(cur.index)
        ceiling = cur.speed_bps * 1.5 if cur.speed_bps else None
        cur.in_bps = _rate(prev, cur, ("in_octets",), cur.counter_bits, 8.0, ceiling)
        cur.out_bps = _rate(prev, cur, ("out_octets",), cur.counter_bits, 8.0, ceiling)
        # Error and discard counters are 32-bit in IF-MIB whatever the octet counters are.
        cur.errors_ps = _rate(prev, cur, ("in_errors", "out_errors"), 32, 1.0, None)
        cur.discards_ps = _rate(prev, cur, ("in_discards", "out_discards"), 32, 1.0, None)


async def poll_interfaces(client: SnmpClient, target: SnmpTarget, uptime_cs: int | None, now: float) -> list[InterfaceStatus]:
    columns = await client.awalk_columns(target, list(IF_COLUMNS.values()))
    return build_interfaces(columns, uptime_cs, now)


def dynamic_fields(previous: list[InterfaceStatus]) -> tuple[str, ...]:
    """The columns a cycle walks when the static ones are known: the octet counters of the width
    the last full read found (both for an agent with HC counters on some rows only)."""
    widths = {i.counter_bits for i in previous}
    counters = (IF_COUNTERS_64 if 64 in widths else ()) + (IF_COUNTERS_32 if 32 in widths else ())
    return IF_DYNAMIC + counters


def build_dynamic(columns: Mapping[str, Mapping[str, SnmpValue]], previous: list[InterfaceStatus],
                  uptime_cs: int | None, now: float) -> list[InterfaceStatus] | None:
    """``previous`` with this cycle's values of the dynamic columns; None when the rows walked are
    not the rows known (an interface came or went unannounced): then the caller reads everything."""
    col = {field: columns.get(IF_COLUMNS[field], {}) for field in dynamic_fields(previous)}
    by_index = {str(i.index): i for i in previous}
    if set(col["oper_status"]) != set(by_index):
        return None
    fresh: list[InterfaceStatus] = []
    for index_text, known in by_index.items():
        def get(field: str, row: str = index_text) -> int | None:
            return _int(col[field].get(row)) if field in col else None

        octets = ("in_octets", "out_octets") if known.counter_bits == 64 else ("in_octets32", "out_octets32")
        fresh.append(replace(
            known, admin_status=get("admin_status"), oper_status=get("oper_status"),
            in_octets=get(octets[0]), out_octets=get(octets[1]), in_errors=get("in_errors"),
            out_errors=get("out_errors"), in_discards=get("in_discards"), out_discards=get("out_discards"),
            uptime_cs=uptime_cs, sampled_at=now, in_bps=None, out_bps=None, errors_ps=None, discards_ps=None))
    return fresh


@dataclass(frozen=True)
class TableMark:
    """What the agent said of its interface table when its static columns were last read, and
    the sysUpTime of the last cycle (going backwards means a reboot: indexes may be renumbered)."""

    if_number: object
    last_change: object
    uptime_cs: int | None
    read_at: float


class StaticColumns:
    """Per device, whether this cycle must read the static columns again: at the first read since
    the process started (the marks are kept in memory only, so a restart reads everything once),
    when ifNumber or ifTableLastChange changed, when sysUpTime went backwards, or when
    ``refresh_s`` passed (agents such as net-snmp keep ifTableLastChange at 0 and do not
    announce a renamed interface or a new alias at all)."""

    def __init__(self) -> None:
        self._marks: dict[str, TableMark] = {}

    def due(self, name: str, system: Mapping[str, SnmpValue], uptime_cs: int | None,
            previous: list[InterfaceStatus], now: float, refresh_s: float) -> bool:
        mark = self._marks.get(name)
        if mark is None or not previous or now - mark.read_at >= refresh_s:
            return True
        if (system.get(IF_NUMBER), system.get(IF_TABLE_LAST_CHANGE)) != (mark.if_number, mark.last_change):
            return True
        return uptime_cs is not None and mark.uptime_cs is not None and uptime_cs < mark.uptime_cs

    def read(self, name: str, system: Mapping[str, SnmpValue], uptime_cs: int | None, now: float, full: bool) -> None:
        """Record a cycle's read (``full``: the static columns were read)."""
        mark = self._marks.get(name)
        if full or mark is None:
            mark = TableMark(system.get(IF_NUMBER), system.get(IF_TABLE_LAST_CHANGE), uptime_cs, now)
        self._marks[name] = replace(mark, uptime_cs=uptime_cs)

    def forget(self, name: str) -> None:
        self._marks.pop(name, None)


async def read_interfaces(client: SnmpClient, target: SnmpTarget, name: str, system: Mapping[str, SnmpValue],
                          uptime_cs: int | None, previous: list[InterfaceStatus], now: float,
                          static: StaticColumns | None, refresh_s: float) -> list[InterfaceStatus]:
    """This cycle's interfaces, walking the static columns only when ``static`` says they are due."""
    if static is not None and previous and not static.due(name, system, uptime_cs, previous, now, refresh_s):
        fields = dynamic_fields(previous)
        columns = await client.awalk_columns(target, [IF_COLUMNS[f] for f in fields])
        fresh = build_dynamic(columns, previous, uptime_cs, now)
        if fresh is not None:
            static.read(name, system, uptime_cs, now, full=False)
            return fresh
    fresh = await poll_interfaces(client, target, uptime_cs, now)
    if static is not None:
        static.read(name, system, uptime_cs, now, full=True)
    return fresh
