"""Reading ifTable + ifXTable and turning the counters into rates."""

from __future__ import annotations

from typing import Mapping

from egovops.polling.model import InterfaceStatus
from egovops.polling.oids import IF_COLUMNS
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
