"""Walking neighbour tables of agents that return their rows out of order.

Some agents (the Ruijie N18010 among them) order lldpRemTable by local port and ignore the
timeMark that comes first in the index, so the OIDs of a walk do not increase. The access
layer's walk rightly refuses that; net-snmp's ``snmpwalk`` does too, unless told ``-Cc``. For
neighbour tables we accept it the ``-Cc`` way: keep going while the OIDs stay in the subtree and
none comes back twice (a real loop is still an error, named).
"""

from __future__ import annotations

from pysnmp.proto import rfc1902

from egovops.snmp import SnmpClient, SnmpMalformedReply, SnmpTarget
from egovops.snmp.values import SnmpValue, is_missing, to_python

MAX_ROWS = 200_000
_REPETITIONS = 25


async def walk_table(client: SnmpClient, target: SnmpTarget, base_oid: str) -> list[tuple[str, SnmpValue]]:
    """Every (oid, value) under ``base_oid`` (octet strings as bytes), in OID order."""
    try:
        return await client.awalk(target, base_oid, raw=True)
    except SnmpMalformedReply as exc:
        if "does not increase" not in exc.detail:
            raise
    rows = await _walk_unordered(client, target, base_oid)
    return sorted(rows, key=lambda row: tuple(int(p) for p in row[0].split(".")))


async def _walk_unordered(client: SnmpClient, target: SnmpTarget, base_oid: str) -> list[tuple[str, SnmpValue]]:
    base = rfc1902.ObjectName(base_oid)
    current = base
    seen: set[str] = set()
    rows: list[tuple[str, SnmpValue]] = []
    while True:
        # The access layer has no public single-request call; its request primitive is reused
        # here rather than opening a second SNMP engine beside it.
        reply = await client._request(target, "bulk", [current], _REPETITIONS)  # noqa: SLF001
        if not reply:
            return rows
        for name, value in reply:
            if is_missing(value) or not base.isPrefixOf(name):
                return rows
            dotted = ".".join(str(n) for n in name)
            if dotted in seen or len(rows) >= MAX_ROWS:
                raise SnmpMalformedReply(target.name, f"walk of {base_oid} loops: {dotted} came back a second time")
            seen.add(dotted)
            rows.append((dotted, to_python(value, raw=True)))
            current = name
