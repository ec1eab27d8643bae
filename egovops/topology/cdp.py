"""CISCO-CDP-MIB cdpCacheTable, from walked (oid, value) rows to neighbour records.

The index is ifIndex.deviceIndex, so the local port is an interface index directly. The device
ID is usually the neighbour's hostname, often followed by its serial number in brackets.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from egovops.topology import identifiers as ids
from egovops.topology.neighbours import Neighbour

CDP_CACHE = "1.3.6.1.4.1.9.9.23.1.2.1.1"
_PREFIX = CDP_CACHE + "."
_ADDRESS_TYPE, _ADDRESS, _VERSION, _DEVICE_ID, _DEVICE_PORT, _PLATFORM = 3, 4, 5, 6, 7, 8


def cache_table(rows: Iterable[tuple[str, object]], problems: list[str]) -> list[Neighbour]:
    columns: dict[tuple[int, int], dict[int, object]] = defaultdict(dict)
    for oid, value in rows:
        if not oid.startswith(_PREFIX):
            continue
        try:
            index = [int(p) for p in oid[len(_PREFIX):].split(".")]
        except ValueError:
            index = []
        if len(index) != 3:
            problems.append(f"cdpCacheTable row {oid} does not have the index ifIndex.deviceIndex")
            continue
        columns[(index[1], index[2])][index[0]] = value
    found = []
    for key in sorted(columns):
        row = columns[key]
        device_id = ids.text(row.get(_DEVICE_ID, b""))
        if not device_id:
            problems.append(f"cdpCacheTable entry {key[0]}.{key[1]} has no device ID")
            continue
        raw_address = ids.as_bytes(row.get(_ADDRESS, b""))
        addresses = (".".join(str(b) for b in raw_address),) if row.get(_ADDRESS_TYPE) == 1 and len(raw_address) == 4 else ()
        found.append(Neighbour(
            protocol="cdp",
            local_port_number=key[0],
            chassis_id=device_id,
            port_id=ids.text(row.get(_DEVICE_PORT, b"")),
            port_subtype=ids.PORT_NAME,
            sys_name=device_id,
            sys_desc=ids.text(row.get(_VERSION, b"")) or ids.text(row.get(_PLATFORM, b"")),
            addresses=addresses,
        ))
    return found
